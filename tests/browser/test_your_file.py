"""'Your file, as the office sees it', in a real browser: an applicant whose file was screened,
asked for a document and refused reads the finding's outcome, the note to the file (never the
internal one), the decision's reasons and who opened a document, then downloads their data."""

import io
import json
import re

import pytest
from django.test import Client
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.casework.factories import submitted_application
from tests.casework.test_your_file import INTERNAL, INTERNAL_REASON, REASONS, TO_FILE, worked_on
from tests.conftest import _officer

from .test_after_submission import sign_in


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "en",
            {
                "link": "Your file, as the office sees it",
                "finding": "A copy is not clear enough to be read.",
                "outcome": "Set aside by an officer: not a reason to return your application.",
                "why": "Why?",
                "opened": "Opened by Officer 1 (screening officer)",
                "json": "Download your data (JSON)",
                "pdf": "Download your data (PDF)",
                "pdf_text": "Notes to your file",
                "refused": "Refused",
            },
        ),
        (
            "fr",
            {
                "link": "Votre dossier, tel que le bureau le voit",
                "finding": "Une copie n’est pas assez claire pour être lue.",
                "outcome": "Écarté par un agent\u00a0: ce n’est pas un motif de vous renvoyer votre demande.",
                "why": "Pourquoi\u00a0?",
                "opened": "Ouvert par Agent 1 (agent de contrôle)",
                "json": "Télécharger vos données (JSON)",
                "pdf": "Télécharger vos données (PDF)",
                "pdf_text": "Notes versées à votre dossier",
                "refused": "Refusée",
            },
        ),
    ],
)
def test_the_applicant_reads_their_file_and_downloads_their_data(
    page, live_server, applicant, officer, assert_accessible, language, texts
):
    decision_maker = _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")
    application = submitted_application(applicant)
    document = worked_on(lambda user: client_for(user), officer, decision_maker, applicant, application)
    sign_in(page, live_server, applicant)

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=texts["link"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(texts["link"])
    main = page.locator("main")
    expect(main).to_contain_text(texts["finding"])
    expect(main).to_contain_text(texts["outcome"])
    finding = page.locator("ul.findings > li").first
    finding.locator("summary", has_text=texts["why"]).click()
    expect(finding.locator(".citation")).to_be_visible()
    expect(main).to_contain_text(TO_FILE)
    expect(main).to_contain_text(REASONS)
    expect(main).to_contain_text(texts["refused"])
    expect(page.locator("#documents ~ ul li", has_text=document.original_name).first).to_contain_text(
        texts["opened"]
    )
    text = main.inner_text()
    assert INTERNAL not in text and INTERNAL_REASON not in text
    assert officer.last_name not in text and decision_maker.last_name not in text
    assert_accessible(page)

    with page.expect_download() as json_download:
        page.get_by_role("link", name=texts["json"]).click()
    data = json.loads(open(json_download.value.path(), encoding="utf-8").read())
    assert json_download.value.suggested_filename.startswith(application.number)
    assert data["language"] == language
    assert [note["text"] for note in data["notes_to_the_file"]] == [TO_FILE]
    assert INTERNAL not in json.dumps(data, ensure_ascii=False)

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name=texts["pdf"]).click()
    with open(pdf_download.value.path(), "rb") as handle:
        pdf_text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages))
    assert texts["pdf_text"] in pdf_text
    assert "We checked your passport pages" in pdf_text
    assert "Entry stamp looks altered" not in pdf_text
