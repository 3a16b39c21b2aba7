"""Before a sponsorship starts: may this sponsor sponsor this person, and in which category?

The sponsor answers the eligibility questions of IMM 1344 (age, status, residence,
social assistance, every bar and suspension, the 3-year and 5-year rules) and says whom
they sponsor and where that person lives. The rules answer with the same functions the
full evaluation uses (``sponsorship.eligibility``, ``relationships``, ``categories``):

- not eligible (under 18, no status, a permanent resident living abroad, a pending
  sponsorship of the same person — IRPR 10(5)): the application cannot start;
- may not be allowed (a bar): the sponsor may proceed, choosing at IMM 1344 question 1
  to withdraw with a refund of all but the sponsorship fee, or to proceed knowing the
  likely refusal (SP-48);
- a conjugal partner living in Canada cannot be sponsored as such (SP-93);
- the categories open, the one advised, and the public policy for a spouse or partner
  in Canada without status (SP-81, SP-100, SP-101).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..case import CasePerson
from ..forms.model import Page
from ..forms.validate import validate_section
from ..reasons import Reason, Severity
from ..sponsorship import categories, eligibility, relationships
from ..sponsorship.vocabulary import SponsoredRelationship
from .imm1344 import HISTORY, IMM1344, QUESTION_1, SPONSOR

# The IMM 1344 questions asked before starting (the rest of the form comes later).
SPONSOR_QUESTIONS = (
    "date_of_birth",
    "status",
    "residence",
    "intends_to_live_in_canada",
    "resides_in_quebec",
    "social_assistance",
)
# The questions about the person sponsored asked before starting (IMM 0008 "application").
SPONSORED_PERSON_QUESTIONS = ("relationship", "location", "has_valid_temporary_status", "inadmissibilities", "category")

# The eligibility questions are asked a few at a time: the pages of IMM 1344's sections
# (``SPONSOR.pages``, ``HISTORY.pages``), then these two.
SPONSORED_PERSON_PAGE = Page(
    "sponsored_person",
    "The person you sponsor",
    "La personne que vous parrainez",
    SPONSORED_PERSON_QUESTIONS,
    why_en=(
        "Whom you sponsor, and where they live, decide the categories open to the application; "
        "only the family class gives a right of appeal."
    ),
    why_fr=(
        "La personne parrainée et son lieu de résidence déterminent les catégories possibles ; "
        "seule la catégorie du regroupement familial donne un droit d’appel."
    ),
    citation=categories.CHOOSE_CATEGORY,
)
IF_NOT_MET_PAGE = Page(
    "if_not_met",
    "If you do not meet the requirements",
    "Si vous ne satisfaites pas aux exigences",
    tuple(field.code for field in QUESTION_1.fields),
    why_en=(
        "If the answers show that you may not be allowed to sponsor, you choose now whether to withdraw "
        "(the fees are refunded except the sponsorship fee) or to go on knowing the application will likely be refused."
    ),
    why_fr=(
        "Si vos réponses montrent que vous pourriez ne pas être autorisé à parrainer, vous choisissez dès maintenant "
        "de retirer le parrainage (les frais sont remboursés, sauf les frais de parrainage) ou de poursuivre en "
        "sachant que la demande sera probablement refusée."
    ),
    citation=eligibility.NOT_MEETING + "; IMM 1344, section 1, question 1",
)

# Findings that keep an application from starting at all.
NOT_STARTABLE = frozenset({"CONJUGAL_PARTNER_LIVES_IN_CANADA"})


@dataclass(frozen=True)
class Screening:
    outcome: str | None  # eligibility.SponsorOutcome value, None while questions are unanswered
    may_start: bool
    choice_required: bool  # IMM 1344 question 1 must be answered to go on
    processing_suspended: bool
    time_bar_ends: date | None
    allowed_categories: tuple[str, ...]
    advised_category: str | None
    reasons: tuple[Reason, ...]
    # Unanswered or unreadable questions, located "IMM1344/sponsor.date_of_birth".
    form_findings: tuple[Reason, ...]


def _questions_answered(sponsor_answers: dict[str, Any], on: date) -> list[Reason]:
    found = []
    for section in (SPONSOR, HISTORY, QUESTION_1):
        for problem in validate_section(IMM1344, section, sponsor_answers, application_date=on):
            field = (problem.subject or "").split(".", 1)[-1]
            if section is SPONSOR and field not in SPONSOR_QUESTIONS:
                continue
            found.append(replace(problem, subject=f"IMM1344/{problem.subject}"))
    return found


def screen(
    *,
    sponsor_answers: dict[str, Any],
    relationship: SponsoredRelationship,
    location: categories.PartnerLocation,
    has_valid_temporary_status: bool = False,
    inadmissibilities: frozenset[categories.Inadmissibility] = frozenset(),
    category: categories.Category | None = None,
    on: date,
) -> Screening:
    from .sponsorship import sponsor_assessed

    form_findings = _questions_answered(sponsor_answers, on)
    read: list[Reason] = []
    sponsor = sponsor_assessed(CasePerson("sponsor", "sponsor", {"IMM1344": sponsor_answers}), read)
    form_findings.extend(r for r in read if r.code == "ANSWER_INVALID")
    reasons: list[Reason] = []
    outcome = None
    suspended = choice_required = False
    time_bar_ends = None
    if sponsor.profile is not None:
        assessment = eligibility.assess_sponsor(
            sponsor=sponsor.profile,
            sponsoring=relationship,
            application_received=on,
            imm1344_choice=sponsor.choice,
        )
        outcome = assessment.outcome.value
        suspended = assessment.processing_suspended
        choice_required = assessment.imm1344_choice_required
        time_bar_ends = assessment.time_bar_ends
        reasons.extend(assessment.reasons)
    if (
        relationship is SponsoredRelationship.CONJUGAL_PARTNER
        and location is not categories.PartnerLocation.OUTSIDE_CANADA
    ):
        conjugal = relationships.assess_relationship(
            relationship=relationship,
            application_date=on,
            partner_birth_date=None,
            conjugal=relationships.ConjugalRelationship(
                since=date(1900, 1, 1),
                partner_lives_in_canada=True,
                prevented_from_living_together_or_marrying=True,
                mutual_interdependence=True,
            ),
        )
        reasons.extend(r for r in conjugal.reasons if r.code in NOT_STARTABLE)
    exempt = False
    if (
        relationship in (SponsoredRelationship.SPOUSE, SponsoredRelationship.COMMON_LAW_PARTNER)
        and location is categories.PartnerLocation.IN_CANADA_WITH_SPONSOR
    ):
        policy = categories.assess_public_policy(
            has_valid_temporary_status=has_valid_temporary_status, inadmissibilities=inadmissibilities
        )
        exempt = policy.covered
        reasons.extend(policy.reasons)
    chosen = categories.choose_category(
        relationship=relationship,
        location=location,
        has_valid_temporary_status=has_valid_temporary_status,
        exempt_under_public_policy=exempt,
        sponsor_intends_to_appeal_if_refused=sponsor.intends_to_appeal_if_refused,
        chosen=category,
    )
    reasons.extend(chosen.reasons)
    # A bar is a WARNING (the sponsor may proceed, SP-48); what is BLOCKING here keeps the
    # application from starting: not eligible, no IMM 1344 question 1 choice, a conjugal
    # partner in Canada, no category or one that is not open.
    may_start = (
        not form_findings
        and outcome is not None
        and not any(r.severity is Severity.BLOCKING for r in reasons)
    )
    return Screening(
        outcome=outcome,
        may_start=may_start,
        choice_required=choice_required,
        processing_suspended=suspended,
        time_bar_ends=time_bar_ends,
        allowed_categories=tuple(c.value for c in chosen.allowed),
        advised_category=chosen.advised.value if chosen.advised else None,
        reasons=tuple(reasons),
        form_findings=tuple(form_findings),
    )


def blocking(screening: Screening) -> tuple[Reason, ...]:
    """What keeps the application from starting, in both languages."""
    if screening.may_start:
        return ()
    found = list(screening.form_findings)
    found.extend(r for r in screening.reasons if r.severity is Severity.BLOCKING)
    return tuple(found)
