"""Through the form pages: answers stored the one way they are written, bad ones refused at the field."""

import pytest
from django.urls import reverse

from portique.applications import services
from portique.applications.choices import Program
from tests.rules.forms.test_imm5444_validation import complete_answers


@pytest.mark.django_db
def test_the_contact_page_stores_the_postal_code_and_the_telephone_number_normalised(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    contact = {**complete_answers()["contact"], "phone": "(613) 555-0199", "mailing_postal_code": "k1p5b5"}
    url = reverse("applications:section", args=[application.public_id, "contact"])
    assert client.post(url, {"version": "1", **contact, "save": "1"}).status_code == 302
    stored = application.people.get().answers["IMM5444"]["contact"]
    assert (stored["mailing_postal_code"], stored["phone"]) == ("K1P 5B5", "+16135550199")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "uci_error", "expired"),
    [
        (
            "en",
            "8 or 10 digits, for example 0000-0000 or 00-0000-0000",
            "This document expired on 2001-01-01",
        ),
        (
            "fr",
            "8 ou 10 chiffres, par exemple 0000-0000 ou 00-0000-0000",
            "Ce document a expiré le 2001-01-01",
        ),
    ],
)
def test_a_short_uci_and_an_expired_passport_are_refused_at_their_fields_and_nothing_is_saved(
    client, applicant, language, uci_error, expired
):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    personal = {**complete_answers()["personal"], "uci": "1234-56", "passport_expiry": "2001-01-01"}
    url = f"/{language}/applications/{application.public_id}/form/personal/"
    response = client.post(url, {"version": "1", **personal, "continue": "1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert uci_error in body and expired in body
    assert 'href="#id_uci"' in body and 'href="#id_passport_expiry"' in body
    assert "personal" not in application.people.get().answers.get("IMM5444", {})
