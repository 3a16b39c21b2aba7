"""After submission, in a real browser: the status page, the copy as submitted, a change of address."""

import io
import re

import pytest
from django.test import Client
from pypdf import PdfReader

from tests import journey


def sign_in(page, live_server, user):
    # Signing in has its own browser tests; here the session is made directly.
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "en",
            {
                "submitted": "Submitted",
                "download": "Download your application as submitted (PDF)",
                "pdf": "Confirmation number",
                "change": "Change your address",
                "postal": "Postal code",
                "city": "City or town",
                "send": "Send the new address",
                "error": "Enter a Canadian postal code, for example K1A 0B1.",
                "recorded": "Change of address received: 45 Elgin St, Ottawa ON K1P 1A1",
            },
        ),
        (
            "fr",
            {
                "submitted": "Soumise",
                "download": "Télécharger votre demande telle que soumise (PDF)",
                "pdf": "Numéro de confirmation",
                "change": "Changer votre adresse",
                "postal": "Code postal",
                "city": "Ville ou village",
                "send": "Envoyer la nouvelle adresse",
                "error": "Entrez un code postal canadien, par exemple K1A 0B1.",
                "recorded": "Changement d’adresse reçu\u00a0: 45 Elgin St, Ottawa ON K1P 1A1",
            },
        ),
    ],
)
def test_status_copy_and_change_of_address(page, live_server, applicant, assert_accessible, language, texts):
    application, submission = journey.submitted(applicant)
    sign_in(page, live_server, applicant)

    page.goto(f"/{language}/applications/{application.public_id}/confirmation/")
    assert_accessible(page)

    page.goto(f"/{language}/applications/{application.public_id}/")
    timeline = page.locator("ol.timeline")
    assert texts["submitted"] in timeline.inner_text()
    assert submission.confirmation_number in page.locator("main").inner_text()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=texts["download"]).click()
    download = download_info.value
    assert download.suggested_filename.startswith(application.number)
    with open(download.path(), "rb") as handle:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert submission.confirmation_number in re.sub(r"\s+", " ", text)
    assert texts["pdf"] in re.sub(r"\s+", " ", text)

    page.get_by_role("link", name=texts["change"]).click()
    page.get_by_label(texts["city"]).fill("Ottawa")
    page.locator("#id_mailing_street").fill("45 Elgin St")
    page.locator("#id_mailing_province").select_option("ON")
    page.get_by_label(texts["postal"]).fill("12345")
    page.get_by_role("button", name=texts["send"]).click()
    assert texts["error"] in page.locator("#id_mailing_postal_code_error").inner_text()
    assert page.locator("#id_mailing_street").input_value() == "45 Elgin St"
    assert_accessible(page)

    page.get_by_label(texts["postal"]).fill("k1p 1a1")
    page.get_by_role("button", name=texts["send"]).click()
    assert texts["recorded"] in page.locator("ol.timeline").inner_text()
    assert_accessible(page)
