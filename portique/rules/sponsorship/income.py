"""Financial capacity: when the minimum necessary income (MNI) applies, Quebec, what counts.

Rules SP-22 to SP-25 and SP-70 (IMM 5289, "Devenir répondant", "Répondants résidant au
Québec"; IRPR 1(3)). The MNI amounts themselves (Statistics Canada's low-income cut-off)
are not in the sources and are not computed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import PARTNERS, SponsoredRelationship, cite, param, say

BECOME_SPONSOR = cite("Devenir répondant") + "; IRPR 1(3)"
QUEBEC = cite("Répondants résidant au Québec")


@fast_init
@dataclass(frozen=True, slots=True)
class IncomeRequirement:
    """Whether an income requirement applies and how it is assessed."""

    mni_applies: bool
    imm1283_required: bool  # Financial Evaluation, sent to IRCC
    quebec_assesses_financial_capacity: bool
    needs_officer_review: bool
    reasons: tuple[Reason, ...]


def mni_required(
    *,
    sponsoring: SponsoredRelationship,
    dependent_child_has_dependent_child: bool,
    sponsor_resides_in_quebec: bool = False,
) -> IncomeRequirement:
    """Whether the minimum necessary income applies (SP-22, SP-23, SP-70).

    ``dependent_child_has_dependent_child``: a dependent child of the person sponsored
    (or, for a child sponsored as principal applicant, that child) has a dependent child
    of their own.

    Reading (G-21): the MNI applies only when a dependent child of the sponsored spouse
    or partner has a dependent child ("Si vous répondez aux exigences du SFR" is read as
    "if the requirement applies to you"). The guide names spouses and common-law
    partners; a conjugal partner is treated alike and flagged for an officer. The case of
    a dependent child sponsored as principal applicant who has a child is not stated: no
    MNI is asked, and it is flagged.
    """
    reasons = [
        say(
            "SPONSOR_MUST_MEET_BASIC_NEEDS",
            rule="SP-22",
            citation=BECOME_SPONSOR,
            en="You must show that you can meet the basic needs of yourself, your spouse or partner, "
            "their dependent children, and your own dependent children if you sponsor only them.",
            fr="Vous devez démontrer que vous pouvez subvenir aux besoins essentiels de vous-même, de "
            "votre époux ou conjoint, de ses enfants à charge et de vos propres enfants à charge si "
            "vous ne parrainez qu’eux.",
            severity=Severity.INFO,
        )
    ]
    review = False
    applies = sponsoring in PARTNERS and dependent_child_has_dependent_child
    if applies and sponsoring is SponsoredRelationship.CONJUGAL_PARTNER:
        review = True
        reasons.append(
            say(
                "MNI_CONJUGAL_PARTNER_READING",
                rule="SP-23",
                citation=BECOME_SPONSOR,
                en="The guide states the income requirement for a spouse or common-law partner whose "
                "dependent child has a child; it is applied to conjugal partners too, and an officer "
                "will confirm.",
                fr="Le guide énonce l’exigence relative au revenu pour l’époux ou le conjoint de fait "
                "dont l’enfant à charge a lui-même un enfant ; elle est aussi appliquée aux partenaires "
                "conjugaux, et un agent le confirmera.",
                severity=Severity.WARNING,
            )
        )
    if sponsoring is SponsoredRelationship.DEPENDENT_CHILD and dependent_child_has_dependent_child:
        review = True
        reasons.append(
            say(
                "MNI_CHILD_WITH_CHILD_NOT_STATED",
                rule="SP-23",
                citation=BECOME_SPONSOR,
                en="The guide does not say whether an income requirement applies when the dependent "
                "child you sponsor has a child of their own; none is asked here, and an officer will "
                "confirm.",
                fr="Le guide ne précise pas si une exigence relative au revenu s’applique lorsque "
                "l’enfant à charge que vous parrainez a lui-même un enfant ; aucune n’est exigée ici, "
                "et un agent le confirmera.",
                severity=Severity.WARNING,
            )
        )
    if not applies:
        reasons.append(
            say(
                "NO_MNI",
                rule="SP-23",
                citation=BECOME_SPONSOR,
                en="No minimum necessary income applies to this sponsorship.",
                fr="Aucune exigence relative au revenu vital minimum ne s’applique à ce parrainage.",
                severity=Severity.INFO,
            )
        )
        return IncomeRequirement(
            mni_applies=False,
            imm1283_required=False,
            quebec_assesses_financial_capacity=False,
            needs_officer_review=review,
            reasons=tuple(reasons),
        )
    if sponsor_resides_in_quebec:
        reasons.append(
            say(
                "MNI_QUEBEC_ASSESSES",
                rule="SP-23, SP-70",
                citation=BECOME_SPONSOR + "; " + QUEBEC,
                en="Because the dependent child of your spouse or partner has a dependent child, you "
                "must show your financial capacity. You live in Quebec: do not send IMM 1283 to IRCC; "
                "Quebec assesses your financial capacity once IRCC has found that you meet the federal "
                "requirements, and IRCC makes no decision until Quebec has decided.",
                fr="Comme l’enfant à charge de votre époux ou conjoint a lui-même un enfant à charge, "
                "vous devez démontrer votre capacité financière. Vous résidez au Québec : ne soumettez "
                "pas le formulaire IMM 1283 à IRCC ; le Québec évaluera votre capacité financière une "
                "fois qu’IRCC aura conclu que vous satisfaites aux exigences fédérales, et IRCC ne "
                "rendra aucune décision avant celle du Québec.",
                severity=Severity.INFO,
            )
        )
        return IncomeRequirement(
            mni_applies=True,
            imm1283_required=False,
            quebec_assesses_financial_capacity=True,
            needs_officer_review=review,
            reasons=tuple(reasons),
        )
    reasons.append(
        say(
            "MNI_APPLIES_IMM1283",
            rule="SP-23",
            citation=BECOME_SPONSOR,
            en="Because the dependent child of your spouse or partner has a dependent child, you must "
            "meet the minimum necessary income, based on Statistics Canada's low-income cut-off: attach "
            "the Financial Evaluation (IMM 1283).",
            fr="Comme l’enfant à charge de votre époux ou conjoint a lui-même un enfant à charge, vous "
            "devez atteindre le revenu vital minimum, fondé sur le seuil de faible revenu de "
            "Statistique Canada : joignez le formulaire Évaluation de la situation financière "
            "(IMM 1283).",
            severity=Severity.INFO,
        )
    )
    return IncomeRequirement(
        mni_applies=True,
        imm1283_required=True,
        quebec_assesses_financial_capacity=False,
        needs_officer_review=review,
        reasons=tuple(reasons),
    )


class IncomeSource(str, Enum):
    """Employment Insurance and training income the guide speaks of (SP-24)."""

    EI_MATERNITY = "ei_maternity"
    EI_PARENTAL = "ei_parental"
    EI_SICKNESS = "ei_sickness"
    EI_REGULAR = "ei_regular"
    FEDERAL_TRAINING_ALLOWANCE = "federal_training_allowance"


SPECIAL_EI = frozenset({IncomeSource.EI_MATERNITY, IncomeSource.EI_PARENTAL, IncomeSource.EI_SICKNESS})


@dataclass(frozen=True, slots=True)
class IncomeCount:
    """Whether an income source counts towards the MNI for a tax year.

    ``counts`` False for regular EI and training allowances means "generally not
    counted", the guide's words; neither prevents a person from being a sponsor.
    """

    counts: bool
    reasons: tuple[Reason, ...]


def income_counts_for_mni(*, source: IncomeSource, tax_year: int, on: date) -> IncomeCount:
    """Whether ``source`` income of ``tax_year`` counts towards the MNI, as assessed on ``on`` (SP-24)."""
    if source in SPECIAL_EI:
        return IncomeCount(
            counts=True,
            reasons=(
                say(
                    "SPECIAL_EI_COUNTS",
                    rule="SP-24",
                    citation=BECOME_SPONSOR,
                    en="Employment Insurance maternity, parental and sickness benefits count as income "
                    "for the minimum necessary income.",
                    fr="Les prestations de maternité, parentales et de maladie de l’assurance-emploi "
                    "sont considérées comme du revenu aux fins du calcul du revenu vital minimum.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if source is IncomeSource.EI_REGULAR and tax_year in param("regular_ei_policy_tax_years", on):
        return IncomeCount(
            counts=True,
            reasons=(
                say(
                    "REGULAR_EI_COUNTS_UNDER_PUBLIC_POLICY",
                    rule="SP-24",
                    citation=BECOME_SPONSOR + ", Important",
                    en="For tax year {year}, a public policy lets sponsors subject to an income "
                    "requirement count regular Employment Insurance benefits.",
                    fr="Pour l’année d’imposition {year}, une politique d’intérêt public permet aux "
                    "répondants assujettis à une exigence relative au revenu de compter les prestations "
                    "régulières d’assurance-emploi.",
                    severity=Severity.INFO,
                    year=tax_year,
                ),
            ),
        )
    return IncomeCount(
        counts=False,
        reasons=(
            say(
                "INCOME_GENERALLY_NOT_COUNTED",
                rule="SP-24",
                citation=BECOME_SPONSOR,
                en="Regular Employment Insurance benefits and federal training allowances do not prevent "
                "you from sponsoring, but are generally not counted towards the minimum necessary income.",
                fr="Les prestations régulières d’assurance-emploi et les allocations fédérales de "
                "formation ne vous empêchent pas d’être répondant, mais elles ne sont généralement pas "
                "comptabilisées dans le calcul du revenu vital minimum.",
                severity=Severity.INFO,
            ),
        ),
    )
