"""The only writers of casework: screening, return or acknowledgement, requests,
biometrics, medical exams, interviews, quality assurance, decisions, notes and the
access log.

Each service checks the actor's role (``PermissionDenied`` otherwise), locks the
application row, checks the stage and the input (``CaseworkError`` with a message per
field otherwise, and nothing changed), moves the application along the lifecycle
through ``portique.applications.services.application_transition`` (the history
records who, when and why), writes its ``CaseEvent``, and sends e-mail only after
commit. Letters are rendered and stored inside the transaction; if it fails, their
files are deleted again.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import Role
from portique.applications.access import access_application
from portique.applications.choices import EDITABLE, PersonRole, Status
from portique.applications.models import Application
from portique.applications.selectors import correspondent_of
from portique.applications.services import application_transition, submission_blockers
from portique.documents.choices import EXTENSIONS
from portique.documents.formatting import file_size
from portique.documents.items import ANY_DOCUMENT, document_max_bytes
from portique.payments import selectors as payment_selectors
from portique.payments.services import event_refund
from portique.rules import biometrics, fees
from portique.rules.correspondence import (
    CorrespondenceChannel,
    LinkedAccount,
    Representative,
    route_correspondence,
)
from portique.rules.programs import registry
from portique.rules.programs.definition import Delivery
from portique.rules.sponsorship.police import medical_exam_deadline
from portique.uploads.inspection import UploadRejected, inspect

from . import grounds, letters, notifications
from .choices import (
    AccessKind,
    CardDelivery,
    DecisionOutcome,
    EventKind,
    FindingSource,
    InterviewMode,
    InterviewOutcome,
    InterviewPurpose,
    LetterKind,
    RequestState,
    ScreeningOutcome,
    Verdict,
)
from .models import (
    BiometricsInstruction,
    CaseEvent,
    Decision,
    DocumentRequest,
    FileAccess,
    Finding,
    InternalNote,
    Interview,
    Letter,
    LetterMailed,
    MedicalInstruction,
    QualityAssuranceSelection,
    RequestFile,
    Screening,
    private_name,
)

log = logging.getLogger(__name__)

SCREEN = "accounts.screen_application"
DECIDE = "accounts.decide_application"
# Processing work (requests, biometrics, medical exams, interviews, notes) is done by
# whoever works the file: the screening officer or the decision-maker.
PROCESS = (SCREEN, DECIDE)

PROCESSING = frozenset({Status.ACCEPTED, Status.IN_PROCESSING})
MAX_REQUEST_FILES = 10
DEFAULT_QA_SHARE = Decimal("0.05")


class CaseworkError(Exception):
    """A request refused with messages, each at its form field ("" for the whole form)."""

    def __init__(self, errors: dict[str, list]):
        super().__init__("; ".join(str(m) for messages in errors.values() for m in messages))
        self.errors = errors

    @classmethod
    def at(cls, field: str, message) -> CaseworkError:
        return cls({field: [message]})


# --- Who may, on which file ----------------------------------------------------------------


def is_officer_with(user, *permissions: str) -> bool:
    """An active officer holding at least one of ``permissions``."""
    return (
        user.is_authenticated
        and user.role == Role.OFFICER
        and user.is_active
        and any(user.has_perm(permission) for permission in permissions)
    )


def _require(actor, *permissions: str) -> None:
    if not is_officer_with(actor, *permissions):
        raise PermissionDenied


def _locked_case(*, public_id, at: Iterable[str] | None = None) -> Application:
    """The application locked for a change; ``at``: the stages the change is possible in."""
    # Officers never see an application before it is submitted.
    application = (
        Application.objects.select_for_update()
        .filter(public_id=public_id)
        .exclude(status__in=EDITABLE)
        .first()
    )
    if application is None:
        raise Http404
    if at is not None:
        _require_stage(application, at)
    return application


def _wrong_stage(application: Application) -> CaseworkError:
    return CaseworkError.at(
        "",
        _("This application is “%(status)s”: this action is not possible at this stage.")
        % {"status": application.get_status_display()},
    )


def _require_stage(application: Application, allowed: Iterable[str]) -> None:
    if application.status not in set(allowed):
        raise _wrong_stage(application)


def _event(*, application: Application, kind: EventKind, actor, detail: str = "") -> CaseEvent:
    return CaseEvent.objects.create(application=application, kind=kind, actor=actor, detail=detail)


def _past_date(value: date | None, field: str, *, on: date) -> date:
    """A date that has happened (a result, a collection, a receipt), given in ``field``."""
    if value is None:
        raise CaseworkError.at(field, _("Enter the date as year, month and day, for example 2027-01-15."))
    if value > on:
        raise CaseworkError.at(field, _("The date cannot be in the future."))
    return value


def _required_text(value: str | None, field: str, message) -> str:
    text = (value or "").strip()
    if not text:
        raise CaseworkError.at(field, message)
    return text


@contextlib.contextmanager
def _atomic() -> Iterator[list[str]]:
    """A transaction that also removes the files it stored if it does not commit."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            yield stored
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


# --- Letters ---------------------------------------------------------------------------------


def _channel(application: Application) -> str:
    # An online application is linked to the applicant's account: the rules send
    # correspondence there first; the e-mail only announces it. A paper one has no
    # account: the e-mail address given at intake, else the mail.
    correspondent = correspondent_of(application)
    routing = route_correspondence(
        linked_account=LinkedAccount.APPLICANT if correspondent.account is not None else LinkedAccount.NONE,
        representative=Representative.NONE,
        applicant_email=correspondent.email or None,
    )
    return routing.channel.value


def _issue_letter(
    *, stored: list[str], application: Application, kind: LetterKind, actor, on: date, context: dict[str, Any]
) -> Letter:
    pdfs = letters.render(kind=kind, application=application, on=on, officer=actor, context=context)
    letter = Letter(
        application=application,
        kind=kind,
        language=correspondent_of(application).language,
        channel=_channel(application),
        issued_by=actor,
    )
    for language, content in pdfs.items():
        field = letter.pdf(language)
        field.save(f"{kind}-{language}.pdf", ContentFile(content), save=False)
        stored.append(field.name)
    letter.save()
    transaction.on_commit(lambda: notifications.send_letter_notice(letter_id=letter.pk))
    return letter


def _save_with_letter(
    record,
    *,
    stored: list[str],
    kind: LetterKind,
    actor,
    on: date,
    context: dict[str, Any],
    event: EventKind,
    detail: str,
):
    """Save ``record`` (a request, an instruction, an interview…) with the letter that tells the
    applicant of it and the ``CaseEvent`` that records it."""
    record.letter = _issue_letter(
        stored=stored, application=record.application, kind=kind, actor=actor, on=on, context=context
    )
    record.save()
    _event(application=record.application, kind=event, actor=actor, detail=detail)
    return record


def _decision_save(
    decision: Decision,
    *,
    stored: list[str],
    kind: LetterKind,
    actor,
    on: date,
    context: dict[str, Any],
    to_status: str,
    reason: str,
) -> Decision:
    """Save a decision with its letter and move the application to its outcome (the history
    records who, when and why)."""
    decision.letter = _issue_letter(
        stored=stored, application=decision.application, kind=kind, actor=actor, on=on, context=context
    )
    decision.save()
    application_transition(application=decision.application, to_status=to_status, actor=actor, reason=reason)
    return decision


# --- Refunds as the rules say ------------------------------------------------------------------


def _refund(application: Application, *, event: fees.RefundEvent, on: date) -> dict[str, Any]:
    """What ``portique.rules.fees.assess_refund`` says ``event`` gives back, as JSON."""
    if payment_selectors.paid_for(application) <= 0:
        return {}
    quote = payment_selectors.quote_for(application, on)
    latest = payment_selectors.approved_payments(application).last()
    assessment = fees.assess_refund(
        quote=quote,
        event=event,
        proof=fees.ProofOfPayment.RECEIPT_ATTACHED,
        payer_name_on_receipt=latest.payer_name if latest else None,
    )
    payee = assessment.payee.name or payment_selectors.applicant_name(application)
    # The money goes back now, in the same transaction as the decision that causes it.
    refunds = event_refund(application=application, event=event, on=on)
    return {
        "event": event.value,
        "refunded": str(sum((refund.amount for refund in refunds), Decimal(0))),
        "refund_receipts": [refund.gateway_reference for refund in refunds],
        "refundable": str(assessment.refundable),
        "officer_decides": str(assessment.officer_decides),
        "kept": str(assessment.kept),
        "payee": payee,
        "reasons": [found.as_dict() for found in assessment.reasons],
    }


def _application_date(application: Application) -> date:
    # The day it was submitted; for a paper application, the day it was received (IRPR 11).
    submitted = timezone.localdate(application.submitted_at) if application.submitted_at else timezone.localdate()
    return application.application_date(submitted)


# --- Screening (IRPR 10, 12) ------------------------------------------------------------------


def screening_run(*, application: Application) -> Screening:
    """Ask the rules whether a submitted application is complete, once.

    The findings are what keeps an application from being submitted (the same gate as
    the applicant's Submit button: answers, documents, fees and signature), evaluated on
    the application date. Running it again returns the first screening.
    """
    existing = Screening.objects.filter(application=application).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        existing = Screening.objects.filter(application=locked).first()
        if existing is not None:
            return existing
        if locked.status != Status.SUBMITTED:
            raise _wrong_stage(locked)
        on = _application_date(locked)
        found = submission_blockers(application=locked, on=on)
        screening = Screening.objects.create(application=locked, screened_on=on)
        for reason in found:
            Finding.objects.create(
                screening=screening,
                source=FindingSource.RULES,
                code=reason.code,
                rule=reason.rule,
                citation=reason.citation,
                en=reason.en,
                fr=reason.fr,
                subject=reason.subject or "",
            )
        _event(
            application=locked,
            kind=EventKind.SCREENED,
            actor=None,
            detail=", ".join(reason.code for reason in found) or "no finding",
        )
    return screening


def _screening_of(application: Application) -> Screening:
    screening = Screening.objects.select_for_update().filter(application=application).first()
    if screening is None:
        raise CaseworkError.at("", _("This application has not been screened yet: open its screening first."))
    return screening


def finding_judge(*, actor, public_id, finding_id, verdict: str, reason: str = "") -> Finding:
    """Confirm a finding, or override it with a reason (the officer disagrees with the rules)."""
    _require(actor, SCREEN)
    if verdict not in (Verdict.CONFIRMED, Verdict.OVERRIDDEN):
        raise CaseworkError.at("verdict", _("Choose whether you confirm or override this finding."))
    reason = (reason or "").strip()
    if verdict == Verdict.OVERRIDDEN and not reason:
        raise CaseworkError.at("reason", _("Say why you override this finding."))
    with transaction.atomic():
        application = _locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        finding = screening.findings.select_for_update().filter(public_id=finding_id).first()
        if finding is None:
            raise Http404
        finding.verdict = verdict
        finding.verdict_reason = reason
        finding.verdict_by = actor
        finding.verdict_at = timezone.now()
        finding.save(update_fields=["verdict", "verdict_reason", "verdict_by", "verdict_at"])
        kind = EventKind.FINDING_CONFIRMED if verdict == Verdict.CONFIRMED else EventKind.FINDING_OVERRIDDEN
        _event(
            application=application, kind=kind, actor=actor, detail=f"{finding.code}: {reason}".rstrip(": ")
        )
    return finding


def finding_add(*, actor, public_id, ground: str, detail: str) -> Finding:
    """Add a missing item the rules could not see, on one of the grounds of ``grounds.GROUNDS``."""
    _require(actor, SCREEN)
    found = grounds.BY_CODE.get(ground)
    if found is None:
        raise CaseworkError.at("ground", _("Choose what is missing."))
    detail = _required_text(detail, "detail", _("Say which item is missing or what is wrong with it."))
    with transaction.atomic():
        application = _locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        finding = Finding.objects.create(
            screening=screening,
            source=FindingSource.OFFICER,
            code=found.code,
            rule=found.rule,
            citation=found.citation,
            en=found.en,
            fr=found.fr,
            detail=detail,
            # The officer who adds an item confirms it by adding it.
            verdict=Verdict.CONFIRMED,
            verdict_by=actor,
            verdict_at=timezone.now(),
            added_by=actor,
        )
        _event(
            application=application,
            kind=EventKind.FINDING_ADDED,
            actor=actor,
            detail=f"{found.code}: {detail}",
        )
    return finding


def _judged(screening: Screening) -> tuple[list[Finding], list[Finding]]:
    findings = list(screening.findings.all())
    if any(finding.verdict == Verdict.PENDING for finding in findings):
        raise CaseworkError.at("", _("Confirm or override every finding first."))
    confirmed = [finding for finding in findings if finding.verdict == Verdict.CONFIRMED]
    return findings, confirmed


def application_return(*, actor, public_id, on: date) -> Letter:
    """Return an incomplete application (IRPR 12): a letter listing each missing item and its rule.

    The application closes; its documents stay with it and downloadable by the applicant,
    and the refund rules are applied to the fee.
    """
    _require(actor, SCREEN)
    with _atomic() as stored:
        application = _locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        confirmed = _judged(screening)[1]
        if not confirmed:
            raise CaseworkError.at(
                "", _("An application is returned only for a missing item: no finding is confirmed.")
            )
        # Reading: a returned application is "not placed in the processing queue" (SP-181),
        # so processing never started; the refund rules' nearest event is a withdrawal
        # before processing (PRC-71 a contrario): the processing fee comes back, and a
        # biometric fee is held for an officer (G-22).
        refund = _refund(
            application, event=fees.RefundEvent.WITHDRAWN_BEFORE_PROCESSING, on=screening.screened_on
        )
        letter = _issue_letter(
            stored=stored,
            application=application,
            kind=LetterKind.RETURN,
            actor=actor,
            on=on,
            context={"findings": confirmed, "refund": refund},
        )
        screening.outcome = ScreeningOutcome.RETURNED
        screening.completed_by = actor
        screening.completed_at = timezone.now()
        screening.refund = refund
        screening.save(update_fields=["outcome", "completed_by", "completed_at", "refund"])
        codes = ", ".join(finding.code for finding in confirmed)
        application_transition(
            application=application, to_status=Status.RETURNED, actor=actor, reason=f"IRPR 12: {codes}"
        )
        _event(application=application, kind=EventKind.RETURNED, actor=actor, detail=codes)
    return letter


def _qa_share() -> Decimal:
    share = Decimal(str(getattr(settings, "CASEWORK_QA_SHARE", DEFAULT_QA_SHARE)))
    return min(max(share, Decimal(0)), Decimal(1))


def application_accept(*, actor, public_id, on: date, draw: Callable[[], float] | None = None) -> Letter:
    """Accept a complete application: the acknowledgement of receipt (AOR, PRC-99a).

    A share of accepted applications (``CASEWORK_QA_SHARE``) is drawn at random for
    quality assurance, and the applicant is told in writing (PRC-99e).
    """
    _require(actor, SCREEN)
    with _atomic() as stored:
        application = _locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        findings, confirmed = _judged(screening)
        if confirmed:
            raise CaseworkError.at(
                "",
                _(
                    "A confirmed finding means the application is incomplete: return it, or override the finding."
                ),
            )
        letter = _issue_letter(
            stored=stored,
            application=application,
            kind=LetterKind.ACKNOWLEDGEMENT,
            actor=actor,
            on=on,
            context={},
        )
        screening.outcome = ScreeningOutcome.ACCEPTED
        screening.completed_by = actor
        screening.completed_at = timezone.now()
        screening.save(update_fields=["outcome", "completed_by", "completed_at"])
        overridden = ", ".join(f.code for f in findings)
        application_transition(
            application=application,
            to_status=Status.ACCEPTED,
            actor=actor,
            reason="complete (IRPR 10)" + (f"; overridden: {overridden}" if overridden else ""),
        )
        _event(application=application, kind=EventKind.ACCEPTED, actor=actor)
        share = _qa_share()
        value = (draw or secrets.SystemRandom().random)()
        if value < share:
            qa_letter = _issue_letter(
                stored=stored,
                application=application,
                kind=LetterKind.QUALITY_ASSURANCE,
                actor=actor,
                on=on,
                context={},
            )
            QualityAssuranceSelection.objects.create(application=application, share=share, letter=qa_letter)
            _event(application=application, kind=EventKind.QA_SELECTED, actor=actor, detail=f"share {share}")
    return letter


# --- Processing -----------------------------------------------------------------------------------


def _biometrics_pending(application: Application) -> bool:
    return application.biometrics_instructions.filter(collected_on__isnull=True).exists()


def processing_start(*, actor, public_id, reason: str = "") -> Application:
    """Start processing an accepted application. Not while biometrics are awaited (PRC-32)."""
    _require(actor, *PROCESS)
    with transaction.atomic():
        application = _locked_case(public_id=public_id, at=(Status.ACCEPTED,))
        if _biometrics_pending(application):
            raise CaseworkError.at("", _("Processing starts only once the biometrics are received (PRC-32)."))
        _start_processing(
            application=application, actor=actor, reason=(reason or "").strip() or "processing started"
        )
    return application


def _start_processing(*, application: Application, actor, reason: str) -> None:
    application_transition(
        application=application, to_status=Status.IN_PROCESSING, actor=actor, reason=reason
    )
    _event(application=application, kind=EventKind.PROCESSING_STARTED, actor=actor, detail=reason)


def request_send(*, actor, public_id, description: str, due_on: date | None, on: date) -> DocumentRequest:
    """Ask the applicant for documents or information by a deadline (X-13, SP-225)."""
    _require(actor, *PROCESS)
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
    with _atomic() as stored:
        application = _locked_case(public_id=public_id, at=PROCESSING)
        request = DocumentRequest(
            application=application, description=description, due_on=due_on, requested_by=actor
        )
        _save_with_letter(
            request,
            stored=stored,
            kind=LetterKind.REQUEST,
            actor=actor,
            on=on,
            context={"request": request},
            event=EventKind.REQUEST_SENT,
            detail=f"due {due_on.isoformat()}",
        )
    return request


def _clean_name(name: str | None, extension: str) -> str:
    cleaned = re.sub(r"[\x00-\x1f\x7f/\\]", "", (name or "").strip())[-200:]
    return cleaned or f"document.{extension}"


def _checked_files(files: list, *, language: str, required: bool) -> list:
    """Each file checked by its content (portique.uploads.inspection): a PDF, JPEG or PNG,
    sound, without scripts, within the size limit. A refused file stops everything."""
    files = [upload for upload in files if upload is not None]
    if required and not files:
        raise CaseworkError.at("files", _("Choose at least one file to send."))
    if len(files) > MAX_REQUEST_FILES:
        raise CaseworkError.at(
            "files", _("Send at most %(count)s files at a time.") % {"count": MAX_REQUEST_FILES}
        )
    limit = document_max_bytes()
    checked = []
    for upload in files:
        if upload.size is not None and upload.size > limit:
            raise CaseworkError.at(
                "files",
                _("“%(name)s” is larger than the limit of %(limit)s.")
                % {"name": upload.name, "limit": file_size(limit)},
            )
        try:
            checked.append((upload, inspect(upload, accepts=ANY_DOCUMENT)))
        except UploadRejected as refused:
            raise CaseworkError(
                {"files": [f"“{upload.name}”: {problem.message(language)}" for problem in refused.problems]}
            ) from refused
    return checked


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
        raise _wrong_stage(application)
    for upload, inspected in checked:
        extension = EXTENSIONS[inspected.content_type]
        upload.seek(0)
        name = default_storage.save(private_name(None, f"upload.{extension}"), upload)
        stored.append(name)
        RequestFile.objects.create(
            request=request,
            file=name,
            original_name=_clean_name(getattr(upload, "name", ""), extension),
            content_type=inspected.content_type,
            size=inspected.size,
            sha256=inspected.sha256,
            page_count=inspected.page_count,
            uploaded_by=actor,
        )
    request.state = RequestState.ANSWERED
    request.answer_text = (text or "").strip()
    request.answered_by = actor
    request.answered_at = answered_at
    request.save(update_fields=["state", "answer_text", "answered_by", "answered_at"])
    _event(application=application, kind=EventKind.REQUEST_ANSWERED, actor=actor, detail=detail)


def request_answer(*, actor, public_id, request_id, files: list, text: str, on: date) -> DocumentRequest:
    """The applicant answers a request by uploading into it; the request then closes.

    Each file is checked by its content; a refused file stores nothing.
    """
    application = access_application(actor=actor, public_id=public_id)
    request = application.document_requests.filter(public_id=request_id).first()
    if request is None:
        raise Http404
    checked = _checked_files(files, language=actor.preferred_language, required=True)
    with _atomic() as stored:
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
    _require(actor, *PROCESS)
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
    checked = _checked_files(files, language=actor.preferred_language, required=False)
    with _atomic() as stored:
        application = _locked_case(public_id=public_id)
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
    letter = _issue_letter(
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
        with _atomic() as stored:
            request = DocumentRequest.objects.select_for_update().get(pk=pk)
            if request.reminded_at is not None or request.state != RequestState.OPEN:
                continue
            request.reminded_at = timezone.now()
            request.save(update_fields=["reminded_at"])
            _event(
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
        with _atomic() as stored:
            request = DocumentRequest.objects.select_for_update().get(pk=pk)
            if request.overdue_notified_at is not None or request.state != RequestState.OPEN:
                continue
            request.overdue_notified_at = timezone.now()
            request.save(update_fields=["overdue_notified_at"])
            _event(
                application=request.application,
                kind=EventKind.REQUEST_OVERDUE,
                actor=None,
                detail=f"due {request.due_on}{_remind(stored=stored, request=request, overdue=True, on=on)}",
            )
            overdue += 1
    return reminded, overdue


# --- Biometrics (IRPR 12.1, PRC-32) and medical exams (SP-222) -------------------------------------


def _principal(application: Application):
    return application.people.filter(role=PersonRole.PRINCIPAL_APPLICANT).first()


def _biometric_fee_paid(application: Application) -> bool:
    codes = {code.value for code in fees.BIOMETRIC_FEES}
    return any(
        line.get("code") in codes and not line.get("deferred")
        for payment in payment_selectors.approved_payments(application)
        for line in payment.quote.get("lines", [])
    )


def biometrics_instruct(
    *, actor, public_id, history: biometrics.PrCardBiometricsHistory | None = None, on: date
) -> list[BiometricsInstruction]:
    """Send the biometric instruction letters the rules call for, one per person (``casework.instructions``)."""
    from .instructions import biometrics_instruct as instruct

    return instruct(actor=actor, public_id=public_id, history=history, on=on)


def biometrics_record_collected(
    *, actor, public_id, collected_on: date | None, on: date, position: int | None = None
) -> BiometricsInstruction:
    """Record that a person's biometrics were collected; processing starts then (PRC-32)."""
    from .instructions import biometrics_record_collected as record

    return record(actor=actor, public_id=public_id, collected_on=collected_on, on=on, position=position)


def medical_instruct(*, actor, public_id, position: int, on: date) -> MedicalInstruction:
    """Send medical exam instructions to one person: the exam within 30 days (SP-222).

    Instructions in the online account arrive the day they are sent (SP-222: linked
    accounts receive them immediately), so the 30 days count from ``on``.
    """
    _require(actor, *PROCESS)
    with _atomic() as stored:
        application = _locked_case(public_id=public_id, at=PROCESSING)
        person = application.people.filter(position=position).first()
        if person is None:
            raise CaseworkError.at("position", _("Choose a person of this application."))
        from .sponsorship import not_examined, person_name

        if not_examined(person):
            raise CaseworkError.at("position", not_examined(person))
        if application.medical_instructions.filter(person=person, result_on__isnull=True).exists():
            raise CaseworkError.at(
                "position", _("This person already has medical instructions waiting for a result.")
            )
        deadline = medical_exam_deadline(instructions_received=on)
        instruction = MedicalInstruction(
            application=application, person=person, issued_on=on, due_on=deadline.deadline, issued_by=actor
        )
        _save_with_letter(
            instruction,
            stored=stored,
            kind=LetterKind.MEDICAL,
            actor=actor,
            on=on,
            context={
                "instruction": instruction,
                # Each family member's own instructions name them (SP-222: one set per person).
                "person_name": person_name(person)
                if application.definition.family_members
                else letters.addressee(application)["name"],
            },
            event=EventKind.MEDICAL_INSTRUCTED,
            detail=f"person {position}, due {deadline.deadline.isoformat()}",
        )
    return instruction


def medical_record_result(
    *, actor, public_id, instruction_id, result_on: date | None, on: date
) -> MedicalInstruction:
    _require(actor, *PROCESS)
    _past_date(result_on, "result_on", on=on)
    with transaction.atomic():
        application = _locked_case(public_id=public_id, at=PROCESSING)
        instruction = (
            application.medical_instructions.select_for_update().filter(public_id=instruction_id).first()
        )
        if instruction is None:
            raise Http404
        if instruction.result_on is not None:
            raise CaseworkError.at("", _("The result of this exam is already recorded."))
        if result_on < instruction.issued_on:
            raise CaseworkError.at("result_on", _("The date cannot be before the instructions were sent."))
        instruction.result_on = result_on
        instruction.result_recorded_by = actor
        instruction.result_recorded_at = timezone.now()
        instruction.save(update_fields=["result_on", "result_recorded_by", "result_recorded_at"])
        _event(
            application=application, kind=EventKind.MEDICAL_RESULT, actor=actor, detail=result_on.isoformat()
        )
    return instruction


# --- Interviews (SP-227, PRC-99e) -------------------------------------------------------------------


def interview_schedule(
    *,
    actor,
    public_id,
    starts_at: datetime | None,
    mode: str,
    place: str,
    documents_to_bring: str,
    purpose: str = InterviewPurpose.PROCESSING,
    now: datetime | None = None,
) -> Interview:
    """Call the applicant to an interview, in writing: date, time, place and documents (SP-227)."""
    _require(actor, *PROCESS)
    now = now or timezone.now()
    errors: dict[str, list] = {}
    if starts_at is None:
        errors["starts_at"] = [_("Enter the date and time of the interview.")]
    elif starts_at <= now:
        errors["starts_at"] = [_("The interview must be in the future.")]
    if mode not in InterviewMode.values:
        errors["mode"] = [_("Choose in person or by video.")]
    if purpose not in InterviewPurpose.values:
        errors["purpose"] = [_("Choose the kind of interview.")]
    if not (place or "").strip():
        errors["place"] = [_("Give the address, or how to join the video call.")]
    if not (documents_to_bring or "").strip():
        errors["documents_to_bring"] = [_("Say which documents to bring.")]
    if errors:
        raise CaseworkError(errors)
    with _atomic() as stored:
        application = _locked_case(public_id=public_id, at=PROCESSING)
        if purpose == InterviewPurpose.QUALITY_ASSURANCE and not hasattr(application, "quality_assurance"):
            raise CaseworkError.at("purpose", _("This application was not selected for quality assurance."))
        interview = Interview(
            application=application,
            purpose=purpose,
            starts_at=starts_at,
            mode=mode,
            place=place.strip(),
            documents_to_bring=documents_to_bring.strip(),
            scheduled_by=actor,
        )
        _save_with_letter(
            interview,
            stored=stored,
            kind=LetterKind.INTERVIEW,
            actor=actor,
            on=timezone.localdate(now),
            context={"interview": interview},
            event=EventKind.INTERVIEW_SCHEDULED,
            detail=f"{timezone.localtime(starts_at):%Y-%m-%d %H:%M} {mode}",
        )
    return interview


def interview_record_outcome(
    *, actor, public_id, interview_id, outcome: str, notes: str, now: datetime | None = None
) -> Interview:
    """Record what happened at an interview, once it has taken place: held on its date (attended) or
    not, by whom recorded; a quality-assurance interview held lets a file drawn for QA be decided."""
    _require(actor, *PROCESS)
    now = now or timezone.now()
    if outcome not in InterviewOutcome.values:
        raise CaseworkError.at("outcome", _("Choose what happened."))
    with transaction.atomic():
        application = _locked_case(public_id=public_id, at=PROCESSING)
        interview = application.interviews.select_for_update().filter(public_id=interview_id).first()
        if interview is None:
            raise Http404
        if interview.outcome:
            raise CaseworkError.at("", _("The outcome of this interview is already recorded."))
        if now < interview.starts_at:
            raise CaseworkError.at(
                "outcome", _("The interview has not taken place yet: record what happened after it.")
            )
        interview.outcome = outcome
        interview.outcome_notes = (notes or "").strip()
        interview.outcome_by = actor
        interview.outcome_at = now
        interview.save(update_fields=["outcome", "outcome_notes", "outcome_by", "outcome_at"])
        _event(
            application=application,
            kind=EventKind.INTERVIEW_OUTCOME,
            actor=actor,
            detail=f"{interview.purpose} interview of {timezone.localdate(interview.starts_at).isoformat()}: {outcome}",
        )
    return interview


# --- Decision -----------------------------------------------------------------------------------------


def pending_work(application: Application) -> list:
    """What an approval still waits for (``casework.readiness``): each item in the current
    language, with its rule."""
    from .readiness import readiness

    return readiness(application, on=timezone.localdate()).missing


def application_decide(
    *,
    actor,
    public_id,
    outcome: str,
    reasons: str = "",
    card_delivery: str = "",
    pick_up_details: str = "",
    applicant_is_citizen: bool = False,
    on: date,
) -> Decision:
    """Approve, refuse (with reasons) or record the withdrawal of an application, with its letter.

    Only a decision-maker decides (not a screening officer). Refunds follow the rules
    (PRC-21, PRC-71): refused, none; a citizen, the processing fee; withdrawn before
    processing started, the processing fee; biometric fees go to an officer (G-22).
    """
    _require(actor, DECIDE)
    errors: dict[str, list] = {}
    reasons = (reasons or "").strip()
    if outcome not in DecisionOutcome.values:
        errors["outcome"] = [_("Choose the decision.")]
    if outcome in (DecisionOutcome.REFUSED, DecisionOutcome.WITHDRAWN) and not reasons:
        errors["reasons"] = [
            _("Give the reasons for the refusal: the letter explains them to the applicant.")
            if outcome == DecisionOutcome.REFUSED
            else _("Give the reasons for the withdrawal: the letter explains them to the applicant.")
        ]
    program = Application.objects.filter(public_id=public_id).values_list("program", flat=True).first()
    # A card is mailed or picked up only for a program whose approval is a card (IMM 5445).
    delivers_a_card = program is not None and registry.program(program).delivery is Delivery.CARD_BY_MAIL
    if outcome == DecisionOutcome.APPROVED and delivers_a_card:
        if card_delivery not in CardDelivery.values:
            errors["card_delivery"] = [_("Say whether the card is mailed or picked up.")]
        elif card_delivery == CardDelivery.PICK_UP and not (pick_up_details or "").strip():
            errors["pick_up_details"] = [_("Say where and when the card can be picked up.")]
    if errors:
        raise CaseworkError(errors)
    with _atomic() as stored:
        application = _locked_case(public_id=public_id)
        if outcome == DecisionOutcome.WITHDRAWN:
            _require_stage(application, (Status.SUBMITTED, *PROCESSING))
        else:
            _require_stage(application, PROCESSING)
            if application.definition.decided_per_person:
                # A sponsorship is decided person by person (casework.sponsorship.sponsorship_decide).
                raise CaseworkError.at(
                    "outcome", _("A sponsorship is decided person by person: use the sponsorship decision.")
                )
        if outcome == DecisionOutcome.APPROVED:
            from .readiness import readiness

            waiting = readiness(application, on=on).missing
            if waiting:
                raise CaseworkError({"": [_("The application cannot be approved yet:"), *waiting]})
        on_date = _application_date(application)
        refund: dict[str, Any] = {}
        if outcome == DecisionOutcome.REFUSED:
            event = (
                fees.RefundEvent.APPLICANT_IS_CITIZEN if applicant_is_citizen else fees.RefundEvent.REFUSED
            )
            refund = _refund(application, event=event, on=on_date)
        elif outcome == DecisionOutcome.WITHDRAWN:
            started = application.status == Status.IN_PROCESSING
            event = (
                fees.RefundEvent.WITHDRAWN_AFTER_PROCESSING_STARTED
                if started
                else fees.RefundEvent.WITHDRAWN_BEFORE_PROCESSING
            )
            refund = _refund(application, event=event, on=on_date)
        decision = Decision(
            application=application,
            outcome=outcome,
            reasons=reasons,
            card_delivery=card_delivery if outcome == DecisionOutcome.APPROVED and delivers_a_card else "",
            pick_up_details=(pick_up_details or "").strip() if card_delivery == CardDelivery.PICK_UP else "",
            applicant_is_citizen=applicant_is_citizen and outcome == DecisionOutcome.REFUSED,
            refund=refund,
            decided_by=actor,
        )
        kind, to_status = {
            DecisionOutcome.APPROVED: (LetterKind.APPROVAL, Status.APPROVED),
            DecisionOutcome.REFUSED: (LetterKind.REFUSAL, Status.REFUSED),
            DecisionOutcome.WITHDRAWN: (LetterKind.WITHDRAWAL, Status.WITHDRAWN),
        }[DecisionOutcome(outcome)]
        _decision_save(
            decision,
            stored=stored,
            kind=kind,
            actor=actor,
            on=on,
            context={"decision": decision, "refund": refund},
            to_status=to_status,
            reason=reasons or str(CardDelivery(card_delivery).label if card_delivery else outcome),
        )
        _event(application=application, kind=EventKind.DECIDED, actor=actor, detail=outcome)
    return decision


# --- Letters to print and mail ------------------------------------------------------------------


def letter_record_mailed(*, actor, public_id, letter_id, mailed_on: date | None, on: date) -> LetterMailed:
    """Record that a letter to be printed and mailed (a paper applicant without e-mail) was mailed.

    Once per letter, on a day between its issue and ``on``; the history names the officer.
    """
    _require(actor, *PROCESS)
    _past_date(mailed_on, "mailed_on", on=on)
    with transaction.atomic():
        application = _locked_case(public_id=public_id)
        letter = Letter.objects.filter(application=application, public_id=letter_id).first()
        if letter is None:
            raise Http404
        if letter.channel != CorrespondenceChannel.MAIL.value:
            raise CaseworkError.at("", _("This letter is not to be mailed: it went to the account or by e-mail."))
        if LetterMailed.objects.filter(letter=letter).exists():
            raise CaseworkError.at("", _("This letter is already recorded as mailed."))
        issued_on = timezone.localdate(letter.issued_at)
        if mailed_on < issued_on:
            raise CaseworkError.at("mailed_on", _("The date cannot be before the letter was issued."))
        mailed = LetterMailed.objects.create(letter=letter, mailed_on=mailed_on, recorded_by=actor)
        _event(
            application=application,
            kind=EventKind.LETTER_MAILED,
            actor=actor,
            detail=f"{letter.kind} letter of {issued_on.isoformat()}, mailed on {mailed_on.isoformat()}",
        )
    return mailed


# --- Notes and the access log ----------------------------------------------------------------------


def note_add(*, actor, public_id, text: str) -> InternalNote:
    """An internal note on the file: for officers only, never shown to the applicant."""
    _require(actor, *PROCESS)
    text = _required_text(text, "text", _("Write the note."))
    with transaction.atomic():
        application = _locked_case(public_id=public_id)
        note = InternalNote.objects.create(application=application, author=actor, text=text)
        _event(application=application, kind=EventKind.NOTE_ADDED, actor=actor)
    return note


def file_access_record(
    *, actor, application: Application, kind: AccessKind, what: str = "", request: HttpRequest | None = None
) -> FileAccess:
    """Log that an officer opened a file or one of its documents (who, what, when, from where)."""
    from portique.core.client_address import client_ip

    return FileAccess.objects.create(
        officer=actor,
        officer_email=actor.email,
        application=application,
        kind=kind,
        what=what[:300],
        ip=client_ip(request),
    )
