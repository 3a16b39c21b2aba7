"""The copy of the application as submitted: a tagged PDF, in English or French, from the snapshot alone."""

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from portique.applications.submission.copy_pdf import submitted_copy_filename, submitted_copy_pdf
from portique.documents.models import Document
from portique.rules.programs import registry
from tests import journey

DECLARATION = registry.program("pr_card").declaration_for("principal_applicant")


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    # Lines wrap inside table cells, and amounts carry no-break spaces: compare words only.
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def without_spaces(text: str) -> str:
    # A SHA-256 wraps inside its narrow table cell.
    return re.sub(r"\s+", "", text)


def url(name: str, application, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"applications:{name}", args=[application.public_id])


@pytest.fixture
def submitted(applicant):
    return journey.submitted(applicant)


@pytest.mark.django_db
def test_the_english_copy_has_the_header_every_section_the_documents_the_signature_and_the_fees(submitted):
    application, submission = submitted
    data = submitted_copy_pdf(submission, "en")
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    # Header: numbers, and the date and time in Canadian English, in the portal's time zone.
    assert f"Application {application.number} as submitted" in text
    assert f"Confirmation number {submission.confirmation_number}" in text
    with translation.override("en"):
        from django.utils import formats, timezone

        submitted_on = formats.date_format(timezone.localtime(submission.submitted_at), "DATETIME_FORMAT")
    assert f"Submitted on {submitted_on} (America/Toronto)" in text
    # Answers under their questions; choices by their labels; dates for Canada; N/A sections.
    assert "Why are you applying? Renewal of a card that is expired or will soon expire" in text
    assert "Date of birth April 2, 1988" in text
    assert "Country of citizenship France" in text
    assert "Province or territory Ontario" in text
    assert "Postal code K1P 5B5" in text
    assert "Time outside Canada N/A — this section does not apply." in text
    assert "November 22, 2021 November 22, 2026 12 Sparks St Ottawa Canada" in text
    # Every document by name, kind and fingerprint.
    for document in submission.snapshot["documents"]:
        # Long names and fingerprints wrap inside their cells.
        assert without_spaces(document["name"]) in without_spaces(text)
        assert document["sha256"] in without_spaces(text)
    assert "Valid passport or travel document" in text
    # The signature with the declaration signed.
    assert "Name typed as the signature Alex Marie Tremblay" in text
    assert DECLARATION.version in text
    assert DECLARATION.en[0] in text
    # The fees and the receipt that paid them.
    (payment,) = application.payments.filter(status="approved")
    assert payment.receipt_number in text
    assert "PR card application (per person)" in text and "$50.00" in text


@pytest.mark.django_db
def test_the_french_copy_is_in_french(submitted):
    application, submission = submitted
    text = pdf_text(submitted_copy_pdf(submission, "fr"))
    assert f"Demande {application.number} telle que soumise" in text
    assert f"Numéro de confirmation {submission.confirmation_number}" in text
    assert (
        "Pourquoi présentez-vous une demande ? Renouvellement d’une carte expirée ou qui expirera bientôt"
        in text
    )
    assert "Date de naissance 2 avril 1988" in text
    assert "Province ou territoire Ontario" in text
    assert "Temps passé à l’extérieur du Canada S.O. — cette section ne s’applique pas." in text
    assert DECLARATION.fr[0] in text
    assert "50,00 $" in text
    assert "Why are you applying?" not in text


@pytest.mark.django_db
def test_the_copy_is_made_from_the_snapshot_not_from_the_rows_as_they_are_now(submitted):
    application, submission = submitted
    before = pdf_text(submitted_copy_pdf(submission, "en"))
    # Rows changed behind the services' back (say, a repair script) do not change the copy.
    person = application.people.get()
    person.answers["IMM5444"]["personal"]["family_name"] = "Changed-Afterwards"
    person.save(update_fields=["answers"])
    Document.objects.filter(application=application).update(original_name="renamed.pdf", sha256="0" * 64)
    application.signatures.update(typed_name="Somebody Else")
    after = pdf_text(submitted_copy_pdf(submission, "en"))
    assert "Changed-Afterwards" not in after and "renamed.pdf" not in after and "Somebody Else" not in after
    assert after == before


@pytest.mark.django_db
def test_the_copy_is_a_tagged_pdf_with_its_language_and_title(submitted):
    application, submission = submitted
    reader = PdfReader(io.BytesIO(submitted_copy_pdf(submission, "fr")))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert str(catalog["/Lang"]).startswith("fr")
    assert reader.metadata.title == f"Demande {application.number} telle que soumise"


@pytest.mark.django_db
def test_the_owner_downloads_it_as_an_attachment_in_either_language(client, applicant, submitted):
    application, submission = submitted
    client.force_login(applicant)
    for language, filename, phrase in (
        ("en", f"{application.number}-application-as-submitted.pdf", "Confirmation number"),
        ("fr", f"{application.number}-demande-telle-que-soumise.pdf", "Numéro de confirmation"),
    ):
        response = client.get(url("submitted_copy", application, language))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
        assert filename == submitted_copy_filename(submission, language)
        assert f"{phrase} {submission.confirmation_number}" in pdf_text(response.content)


@pytest.mark.django_db
def test_nobody_else_gets_the_copy(client, submitted, other_applicant, representative, officer):
    application, _ = submitted
    for outsider in (other_applicant, representative, officer):
        client.force_login(outsider)
        assert client.get(url("submitted_copy", application)).status_code == 404
    client.logout()
    response = client.get(url("submitted_copy", application))
    assert response.status_code == 302 and "/login" in response["Location"]


@pytest.mark.django_db
def test_there_is_no_copy_before_submission(client, applicant):
    application = journey.ready_to_submit(applicant)
    client.force_login(applicant)
    assert client.get(url("submitted_copy", application)).status_code == 404


@pytest.mark.django_db
def test_the_confirmation_and_status_pages_link_to_the_copy_in_both_languages(client, applicant, submitted):
    application, _ = submitted
    client.force_login(applicant)
    for page in ("confirmation", "overview"):
        body = client.get(url(page, application)).content.decode()
        assert f'href="{url("submitted_copy", application, "en")}"' in body
        assert (
            f'href="{url("submitted_copy", application, "fr")}" lang="fr-CA" hreflang="fr">Copie en français (PDF)'
            in body
        )


@pytest.mark.django_db(transaction=True)
def test_the_submission_email_is_a_notice_in_the_account_language_with_a_link_not_the_copy(applicant):
    # E-mail is not a secure channel: the copy is downloaded from the signed-in page.
    applicant.preferred_language = "fr"
    applicant.save(update_fields=["preferred_language"])
    application, _submission = journey.submitted(applicant)
    (message,) = mail.outbox
    assert message.attachments == []
    assert application.number in message.subject
    assert f"/fr/applications/{application.public_id}/" in message.body
    assert "copie" in message.body and "1988" not in message.body


@pytest.mark.django_db
def test_a_sponsorships_copy_has_every_signature_with_whose_it_is_and_what_it_declared(applicant):
    from portique.applications import services
    from portique.rules.programs.declarations import APPLICANT_DECLARATION, SPONSOR_UNDERTAKING
    from tests import sponsorship_journey as sj

    application = sj.ready_to_submit(applicant)
    submission = services.application_submit(actor=applicant, public_id=application.public_id, on=sj.TODAY)
    english = pdf_text(submitted_copy_pdf(submission, "en"))
    # The sponsor's undertaking (IMM 1344) and the principal applicant's signature for the family.
    assert f"Sponsor — {sj.SPONSOR_NAME}" in english
    assert f"Name typed as the signature {sj.SPONSOR_NAME}" in english
    assert SPONSOR_UNDERTAKING.en[0] in english
    assert f"Name typed as the signature {sj.PA_NAME}" in english
    assert APPLICANT_DECLARATION.en[0] in english
    assert english.index(SPONSOR_UNDERTAKING.en[0]) < english.index(APPLICANT_DECLARATION.en[0])
    french = pdf_text(submitted_copy_pdf(submission, "fr"))
    assert SPONSOR_UNDERTAKING.fr[0] in french and APPLICANT_DECLARATION.fr[0] in french


@pytest.mark.django_db
def test_a_copy_recorded_before_every_signature_was_kept_still_shows_its_signature(submitted):
    _application, submission = submitted
    del submission.snapshot["record"]["signatures"]
    text = pdf_text(submitted_copy_pdf(submission, "en"))
    assert "Name typed as the signature Alex Marie Tremblay" in text
    assert DECLARATION.en[0] in text


@pytest.mark.django_db
def test_the_copy_is_made_once_per_language_on_the_first_download_and_kept(client, applicant, submitted, monkeypatch):
    from portique.applications.submission import copy_pdf

    application, submission = submitted
    made = []
    real = copy_pdf.submitted_copy_pdf

    def counting(submission, language):
        made.append(language)
        return real(submission, language)

    monkeypatch.setattr(copy_pdf, "submitted_copy_pdf", counting)
    client.force_login(applicant)
    first = client.get(url("submitted_copy", application, "en")).content
    again = client.get(url("submitted_copy", application, "en")).content
    french = client.get(url("submitted_copy", application, "fr")).content
    assert made == ["en", "fr"]
    assert first == again and f"Confirmation number {submission.confirmation_number}" in pdf_text(again)
    assert "Numéro de confirmation" in pdf_text(french)
