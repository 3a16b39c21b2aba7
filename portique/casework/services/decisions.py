"""The decision: what it waits for, approval or refusal, the letters and the card's delivery."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import Status
from portique.applications.models import Application
from portique.rules import fees
from portique.rules.programs import registry
from portique.rules.programs.definition import Delivery

from ..choices import (
    CardDelivery,
    DecisionOutcome,
    EventKind,
    LetterKind,
)
from ..models import (
    Decision,
)
from . import common
from .common import (
    DECIDE,
    PROCESSING,
    CaseworkError,
)
from .withdrawal import withdrawal_record

# --- Decision -----------------------------------------------------------------------------------------


def pending_work(application: Application) -> list:
    """What an approval still waits for (``casework.readiness``): each item in the current
    language, with its rule."""
    from ..readiness import readiness

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
    letter_by_task: bool = False,
) -> Decision:
    """Approve, refuse (with reasons) or record the withdrawal of an application, with its letter.

    Only a decision-maker decides (not a screening officer). Refunds follow the rules
    (PRC-21, PRC-71): refused, none; a citizen, the processing fee; withdrawn before
    processing started, the processing fee; biometric fees go to an officer (G-22).
    ``letter_by_task``: the letter is made by a task worker after the commit (bulk approval).
    """
    common.require(actor, DECIDE)
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
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id)
        if outcome == DecisionOutcome.WITHDRAWN:
            common.require_stage(application, (Status.SUBMITTED, *PROCESSING))
        else:
            common.require_stage(application, PROCESSING)
            if application.definition.decided_per_person:
                # A sponsorship is decided person by person (casework.sponsorship.sponsorship_decide).
                raise CaseworkError.at(
                    "outcome", _("A sponsorship is decided person by person: use the sponsorship decision.")
                )
        if outcome == DecisionOutcome.APPROVED:
            from ..readiness import readiness

            waiting = readiness(application, on=on).missing
            if waiting:
                raise CaseworkError({"": [_("The application cannot be approved yet:"), *waiting]})
        if outcome == DecisionOutcome.WITHDRAWN:
            # The same refund, letter and history as the applicant's own withdrawal.
            return withdrawal_record(
                application, actor=actor, reasons=reasons, stored=stored, on=on, at_applicant_request=False
            )
        refund: dict[str, Any] = {}
        if outcome == DecisionOutcome.REFUSED:
            event = (
                fees.RefundEvent.APPLICANT_IS_CITIZEN if applicant_is_citizen else fees.RefundEvent.REFUSED
            )
            refund = common.refund(application, event=event, on=common.application_date(application))
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
        }[DecisionOutcome(outcome)]
        common.decision_save(
            decision,
            stored=stored,
            kind=kind,
            actor=actor,
            on=on,
            context={"decision": decision, "refund": refund},
            to_status=to_status,
            reason=reasons or str(CardDelivery(card_delivery).label if card_delivery else outcome),
            letter_by_task=letter_by_task,
        )
        common.record_event(application=application, kind=EventKind.DECIDED, actor=actor, detail=outcome)
        if outcome == DecisionOutcome.APPROVED and application.definition.delivers_an_authorization:
            from ..eta import eta_issue

            eta_issue(application=application, actor=actor, on=on)
    return decision
