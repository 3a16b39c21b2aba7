"""A draft to print or keep: the application not yet submitted, as a PDF that says "draft — not submitted" on every page."""

import io

import pytest
from pypdf import PdfReader

from portique.applications import services
from tests import journey
from tests.applications.test_pdf import pdf_text, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "mark", "heading", "answer"),
    [
        ("en", "DRAFT — NOT SUBMITTED", "draft, not submitted", "Date of birth April 2, 1988"),
        ("fr", "BROUILLON — NON SOUMIS", "brouillon, non soumise", "2 avril 1988"),
    ],
)
def test_the_applicant_downloads_a_draft_marked_on_every_page_with_their_answers(
    client, applicant, language, mark, heading, answer
):
    application = journey.ready_to_submit(applicant)
    client.force_login(applicant)
    response = client.get(url("draft_copy", application, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) > 1
    for page in reader.pages:
        assert mark in page.extract_text().replace("\u00a0", " ")
    text = pdf_text(response.content)
    assert f"{application.number} — {heading}" in text
    assert answer in text
    # A draft has no confirmation number: it is not the copy as submitted.
    assert "Confirmation number" not in text and "Numéro de confirmation" not in text


@pytest.mark.django_db
def test_another_applicant_cannot_download_someone_elses_draft(client, applicant, other_applicant):
    application = services.application_start(actor=applicant, program="pr_card")
    client.force_login(other_applicant)
    assert client.get(url("draft_copy", application)).status_code in (403, 404)


@pytest.mark.django_db
def test_once_submitted_the_draft_link_leads_to_the_copy_as_submitted(client, applicant):
    application, _submission = journey.submitted(applicant)
    client.force_login(applicant)
    response = client.get(url("draft_copy", application))
    assert response.status_code == 302
    assert response["Location"] == url("submitted_copy", application)


@pytest.mark.django_db
def test_the_check_your_answers_page_offers_the_draft(client, applicant):
    application = services.application_start(actor=applicant, program="pr_card")
    client.force_login(applicant)
    body = client.get(url("check_answers", application)).content.decode()
    assert f'href="{url("draft_copy", application)}"' in body
