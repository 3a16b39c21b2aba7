"""The sponsor's undertaking: how long it lasts, what does not end it, default, withdrawal.

Rules SP-10 to SP-15 and SP-232 (IMM 5289, "Vos obligations en tant que répondant",
"Puis-je annuler mon engagement après qu'il a été approuvé?", "Durée de l'engagement",
Appendix D).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.dates import add_years, age_on
from portique.rules.reasons import Reason, Severity
from portique.rules.sponsorship.vocabulary import PARTNERS, SponsoredRelationship, cite, param, say

DURATION = cite("Durée de l'engagement")
OBLIGATIONS = cite("Vos obligations en tant que répondant")
WITHDRAWAL = cite("Puis-je annuler mon engagement après qu'il a été approuvé?")


@dataclass(frozen=True, slots=True)
class UndertakingTerm:
    """When the undertaking ends (outside Quebec). ``ends_on`` is None for Quebec (G-20)."""

    ends_on: date | None
    needs_officer_review: bool
    reasons: tuple[Reason, ...]


def undertaking_end(
    *,
    sponsored: SponsoredRelationship,
    became_pr_on: date,
    birth_date: date | None = None,
    sponsor_resides_in_quebec: bool = False,
) -> UndertakingTerm:
    """The day the undertaking for one sponsored person ends (SP-14, SP-15).

    Outside Quebec: a spouse or partner, 3 years after becoming a permanent resident; a
    dependent child aged 22 or older on that day, 3 years; a younger child, 10 years or
    until the child turns 25, whichever comes first. ``birth_date`` is required for a child.
    Reading: the child's age is taken on the day they become a permanent resident, the
    day the guide counts the undertaking from.
    """
    if sponsor_resides_in_quebec:
        # Reading (G-20): Quebec's durations are not in the sources; Quebec decides.
        return UndertakingTerm(
            ends_on=None,
            needs_officer_review=True,
            reasons=(
                say(
                    "UNDERTAKING_QUEBEC_DURATION",
                    rule="SP-15",
                    citation=DURATION,
                    en="The length of the undertaking is different for Quebec residents and is set by "
                    "Quebec; it is not calculated here.",
                    fr="La durée de l’engagement est différente pour les résidents du Québec et est "
                    "fixée par le Québec ; elle n’est pas calculée ici.",
                    severity=Severity.WARNING,
                ),
            ),
        )
    if sponsored in PARTNERS:
        years = param("undertaking_partner_years", became_pr_on)
        ends = add_years(became_pr_on, years)
        return UndertakingTerm(
            ends_on=ends,
            needs_officer_review=False,
            reasons=(
                say(
                    "UNDERTAKING_PARTNER",
                    rule="SP-14",
                    citation=DURATION,
                    en="The undertaking for a spouse, common-law or conjugal partner lasts {years} years "
                    "from the day they become a permanent resident: until {ends}.",
                    fr="L’engagement envers un époux, un conjoint de fait ou un partenaire conjugal dure "
                    "{years} ans à compter de la date à laquelle il devient résident permanent : "
                    "jusqu’au {ends}.",
                    severity=Severity.INFO,
                    years=years,
                    ends=ends.isoformat(),
                ),
            ),
        )
    if sponsored is not SponsoredRelationship.DEPENDENT_CHILD:
        raise ValueError("no undertaking in this kit for " + sponsored.value)
    if birth_date is None:
        raise ValueError("birth_date is required for a dependent child")
    threshold = param("undertaking_child_age_threshold", became_pr_on)
    age = age_on(birth_date, became_pr_on)
    if age >= threshold:
        years = param("undertaking_older_child_years", became_pr_on)
        ends = add_years(became_pr_on, years)
        found = say(
            "UNDERTAKING_OLDER_CHILD",
            rule="SP-14",
            citation=DURATION,
            en="The undertaking for a dependent child aged {threshold} or older ({age}) lasts {years} "
            "years from the day they become a permanent resident: until {ends}.",
            fr="L’engagement envers un enfant à charge âgé de {threshold} ans ou plus ({age} ans) dure "
            "{years} ans à compter de la date à laquelle il devient résident permanent : jusqu’au {ends}.",
            severity=Severity.INFO,
            threshold=threshold,
            age=age,
            years=years,
            ends=ends.isoformat(),
        )
        return UndertakingTerm(ends_on=ends, needs_officer_review=False, reasons=(found,))
    years = param("undertaking_young_child_years", became_pr_on)
    end_age = param("undertaking_young_child_end_age", became_pr_on)
    after_years = add_years(became_pr_on, years)
    at_end_age = add_years(birth_date, end_age)
    ends = min(after_years, at_end_age)
    found = say(
        "UNDERTAKING_YOUNG_CHILD",
        rule="SP-14",
        citation=DURATION,
        en="The undertaking for a dependent child under {threshold} ({age}) lasts {years} years from "
        "the day they become a permanent resident ({after_years}) or until they turn {end_age} "
        "({at_end_age}), whichever comes first: until {ends}.",
        fr="L’engagement envers un enfant à charge de moins de {threshold} ans ({age} ans) dure {years} "
        "ans à compter de la date à laquelle il devient résident permanent ({after_years}) ou jusqu’à "
        "ce qu’il atteigne {end_age} ans ({at_end_age}), selon la première éventualité : jusqu’au {ends}.",
        severity=Severity.INFO,
        threshold=threshold,
        age=age,
        years=years,
        end_age=end_age,
        after_years=after_years.isoformat(),
        at_end_age=at_end_age.isoformat(),
        ends=ends.isoformat(),
    )
    return UndertakingTerm(ends_on=ends, needs_officer_review=False, reasons=(found,))


class CircumstanceChange(str, Enum):
    """Changes that do NOT cancel an undertaking (SP-12)."""

    SPONSORED_BECAME_CITIZEN = "sponsored_became_citizen"
    DIVORCE_SEPARATION_OR_END_OF_RELATIONSHIP = "divorce_separation_or_end_of_relationship"
    MOVED_TO_ANOTHER_PROVINCE_OR_COUNTRY = "moved_to_another_province_or_country"
    SPONSOR_FINANCIAL_PROBLEMS = "sponsor_financial_problems"


_CHANGE_TEXT = {
    CircumstanceChange.SPONSORED_BECAME_CITIZEN: (
        "the sponsored person became a Canadian citizen",
        "la personne parrainée a obtenu la citoyenneté canadienne",
    ),
    CircumstanceChange.DIVORCE_SEPARATION_OR_END_OF_RELATIONSHIP: (
        "divorce, separation or the end of the relationship",
        "un divorce, une séparation ou la fin de la relation",
    ),
    CircumstanceChange.MOVED_TO_ANOTHER_PROVINCE_OR_COUNTRY: (
        "a move to another province or country",
        "un déménagement dans une autre province ou un autre pays",
    ),
    CircumstanceChange.SPONSOR_FINANCIAL_PROBLEMS: (
        "the sponsor's financial problems",
        "les problèmes financiers du répondant",
    ),
}


@dataclass(frozen=True, slots=True)
class UndertakingStatus:
    """Whether an undertaking is in force on a date and whether the sponsor is in default."""

    in_force: bool
    in_default: bool
    may_sponsor_again: bool
    reasons: tuple[Reason, ...]


def undertaking_status(
    *,
    ends_on: date,
    on: date,
    changes: frozenset[CircumstanceChange] = frozenset(),
    assistance_received_during_undertaking: bool = False,
    assistance_repaid: bool = False,
) -> UndertakingStatus:
    """The undertaking on ``on`` (SP-11, SP-12, SP-232).

    Reading: the undertaking is in force until the day before ``ends_on`` (3 years from
    2025-03-15 run to 2028-03-14). None of ``changes`` ends it. If the sponsored person
    or a dependant received federal, provincial or municipal financial assistance while
    it was in force, the sponsor is in default and cannot sponsor again until it is repaid.
    """
    in_force = on < ends_on
    reasons: list[Reason] = []
    if in_force:
        reasons.append(
            say(
                "UNDERTAKING_IN_FORCE",
                rule="SP-12",
                citation=OBLIGATIONS,
                en="The undertaking is binding until {ends}, even if circumstances change.",
                fr="L’engagement vous lie jusqu’au {ends}, même si votre situation change.",
                severity=Severity.INFO,
                ends=ends_on.isoformat(),
            )
        )
    else:
        reasons.append(
            say(
                "UNDERTAKING_ENDED",
                rule="SP-14",
                citation=DURATION,
                en="The undertaking ended on {ends}.",
                fr="L’engagement a pris fin le {ends}.",
                severity=Severity.INFO,
                ends=ends_on.isoformat(),
            )
        )
    for change in sorted(changes, key=lambda c: c.value):
        change_en, change_fr = _CHANGE_TEXT[change]
        reasons.append(
            say(
                "UNDERTAKING_NOT_CANCELLED",
                rule="SP-12",
                citation=OBLIGATIONS,
                en="The undertaking is not cancelled by {change}.",
                fr="L’engagement n’est pas annulé par {change_fr}.",
                severity=Severity.INFO,
                subject=change.value,
                change=change_en,
                change_fr=change_fr,
            )
        )
    in_default = assistance_received_during_undertaking and not assistance_repaid
    if in_default:
        reasons.append(
            say(
                "SPONSORSHIP_DEFAULT",
                rule="SP-11, SP-232",
                citation=OBLIGATIONS + "; Appendix D",
                en="The person you sponsored received government financial assistance while the "
                "undertaking was in force: you are in default, must repay it, and cannot sponsor "
                "anyone else until it is repaid. Contact the provincial office listed in Appendix D.",
                fr="La personne que vous avez parrainée a reçu une aide financière du gouvernement "
                "pendant la durée de l’engagement : vous avez manqué à vos obligations, vous devez "
                "rembourser les sommes reçues et vous ne pourrez parrainer personne d’autre tant "
                "qu’elles n’auront pas été remboursées. Communiquez avec le bureau provincial indiqué "
                "à l’appendice D.",
                severity=Severity.WARNING,
            )
        )
    return UndertakingStatus(
        in_force=in_force,
        in_default=in_default,
        may_sponsor_again=not in_default,
        reasons=tuple(reasons),
    )


@dataclass(frozen=True, slots=True)
class WithdrawalRequest:
    """Whether the sponsor may still ask to withdraw the undertaking (SP-13)."""

    may_request: bool
    reasons: tuple[Reason, ...]


def undertaking_withdrawal(*, final_decision_made: bool) -> WithdrawalRequest:
    """A sponsor who changes their mind must write before the final decision; IRCC must agree (SP-13)."""
    if final_decision_made:
        return WithdrawalRequest(
            may_request=False,
            reasons=(
                say(
                    "WITHDRAWAL_TOO_LATE",
                    rule="SP-13",
                    citation=WITHDRAWAL,
                    en="A final decision has been made: the undertaking can no longer be withdrawn.",
                    fr="Une décision définitive a été rendue : l’engagement ne peut plus être retiré.",
                ),
            ),
        )
    return WithdrawalRequest(
        may_request=True,
        reasons=(
            say(
                "WITHDRAWAL_IN_WRITING",
                rule="SP-13",
                citation=WITHDRAWAL + "; " + DURATION,
                en="To withdraw your undertaking, tell IRCC in writing before a final decision is made, "
                "attaching the letter through the IRCC Web form; it can be withdrawn only if IRCC agrees.",
                fr="Pour retirer votre engagement, informez-en IRCC par écrit avant qu’une décision "
                "définitive soit rendue, en joignant la lettre au formulaire Web d’IRCC ; l’engagement "
                "ne peut être retiré qu’avec l’accord d’IRCC.",
                severity=Severity.INFO,
            ),
        ),
    )
