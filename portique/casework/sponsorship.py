"""The officers' side of a sponsorship: the sponsor is assessed first (IMM 5289 — « Examen d'admissibilité »).

A sponsorship holds two applications: the sponsorship and the application for permanent
residence (IRPR 10(4)). The sponsor is assessed first, by a decision-maker:

- approved: the application for permanent residence goes on to its own decision, which
  waits for this one (``pending``);
- refused, with reasons: what follows is the sponsor's choice at IMM 1344 question 1
  (SP-48, SP-202). "Withdraw": the application is withdrawn and every fee is refunded but
  the $85 sponsorship fee (``fees.RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE``), with a
  letter. "Proceed" (or no choice): the application for permanent residence goes on to
  its decision, most likely a refusal; the decision-maker then refuses it with reasons.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from portique.applications.choices import SPONSORSHIPS, Status
from portique.applications.services import application_transition
from portique.rules import fees

from . import services
from .choices import DecisionOutcome, EventKind, LetterKind
from .models import Decision, SponsorAssessment


def pending(application) -> list:
    """What a sponsorship's final decision waits for on the sponsor's side."""
    if application.program not in SPONSORSHIPS:
        return []
    assessment = SponsorAssessment.objects.filter(application=application).first()
    if assessment is None:
        return [_("The sponsor has not been assessed yet: the sponsor is assessed first.")]
    if not assessment.approved and assessment.imm1344_choice == "withdraw":
        return [_("The sponsor was refused and chose to withdraw: the application is withdrawn.")]
    return []


def not_examined(person):
    """Why ``person`` gets no medical instructions, or None.

    Every family member of the principal applicant is examined, accompanying or not
    (SP-115, SP-116); the sponsor and the parent or guardian who signs are not applicants.
    """
    if person.role in ("sponsor", "parent_or_guardian"):
        return _(
            "Only the principal applicant and the family members are examined, not the sponsor or the guardian."
        )
    return None


def _imm1344_choice(application) -> str:
    sponsor = application.people.filter(role="sponsor").first()
    choice = (
        ((sponsor.answers.get("IMM1344") or {}).get("question_1") or {}).get("choice") if sponsor else None
    )
    return choice if choice in ("withdraw", "proceed") else ""


def sponsor_assess(*, actor, public_id, approved: bool, reasons: str = "", on: date) -> SponsorAssessment:
    """Approve the sponsor, or refuse them with reasons and apply their IMM 1344 question 1 choice."""
    services._require(actor, services.DECIDE)
    reasons = (reasons or "").strip()
    if not approved and not reasons:
        raise services.CaseworkError.at(
            "reasons",
            _("Give the reasons for refusing the sponsor: the letter explains them to the applicant."),
        )
    with services._atomic() as stored:
        application = services._locked_case(public_id=public_id)
        if application.program not in SPONSORSHIPS:
            raise services.CaseworkError.at("", _("Only a sponsorship has a sponsor to assess."))
        services._require_stage(application, services.PROCESSING)
        if SponsorAssessment.objects.filter(application=application).exists():
            raise services.CaseworkError.at("", _("The sponsor has already been assessed."))
        choice = "" if approved else _imm1344_choice(application)
        assessment = SponsorAssessment.objects.create(
            application=application,
            approved=approved,
            reasons=reasons,
            imm1344_choice=choice,
            assessed_by=actor,
        )
        services._event(
            application=application,
            kind=EventKind.DECIDED,
            actor=actor,
            detail="sponsor approved"
            if approved
            else f"sponsor refused; IMM 1344 question 1: {choice or 'none'}",
        )
        if choice == "withdraw":
            # SP-48, SP-202: withdrawn at the sponsor's choice, every fee back but the sponsorship fee.
            refund = services._refund(
                application,
                event=fees.RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE,
                on=services._application_date(application),
            )
            decision = Decision(
                application=application,
                outcome=DecisionOutcome.WITHDRAWN,
                reasons=reasons,
                refund=refund,
                decided_by=actor,
            )
            decision.letter = services._issue_letter(
                stored=stored,
                application=application,
                kind=LetterKind.WITHDRAWAL,
                actor=actor,
                on=on,
                context={"decision": decision, "refund": refund},
            )
            decision.save()
            application_transition(
                application=application,
                to_status=Status.WITHDRAWN,
                actor=actor,
                reason="sponsor refused; withdrawn",
            )
    return assessment
