"""Requests for documents: sending, answering (online or on paper), reminders and overdue notices."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Min
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.access import access_application
from portique.applications.models import Application
from portique.applications.services import open_request_deadline_record

from .. import notifications
from ..choices import (
    EventKind,
    LetterKind,
    RequestState,
)
from ..models import (
    DocumentRequest,
    RequestFile,
)
from . import common
from .common import (
    PROCESS,
    PROCESSING,
    CaseworkError,
)
from .uploads import checked_files, store_checked


def deadline_refresh(application: Application) -> None:
    """Keep the file's earliest open deadline (``Application.open_request_due_on``) true after a
    request is opened or closed: called by every service that does either, in its transaction."""
    earliest = DocumentRequest.objects.filter(application=application, state=RequestState.OPEN).aggregate(
        earliest=Min("due_on")
    )["earliest"]
    open_request_deadline_record(application=application, due_on=earliest)


def request_send(*, actor, public_id, description: str, due_on: date | None, on: date) -> DocumentRequest:
    """Ask the applicant for documents or information by a deadline (X-13, SP-225)."""
    common.require(actor, *PROCESS)
    errors: dict[str, list] = {}
    description = (description or "").strip()
    if not description:
        errors["description"] = [_("Say which documents or information you need.")]
    if due_on is None:
        errors["due_on"] = [_("Enter the deadline as year, month and day, for example 2027-01-15.")]
    elif due_on <= on:
        errors["due_on"] = [_("The deadline must be after today.")]
    if errors:
        raise CaseworkError(errors)
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id, at=PROCESSING)
        request = DocumentRequest(
            application=application, description=description, due_on=due_on, requested_by=actor
        )
        common.save_with_letter(
            request,
            stored=stored,
            kind=LetterKind.REQUEST,
            actor=actor,
            on=on,
            context={"request": request},
            event=EventKind.REQUEST_SENT,
            detail=f"due {due_on.isoformat()}",
        )
        deadline_refresh(application)
    return request


def _request_close(
    *,
    stored: list[str],
    application: Application,
    request: DocumentRequest,
    checked: list,
    text: str,
    actor,
    answered_at: datetime,
    detail: str,
) -> None:
    """Store the checked files with the request and close it: the one path of every answer."""
    if request.state != RequestState.OPEN:
        raise CaseworkError.at("", _("This request has already been answered."))
    if application.status not in PROCESSING:
        raise common.wrong_stage(application)
    for upload, inspected in checked:
        RequestFile.objects.create(
            request=request, uploaded_by=actor, **store_checked(upload, inspected, stored=stored)
        )
    request.state = RequestState.ANSWERED
    request.answer_text = (text or "").strip()
    request.answered_by = actor
    request.answered_at = answered_at
    request.save(update_fields=["state", "answer_text", "answered_by", "answered_at"])
    deadline_refresh(application)
    common.record_event(application=application, kind=EventKind.REQUEST_ANSWERED, actor=actor, detail=detail)


def request_answer(*, actor, public_id, request_id, files: list, text: str, on: date) -> DocumentRequest:
    """The applicant answers a request by uploading into it; the request then closes.

    Each file is checked by its content; a refused file stores nothing.
    """
    application = access_application(actor=actor, public_id=public_id)
    request = application.document_requests.filter(public_id=request_id).first()
    if request is None:
        raise Http404
    checked = checked_files(files, language=actor.preferred_language, required=True)
    with common.atomic() as stored:
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        request = DocumentRequest.objects.select_for_update().get(pk=request.pk)
        late = " (after the deadline)" if request.due_on < on else ""
        _request_close(
            stored=stored,
            application=application,
            request=request,
            checked=checked,
            text=text,
            actor=actor,
            answered_at=timezone.now(),
            detail=f"{len(checked)} file(s){late}",
        )
    return request


def request_answer_received_on_paper(
    *, actor, public_id, request_id, received_on: date | None, text: str, files: list, on: date
) -> DocumentRequest:
    """An officer records the answer a paper applicant mailed (there is no account to answer in).

    The request closes exactly as an online answer closes it, with the officer as the one
    who answered and the scans checked by content like any upload. The answer counts from
    the day it was received (``answered_at`` is that day; the history keeps when and by
    whom it was recorded), so the deadline is judged on the day of receipt.
    """
    common.require(actor, *PROCESS)
    errors: dict[str, list] = {}
    text = (text or "").strip()
    if received_on is None:
        errors["received_on"] = [_("Enter the date the answer was received, for example 2027-01-15.")]
    elif received_on > on:
        errors["received_on"] = [_("The date received cannot be in the future.")]
    if not text:
        errors["text"] = [_("Say what was received: the documents or the information, as sent.")]
    if errors:
        raise CaseworkError(errors)
    checked = checked_files(files, language=actor.preferred_language, required=False)
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id)
        if not application.on_paper:
            raise Http404
        request = (
            DocumentRequest.objects.select_for_update()
            .filter(application=application, public_id=request_id)
            .first()
        )
        if request is None:
            raise Http404
        if received_on < timezone.localdate(request.requested_at):
            raise CaseworkError.at(
                "received_on", _("The answer cannot have been received before the request was sent.")
            )
        late = " (after the deadline)" if request.due_on < received_on else ""
        _request_close(
            stored=stored,
            application=application,
            request=request,
            checked=checked,
            text=text,
            actor=actor,
            answered_at=timezone.make_aware(datetime.combine(received_on, datetime.min.time())),
            detail=f"received on paper on {received_on.isoformat()}; {len(checked)} scanned file(s){late}",
        )
    return request


REMINDER_DAYS_BEFORE = 7


def _remind(*, stored: list[str], request: DocumentRequest, overdue: bool, on: date) -> str:
    """Tell the applicant, after commit; returns what the history adds about how.

    An account holder gets an e-mail that points to the request in the account. A paper
    applicant has no account: the reminder is a letter, like the request itself, in the
    name of the officer who made the request, e-mailed if an address was given at intake,
    otherwise printed and mailed by an officer (the file lists it as such).
    """
    application = request.application
    if application.owner_id is not None:
        transaction.on_commit(
            lambda pk=request.pk: notifications.send_request_reminder(request_id=pk, overdue=overdue)
        )
        return ""
    letter = common.issue_letter(
        stored=stored,
        application=application,
        kind=LetterKind.REQUEST_OVERDUE if overdue else LetterKind.REQUEST_REMINDER,
        actor=request.requested_by,
        on=on,
        context={"request": request},
    )
    return f"; letter by {letter.channel}"


def requests_remind(*, on: date, days_before: int = REMINDER_DAYS_BEFORE) -> tuple[int, int]:
    """Remind applicants of deadlines coming within ``days_before`` days, and tell them
    once when a deadline has passed. Run daily (``portique casework_reminders``).

    Returns (reminders sent, overdue notices sent). Each is sent once per request.
    """
    reminded = overdue = 0
    candidates = DocumentRequest.objects.filter(
        state=RequestState.OPEN,
        reminded_at__isnull=True,
        due_on__gte=on,
        due_on__lte=on + timedelta(days=days_before),
    ).values_list("pk", flat=True)
    for pk in candidates:
        with common.atomic() as stored:
            request = DocumentRequest.objects.select_for_update().get(pk=pk)
            if request.reminded_at is not None or request.state != RequestState.OPEN:
                continue
            request.reminded_at = timezone.now()
            request.save(update_fields=["reminded_at"])
            common.record_event(
                application=request.application,
                kind=EventKind.REQUEST_REMINDED,
                actor=None,
                detail=f"due {request.due_on}{_remind(stored=stored, request=request, overdue=False, on=on)}",
            )
            reminded += 1
    late = DocumentRequest.objects.filter(
        state=RequestState.OPEN, overdue_notified_at__isnull=True, due_on__lt=on
    ).values_list("pk", flat=True)
    for pk in late:
        with common.atomic() as stored:
            request = DocumentRequest.objects.select_for_update().get(pk=pk)
            if request.overdue_notified_at is not None or request.state != RequestState.OPEN:
                continue
            request.overdue_notified_at = timezone.now()
            request.save(update_fields=["overdue_notified_at"])
            common.record_event(
                application=request.application,
                kind=EventKind.REQUEST_OVERDUE,
                actor=None,
                detail=f"due {request.due_on}{_remind(stored=stored, request=request, overdue=True, on=on)}",
            )
            overdue += 1
    return reminded, overdue
