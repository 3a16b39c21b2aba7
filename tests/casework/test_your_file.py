"""'Your file, as the office sees it' and 'Your data': who may read them, what they show, and
that an internal note never reaches them."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from portique.casework import services
from portique.casework.choices import DecisionOutcome, EventKind, Verdict
from portique.casework.models import CaseEvent, FileAccess, InternalNote
from portique.documents.selectors import documents_of
from tests.documents.files import pdf_bytes, upload

from .test_services import ON, accept, add_missing

INTERNAL = "Entry stamp looks altered, checking with CBSA"
INTERNAL_REASON = "An investigation with a partner agency is ongoing"
TO_FILE = "We checked your passport pages: the blurred copy is fine."
REASONS = "The applicant was outside Canada for more than three years in the last five."


@pytest.fixture
def client_for(client):
    def signed_in(user):
        client.logout()
        client.force_login(user)
        return client

    return signed_in


def urls(application):
    return {
        name: reverse(f"casework_applicant:{name}", args=[application.public_id])
        for name in ("your_file", "your_data_json", "your_data_pdf")
    }


def worked_on(client_for, officer, decision_maker, applicant, application):
    """Screened (one finding overridden), a request answered, a document opened by an officer,
    one note to the file and one internal note, then refused with reasons."""
    finding = add_missing(officer, application)
    services.finding_judge(
        actor=officer,
        public_id=application.public_id,
        finding_id=finding.public_id,
        verdict=Verdict.OVERRIDDEN,
        reason="Readable after all, internal reasoning",
    )
    accept(officer, application)
    services.processing_start(actor=officer, public_id=application.public_id)
    request = services.request_send(
        actor=officer,
        public_id=application.public_id,
        description="Send your travel history for 2021 to 2025.",
        due_on=ON.replace(day=30),
        on=ON,
    )
    services.request_answer(
        actor=applicant,
        public_id=application.public_id,
        request_id=request.public_id,
        files=[upload("travel.pdf", pdf_bytes(1))],
        text="Here it is.",
        on=ON,
    )
    document = documents_of(application).first()
    officer_client = client_for(officer)
    assert (
        officer_client.get(
            reverse("casework:document", args=[application.public_id, document.public_id])
        ).status_code
        == 200
    )
    services.note_add(actor=officer, public_id=application.public_id, text=TO_FILE, on_file=True)
    services.note_add(
        actor=officer,
        public_id=application.public_id,
        text=INTERNAL,
        on_file=False,
        internal_reason=INTERNAL_REASON,
    )
    services.application_decide(
        actor=decision_maker,
        public_id=application.public_id,
        outcome=DecisionOutcome.REFUSED,
        reasons=REASONS,
        on=ON,
    )
    return document


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


# --- Notes: to the file or internal with a reason ------------------------------------------------


@pytest.mark.django_db
def test_an_internal_note_needs_a_reason_and_a_note_to_the_file_keeps_none(officer, submitted):
    with pytest.raises(services.CaseworkError) as refused:
        services.note_add(actor=officer, public_id=submitted.public_id, text=INTERNAL, on_file=False)
    assert "internal_reason" in refused.value.errors
    note = services.note_add(
        actor=officer, public_id=submitted.public_id, text=TO_FILE, on_file=True, internal_reason="ignored"
    )
    assert note.on_file and note.internal_reason == ""
    kept = services.note_add(
        actor=officer, public_id=submitted.public_id, text=INTERNAL, on_file=False, internal_reason=INTERNAL_REASON
    )
    assert not kept.on_file and kept.internal_reason == INTERNAL_REASON
    assert list(InternalNote.objects.on_file()) == [note]
    kinds = list(CaseEvent.objects.filter(application=submitted).values_list("kind", flat=True))
    assert EventKind.FILE_NOTE_ADDED in kinds and EventKind.NOTE_ADDED in kinds


@pytest.mark.django_db
def test_a_note_to_the_file_is_announced_by_e_mail_without_its_text_and_an_internal_note_is_not(
    officer, applicant, submitted, django_capture_on_commit_callbacks
):
    from django.core import mail

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.note_add(
            actor=officer, public_id=submitted.public_id, text=INTERNAL, on_file=False, internal_reason=INTERNAL_REASON
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.note_add(actor=officer, public_id=submitted.public_id, text=TO_FILE, on_file=True)
    (notice,) = mail.outbox
    assert notice.to == [applicant.email]
    assert notice.subject == f"A new note on your application {submitted.number}"
    # The applicant is greeted by name, told where to read it, and the note itself is not in the e-mail.
    assert notice.body.startswith("Hello Alex")
    assert "Your file, as the office sees it" in notice.body
    assert str(submitted.public_id) in notice.body
    assert TO_FILE not in notice.body and INTERNAL not in notice.body and officer.email not in notice.body


@pytest.mark.django_db
def test_the_officer_chooses_who_reads_a_note_on_the_file_page(client_for, officer, submitted):
    client = client_for(officer)
    note_url = reverse("casework:note", args=[submitted.public_id])
    client.post(note_url, {"text": INTERNAL, "visibility": "internal", "internal_reason": ""})
    assert not InternalNote.objects.exists()  # no reason: refused
    client.post(note_url, {"text": INTERNAL, "visibility": "internal", "internal_reason": INTERNAL_REASON})
    client.post(note_url, {"text": TO_FILE, "visibility": "file"})
    page = client.get(reverse("casework:file", args=[submitted.public_id])).content.decode()
    assert INTERNAL in page and INTERNAL_REASON in page and TO_FILE in page
    assert InternalNote.objects.on_file().get().text == TO_FILE


# --- Who may read the file -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_applicant_reads_their_file_and_nobody_else_does(
    client, client_for, applicant, other_applicant, officer, decision_maker, submitted
):
    worked_on(client_for, officer, decision_maker, applicant, submitted)
    for url in urls(submitted).values():
        assert client_for(applicant).get(url).status_code == 200, url
        assert client_for(other_applicant).get(url).status_code == 404, url
        assert client_for(officer).get(url).status_code == 404, url
        client.logout()
        assert client.get(url).status_code == 302, url
    # The officers' file is unaffected: both notes are there, each said for whom.
    page = client_for(officer).get(reverse("casework:file", args=[submitted.public_id])).content.decode()
    assert INTERNAL in page and TO_FILE in page


@pytest.mark.django_db
def test_a_draft_has_no_file_at_the_office(client_for, applicant):
    from portique.applications import services as application_services

    draft = application_services.application_start(actor=applicant, program="pr_card", answers={})
    assert client_for(applicant).get(urls(draft)["your_file"]).status_code == 404


@pytest.mark.django_db
def test_the_representative_reads_the_file_while_the_representation_is_active_and_not_after(
    client_for, representative, applicant, officer
):
    from portique.representation import services as representation_services
    from tests.representation.conftest import TODAY, signed_and_declared

    application, representation = signed_and_declared(representative, applicant)
    representation_services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    services.note_add(actor=officer, public_id=application.public_id, text=TO_FILE, on_file=True)
    for url in urls(application).values():
        response = client_for(representative).get(url)
        assert response.status_code == 200, url
    assert TO_FILE in client_for(representative).get(urls(application)["your_file"]).content.decode()
    representation_page = client_for(representative).get(
        reverse("representation:file", args=[application.public_id])
    )
    assert urls(application)["your_file"] in representation_page.content.decode()
    representation_services.representation_revoke(actor=applicant, public_id=representation.public_id)
    for url in urls(application).values():
        assert client_for(representative).get(url).status_code == 404, url
        assert client_for(applicant).get(url).status_code == 200, url


# --- What it shows, and never -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_page_shows_findings_notes_to_the_file_reasons_and_who_opened_what_never_an_internal_note(
    client_for, applicant, officer, decision_maker, submitted
):
    document = worked_on(client_for, officer, decision_maker, applicant, submitted)
    status_page = client_for(applicant).get(reverse("applications:overview", args=[submitted.public_id]))
    assert urls(submitted)["your_file"] in status_page.content.decode()
    page = client_for(applicant).get(urls(submitted)["your_file"]).content.decode()
    assert "A copy is not clear enough to be read." in page
    assert "Set aside by an officer: not a reason to return your application." in page
    assert "IRPR 10(1)(c)" in page  # the rule, behind "Why?"
    assert TO_FILE in page
    assert REASONS in page
    assert "Opened by Officer 1 (screening officer)" in page
    assert document.original_name in page
    for secret in (INTERNAL, INTERNAL_REASON, "internal reasoning", officer.email, officer.last_name,
                   decision_maker.last_name, "Internal note added"):
        assert secret not in page, secret


@pytest.mark.django_db
def test_your_data_holds_everything_and_never_an_internal_note(
    client_for, applicant, officer, decision_maker, submitted
):
    document = worked_on(client_for, officer, decision_maker, applicant, submitted)
    client = client_for(applicant)
    response = client.get(urls(submitted)["your_data_json"])
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    raw = response.content.decode()
    data = json.loads(raw)
    assert data["application"]["number"] == submitted.number
    assert any(d["sha256"] == document.sha256 for d in data["documents"])
    opened = next(d for d in data["documents"] if d["sha256"] == document.sha256)["opened_by_the_office"]
    assert opened and opened[0]["who"] == "Officer 1 (screening officer)"
    assert [note["text"] for note in data["notes_to_the_file"]] == [TO_FILE]
    assert data["decisions"][-1]["reasons"] == REASONS
    assert data["payments"] and data["payments"][0]["receipt_number"]
    assert data["requests"][0]["files_sent"][0]["file_name"] == "travel.pdf"
    assert data["screening_findings"][0]["outcome"].startswith("Set aside")
    assert data["answers"] and data["history"] and data["letters"]
    for secret in (INTERNAL, INTERNAL_REASON, "internal reasoning", officer.email, decision_maker.email):
        assert secret not in raw, secret

    pdf = client.get(urls(submitted)["your_data_pdf"])
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="{submitted.number}-your-data.pdf"'
    assert "no-store" in pdf["Cache-Control"]
    text = " ".join(pdf_text(pdf.content).split())
    assert "We checked your passport pages" in text
    assert "more than three years" in text
    assert document.sha256[:16] in text.replace(" ", "")
    for secret in ("Entry stamp looks altered", "investigation with a partner", officer.email):
        assert secret not in text, secret


@pytest.mark.django_db
def test_your_data_is_in_the_page_language(client_for, applicant, officer, decision_maker, submitted):
    worked_on(client_for, officer, decision_maker, applicant, submitted)
    client = client_for(applicant)
    french = reverse("casework_applicant:your_data_pdf", args=[submitted.public_id]).replace("/en/", "/fr/", 1)
    response = client.get(french)
    assert response["Content-Disposition"] == f'attachment; filename="{submitted.number}-vos-donnees.pdf"'
    text = " ".join(pdf_text(response.content).split())
    assert "Vos données" in text and "Notes versées à votre dossier" in text
    data = json.loads(client.get(urls(submitted)["your_data_json"].replace("/en/", "/fr/", 1)).content)
    assert data["language"] == "fr"
    assert data["decisions"][-1]["outcome"] == "Refusée"


@pytest.mark.django_db
def test_every_officer_keeps_one_number_on_the_file(client_for, officer, decision_maker, applicant, submitted):
    from portique.casework.your_file import file_view

    client_for(officer).get(reverse("casework:file", args=[submitted.public_id]))
    client_for(decision_maker).get(reverse("casework:file", args=[submitted.public_id]))
    client_for(officer).get(reverse("casework:file", args=[submitted.public_id]))
    assert FileAccess.objects.filter(application=submitted).count() == 3
    who = [opening.who for opening in file_view(submitted, language="en").file_openings]
    assert who == ["Officer 1 (screening officer)", "Officer 2 (decision-maker)", "Officer 1 (screening officer)"]


@pytest.mark.django_db
def test_an_opening_logged_before_the_log_kept_what_was_opened_says_its_kind_never_the_logs_words(
    client_for, officer, applicant, submitted
):
    from portique.casework.choices import AccessKind

    services.file_access_record(
        actor=officer, application=submitted, kind=AccessKind.DOCUMENT_VIEWED, what="PASSPORT_COPY: scan.pdf"
    )
    page = client_for(applicant).get(urls(submitted)["your_file"]).content.decode()
    assert "Viewed a document" in page and "Officer 1 (screening officer)" in page
    assert "PASSPORT_COPY" not in page


@pytest.mark.django_db
def test_your_data_holds_the_messages_and_the_documents_sent_after_submission_never_an_officers_name(
    client_for, applicant, officer, submitted
):
    from tests.casework.test_conversation import _pdf, add_late, answer, send

    send(applicant, submitted, text="When will my card be mailed?", files=[_pdf("question.pdf")])
    accept(officer, submitted)
    answer(officer, submitted, text="Your card is being printed.")
    late = add_late(applicant, submitted, description="My new passport")
    client = client_for(applicant)
    raw = client.get(urls(submitted)["your_data_json"]).content.decode()
    data = json.loads(raw)
    assert [(m["from"], m["text"]) for m in data["messages"]] == [
        ("The applicant", "When will my card be mailed?"),
        ("The office", "Your card is being printed."),
    ]
    assert data["messages"][0]["files"][0]["file_name"] == "question.pdf"
    assert [d["sha256"] for d in data["documents_sent_after_submission"]] == [late.sha256]
    assert officer.email not in raw and officer.last_name not in raw

    text = " ".join(pdf_text(client.get(urls(submitted)["your_data_pdf"]).content).split())
    assert "Messages with the office" in text
    assert "Your card is being printed." in text and "My new passport" in text
