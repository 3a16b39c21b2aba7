"""Withdrawing an application: recorded by a decision-maker (``decisions.application_decide``) or
asked for by the applicant or their active representative in their account (``application_withdraw``).

Both go through ``withdrawal_record``: the same refund (PRC-21, PRC-71: the processing fee
comes back when processing has not started), the same letter and the same history.
"""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import Role
from portique.applications.access import Capability, access_application, current_representation
from portique.applications.choices import RepresentationState, Status
from portique.applications.models import Application
from portique.rules import fees

from ..choices import DecisionOutcome, EventKind, LetterKind
from ..models import Decision
from . import common
from .common import PROCESSING, CaseworkError

# A file may be withdrawn once submitted and until it is decided (a returned one is closed).
WITHDRAWABLE = frozenset({Status.SUBMITTED, *PROCESSING})
MAX_REASON_LENGTH = 2000


def withdrawal_refund_event(application: Application) -> fees.RefundEvent:
    """Which refund rule a withdrawal falls under at the file's stage."""
    if application.status == Status.IN_PROCESSING:
        return fees.RefundEvent.WITHDRAWN_AFTER_PROCESSING_STARTED
    return fees.RefundEvent.WITHDRAWN_BEFORE_PROCESSING


def withdrawal_refund_preview(application: Application, *, on: date) -> fees.RefundAssessment | None:
    """What a withdrawal today would give back, as the rules say; nothing is paid."""
    return common.refund_assessment(
        application, event=withdrawal_refund_event(application), on=common.application_date(application)
    )


def withdrawal_record(
    application: Application,
    *,
    actor,
    reasons: str,
    stored: list[str],
    on: date,
    at_applicant_request: bool,
) -> Decision:
    """Refund, letter, status and history of a withdrawal; the caller holds ``application`` locked
    and has checked the stage and the actor."""
    refund = common.refund(
        application, event=withdrawal_refund_event(application), on=common.application_date(application)
    )
    decision = Decision(
        application=application,
        outcome=DecisionOutcome.WITHDRAWN,
        reasons=reasons,
        refund=refund,
        decided_by=actor,
    )
    context = {"decision": decision, "refund": refund, "at_applicant_request": at_applicant_request}
    if at_applicant_request:
        # The letter comes from the office, not signed by the person who asked.
        context["officer_name"] = _("Immigration, Refugees and Citizenship Canada")
    common.decision_save(
        decision,
        stored=stored,
        kind=LetterKind.WITHDRAWAL,
        actor=actor,
        on=on,
        context=context,
        to_status=Status.WITHDRAWN,
        reason=reasons or "withdrawn at the applicant's request",
    )
    common.record_event(
        application=application,
        kind=EventKind.DECIDED,
        actor=actor,
        detail="withdrawn at the applicant's request" if at_applicant_request else DecisionOutcome.WITHDRAWN,
    )
    return decision


def withdrawable_by(*, actor, public_id, for_update: bool = False) -> Application:
    """The application if ``actor`` may withdraw it: its applicant (the owner, or the client of an
    active representation) or the representative of an active representation. 404 otherwise."""
    application = access_application(
        actor=actor, public_id=public_id, for_update=for_update, capability=Capability.READ
    )
    if application.on_paper:
        # A paper application followed online is read there; it is withdrawn in writing, as it was made.
        raise Http404
    if actor.role == Role.REPRESENTATIVE:
        current = current_representation(application)
        # A representative the client has not yet accepted prepares, but does not act on a submitted file.
        if current is None or current.state != RepresentationState.ACTIVE or current.representative_id != actor.pk:
            raise Http404
    elif actor.role != Role.APPLICANT:
        raise Http404
    return application


def application_withdraw(*, actor, public_id, declaration: bool, reasons: str = "", on: date) -> Decision:
    """The applicant (or their active representative) withdraws a submitted application before its decision.

    The declaration must be confirmed. The refund is the one the rules allow at the file's stage,
    paid back at once; the withdrawal letter is issued in both languages. A second request (a double
    click, a retry) returns the withdrawal already recorded and does nothing more.
    """
    reasons = (reasons or "").strip()
    if not declaration:
        raise CaseworkError.at(
            "declaration", _("Confirm that you understand what withdrawing your application means.")
        )
    if len(reasons) > MAX_REASON_LENGTH:
        raise CaseworkError.at(
            "reasons", _("Write at most %(count)s characters.") % {"count": MAX_REASON_LENGTH}
        )
    with common.atomic() as stored:
        application = withdrawable_by(actor=actor, public_id=public_id, for_update=True)
        if application.status == Status.WITHDRAWN:
            already = Decision.objects.filter(application=application, outcome=DecisionOutcome.WITHDRAWN).first()
            if already is not None:
                return already
        if application.status not in WITHDRAWABLE:
            raise CaseworkError.at(
                "",
                _("This application is “%(status)s”: it can no longer be withdrawn.")
                % {"status": application.get_status_display()},
            )
        return withdrawal_record(
            application,
            actor=actor,
            reasons=reasons,
            stored=stored,
            on=on,
            at_applicant_request=True,
        )
