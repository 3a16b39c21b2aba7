"""Who may sponsor: requirements, bars, suspension of processing, the IMM 1344 Q1 choice.

Rules SP-20, SP-21, SP-25, SP-30 to SP-45 and SP-48 of the digest (IMM 5289,
"Devenir répondant", "Vous pourriez ne pas être autorisé à parrainer une personne si...",
"Manquements en matière de parrainage", "Suspension du traitement", "Si vous ne
satisfaites pas aux exigences en matière de parrainage"), and IRPR 10(5).

Three outcomes, because the sources speak in three voices:

- NOT_ELIGIBLE: the kit is not for this person or the application cannot be filed
  (under 18, not a citizen / registered Indian / PR, PR living abroad, a citizen abroad
  with no intention to return, IRPR 10(5) pending sponsorship of the same person);
- MAY_NOT_BE_ALLOWED: one of the bars the guide introduces with "Vous pourriez ne pas
  être autorisé". Reading (G-26): never silently accepted, never silently refused: the
  sponsor is told they do not meet the requirements, must tick the proceed/withdraw box
  at IMM 1344 Question 1 (SP-48), and an officer makes the final decision;
- MEETS_REQUIREMENTS.

Suspension of processing (SP-45) is reported beside the outcome: it does not decide
eligibility, it delays the start of processing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.dates import add_years, age_on
from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import PARTNERS, SponsoredRelationship, cite, cutoff, param, say

BECOME_SPONSOR = cite("Devenir répondant")
MAY_NOT_SPONSOR = cite("Vous pourriez ne pas être autorisé à parrainer une personne si...")
LIVING_ABROAD = cite("Parrainer quelqu'un si vous vivez à l'extérieur du Canada")
DEFAULTS = cite("Manquements en matière de parrainage")
FIVE_YEAR_BAR = cite("Interdiction de parrainage pour une période de cinq ans visant les époux ou conjoints")
VIOLENT_CRIME_BAR = cite(
    "Interdiction de parrainage visant les personnes reconnues coupables de crimes violents"
)
SUSPENSION = cite("Suspension du traitement")
NOT_MEETING = cite("Si vous ne satisfaites pas aux exigences en matière de parrainage")
QUEBEC = cite("Répondants résidant au Québec")


class SponsorStatus(str, Enum):
    """The sponsor's status in Canada (SP-20)."""

    CANADIAN_CITIZEN = "canadian_citizen"
    REGISTERED_INDIAN = "registered_indian"  # registered as an Indian under the Indian Act
    PERMANENT_RESIDENT = "permanent_resident"
    OTHER = "other"


class Residence(str, Enum):
    """Where the sponsor lives when applying (SP-21)."""

    LIVES_IN_CANADA = "lives_in_canada"
    # Living in Canada but away as a tourist (a vacation): still living in Canada.
    TRAVELLING_ABROAD = "travelling_abroad"
    LIVES_ABROAD = "lives_abroad"


class SocialAssistance(str, Enum):
    """Whether the sponsor receives social assistance, and why (SP-20, SP-31)."""

    NONE = "none"
    DISABILITY = "disability"
    OTHER_REASON = "other_reason"


class OffenceKind(str, Enum):
    """Kinds of conviction the guide names as possible bars (SP-37)."""

    SEXUAL = "sexual"
    VIOLENT = "violent"
    BODILY_HARM = "bodily_harm"  # an offence that caused bodily harm
    ATTEMPT_OR_THREAT = "attempt_or_threat"  # to commit one of the above
    OTHER = "other"


class VictimRelation(str, Enum):
    """Whom an offence causing bodily harm was committed against (SP-38).

    The guide's list, grouped; "partner" includes common-law and conjugal partners and
    "ex" the former spouse or partner. ``OTHER_RELATIVE`` is a family member the list
    does not name: the guide says such persons may also be covered.
    """

    SPOUSE_PARTNER_OR_EX = "spouse_partner_or_ex"
    CHILD_OF_SPOUSE_PARTNER_OR_EX = "child_of_spouse_partner_or_ex"
    OWN_CHILD = "own_child"
    # Parent, grandparent, child, grandchild, brother, sister, niece, nephew, aunt, uncle, cousin.
    RELATIVE = "relative"
    RELATIVE_SPOUSE_PARTNER_EX_OR_CHILD = "relative_spouse_partner_ex_or_child"
    RELATIVE_OF_SPOUSE_PARTNER_OR_EX = "relative_of_spouse_partner_or_ex"  # and their spouse/ex/children
    SPOUSE_PARTNER_OR_CHILD_OF_OWN_CHILD = "spouse_partner_or_child_of_own_child"
    EX_OF_SPOUSE_PARTNER_OR_CHILD = "ex_of_spouse_partner_or_child"  # and their children
    FOSTER_CHILD = "foster_child"  # in the care of the sponsor or of one of the listed persons
    BOYFRIEND_OR_GIRLFRIEND = "boyfriend_or_girlfriend"  # current or former
    BOYFRIEND_OR_GIRLFRIEND_FAMILY = (
        "boyfriend_or_girlfriend_family"  # their spouse/CL and dependent children
    )
    OTHER_RELATIVE = "other_relative"
    NOT_FAMILY = "not_family"


LISTED_FAMILY = frozenset(VictimRelation) - {VictimRelation.OTHER_RELATIVE, VictimRelation.NOT_FAMILY}


@dataclass(frozen=True, slots=True)
class Conviction:
    """A conviction of the sponsor (SP-37, SP-38).

    ``pardoned``: a pardon (record suspension) was granted; the guide makes it one of the
    circumstances the officer weighs, not a reason to ignore the conviction.
    """

    offence: OffenceKind
    victim: VictimRelation = VictimRelation.NOT_FAMILY
    pardoned: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class SponsorProfile:
    """What the sponsor declares about themselves.

    ``previous_partner_pr_dates``: for each earlier undertaking to a spouse or partner,
    the date that person became a permanent resident (SP-30).
    ``sponsored_as_partner_pr_date``: if the sponsor was sponsored as a spouse or
    partner, the date they became a permanent resident (SP-39).
    ``charged_offence_max_prison_years``: if charged with an offence not yet decided,
    its maximum prison term in years (SP-45).
    """

    birth_date: date
    status: SponsorStatus
    residence: Residence = Residence.LIVES_IN_CANADA
    intends_to_live_in_canada_when_sponsored_becomes_pr: bool = False
    resides_in_quebec: bool = False
    social_assistance: SocialAssistance = SocialAssistance.NONE
    previous_partner_pr_dates: tuple[date, ...] = ()
    unrepaid_sponsorship_default: bool = False
    immigration_loan_in_default: bool = False
    performance_bond_unpaid: bool = False
    court_ordered_support_in_default: bool = False
    undischarged_bankrupt: bool = False
    convictions: tuple[Conviction, ...] = ()
    sponsored_as_partner_pr_date: date | None = None
    subject_to_removal_order: bool = False
    detained_in_prison: bool = False
    pending_sponsorship_of_same_person: bool = False
    citizenship_being_revoked: bool = False
    residency_conditions_not_met: bool = False
    security_certificate: bool = False
    charged_offence_max_prison_years: int | None = None


class SponsorOutcome(str, Enum):
    MEETS_REQUIREMENTS = "meets_requirements"
    MAY_NOT_BE_ALLOWED = "may_not_be_allowed"
    NOT_ELIGIBLE = "not_eligible"


class Imm1344Choice(str, Enum):
    """IMM 1344, section 1, Question 1: what to do if the sponsor does not meet the requirements."""

    WITHDRAW = "withdraw"
    PROCEED = "proceed"


@dataclass(frozen=True, slots=True)
class ChoiceConsequences:
    """What follows from the IMM 1344 Q1 choice (SP-48, SP-221, SP-229)."""

    choice: Imm1344Choice | None
    pr_application_processed: bool
    likely_refused: bool
    package_returned: bool
    processing_fees_refunded_except_sponsorship_fee: bool
    biometric_fee_refund_needs_decision: bool
    right_of_appeal: bool | None  # None: IRCC tells the sponsor in writing whether there is one
    may_reapply_later: bool
    reasons: tuple[Reason, ...]


@fast_init
@dataclass(frozen=True, slots=True)
class SponsorAssessment:
    """The sponsor's eligibility on the day the application is received.

    ``time_bar_ends``: the day from which the 3-year or 5-year bar no longer applies,
    when one of them is the case (the later of the two).
    """

    outcome: SponsorOutcome
    processing_suspended: bool
    imm1344_choice_required: bool
    needs_officer_review: bool
    time_bar_ends: date | None
    choice: ChoiceConsequences | None
    reasons: tuple[Reason, ...]

    @property
    def meets_requirements(self) -> bool:
        return self.outcome is SponsorOutcome.MEETS_REQUIREMENTS


def assess_sponsor(
    *,
    sponsor: SponsorProfile,
    sponsoring: SponsoredRelationship,
    application_received: date,
    imm1344_choice: Imm1344Choice | None = None,
) -> SponsorAssessment:
    """Whether ``sponsor`` may sponsor ``sponsoring``, as of ``application_received``.

    Reading: age, residence and the bars are assessed on the day IRCC receives the
    sponsorship application, the only date the guide's time bars are measured from.
    ``imm1344_choice`` is the box ticked at IMM 1344 Question 1, if any.
    """
    on = application_received
    not_eligible: list[Reason] = []
    bars: list[Reason] = []
    notes: list[Reason] = []
    officer_review = False

    # SP-20: at least 18.
    min_age = param("sponsor_min_age", on)
    age = age_on(sponsor.birth_date, on)
    if age < min_age:
        not_eligible.append(
            say(
                "SPONSOR_UNDER_MIN_AGE",
                rule="SP-20",
                citation=BECOME_SPONSOR,
                en="A sponsor must be at least {min} years old; you are {age}.",
                fr="Le répondant doit avoir au moins {min} ans ; vous avez {age} ans.",
                min=min_age,
                age=age,
            )
        )

    # SP-20: citizen, registered Indian or permanent resident.
    if sponsor.status is SponsorStatus.OTHER:
        not_eligible.append(
            say(
                "SPONSOR_STATUS_NOT_ELIGIBLE",
                rule="SP-20",
                citation=BECOME_SPONSOR,
                en="A sponsor must be a Canadian citizen, a person registered as an Indian under "
                "the Indian Act, or a permanent resident.",
                fr="Le répondant doit être citoyen canadien, inscrit à titre d’Indien en vertu de "
                "la Loi sur les Indiens ou résident permanent.",
            )
        )

    residence_reasons, residence_blocks, residence_review = _residence(sponsor)
    notes.extend(residence_reasons)
    not_eligible.extend(residence_blocks)
    officer_review |= residence_review

    # SP-42, IRPR 10(5): the Regulations say the new application "ne peut" be filed, a
    # stronger voice than the guide's "may not be allowed"; the Regulations win.
    if sponsor.pending_sponsorship_of_same_person:
        not_eligible.append(
            say(
                "PENDING_SPONSORSHIP_OF_SAME_PERSON",
                rule="SP-42, IRPR-10-5",
                citation="IRPR 10(5); " + MAY_NOT_SPONSOR,
                en="You have already applied to sponsor this person and no final decision has been "
                "made: a new sponsorship application for them cannot be filed until then.",
                fr="Vous avez déjà présenté une demande de parrainage pour cette personne et aucune "
                "décision définitive n’a été rendue : vous ne pouvez pas déposer de nouvelle "
                "demande pour elle d’ici là.",
            )
        )

    # SP-20, SP-31: social assistance for a reason other than disability.
    if sponsor.social_assistance is SocialAssistance.OTHER_REASON:
        bars.append(
            say(
                "BAR_SOCIAL_ASSISTANCE",
                rule="SP-20, SP-31",
                citation=MAY_NOT_SPONSOR,
                en="You receive social assistance for a reason other than a disability.",
                fr="Vous recevez des prestations d’aide sociale pour une raison autre qu’une invalidité.",
                severity=Severity.WARNING,
            )
        )
    elif sponsor.social_assistance is SocialAssistance.DISABILITY:
        notes.append(
            say(
                "SOCIAL_ASSISTANCE_FOR_DISABILITY_ALLOWED",
                rule="SP-20",
                citation=BECOME_SPONSOR,
                en="Social assistance received because of a disability does not prevent you from "
                "sponsoring; be ready to prove that this is its only reason.",
                fr="Les prestations d’aide sociale reçues en raison d’une invalidité ne vous "
                "empêchent pas de parrainer ; soyez prêt à prouver que c’en est la seule raison.",
                severity=Severity.INFO,
            )
        )

    time_bar_ends: date | None = None
    if sponsoring in PARTNERS:
        ends, found = _previous_partner_bar(sponsor, on)
        bars.extend(found)
        time_bar_ends = _later(time_bar_ends, ends)
        ends, found, info = _five_year_bar(sponsor, on)
        bars.extend(found)
        notes.extend(info)
        time_bar_ends = _later(time_bar_ends, ends)

    bars.extend(_financial_defaults(sponsor))
    conviction_bars = _conviction_bars(sponsor.convictions)
    bars.extend(conviction_bars)
    officer_review |= bool(conviction_bars)

    if sponsor.subject_to_removal_order:
        bars.append(
            say(
                "BAR_REMOVAL_ORDER",
                rule="SP-40",
                citation=MAY_NOT_SPONSOR,
                en="You are subject to a removal order.",
                fr="Vous faites l’objet d’une mesure de renvoi.",
                severity=Severity.WARNING,
            )
        )
    if sponsor.detained_in_prison:
        bars.append(
            say(
                "BAR_DETAINED",
                rule="SP-41",
                citation=MAY_NOT_SPONSOR,
                en="You are detained in a penitentiary, jail, reformatory or prison.",
                fr="Vous êtes détenu dans un pénitencier, une maison de correction ou une prison.",
                severity=Severity.WARNING,
            )
        )

    suspensions = _suspensions(sponsor, on)

    if sponsor.resides_in_quebec:
        notes.append(
            say(
                "QUEBEC_SPONSOR_PROCESS",
                rule="SP-25, SP-43, SP-70",
                citation=QUEBEC,
                en="You live in Quebec: send your application to IRCC first. If you meet the federal "
                "requirements, IRCC will tell you to download Quebec's sponsorship kit; Quebec then "
                "assesses your undertaking, and IRCC makes no decision until Quebec has decided.",
                fr="Vous vivez au Québec : envoyez d’abord votre demande à IRCC. Si vous satisfaites "
                "aux exigences fédérales, IRCC vous invitera à télécharger la trousse de parrainage "
                "du Québec ; le Québec examinera ensuite votre engagement, et IRCC ne rendra aucune "
                "décision avant celle du Québec.",
                severity=Severity.INFO,
            )
        )

    if not_eligible:
        outcome = SponsorOutcome.NOT_ELIGIBLE
    elif bars:
        outcome = SponsorOutcome.MAY_NOT_BE_ALLOWED
    else:
        outcome = SponsorOutcome.MEETS_REQUIREMENTS

    closing: list[Reason] = []
    choice: ChoiceConsequences | None = None
    choice_required = outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    if outcome is SponsorOutcome.MEETS_REQUIREMENTS:
        closing.append(
            say(
                "SPONSOR_MEETS_REQUIREMENTS",
                rule="SP-20",
                citation=BECOME_SPONSOR,
                en="On the information given, you meet the requirements to be a sponsor.",
                fr="D’après les renseignements fournis, vous satisfaites aux exigences pour être répondant.",
                severity=Severity.INFO,
            )
        )
    elif choice_required:
        # Reading (G-26): a bar is a "does not meet the requirements" finding; the officer decides.
        closing.append(
            say(
                "SPONSOR_MAY_NOT_BE_ALLOWED",
                rule="SP-48",
                citation=MAY_NOT_SPONSOR,
                en="You may not be allowed to sponsor: an officer will make the final decision. "
                "You must choose, at Question 1 of form IMM 1344, to withdraw or to go ahead anyway.",
                fr="Vous pourriez ne pas être autorisé à parrainer : un agent rendra la décision "
                "définitive. Vous devez choisir, à la question 1 du formulaire IMM 1344, de retirer "
                "votre demande ou d’aller de l’avant malgré tout.",
                severity=Severity.WARNING,
            )
        )
        if imm1344_choice is None:
            closing.append(
                say(
                    "IMM1344_Q1_CHOICE_REQUIRED",
                    rule="SP-48",
                    citation=NOT_MEETING + "; IMM 1344, section 1, question 1",
                    en="Tick a box at Question 1 (section 1) of IMM 1344: withdraw the sponsorship, "
                    "or go ahead with it even though you may not meet the requirements.",
                    fr="Cochez une case à la question 1 (section 1) du formulaire IMM 1344 : retirer "
                    "le parrainage, ou aller de l’avant même si vous pourriez ne pas satisfaire aux "
                    "exigences.",
                )
            )
        else:
            choice = ineligibility_choice(choice=imm1344_choice)
            closing.extend(choice.reasons)

    return SponsorAssessment(
        outcome=outcome,
        processing_suspended=bool(suspensions),
        imm1344_choice_required=choice_required,
        needs_officer_review=officer_review or choice_required,
        time_bar_ends=time_bar_ends if bars else None,
        choice=choice,
        reasons=tuple(not_eligible + bars + suspensions + notes + closing),
    )


def ineligibility_choice(*, choice: Imm1344Choice) -> ChoiceConsequences:
    """What happens after a sponsor who does not meet the requirements ticks IMM 1344 Q1 (SP-48).

    Withdraw: the package is returned, the PR application is not decided, no appeal,
    all processing fees except the sponsorship fee are refunded (amounts belong to the
    fee rules); the biometric fee is not mentioned by the guide (G-22): flagged, never
    refunded automatically. Proceed: the PR application is processed and likely
    refused, and IRCC says in writing whether there is a right of appeal (AS-08).
    """
    if choice is Imm1344Choice.WITHDRAW:
        reasons = (
            say(
                "WITHDRAW_PACKAGE_RETURNED",
                rule="SP-48, SP-229",
                citation=NOT_MEETING + "; " + cite("Examen d'admissibilité"),
                en="You chose to withdraw: your complete application and documents are returned, no "
                "decision is made on the permanent residence application, and you have no right of "
                "appeal. You may apply again once the situation is fixed.",
                fr="Vous avez choisi de retirer votre demande : la demande complète et les documents "
                "vous sont retournés, aucune décision n’est rendue sur la demande de résidence "
                "permanente et vous n’avez aucun droit d’appel. Vous pourrez présenter une nouvelle "
                "demande une fois la situation réglée.",
                severity=Severity.INFO,
            ),
            say(
                "WITHDRAW_FEES_REFUNDED_EXCEPT_SPONSORSHIP_FEE",
                rule="SP-48, SP-202",
                citation=cite("Examen d'admissibilité") + ", Remarque",
                en="All processing fees, including any right of permanent residence fee paid, are "
                "refunded except the sponsorship fee.",
                fr="Tous les frais de traitement, y compris les frais relatifs au droit de résidence "
                "permanente payés, sont remboursés, sauf les frais de parrainage.",
                severity=Severity.INFO,
            ),
            say(
                "WITHDRAW_BIOMETRIC_FEE_REFUND_UNDECIDED",
                rule="SP-48",
                citation=NOT_MEETING,
                en="The guide does not say whether the biometric fee is refunded on withdrawal: an "
                "officer decides.",
                fr="Le guide ne précise pas si les frais de biométrie sont remboursés en cas de "
                "retrait : un agent en décidera.",
                severity=Severity.WARNING,
            ),
        )
        return ChoiceConsequences(
            choice=choice,
            pr_application_processed=False,
            likely_refused=False,
            package_returned=True,
            processing_fees_refunded_except_sponsorship_fee=True,
            biometric_fee_refund_needs_decision=True,
            right_of_appeal=False,
            may_reapply_later=True,
            reasons=reasons,
        )
    reasons = (
        say(
            "PROCEED_LIKELY_REFUSED",
            rule="SP-48, SP-221",
            citation=NOT_MEETING + "; " + cite("Répondants"),
            en="You chose to go ahead: the sponsored person's application will be processed and will "
            "likely be refused; IRCC will tell you in writing whether you have a right of appeal.",
            fr="Vous avez choisi d’aller de l’avant : la demande de la personne parrainée sera "
            "traitée et sera probablement refusée ; IRCC vous avisera par écrit si vous disposez "
            "d’un droit d’appel.",
            severity=Severity.WARNING,
        ),
    )
    return ChoiceConsequences(
        choice=choice,
        pr_application_processed=True,
        likely_refused=True,
        package_returned=False,
        processing_fees_refunded_except_sponsorship_fee=False,
        biometric_fee_refund_needs_decision=False,
        right_of_appeal=None,
        may_reapply_later=False,
        reasons=reasons,
    )


def _residence(sponsor: SponsorProfile) -> tuple[list[Reason], list[Reason], bool]:
    """SP-21: where the sponsor lives. Returns (notes, not-eligible findings, officer review)."""
    if sponsor.residence is Residence.TRAVELLING_ABROAD:
        # Reading: the guide says citizens travelling as tourists do not live abroad; the
        # requirement itself is "vous habitez au Canada", which a trip does not change for
        # a permanent resident either.
        return (
            [
                say(
                    "SPONSOR_TRAVELLING_STILL_RESIDES_IN_CANADA",
                    rule="SP-21",
                    citation=LIVING_ABROAD,
                    en="Travelling abroad as a tourist does not count as living outside Canada.",
                    fr="Le fait de voyager à l’étranger comme touriste n’équivaut pas à vivre à "
                    "l’extérieur du Canada.",
                    severity=Severity.INFO,
                )
            ],
            [],
            False,
        )
    if sponsor.residence is Residence.LIVES_IN_CANADA or sponsor.status is SponsorStatus.OTHER:
        return [], [], False
    if sponsor.status is SponsorStatus.PERMANENT_RESIDENT:
        return (
            [],
            [
                say(
                    "SPONSOR_PR_LIVING_ABROAD",
                    rule="SP-21",
                    citation=LIVING_ABROAD,
                    en="A permanent resident living outside Canada cannot sponsor from outside Canada.",
                    fr="Un résident permanent qui vit à l’extérieur du Canada ne peut pas présenter "
                    "une demande de parrainage depuis l’extérieur du Canada.",
                )
            ],
            False,
        )
    review = sponsor.status is SponsorStatus.REGISTERED_INDIAN
    notes: list[Reason] = []
    if review:
        # Reading: the guide speaks of citizens and permanent residents living abroad, not
        # of registered Indians; the citizen's rule (show the intention to return) is the
        # one asked, and an officer confirms.
        notes.append(
            say(
                "SPONSOR_INDIAN_ABROAD_OFFICER_REVIEW",
                rule="SP-21",
                citation=LIVING_ABROAD,
                en="The guide does not say how a registered Indian living outside Canada is treated: "
                "show your intention to live in Canada; an officer will decide.",
                fr="Le guide ne précise pas la situation d’une personne inscrite à titre d’Indien qui "
                "vit à l’extérieur du Canada : démontrez votre intention de vivre au Canada ; un agent "
                "en décidera.",
                severity=Severity.WARNING,
            )
        )
    if sponsor.intends_to_live_in_canada_when_sponsored_becomes_pr:
        notes.append(
            say(
                "SPONSOR_ABROAD_MUST_SHOW_INTENT",
                rule="SP-21",
                citation=LIVING_ABROAD,
                en="You live outside Canada: you may sponsor, but you must show that you will live in "
                "Canada when the person you sponsor becomes a permanent resident.",
                fr="Vous vivez à l’extérieur du Canada : vous pouvez parrainer, mais vous devez "
                "démontrer que vous vivrez au Canada lorsque la personne parrainée deviendra "
                "résident permanent.",
                severity=Severity.INFO,
            )
        )
        return notes, [], review
    return (
        notes,
        [
            say(
                "SPONSOR_ABROAD_NO_INTENT_TO_RETURN",
                rule="SP-20, SP-21",
                citation=LIVING_ABROAD,
                en="You live outside Canada and have not shown that you will live in Canada when the "
                "person you sponsor becomes a permanent resident.",
                fr="Vous vivez à l’extérieur du Canada et n’avez pas démontré que vous vivrez au "
                "Canada lorsque la personne parrainée deviendra résident permanent.",
            )
        ],
        review,
    )


def _previous_partner_bar(sponsor: SponsorProfile, on: date) -> tuple[date | None, list[Reason]]:
    """SP-30: an undertaking to a previous spouse or partner who became PR less than 3 years ago."""
    if not sponsor.previous_partner_pr_dates:
        return None, []
    years = param("prior_partner_undertaking_bar_years", on)
    ends: date | None = None
    for became_pr in sponsor.previous_partner_pr_dates:
        bar_ends = add_years(became_pr, years)
        if on < bar_ends:
            ends = _later(ends, bar_ends)
    if ends is None:
        return None, []
    return ends, [
        say(
            "BAR_PREVIOUS_PARTNER_UNDERTAKING",
            rule="SP-30",
            citation=MAY_NOT_SPONSOR,
            en="You have an undertaking for a previous spouse or partner who became a permanent "
            "resident less than {years} years ago; you may sponsor a new spouse or partner from {ends}.",
            fr="Vous avez un engagement envers un époux ou conjoint antérieur devenu résident "
            "permanent il y a moins de {years} ans ; vous pourrez parrainer un nouvel époux ou "
            "conjoint à compter du {ends}.",
            severity=Severity.WARNING,
            years=years,
            ends=ends.isoformat(),
        )
    ]


def _five_year_bar(sponsor: SponsorProfile, on: date) -> tuple[date | None, list[Reason], list[Reason]]:
    """SP-39: sponsored as a spouse or partner and PR for less than 5 years."""
    became_pr = sponsor.sponsored_as_partner_pr_date
    if became_pr is None:
        return None, [], []
    applies_from = cutoff("sponsored_partner_bar_from")
    if on < applies_from:
        return (
            None,
            [],
            [
                say(
                    "FIVE_YEAR_BAR_NOT_IN_FORCE",
                    rule="SP-39",
                    citation=FIVE_YEAR_BAR,
                    en="The five-year bar does not apply to sponsorship applications received before "
                    "{cutoff}, whatever the date you became a permanent resident.",
                    fr="L’interdiction de parrainage de cinq ans ne s’applique pas aux demandes de "
                    "parrainage reçues avant le {cutoff}, peu importe la date à laquelle vous êtes "
                    "devenu résident permanent.",
                    severity=Severity.INFO,
                    cutoff=applies_from.isoformat(),
                )
            ],
        )
    years = param("sponsored_partner_bar_years", on)
    bar_ends = add_years(became_pr, years)
    if on >= bar_ends:
        return None, [], []
    return (
        bar_ends,
        [
            say(
                "BAR_SPONSORED_PARTNER_FIVE_YEARS",
                rule="SP-39",
                citation=FIVE_YEAR_BAR,
                en="You were sponsored as a spouse or partner and became a permanent resident less "
                "than {years} years ago (even if you have since become a citizen); you may sponsor a "
                "new spouse or partner from {ends}.",
                fr="Vous avez été parrainé à titre d’époux ou de conjoint et êtes devenu résident "
                "permanent il y a moins de {years} ans (même si vous êtes depuis devenu citoyen) ; "
                "vous pourrez parrainer un nouvel époux ou conjoint à compter du {ends}.",
                severity=Severity.WARNING,
                years=years,
                ends=bar_ends.isoformat(),
            )
        ],
        [],
    )


def _financial_defaults(sponsor: SponsorProfile) -> list[Reason]:
    """SP-32 to SP-36: defaults that last until the debt is paid or resolved."""
    found = []
    if sponsor.unrepaid_sponsorship_default:
        found.append(
            say(
                "BAR_SPONSORSHIP_DEFAULT",
                rule="SP-11, SP-32",
                citation=DEFAULTS + ", Engagement de parrainage antérieur; Appendix D",
                en="Someone you sponsored received social assistance during the undertaking and it "
                "has not been repaid: you cannot sponsor until you repay the full amount or settle the "
                "debt to the satisfaction of the government authority.",
                fr="Une personne que vous avez parrainée a reçu de l’aide sociale pendant la durée de "
                "l’engagement et la somme n’a pas été remboursée : vous ne pouvez parrainer personne "
                "tant que vous n’avez pas remboursé le montant total ou acquitté la dette à la "
                "satisfaction de l’autorité gouvernementale.",
                severity=Severity.WARNING,
            )
        )
    if sponsor.immigration_loan_in_default:
        found.append(
            say(
                "BAR_IMMIGRATION_LOAN_DEFAULT",
                rule="SP-33",
                citation=DEFAULTS + ", Prêt d'immigration",
                en="You are in default on an immigration loan: you cannot sponsor while in default.",
                fr="Vous êtes en défaut de paiement d’un prêt d’immigration : vous ne pouvez parrainer "
                "personne tant que vous êtes en défaut.",
                severity=Severity.WARNING,
            )
        )
    if sponsor.performance_bond_unpaid:
        found.append(
            say(
                "BAR_PERFORMANCE_BOND_UNPAID",
                rule="SP-34",
                citation=DEFAULTS + ", Garantie de bonne exécution",
                en="You have not paid the full amount of a performance bond: you cannot sponsor until "
                "it is paid.",
                fr="Vous n’avez pas payé le plein montant d’une garantie de bonne exécution : vous ne "
                "pouvez parrainer personne tant qu’il n’est pas payé.",
                severity=Severity.WARNING,
            )
        )
    if sponsor.court_ordered_support_in_default:
        found.append(
            say(
                "BAR_SUPPORT_PAYMENTS_DEFAULT",
                rule="SP-35",
                citation=DEFAULTS + ", Obligations de paiement de pension alimentaire",
                en="You are in default of court-ordered support payments: you cannot sponsor until "
                "this is resolved.",
                fr="Vous êtes en défaut de paiement d’une pension alimentaire ordonnée par un "
                "tribunal : vous ne pouvez parrainer personne tant que la situation n’est pas réglée.",
                severity=Severity.WARNING,
            )
        )
    if sponsor.undischarged_bankrupt:
        found.append(
            say(
                "BAR_UNDISCHARGED_BANKRUPT",
                rule="SP-36",
                citation=MAY_NOT_SPONSOR,
                en="You are an undischarged bankrupt.",
                fr="Vous êtes un failli non libéré.",
                severity=Severity.WARNING,
            )
        )
    return found


def _conviction_bars(convictions: tuple[Conviction, ...]) -> list[Reason]:
    """SP-37, SP-38: convictions that may bar sponsorship, left to the officer's judgment."""
    found = []
    for index, conviction in enumerate(convictions):
        if conviction.offence is OffenceKind.OTHER:
            continue
        subject = "conviction[" + str(index) + "]"
        pardon_en = (
            " A pardon was granted; the officer will take it into account." if conviction.pardoned else ""
        )
        pardon_fr = " Un pardon a été accordé ; l’agent en tiendra compte." if conviction.pardoned else ""
        harm_to_family = conviction.offence is OffenceKind.BODILY_HARM and (
            conviction.victim in LISTED_FAMILY or conviction.victim is VictimRelation.OTHER_RELATIVE
        )
        if harm_to_family:
            unlisted = conviction.victim is VictimRelation.OTHER_RELATIVE
            found.append(
                say(
                    "BAR_BODILY_HARM_TO_FAMILY_MEMBER",
                    rule="SP-37, SP-38",
                    citation=VIOLENT_CRIME_BAR,
                    en="You were convicted of a crime that caused bodily harm to {who}: you cannot "
                    "sponsor anyone in the family class.{pardon}",
                    fr="Vous avez été reconnu coupable d’un crime ayant causé des lésions corporelles "
                    "à {who_fr} : vous ne pouvez parrainer personne au titre de la catégorie du "
                    "regroupement familial.{pardon_fr}",
                    severity=Severity.WARNING,
                    subject=subject,
                    who="a family member the guide does not list, who may also be covered"
                    if unlisted
                    else "a family member covered by the ban",
                    who_fr="un membre de la famille que le guide ne mentionne pas, mais qui peut "
                    "aussi être visé"
                    if unlisted
                    else "un membre de la famille visé par l’interdiction",
                    pardon=pardon_en,
                    pardon_fr=pardon_fr,
                )
            )
            continue
        # Reading: an offence causing bodily harm to someone outside the family is a
        # violent offence (SP-37), judged on its circumstances like the others.
        found.append(
            say(
                "BAR_VIOLENT_OR_SEXUAL_OFFENCE",
                rule="SP-37",
                citation=MAY_NOT_SPONSOR,
                en="You were convicted of a sexual or violent offence, or of an attempt or threat to "
                "commit one: depending on its nature, when it happened and whether a pardon was "
                "granted, you may not be allowed to sponsor.{pardon}",
                fr="Vous avez été reconnu coupable d’une infraction d’ordre sexuel ou d’un acte "
                "criminel violent, ou d’une tentative ou menace de commettre une telle infraction : "
                "selon la nature de l’infraction, le moment où elle a été commise et le fait qu’un "
                "pardon ait été accordé ou non, vous pourriez ne pas être autorisé à parrainer.{pardon_fr}",
                severity=Severity.WARNING,
                subject=subject,
                pardon=pardon_en,
                pardon_fr=pardon_fr,
            )
        )
    return found


def _suspensions(sponsor: SponsorProfile, on: date) -> list[Reason]:
    """SP-45: processing does not start until a final decision on the matter."""
    found: list[Reason] = []

    def suspended(code: str, cause_en: str, cause_fr: str, **params: object) -> None:
        found.append(
            say(
                code,
                rule="SP-45",
                citation=SUSPENSION,
                en="Processing of your sponsorship will not start until a final decision is made: "
                + cause_en,
                fr="Le traitement de votre demande de parrainage ne commencera pas avant qu’une "
                "décision définitive soit rendue : " + cause_fr,
                severity=Severity.WARNING,
                **params,
            )
        )

    if sponsor.citizenship_being_revoked:
        suspended(
            "SUSPENDED_CITIZENSHIP_REVOCATION",
            "your citizenship is being revoked.",
            "votre citoyenneté est sur le point d'être révoquée.",
        )
    if sponsor.subject_to_removal_order:
        # Reading: a removal order is both a bar (SP-40) and a cause of suspension (SP-45);
        # both are reported.
        suspended(
            "SUSPENDED_REMOVAL_ORDER",
            "you are subject to a removal order.",
            "vous êtes visé par une mesure de renvoi.",
        )
    if sponsor.residency_conditions_not_met:
        suspended(
            "SUSPENDED_RESIDENCY_CONDITIONS",
            "you have not met your residency conditions.",
            "vous n'avez pas respecté vos conditions de résidence.",
        )
    if sponsor.security_certificate:
        suspended(
            "SUSPENDED_SECURITY_CERTIFICATE",
            "you are named in a certificate signed by the Minister of Immigration, Refugees and "
            "Citizenship and the Minister of Public Safety.",
            "vous faites l'objet d'un certificat signé par le ministre de l'Immigration, des "
            "Réfugiés et de la Citoyenneté et par le ministre de la Sécurité publique.",
        )
    # Reading: "passible d'une peine d'emprisonnement maximale de dix ans" covers an offence
    # whose maximum is 10 years or more (a heavier offence cannot be treated more lightly).
    charged = sponsor.charged_offence_max_prison_years
    threshold = param("suspension_charge_max_prison_years", on) if charged is not None else 0
    if charged is not None and charged >= threshold:
        suspended(
            "SUSPENDED_CHARGED_WITH_OFFENCE",
            "you have been charged with an offence punishable by a maximum of {years} years' "
            "imprisonment or more.",
            "vous avez été accusé d'une infraction passible d'une peine d'emprisonnement maximale "
            "de {years} ans ou plus.",
            years=threshold,
        )
    return found


def _later(current: date | None, candidate: date | None) -> date | None:
    if current is None:
        return candidate
    if candidate is None:
        return current
    return max(current, candidate)
