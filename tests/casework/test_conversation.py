"""Secure messages about a submitted file and documents sent after submission: who may write,
what is checked, what the officer's queue and the e-mail notice say, and that nothing signed changes."""

from __future__ import annotations

import uuid

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import override_settings
from django.urls import reverse

from portique.applications.choices import Status
from portique.applications.signing.content import content_hash, signed_content
from portique.applications.submission.copy_pdf import copy_context
from portique.casework import selectors, services
from portique.casework.choices import AccessKind, EventKind, MessageSender, Queue
from portique.casework.models import (
    CaseEvent,
    FileAccess,
    LateDocument,
    LateDocumentRead,
    Message,
    MessageFile,
    MessageRead,
)
from portique.casework.services import CaseworkError
from portique.documents.selectors import documents_content
from portique.representation import services as representation_services
from tests.casework.factories import SUBMITTED_ON
from tests.documents.files import image_bytes, pdf_bytes, portrait, upload

from .test_services import accept, decide_approve


def _pdf(name="letter.pdf"):
    return upload(name, pdf_bytes(pages=1), "application/pdf")


def send(actor, application, text="When will my card be mailed?", files=(), token=None):
    return services.message_send(
        actor=actor, public_id=application.public_id, text=text, files=list(files), token=token
    )


def answer(officer, application, text="Your card is being printed.", files=(), token=None):
    return services.message_answer(
        actor=officer, public_id=application.public_id, text=text, files=list(files), token=token
    )


def unread_queue(today=SUBMITTED_ON):
    return list(selectors.queue_items(queue=Queue.UNREAD, today=today))


def add_late(actor, application, *, item_code=None, description="My new passport", file=None, token=None):
    if item_code is None:
        item_code = next(iter(services.submitted_items(application)))
    return services.late_document_add(
        actor=actor,
        public_id=application.public_id,
        item_code=item_code,
        description=description,
        upload=file or _pdf("passport.pdf"),
        token=token,
    )


@pytest.fixture
def represented(representative, applicant, django_capture_on_commit_callbacks):
    """A PR card application the representative submitted for the client (seed 004)."""
    from tests.representation.conftest import TODAY, signed_and_declared

    application, representation = signed_and_declared(representative, applicant)
    with django_capture_on_commit_callbacks(execute=True):
        representation_services.representation_submit(
            actor=representative, public_id=application.public_id, on=TODAY
        )
    application.refresh_from_db()
    mail.outbox.clear()
    return application, representation


# --- Who may write -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_applicant_writes_to_the_office_with_a_file_and_the_file_waits_in_unread_messages(
    applicant, officer, submitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = send(applicant, submitted, files=[_pdf()])
    assert message.sender == MessageSender.APPLICANT and message.author == applicant
    (attached,) = message.files.all()
    assert attached.original_name == "letter.pdf" and attached.content_type == "application/pdf"
    assert CaseEvent.objects.filter(application=submitted, kind=EventKind.MESSAGE_RECEIVED, actor=applicant).exists()
    # The office is not e-mailed: its queue shows the file.
    assert mail.outbox == []
    assert submitted in unread_queue()
    assert Queue.UNREAD in selectors.queues_for(officer)


@pytest.mark.django_db
def test_another_applicant_and_an_officer_cannot_write_as_the_applicant(other_applicant, officer, submitted):
    for outsider in (other_applicant, officer):
        with pytest.raises(Http404):
            send(outsider, submitted)
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_an_applicant_cannot_answer_as_the_office(applicant, submitted):
    with pytest.raises(PermissionDenied):
        answer(applicant, submitted)


@pytest.mark.django_db
def test_a_draft_has_no_conversation(applicant):
    from portique.applications import services as application_services

    draft = application_services.application_start(actor=applicant, program="pr_card")
    with pytest.raises(Http404):
        send(applicant, draft)


@pytest.mark.django_db
def test_the_active_representative_and_the_client_both_write_and_each_is_told_of_the_others_message(
    represented, representative, applicant, django_capture_on_commit_callbacks
):
    application, _representation = represented
    with django_capture_on_commit_callbacks(execute=True):
        from_rep = send(representative, application, text="My client moved.")
    assert from_rep.sender == MessageSender.REPRESENTATIVE
    (notice,) = mail.outbox
    assert notice.to == [applicant.email]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send(applicant, application, text="I moved to Laval.")
    (notice,) = mail.outbox
    assert notice.to == [representative.email]
    # Each reads the conversation as their own.
    box = selectors.messages_for(application, viewer=applicant)
    assert [m.shown_sender for m in box.conversation] == ["Your representative", "You"]


@pytest.mark.django_db
def test_a_representative_whose_representation_ended_is_refused(represented, representative, applicant):
    application, representation = represented
    representation_services.representation_revoke(actor=applicant, public_id=representation.public_id)
    with pytest.raises(Http404):
        send(representative, application)
    with pytest.raises(Http404):
        add_late(representative, application)
    assert not Message.objects.exists() and not LateDocument.objects.exists()


@pytest.mark.django_db
def test_the_office_answer_goes_to_the_representative_while_the_representation_stands(
    represented, representative, officer, django_capture_on_commit_callbacks
):
    application, _representation = represented
    with django_capture_on_commit_callbacks(execute=True):
        answer(officer, application)
    (notice,) = mail.outbox
    assert notice.to == [representative.email]


# --- The officer's side: answering, read markers -----------------------------------------------


@pytest.mark.django_db
def test_the_officers_answer_reaches_the_applicant_with_a_notice_that_carries_nothing_personal(
    applicant, officer, submitted, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://portique.example.ca"
    send(applicant, submitted, text="Is my address right? 123 Rue Secrète")
    with django_capture_on_commit_callbacks(execute=True):
        reply = answer(officer, submitted, text="Yes: your address on file is the one you gave.", files=[_pdf("info.pdf")])
    assert reply.sender == MessageSender.OFFICE
    box = selectors.messages_for(submitted, viewer=applicant)
    assert [m.shown_sender for m in box.conversation] == ["You", "The office"]
    assert box.conversation[-1].text == "Yes: your address on file is the one you gave."
    (notice,) = mail.outbox
    assert notice.to == [applicant.email]
    whole = notice.subject + "\n" + notice.body
    assert submitted.number in whole
    assert f"https://portique.example.ca/en/applications/{submitted.public_id}/" in notice.body
    # Greeted by name, as every e-mail of the portal is (issue 14); nothing of the message itself.
    assert notice.body.startswith("Hello Alex Tremblay,") or notice.body.startswith("Hello Alex")
    body_after_greeting = notice.body.split("\n", 1)[1]
    whole = notice.subject + "\n" + body_after_greeting
    for personal in (
        "Alex",
        "Tremblay",
        applicant.email,
        officer.first_name,
        officer.last_name,
        officer.email,
        "address on file",
        "Rue Secrète",
        "info.pdf",
    ):
        assert personal not in whole, personal


@pytest.mark.django_db
def test_the_notice_is_in_the_account_holders_language(applicant, officer, submitted, django_capture_on_commit_callbacks):
    applicant.preferred_language = "fr"
    applicant.save()
    send(applicant, submitted)
    with django_capture_on_commit_callbacks(execute=True):
        answer(officer, submitted)
    (notice,) = mail.outbox
    greeting, rest = notice.body.split("\n", 1)
    assert greeting.startswith("Bonjour Alex")
    assert "Le bureau vous a écrit" in rest
    assert "Tremblay" not in rest


@pytest.mark.django_db
def test_the_officer_who_opens_the_file_is_recorded_as_the_reader_and_the_file_leaves_the_queue(
    client, applicant, officer, supervisor, submitted
):
    message = send(applicant, submitted)
    assert submitted in unread_queue()
    client.force_login(officer)
    page = client.get(reverse("casework:file", args=[submitted.public_id]))
    assert page.status_code == 200
    assert "New" in page.content.decode()
    read = MessageRead.objects.get(message=message)
    assert read.reader == officer
    assert submitted not in unread_queue()
    # Another officer opening it later does not change who read it first.
    client.force_login(supervisor)
    page = client.get(reverse("casework:file", args=[submitted.public_id]))
    assert "Read by Jordan Singh" in page.content.decode()
    assert MessageRead.objects.get(message=message).reader == officer
    # A new message brings the file back.
    send(applicant, submitted, text="One more thing.")
    assert submitted in unread_queue()


@pytest.mark.django_db
def test_answering_counts_the_applicants_messages_as_read_by_the_officer_who_answers(applicant, officer, submitted):
    first = send(applicant, submitted)
    answer(officer, submitted)
    assert MessageRead.objects.get(message=first).reader == officer
    # The office's own messages never wait in the queue.
    assert submitted not in unread_queue()


@pytest.mark.django_db
def test_messages_are_append_only(applicant, submitted):
    message = send(applicant, submitted)
    message.text = "changed"
    with pytest.raises(TypeError):
        message.save()
    with pytest.raises(TypeError):
        Message.objects.filter(pk=message.pk).update(text="changed")
    with pytest.raises(TypeError):
        message.delete()


# --- What is checked ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_renamed_file_that_is_not_a_pdf_is_refused_and_nothing_is_sent(applicant, submitted):
    disguised = upload("statement.pdf", b"MZ\x90\x00 this is a program, not a PDF", "application/pdf")
    with pytest.raises(CaseworkError) as refused:
        send(applicant, submitted, files=[disguised])
    assert "statement.pdf" in str(refused.value)
    with pytest.raises(CaseworkError):
        add_late(applicant, submitted, file=upload("passport.pdf", b"<html><script>x</script></html>", "application/pdf"))
    assert not Message.objects.exists() and not MessageFile.objects.exists()
    assert not LateDocument.objects.exists()


@pytest.mark.django_db
def test_a_pdf_with_a_script_is_refused(applicant, submitted):
    scripted = upload("form.pdf", pdf_bytes(pages=1, javascript="app.alert(1)"), "application/pdf")
    with pytest.raises(CaseworkError):
        send(applicant, submitted, files=[scripted])
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_an_empty_message_is_refused_with_the_field_named(applicant, submitted):
    with pytest.raises(CaseworkError) as refused:
        send(applicant, submitted, text="   ")
    assert "text" in refused.value.errors


@pytest.mark.django_db
def test_a_retried_form_sends_the_message_once(applicant, submitted):
    token = uuid.uuid4()
    first = send(applicant, submitted, token=token)
    again = send(applicant, submitted, token=token)
    assert first.pk == again.pk
    assert Message.objects.count() == 1


@pytest.mark.django_db
@override_settings(CASEWORK_SENDING_LIMITS={"messages_per_hour": 2})
def test_the_applicants_side_is_limited_to_a_few_messages_an_hour(applicant, officer, submitted):
    send(applicant, submitted)
    send(applicant, submitted)
    with pytest.raises(CaseworkError) as refused:
        send(applicant, submitted)
    assert "in an hour" in str(refused.value)
    assert Message.objects.count() == 2
    # The office's answers are not limited.
    for _ in range(3):
        answer(officer, submitted)


# --- Documents after submission ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_document_after_submission_goes_to_the_officer_and_changes_nothing_that_was_signed(
    client, applicant, officer, submitted
):
    submission = submitted.submission
    client.force_login(applicant)
    copy_url = reverse("applications:submitted_copy", args=[submitted.public_id])
    kept_copy = client.get(copy_url).content
    before = {
        "content_hash": submission.content_hash,
        "live_hash": content_hash(signed_content(submitted)),
        "snapshot": submission.snapshot,
        "documents": documents_content(submitted),
        "signatures": list(submitted.signatures.values_list("content_hash", "cleared_at")),
        "copy": copy_context(submission, "en"),
    }
    assert before["live_hash"] == before["content_hash"]

    code, titles = next(iter(services.submitted_items(submitted).items()))
    late = add_late(applicant, submitted, item_code=code, description="My new passport")
    assert late.item_en == titles["en"] and late.item_fr == titles["fr"]
    assert CaseEvent.objects.filter(application=submitted, kind=EventKind.LATE_DOCUMENT_RECEIVED).exists()

    submission.refresh_from_db()
    submitted.refresh_from_db()
    assert submission.content_hash == before["content_hash"]
    assert content_hash(signed_content(submitted)) == before["content_hash"]
    assert submission.snapshot == before["snapshot"]
    assert documents_content(submitted) == before["documents"]
    assert list(submitted.signatures.values_list("content_hash", "cleared_at")) == before["signatures"]
    assert copy_context(submission, "en") == before["copy"]
    assert client.get(copy_url).content == kept_copy
    assert submitted.status == Status.SUBMITTED

    # The officer's queue and file page show it as received after submission, not yet opened.
    assert submitted in unread_queue()
    client.force_login(officer)
    page = client.get(reverse("casework:file", args=[submitted.public_id])).content.decode()
    assert "Received after submission" in page and "Not opened yet" in page and "My new passport" in page
    # Opening it records the officer as its reader and logs the opening.
    download = client.get(reverse("casework:late_document", args=[submitted.public_id, late.public_id]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Cache-Control"] == "no-store"
    assert LateDocumentRead.objects.get(document=late).reader == officer
    assert FileAccess.objects.filter(application=submitted, kind=AccessKind.LATE_DOCUMENT_VIEWED).exists()
    assert submitted not in unread_queue()


@pytest.mark.django_db
def test_the_applicant_lists_the_document_as_received_after_submission(client, applicant, submitted):
    add_late(applicant, submitted, item_code=services.OTHER_DOCUMENT, description="Letter from my employer")
    client.force_login(applicant)
    page = client.get(reverse("applications:overview", args=[submitted.public_id])).content.decode()
    assert "Documents sent after submission" in page
    assert "Letter from my employer" in page
    assert "received after submission on" in page


@pytest.mark.django_db
def test_a_document_after_submission_needs_a_kind_from_the_list_and_a_description(applicant, submitted):
    with pytest.raises(CaseworkError) as refused:
        services.late_document_add(
            actor=applicant, public_id=submitted.public_id, item_code="", description="", upload=None, token=None
        )
    assert set(refused.value.errors) == {"item", "description", "file"}
    with pytest.raises(CaseworkError) as refused:
        add_late(applicant, submitted, item_code="NOT_AN_ITEM")
    assert "item" in refused.value.errors


@pytest.mark.django_db
def test_a_decided_application_takes_no_more_documents_but_messages_still_go(
    applicant, officer, decision_maker, submitted
):
    accept(officer, submitted)
    services.processing_start(actor=officer, public_id=submitted.public_id)
    decide_approve(decision_maker, submitted)
    with pytest.raises(CaseworkError):
        add_late(applicant, submitted)
    assert send(applicant, submitted).pk


@pytest.mark.django_db
def test_the_applicant_downloads_their_own_files_privately_and_an_outsider_gets_404(
    client, applicant, other_applicant, submitted
):
    message = send(applicant, submitted, files=[upload("photo.jpg", image_bytes(portrait()), "image/jpeg")])
    attached = message.files.get()
    late = add_late(applicant, submitted)
    urls = [
        reverse("casework_applicant:message_file", args=[submitted.public_id, message.public_id, attached.public_id]),
        reverse("casework_applicant:late_document", args=[submitted.public_id, late.public_id]),
    ]
    client.force_login(applicant)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Cache-Control"] == "no-store"
        assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(other_applicant)
    for url in urls:
        assert client.get(url).status_code == 404


# --- The pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_applicant_writes_through_the_page_and_a_double_post_sends_once(client, applicant, submitted):
    client.force_login(applicant)
    url = reverse("casework_applicant:message_new", args=[submitted.public_id])
    assert client.get(url).status_code == 200
    data = {"text": "Hello office", "token": str(uuid.uuid4())}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert Message.objects.count() == 1
    refused = client.post(url, {"text": "", "token": str(uuid.uuid4())})
    assert refused.status_code == 400
    assert "Write your message." in refused.content.decode()


@pytest.mark.django_db
def test_the_officer_answers_from_the_file_page(client, applicant, officer, submitted):
    send(applicant, submitted)
    client.force_login(officer)
    url = reverse("casework:message_answer", args=[submitted.public_id])
    response = client.post(url, {"text": "We received it.", "token": str(uuid.uuid4())})
    assert response.status_code == 302
    assert Message.objects.filter(sender=MessageSender.OFFICE, author=officer).count() == 1
    refused = client.post(url, {"text": " ", "token": str(uuid.uuid4())})
    assert refused.status_code == 400


@pytest.mark.django_db
@override_settings(CASEWORK_SENDING_LIMITS={"late_documents_per_day": 1})
def test_documents_after_submission_are_limited_a_day(applicant, submitted):
    add_late(applicant, submitted)
    with pytest.raises(CaseworkError) as refused:
        add_late(applicant, submitted)
    assert "in a day" in str(refused.value)
    assert LateDocument.objects.count() == 1


@pytest.mark.django_db
def test_a_retried_document_form_sends_the_document_once(applicant, submitted):
    token = uuid.uuid4()
    first = add_late(applicant, submitted, token=token)
    again = add_late(applicant, submitted, token=token)
    assert first.pk == again.pk and LateDocument.objects.count() == 1


@pytest.mark.django_db
def test_a_token_cannot_be_reused_on_another_application(applicant, other_applicant, submitted, their_submitted):
    token = uuid.uuid4()
    send(applicant, submitted, token=token)
    with pytest.raises(CaseworkError):
        send(other_applicant, their_submitted, token=token)
    assert Message.objects.count() == 1


@pytest.mark.django_db
def test_a_file_with_unread_messages_and_documents_is_listed_and_counted_once(
    applicant, other_applicant, submitted, their_submitted
):
    """The queue reads the union of the two lists of files (issue 19): a file on both, or on one
    list several times, is still one file."""
    from portique.core.keyset import bounded_count

    send(applicant, submitted)
    send(applicant, submitted, text="And another thing.")
    add_late(applicant, submitted)
    add_late(other_applicant, their_submitted)
    assert sorted(application.pk for application in unread_queue()) == sorted([submitted.pk, their_submitted.pk])
    assert bounded_count(selectors.queue_items(queue=Queue.UNREAD, today=SUBMITTED_ON)).value == 2
