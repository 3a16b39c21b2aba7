"""What every officer task does: check the officer's role, lock the file, check its stage and the input,
record the event, issue a letter inside the transaction, refund what the rules say."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import Role
from portique.applications.choices import EDITABLE, Status
from portique.applications.models import Application
from portique.applications.selectors import correspondent_of
from portique.applications.services import application_transition
from portique.payments import selectors as payment_selectors
from portique.payments.services import event_refund
from portique.rules import fees
from portique.rules.correspondence import (
    LinkedAccount,
    Representative,
    route_correspondence,
)

from .. import letters, notifications
from ..choices import (
    EventKind,
    LetterKind,
)
from ..models import (
    CaseEvent,
    Decision,
    Letter,
)

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


def require(actor, *permissions: str) -> None:
    if not is_officer_with(actor, *permissions):
        raise PermissionDenied


def locked_case(*, public_id, at: Iterable[str] | None = None) -> Application:
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
        require_stage(application, at)
    return application


def wrong_stage(application: Application) -> CaseworkError:
    return CaseworkError.at(
        "",
        _("This application is “%(status)s”: this action is not possible at this stage.")
        % {"status": application.get_status_display()},
    )


def require_stage(application: Application, allowed: Iterable[str]) -> None:
    if application.status not in set(allowed):
        raise wrong_stage(application)


def record_event(*, application: Application, kind: EventKind, actor, detail: str = "") -> CaseEvent:
    return CaseEvent.objects.create(application=application, kind=kind, actor=actor, detail=detail)


def past_date(value: date | None, field: str, *, on: date) -> date:
    """A date that has happened (a result, a collection, a receipt), given in ``field``."""
    if value is None:
        raise CaseworkError.at(field, _("Enter the date as year, month and day, for example 2027-01-15."))
    if value > on:
        raise CaseworkError.at(field, _("The date cannot be in the future."))
    return value


def required_text(value: str | None, field: str, message) -> str:
    text = (value or "").strip()
    if not text:
        raise CaseworkError.at(field, message)
    return text


@contextlib.contextmanager
def atomic() -> Iterator[list[str]]:
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


def issue_letter(
    *,
    stored: list[str],
    application: Application,
    kind: LetterKind,
    actor,
    on: date,
    context: dict[str, Any],
    by_task: bool = False,
) -> Letter:
    """Write the letter with what it tells; ``by_task``: a task worker makes its PDFs after the
    commit (``casework.letter_tasks``), so a batch of decisions does not wait for them."""
    letter = Letter(
        application=application,
        kind=kind,
        language=correspondent_of(application).language,
        channel=_channel(application),
        issued_by=actor,
    )
    if by_task:
        from .. import letter_tasks

        letter.save()
        letter_tasks.letter_make_later(letter, dated_on=on)
        return letter
    pdfs = letters.render(kind=kind, application=application, on=on, officer=actor, context=context)
    for language, content in pdfs.items():
        field = letter.pdf(language)
        field.save(f"{kind}-{language}.pdf", ContentFile(content), save=False)
        stored.append(field.name)
    letter.save()
    transaction.on_commit(lambda: notifications.send_letter_notice(letter_id=letter.pk))
    return letter


def save_with_letter(
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
    record.letter = issue_letter(
        stored=stored, application=record.application, kind=kind, actor=actor, on=on, context=context
    )
    record.save()
    record_event(application=record.application, kind=event, actor=actor, detail=detail)
    return record


def decision_save(
    decision: Decision,
    *,
    stored: list[str],
    kind: LetterKind,
    actor,
    on: date,
    context: dict[str, Any],
    to_status: str,
    reason: str,
    letter_by_task: bool = False,
) -> Decision:
    """Save a decision with its letter and move the application to its outcome (the history
    records who, when and why)."""
    decision.letter = issue_letter(
        stored=stored,
        application=decision.application,
        kind=kind,
        actor=actor,
        on=on,
        context=context,
        by_task=letter_by_task,
    )
    decision.save()
    application_transition(application=decision.application, to_status=to_status, actor=actor, reason=reason)
    return decision


# --- Refunds as the rules say ------------------------------------------------------------------


def refund_assessment(
    application: Application, *, event: fees.RefundEvent, on: date
) -> fees.RefundAssessment | None:
    """What ``portique.rules.fees.assess_refund`` says ``event`` would give back; nothing is paid.
    ``None`` when nothing was paid (or all of it is already back)."""
    if payment_selectors.paid_for(application) <= 0:
        return None
    latest = payment_selectors.approved_payments(application).last()
    return fees.assess_refund(
        quote=payment_selectors.quote_for(application, on),
        event=event,
        proof=fees.ProofOfPayment.RECEIPT_ATTACHED,
        payer_name_on_receipt=latest.payer_name if latest else None,
    )


def refund(application: Application, *, event: fees.RefundEvent, on: date) -> dict[str, Any]:
    """What ``portique.rules.fees.assess_refund`` says ``event`` gives back, as JSON."""
    assessment = refund_assessment(application, event=event, on=on)
    if assessment is None:
        return {}
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


def application_date(application: Application) -> date:
    # The day it was submitted; for a paper application, the day it was received (IRPR 11).
    submitted = (
        timezone.localdate(application.submitted_at) if application.submitted_at else timezone.localdate()
    )
    return application.application_date(submitted)
