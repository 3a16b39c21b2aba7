"""Requests on a paper application (issue #9): the answer comes by mail and an officer records it;
reminders and overdue notices are letters, e-mailed if an address was given, else printed and mailed."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.utils import timezone, translation

from portique.applications import paper_intake
from portique.casework import services as casework
from portique.casework.choices import EventKind, LetterKind, RequestState
from portique.casework.models import CaseEvent, DocumentRequest, Letter, RequestFile
from tests.casework.factories import upload_every_document
from tests.conftest import _officer
from tests.documents.files import image_bytes, pdf_bytes, portrait, upload
from tests.rules.forms.test_imm5444_validation import complete_answers

from .test_paper_intake import (
    TODAY,
    entered_complete,
    pr_card_by_mail,
    record_receipt,
    record_signature,
    type_in,
)

pytestmark = pytest.mark.django_db

# The request is sent on the real day: the answer cannot have been received before it was sent.
SENT = timezone.localdate()
DUE = SENT + timedelta(days=30)


def accepted(officer, application, capture) -> None:
    with capture(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    with capture(execute=True):
        casework.application_accept(
            actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0
        )


def request_on(officer, application, capture) -> DocumentRequest:
    with capture(execute=True):
        return casework.request_send(
            actor=officer,
            public_id=application.public_id,
            description="Your two most recent pay slips",
            due_on=DUE,
            on=SENT,
        )


@pytest.fixture
def paper_request(officer, django_capture_on_commit_callbacks):
    """An accepted paper PR card application without e-mail, and an open request on it."""
    application = entered_complete(officer)
    accepted(officer, application, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    return application, request_on(officer, application, django_capture_on_commit_callbacks)


def answer(officer, application, request, **changes):
    values = dict(
        actor=officer,
        public_id=application.public_id,
        request_id=request.public_id,
        received_on=SENT + timedelta(days=10),
        text="Two pay slips (October and November), mailed with a copy of the letter.",
        files=[
            upload("slips.pdf", pdf_bytes(2), "application/pdf"),
            upload("envelope.png", image_bytes(portrait(), "PNG")),
        ],
        on=SENT + timedelta(days=12),
    )
    values.update(changes)
    return casework.request_answer_received_on_paper(**values)


def test_the_request_letter_to_a_paper_applicant_says_to_answer_by_mail(paper_request):
    from tests.casework.test_services import pdf_text

    application, request = paper_request
    assert request.letter.channel == "mail"
    english = pdf_text(request.letter.pdf_en)
    assert "Send them by mail to the office that received your application" in english
    assert "Sign in to your account" not in english
    assert "Envoyez-les par la poste" in pdf_text(request.letter.pdf_fr)


def test_an_officer_records_the_answer_received_by_mail_and_the_request_closes(officer, paper_request):
    application, request = paper_request

    answer(officer, application, request)

    request.refresh_from_db()
    assert request.state == RequestState.ANSWERED
    assert request.answered_by == officer
    # The answer counts from the day it was received, not the day it was typed in.
    assert timezone.localdate(request.answered_at) == SENT + timedelta(days=10)
    assert request.answer_text.startswith("Two pay slips")
    assert [(f.original_name, f.content_type, f.uploaded_by) for f in request.files.all()] == [
        ("slips.pdf", "application/pdf", officer),
        ("envelope.png", "image/png", officer),
    ]
    event = CaseEvent.objects.get(application=application, kind=EventKind.REQUEST_ANSWERED)
    assert event.actor == officer
    assert (
        event.detail == f"received on paper on {(SENT + timedelta(days=10)).isoformat()}; 2 scanned file(s)"
    )
    with pytest.raises(casework.CaseworkError, match="already been answered"):
        answer(officer, application, request, files=[])


def test_an_answer_received_after_the_deadline_is_recorded_as_late(officer, paper_request):
    application, request = paper_request
    answer(
        officer,
        application,
        request,
        received_on=DUE + timedelta(days=1),
        files=[],
        on=DUE + timedelta(days=3),
    )
    event = CaseEvent.objects.get(application=application, kind=EventKind.REQUEST_ANSWERED)
    assert event.detail.endswith("0 scanned file(s) (after the deadline)")


@pytest.mark.parametrize(
    ("changes", "field", "english", "french"),
    [
        (
            {"received_on": None},
            "received_on",
            "Enter the date the answer was received",
            "Entrez la date de réception",
        ),
        (
            {"received_on": SENT + timedelta(days=13)},
            "received_on",
            "cannot be in the future",
            "ne peut pas être",
        ),
        (
            {"received_on": SENT - timedelta(days=1)},
            "received_on",
            "before the request was sent",
            "avant l’envoi",
        ),
        ({"text": "  "}, "text", "Say what was received", "Indiquez ce qui a été reçu"),
    ],
)
def test_a_bad_entry_is_refused_in_both_languages_and_changes_nothing(
    officer, paper_request, changes, field, english, french
):
    application, request = paper_request
    with pytest.raises(casework.CaseworkError) as refused:
        answer(officer, application, request, **changes)
    assert list(refused.value.errors) == [field]
    [message] = refused.value.errors[field]
    assert english in str(message)
    with translation.override("fr"):
        assert french in str(message)
    request.refresh_from_db()
    assert request.state == RequestState.OPEN
    assert RequestFile.objects.count() == 0


def test_scans_are_checked_by_content_like_any_upload(officer, paper_request):
    application, request = paper_request
    for files in (
        [upload("renamed.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")],
        [upload("ok.pdf", pdf_bytes(1)), upload("script.pdf", pdf_bytes(1, javascript="app.alert(1)"))],
    ):
        with pytest.raises(casework.CaseworkError) as refused:
            answer(officer, application, request, files=files)
        assert list(refused.value.errors) == ["files"]
    request.refresh_from_db()
    assert request.state == RequestState.OPEN
    assert RequestFile.objects.count() == 0


def test_only_an_officer_who_works_files_records_an_answer_and_only_on_paper(
    officer, applicant, paper_request, django_capture_on_commit_callbacks
):
    from tests.casework.factories import submitted_application

    application, request = paper_request
    administrator = _officer("admin@example.ca", ["administrator"])
    for outsider in (applicant, administrator):
        with pytest.raises(PermissionDenied):
            answer(outsider, application, request)
    online = submitted_application(applicant)
    casework.screening_run(application=online)
    with django_capture_on_commit_callbacks(execute=True):
        casework.application_accept(actor=officer, public_id=online.public_id, on=TODAY, draw=lambda: 1.0)
    online_request = request_on(officer, online, django_capture_on_commit_callbacks)
    with pytest.raises(Http404):
        answer(officer, online, online_request)
    # Another file's request is not found through this one.
    with pytest.raises(Http404):
        answer(officer, application, online_request)
    request.refresh_from_db()
    online_request.refresh_from_db()
    assert request.state == online_request.state == RequestState.OPEN


def test_reminders_of_a_paper_application_without_e_mail_are_letters_to_print_and_mail(
    officer, paper_request, django_capture_on_commit_callbacks
):
    from tests.casework.test_services import pdf_text

    application, request = paper_request
    with django_capture_on_commit_callbacks(execute=True):
        assert casework.requests_remind(on=DUE - timedelta(days=3)) == (1, 0)
        assert casework.requests_remind(on=DUE + timedelta(days=1)) == (0, 1)
        assert casework.requests_remind(on=DUE + timedelta(days=2)) == (0, 0)

    assert mail.outbox == []
    reminder, overdue = (
        Letter.objects.filter(application=application)
        .exclude(pk=request.letter_id)
        .order_by("issued_at", "id")[1:]
    )
    for letter, kind in ((reminder, LetterKind.REQUEST_REMINDER), (overdue, LetterKind.REQUEST_OVERDUE)):
        assert (letter.kind, letter.channel, letter.language) == (kind, "mail", "fr")
        # Issued in the name of the officer who made the request; the history says it was automatic.
        assert letter.issued_by == officer
    assert "Rappel" in pdf_text(reminder.pdf_fr)
    assert "Reminder: we still need documents or information" in pdf_text(reminder.pdf_en)
    assert "The deadline to send us documents or information has passed" in pdf_text(overdue.pdf_en)
    events = CaseEvent.objects.filter(
        application=application, kind__in=[EventKind.REQUEST_REMINDED, EventKind.REQUEST_OVERDUE]
    ).order_by("at", "id")
    assert [(e.kind, e.actor, e.detail) for e in events] == [
        (EventKind.REQUEST_REMINDED, None, f"due {DUE}; letter by mail"),
        (EventKind.REQUEST_OVERDUE, None, f"due {DUE}; letter by mail"),
    ]

    client = Client()
    client.force_login(officer)
    page = client.get(f"/en/officer/files/{application.public_id}/").content.decode()
    assert (
        page.count("to be printed and mailed") == Letter.objects.filter(application=application).count() == 4
    )


def test_reminders_of_a_paper_application_with_e_mail_are_e_mailed_as_letters(
    officer, django_capture_on_commit_callbacks
):
    application = paper_intake.paper_application_register(
        actor=officer, data=pr_card_by_mail(email="alex@example.ca", language="en"), today=TODAY
    )
    type_in(officer, application, complete_answers())
    upload_every_document(officer, application, on=date(2026, 11, 22))
    record_receipt(officer, application)
    record_signature(officer, application)
    accepted(officer, application, django_capture_on_commit_callbacks)
    request = request_on(officer, application, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert casework.requests_remind(on=DUE - timedelta(days=1)) == (1, 0)

    [message] = mail.outbox
    assert message.to == ["alex@example.ca"]
    assert sorted(name for name, _content, _type in message.attachments) == [
        f"{application.number}-request_reminder-en.pdf",
        f"{application.number}-request_reminder-fr.pdf",
    ]
    assert (
        Letter.objects.filter(application=application).exclude(pk=request.letter_id).last().channel == "email"
    )


def test_the_answer_page_records_an_answer_through_http(officer, applicant, paper_request):
    application, request = paper_request
    url = f"/en/alternatives/officer/paper/{application.public_id}/requests/{request.public_id}/answer/"
    outsider = Client()
    outsider.force_login(applicant)
    assert outsider.get(url).status_code == 404

    client = Client()
    client.force_login(officer)
    page = client.get(f"/en/officer/files/{application.public_id}/").content.decode()
    assert url in page
    assert client.get(url).status_code == 200
    refused = client.post(url, {"received_on": "", "text": ""})
    assert refused.status_code == 400
    assert "Enter the date the answer was received" in refused.content.decode()
    french = client.post(url.replace("/en/", "/fr/", 1), {"received_on": "", "text": ""})
    assert "Entrez la date de réception" in french.content.decode()

    response = client.post(
        url,
        {
            "received_on": SENT.isoformat(),
            "text": "Pay slips",
            "files": [upload("slips.pdf", pdf_bytes(1), "application/pdf")],
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == RequestState.ANSWERED and request.files.count() == 1
    page = client.get(f"/en/officer/files/{application.public_id}/").content.decode()
    assert "Received by mail on" in page
    assert url not in page


def test_the_return_letter_of_a_paper_application_does_not_point_to_an_account(
    officer, django_capture_on_commit_callbacks
):
    from portique.casework.models import Screening
    from tests.casework.test_services import pdf_text

    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    type_in(officer, application, complete_answers())
    with django_capture_on_commit_callbacks(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    for finding in Screening.objects.get(application=application).findings.all():
        casework.finding_judge(
            actor=officer, public_id=application.public_id, finding_id=finding.public_id, verdict="confirmed"
        )
    letter = casework.application_return(actor=officer, public_id=application.public_id, on=TODAY)

    english = " ".join(pdf_text(letter.pdf_en).split())
    assert "Your application and the documents you sent with it are returned to you" in english
    assert "account" not in english
    french = " ".join(pdf_text(letter.pdf_fr).split())
    assert "vous sont retournés avec la présente lettre" in french
    assert "compte" not in french
