"""Biometrics: who must give fingerprints and a photo, for which application (IRPR 12.1, 12.2).

Act s.10.01 (biometrics) applies only to the applications listed in IRPR 12.1 and never
to the persons described in 12.2 (seed 001). The guides add the PR-card special case
(IMM 5445 "Données biométriques", 12.1(m)) and the sponsorship practice (IMM 5289: the
sponsor gives none; a sponsored person gives them again even if given before).

Entry points:

* ``biometrics_requirement`` — must this person give biometrics for this application, on
  the date it is made?
* ``port_of_entry_biometrics_check`` — may a person who must give biometrics apply for a
  TRP, work permit or study permit at this port of entry (IRPR 12.001)?

Nothing here reads "today": the application date is an argument, and a person's age is
fixed on it (12.2(2)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache, lru_cache

from .dates import age_on, long_date_en, long_date_fr
from .parameters import value
from .reasons import Reason, Severity, reason
from .records import fast_init

INFO = Severity.INFO
WARNING = Severity.WARNING
BLOCKING = Severity.BLOCKING

REGULATION_12_1 = "IRPR 12.1"
GUIDE_PR_CARD = "IMM 5445 — Données biométriques"
GUIDE_SPONSORSHIP = "IMM 5289 — Exigence en matière de collecte des données biométriques"


class ApplicationKind(str, Enum):
    """The kind of application, named after the paragraph of IRPR 12.1 that lists it.

    ``SPONSORSHIP`` (the sponsor's own application) and ``OTHER`` (any application not
    listed in 12.1: eTA, PR travel document, a PR card outside 12.1(m)…) are not listed,
    so Act s.10.01 does not apply to them.
    """

    PERMANENT_RESIDENT_VISA = "permanent_resident_visa"  # 12.1(a)
    PERMANENT_RESIDENCE_IN_CANADA = "permanent_residence_in_canada"  # 12.1(b)
    PERMANENT_RESIDENCE_AFTER_EXEMPT_CLAIM_ABROAD = "permanent_residence_after_exempt_claim_abroad"  # 12.1(c)
    TEMPORARY_RESIDENT_VISA = "temporary_resident_visa"  # 12.1(d)
    TEMPORARY_RESIDENCE_EXTENSION = "temporary_residence_extension"  # 12.1(e)
    TEMPORARY_RESIDENT_PERMIT = "temporary_resident_permit"  # 12.1(f)
    TEMPORARY_RESIDENCE_RESTORATION = "temporary_residence_restoration"  # 12.1(g)
    WORK_PERMIT = "work_permit"  # 12.1(h), first permit or renewal
    STUDY_PERMIT = "study_permit"  # 12.1(i), first permit or renewal
    PROTECTED_PERSON_PERMANENT_RESIDENCE = "protected_person_permanent_residence"  # 12.1(j)
    REFUGEE_CLAIM_IN_CANADA = "refugee_claim_in_canada"  # 12.1(k)
    REFUGEE_CLAIM_ABROAD = "refugee_claim_abroad"  # 12.1(l)
    PERMANENT_RESIDENT_CARD = "permanent_resident_card"  # 12.1(m), only in its conditions
    SPONSORSHIP = "sponsorship"  # not listed: the sponsor gives none (SP-140)
    OTHER = "other"  # not listed


PARAGRAPH_OF = {
    ApplicationKind.PERMANENT_RESIDENT_VISA: "a",
    ApplicationKind.PERMANENT_RESIDENCE_IN_CANADA: "b",
    ApplicationKind.PERMANENT_RESIDENCE_AFTER_EXEMPT_CLAIM_ABROAD: "c",
    ApplicationKind.TEMPORARY_RESIDENT_VISA: "d",
    ApplicationKind.TEMPORARY_RESIDENCE_EXTENSION: "e",
    ApplicationKind.TEMPORARY_RESIDENT_PERMIT: "f",
    ApplicationKind.TEMPORARY_RESIDENCE_RESTORATION: "g",
    ApplicationKind.WORK_PERMIT: "h",
    ApplicationKind.STUDY_PERMIT: "i",
    ApplicationKind.PROTECTED_PERSON_PERMANENT_RESIDENCE: "j",
    ApplicationKind.REFUGEE_CLAIM_IN_CANADA: "k",
    ApplicationKind.REFUGEE_CLAIM_ABROAD: "l",
    ApplicationKind.PERMANENT_RESIDENT_CARD: "m",
}

# What the application is called in messages: "Your {label} ..." / "Votre {label} ...".
LABELS = {
    ApplicationKind.PERMANENT_RESIDENT_VISA: (
        "application for a permanent resident visa",
        "demande de visa de résident permanent",
    ),
    ApplicationKind.PERMANENT_RESIDENCE_IN_CANADA: (
        "application to remain in Canada as a permanent resident",
        "demande de séjour au Canada à titre de résident permanent",
    ),
    ApplicationKind.PERMANENT_RESIDENCE_AFTER_EXEMPT_CLAIM_ABROAD: (
        "application for permanent resident status (refugee claim abroad exempted under section 12.8)",
        "demande de statut de résident permanent (demande d’asile à l’étranger exemptée au titre de l’article 12.8)",
    ),
    ApplicationKind.TEMPORARY_RESIDENT_VISA: (
        "application for a temporary resident visa",
        "demande de visa de résident temporaire",
    ),
    ApplicationKind.TEMPORARY_RESIDENCE_EXTENSION: (
        "application to extend your authorization to remain in Canada as a temporary resident",
        "demande de prolongation de l’autorisation de séjourner au Canada à titre de résident temporaire",
    ),
    ApplicationKind.TEMPORARY_RESIDENT_PERMIT: (
        "application for a temporary resident permit",
        "demande de permis de séjour temporaire",
    ),
    ApplicationKind.TEMPORARY_RESIDENCE_RESTORATION: (
        "application to restore your temporary resident status",
        "demande de rétablissement du statut de résident temporaire",
    ),
    ApplicationKind.WORK_PERMIT: (
        "application for a work permit or its renewal",
        "demande de permis de travail ou de renouvellement d’un tel permis",
    ),
    ApplicationKind.STUDY_PERMIT: (
        "application for a study permit or its renewal",
        "demande de permis d’études ou de renouvellement d’un tel permis",
    ),
    ApplicationKind.PROTECTED_PERSON_PERMANENT_RESIDENCE: (
        "application by a protected person to remain in Canada as a permanent resident",
        "demande de séjour au Canada à titre de résident permanent présentée par une personne protégée",
    ),
    ApplicationKind.REFUGEE_CLAIM_IN_CANADA: (
        "refugee claim made in Canada",
        "demande d’asile faite au Canada",
    ),
    ApplicationKind.REFUGEE_CLAIM_ABROAD: ("refugee claim made abroad", "demande d’asile faite à l’étranger"),
    ApplicationKind.PERMANENT_RESIDENT_CARD: (
        "application for a permanent resident card",
        "demande de carte de résident permanent",
    ),
    ApplicationKind.SPONSORSHIP: ("sponsorship application", "demande de parrainage"),
    ApplicationKind.OTHER: ("application", "demande"),
}

# 12.2(1)(c) covers 12.1(e) to (i); (d) covers (h) and (i); (e) covers (d) to (i).
CROWN_AND_US_NATIONAL_KINDS = frozenset(
    {
        ApplicationKind.TEMPORARY_RESIDENCE_EXTENSION,
        ApplicationKind.TEMPORARY_RESIDENT_PERMIT,
        ApplicationKind.TEMPORARY_RESIDENCE_RESTORATION,
        ApplicationKind.WORK_PERMIT,
        ApplicationKind.STUDY_PERMIT,
    }
)
PERMIT_KINDS = frozenset({ApplicationKind.WORK_PERMIT, ApplicationKind.STUDY_PERMIT})
HEAD_OF_STATE_KINDS = CROWN_AND_US_NATIONAL_KINDS | {ApplicationKind.TEMPORARY_RESIDENT_VISA}
# 12.1(m) looks back at a PR application under 12.1(a) to (c) only.
PR_APPLICATION_KINDS_FOR_CARD = frozenset(
    {
        ApplicationKind.PERMANENT_RESIDENT_VISA,
        ApplicationKind.PERMANENT_RESIDENCE_IN_CANADA,
        ApplicationKind.PERMANENT_RESIDENCE_AFTER_EXEMPT_CLAIM_ABROAD,
    }
)
# Applications for permanent residence: the guides' instruction letter and "even if given
# before" rule (IMM 5289) are about these.
PERMANENT_RESIDENCE_KINDS = PR_APPLICATION_KINDS_FOR_CARD | {
    ApplicationKind.PROTECTED_PERSON_PERMANENT_RESIDENCE
}
# 12.001: TRP, work permit or study permit at a port of entry.
PORT_OF_ENTRY_RESTRICTED_KINDS = frozenset(
    {ApplicationKind.TEMPORARY_RESIDENT_PERMIT, ApplicationKind.WORK_PERMIT, ApplicationKind.STUDY_PERMIT}
)


class RolloutPhase(str, Enum):
    """Which of the guide's two dates applied to the country of origin of the PR application.

    The guide (IMM 5445) says 2018-07-31 or 2018-12-31 "selon votre pays d'origine" but
    names no country: the caller (an officer, or a configured list when one is obtained)
    says which; ``UNKNOWN`` makes the in-between months a case for review (G-08).
    """

    FIRST = "first"  # pr_card_rollout_first_phase (2018-07-31)
    SECOND = "second"  # pr_card_rollout_second_phase (2018-12-31)
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class UsVisaTransit:
    """The facts of IRPR 12.2(1)(h): a short trip through Canada on a U.S. visa.

    Exempt when the person holds a valid U.S. entry visa, comes from or goes to the United
    States, seeks to enter Canada for less than 48 hours (parameter), and either travels on
    a carrier's vehicle to a destination other than Canada or is in transit / stopping over.
    """

    holds_valid_us_entry_visa: bool
    coming_from_or_going_to_united_states: bool
    intended_stay_hours: int
    onward_to_destination_other_than_canada: bool = False
    in_transit_or_stopover: bool = False


@dataclass(frozen=True, slots=True)
class SpecialStatus:
    """Facts about the person that may exempt them under IRPR 12.2(1)(c) to (j).

    Every field defaults to "no". Which application each exemption covers is decided by
    ``biometrics_requirement``, following the regulation:

    * ``crown_or_royal_family`` — His Majesty in right of Canada or a member of the Royal
      Family (12.2(1)(c)(i), applications under 12.1(e)–(i) only);
    * ``united_states_national`` — a national of the United States (12.2(1)(c)(ii),
      12.1(e)–(i) only);
    * ``refugee_claim_pending_in_canada`` — in Canada with a refugee claim not yet decided
      by the RPD (12.2(1)(d)(i), work or study permit only);
    * ``refugee_protection_conferred_in_canada`` — in Canada and conferred refugee
      protection (12.2(1)(d)(ii), work or study permit only);
    * ``convention_or_humanitarian_refugee_abroad_class`` — member of the Convention refugee
      abroad class or a humanitarian-protected persons abroad class (12.2(1)(d)(iii), work
      or study permit only);
    * ``head_of_state_or_government`` — (12.2(1)(e), 12.1(d)–(i) only);
    * ``entering_on_official_duties`` — seeking to enter Canada on official duties as a
      diplomatic agent, consular officer, or accredited representative or official of a
      foreign country, the UN or its agencies, or an intergovernmental organization Canada
      belongs to (12.2(1)(f));
    * ``family_member_of_official`` — family member of such a person (12.2(1)(g));
    * ``us_visa_transit`` — the facts of 12.2(1)(h), see ``UsVisaTransit``;
    * ``visa_exempt_7_2_a_applying_as_visitor`` — a foreign national described in IRPR
      7(2)(a) applying for temporary resident status as a visitor (12.2(1)(i));
    * ``eta_holder_applying_as_visitor`` — a foreign national described in 7.01(1) who
      holds an eTA and applies for temporary resident status as a visitor (12.2(1)(j)).
    """

    crown_or_royal_family: bool = False
    united_states_national: bool = False
    refugee_claim_pending_in_canada: bool = False
    refugee_protection_conferred_in_canada: bool = False
    convention_or_humanitarian_refugee_abroad_class: bool = False
    head_of_state_or_government: bool = False
    entering_on_official_duties: bool = False
    family_member_of_official: bool = False
    us_visa_transit: UsVisaTransit | None = None
    visa_exempt_7_2_a_applying_as_visitor: bool = False
    eta_holder_applying_as_visitor: bool = False


NO_SPECIAL_STATUS = SpecialStatus()


@dataclass(frozen=True, slots=True)
class PrCardBiometricsHistory:
    """What 12.1(m) and the guide need to know about a PR card applicant's past.

    * ``pr_application_kind`` — the permanent residence application that made them a PR
      (12.1(a), (b), (c) or (j));
    * ``pr_application_received_on`` — the day IRCC received it (the guide's words; also
      the day their age then is measured on, 12.2(2));
    * ``rollout_phase`` — which rollout date applied to their country of origin;
    * ``earlier_card_application_at_14_or_older`` — they have already applied for a PR card
      since turning 14 (so this one is not made "for the first time", 12.1(m)).
    """

    pr_application_kind: ApplicationKind
    pr_application_received_on: date
    rollout_phase: RolloutPhase = RolloutPhase.UNKNOWN
    earlier_card_application_at_14_or_older: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class BiometricsResult:
    """Whether the person gives biometrics for this application, and why.

    ``required`` is the answer the portal acts on (fee, instruction letter);
    ``needs_officer_review`` is set when the sources leave the answer open (G-08, reuse of
    earlier biometrics) — ``required`` then holds the reading chosen, and a WARNING says
    what to check. ``paragraph`` is the 12.1 paragraph listing the application ("12.1(d)"),
    ``exemptions`` the 12.2 provisions that apply ("12.2(1)(a)", …).
    """

    required: bool
    needs_officer_review: bool
    age_on_application_date: int
    paragraph: str | None
    exemptions: tuple[str, ...]
    reasons: tuple[Reason, ...]




def biometrics_requirement(
    *,
    kind: ApplicationKind,
    application_date: date,
    birth_date: date,
    status: SpecialStatus = NO_SPECIAL_STATUS,
    pr_card_history: PrCardBiometricsHistory | None = None,
    biometrics_given_before: bool = False,
    subject: str | None = None,
    became_pr_on: date | None = None,
) -> BiometricsResult:
    """Must this person give biometrics for this application, made on ``application_date``?

    ``kind`` names the application (see ``ApplicationKind``); ``birth_date`` fixes the age
    on the application date (12.2(2)); ``status`` carries the facts behind the 12.2(1)(c)–(j)
    exemptions; ``pr_card_history`` is needed only for ``PERMANENT_RESIDENT_CARD`` (12.1(m));
    ``biometrics_given_before`` says the person gave biometrics for an earlier application.
    ``subject`` (a person id) is copied onto every reason. ``became_pr_on`` (a PR card's
    "date you became a permanent resident") lets the dates alone settle 12.1(m) when
    ``pr_card_history`` is not known (``pr_card_settled_by_dates``).
    """
    age = age_on(birth_date, application_date)
    limits = _limits_on(application_date)
    if kind is not ApplicationKind.PERMANENT_RESIDENT_CARD:
        return _assess_for_subject(kind, age, status, biometrics_given_before, limits, subject)
    settled = (
        pr_card_settled_by_dates(
            birth_date=birth_date, became_pr_on=became_pr_on, application_date=application_date
        )
        if pr_card_history is None and became_pr_on is not None
        else None
    )
    if settled is not None:
        # Most PR card applicants: built with the subject at once rather than twice.
        return BiometricsResult(False, False, age, None, (), (_about(settled, subject),))
    listed, needs_review, card_reasons = _pr_card_listed(
        application_date=application_date, birth_date=birth_date, age=age, history=pr_card_history
    )
    if not listed:
        return _for_subject(BiometricsResult(False, needs_review, age, None, (), card_reasons), subject)
    core = _assess(kind, age, status, biometrics_given_before, limits)
    combined = BiometricsResult(
        core.required,
        core.needs_officer_review or needs_review,
        age,
        core.paragraph,
        core.exemptions,
        card_reasons + core.reasons,
    )
    return _for_subject(combined, subject)


@dataclass(frozen=True, slots=True)
class _Limits:
    """The dated numbers of 12.2 in force on the application date (biometrics.yaml)."""

    under_age: int
    over_age: int
    transit_max_hours: int


@lru_cache(maxsize=2048)
def _limits_on(on: date) -> _Limits:
    return _Limits(
        value("biometrics.exempt_under_age", on),
        value("biometrics.exempt_over_age", on),
        value("biometrics.us_visa_transit_max_hours", on),
    )


@lru_cache(maxsize=2048)
def _rollout_dates_on(on: date) -> tuple[date, date]:
    return (
        value("biometrics.pr_card_rollout_first_phase", on),
        value("biometrics.pr_card_rollout_second_phase", on),
    )


def _for_subject(result: BiometricsResult, subject: str | None) -> BiometricsResult:
    """The result with ``subject`` on every reason (the cached core is built without one)."""
    if subject is None:
        return result
    return BiometricsResult(
        result.required,
        result.needs_officer_review,
        result.age_on_application_date,
        result.paragraph,
        result.exemptions,
        tuple(_about(r, subject) for r in result.reasons),
    )


def _about(found: Reason, subject: str | None) -> Reason:
    """``found`` with ``subject`` (as it is when ``subject`` is None)."""
    if subject is None:
        return found
    return Reason(found.code, found.rule, found.citation, found.en, found.fr, found.severity, subject)


@lru_cache(maxsize=8192)
def _assess_for_subject(
    kind: ApplicationKind,
    age: int,
    status: SpecialStatus,
    given_before: bool,
    limits: _Limits,
    subject: str | None,
) -> BiometricsResult:
    return _for_subject(_assess(kind, age, status, given_before, limits), subject)


# Performance: the answer for an application kind depends only on these few values, which
# repeat across cases, so it is computed once (results and reasons are immutable).
@lru_cache(maxsize=8192)
def _assess(
    kind: ApplicationKind, age: int, status: SpecialStatus, given_before: bool, limits: _Limits
) -> BiometricsResult:
    label_en, label_fr = LABELS[kind]
    if kind is ApplicationKind.SPONSORSHIP:
        # SP-140: citizens and PRs do not give biometrics; the sponsorship application is not in 12.1.
        found = reason(
            "BIOMETRICS_NOT_REQUIRED_SPONSOR",
            rule="SP-140, IRPR-12.1",
            citation=f"{GUIDE_SPONSORSHIP}; {REGULATION_12_1}",
            en="Sponsors, as Canadian citizens or permanent residents, do not give biometrics.",
            fr="Les répondants, à titre de citoyens canadiens ou de résidents permanents, "
            "n’ont pas à fournir leurs données biométriques.",
            severity=INFO,
        )
        return BiometricsResult(False, False, age, None, (), (found,))
    if kind is ApplicationKind.OTHER:
        found = reason(
            "BIOMETRICS_NOT_REQUIRED_NOT_LISTED",
            rule="IRPR-12.1",
            citation=REGULATION_12_1,
            en="This application is not one listed in IRPR 12.1: biometrics are not required for it.",
            fr="Cette demande ne figure pas parmi celles énumérées à l’article 12.1 du RIPR : "
            "vous n’avez pas à fournir vos données biométriques.",
            severity=INFO,
        )
        return BiometricsResult(False, False, age, None, (), (found,))

    paragraph = f"12.1({PARAGRAPH_OF[kind]})"
    reasons: list[Reason] = []
    exemptions = _exemptions(kind=kind, age=age, status=status, limits=limits, reasons=reasons)
    if exemptions:
        return BiometricsResult(False, False, age, paragraph, exemptions, tuple(reasons))

    needs_review = False
    reasons.append(
        reason(
            "BIOMETRICS_REQUIRED",
            rule="IRPR-12.1, IRPR-12.2",
            citation=f"IRPR {paragraph}, 12.2",
            en="Your {label_en} is listed in IRPR {paragraph} and no exemption in IRPR 12.2 applies to you "
            "(age {age} on the application date): you must give your biometrics (fingerprints and photo).",
            fr="Votre {label_fr} est visée à l’alinéa {paragraph_fr} du RIPR et aucune exemption prévue à "
            "l’article 12.2 ne s’applique à vous (vous avez {age} ans à la date de la demande) : vous devez "
            "fournir vos données biométriques (empreintes digitales et photo).",
            severity=INFO,
            label_en=label_en,
            label_fr=label_fr,
            paragraph=paragraph,
            paragraph_fr=f"12.1{PARAGRAPH_OF[kind]})",
            age=age,
        )
    )
    if kind is ApplicationKind.PERMANENT_RESIDENT_CARD or kind in PERMANENT_RESIDENCE_KINDS:
        reasons.append(_instruction_letter(kind))
    if given_before:
        if kind in PERMANENT_RESIDENCE_KINDS:
            # SP-142: give them again even if given for a visitor visa, permit or another PR application.
            reasons.append(
                reason(
                    "BIOMETRICS_REQUIRED_EVEN_IF_GIVEN_BEFORE",
                    rule="SP-142",
                    citation="IMM 5289 — Moment auquel vous devez fournir vos données biométriques",
                    en="You must pay the biometric fee and give your biometrics again, even if you gave them "
                    "before for a visitor visa, work permit, study permit or a separate permanent "
                    "residence application.",
                    fr="Vous devez payer les frais de collecte des données biométriques et fournir vos "
                    "données même si vous les avez déjà fournies dans le cadre d’une demande de visa de "
                    "visiteur, de permis de travail, de permis d’études ou de résidence permanente distincte.",
                    severity=INFO,
                )
            )
        else:
            # Reading: the seeds hold no rule on reusing earlier biometrics outside the
            # sponsorship guide; 12.2 (the exhaustive list of exempt persons) has none, so
            # biometrics stay required, and an officer confirms whether earlier ones may be reused.
            needs_review = True
            reasons.append(
                reason(
                    "BIOMETRICS_EARLIER_COLLECTION_TO_CONFIRM",
                    rule="IRPR-12.2",
                    citation="IRPR 12.2",
                    en="You gave biometrics before. IRPR 12.2 does not exempt you for that reason, so "
                    "biometrics are treated as required; an officer will confirm whether the earlier "
                    "collection can be used.",
                    fr="Vous avez déjà fourni vos données biométriques. L’article 12.2 du RIPR ne vous "
                    "exempte pas pour ce motif ; elles sont donc considérées comme exigées, et un agent "
                    "confirmera si la collecte antérieure peut être utilisée.",
                    severity=WARNING,
                )
            )
    return BiometricsResult(True, needs_review, age, paragraph, (), tuple(reasons))


@cache
def _instruction_letter(kind: ApplicationKind) -> Reason:
    card = kind is ApplicationKind.PERMANENT_RESIDENT_CARD
    return reason(
        "BIOMETRICS_INSTRUCTION_LETTER",
        rule="PRC-32" if card else "SP-141",
        citation=GUIDE_PR_CARD if card else GUIDE_SPONSORSHIP,
        en="After you submit the application and pay the fees, you will receive a biometric instruction "
        "letter; bring it to a collection point (appointment required). Processing starts once your "
        "biometrics are received.",
        fr="Après avoir présenté votre demande et payé les frais, vous recevrez une lettre d’instructions "
        "pour la collecte des données biométriques ; apportez-la au point de collecte (sur rendez-vous). "
        "Le traitement de votre demande commencera lorsque nous aurons reçu vos données biométriques.",
        severity=INFO,
    )


def pr_card_settled_by_dates(
    *, birth_date: date, became_pr_on: date, application_date: date
) -> Reason | None:
    """Whether a PR card applicant's dates alone show that 12.1(m) does not reach them (PRC-30, PRC-31).

    12.1(m) reaches only a person who was under 14 when IRCC received their permanent residence
    application, received once children under 14 were exempted (from the first roll-out date at
    the earliest), and who is 14 or older now. The application was received on or before the
    day they became a permanent resident, so without the officer's records the file settles it
    when they are under 14 now, when they became a permanent resident before the first roll-out
    date, or when they were already 14 on it. Returns the reason it is settled, or None when
    only the records (the PR application, the day it was received) can tell.
    """
    # Reading: the permanent residence application was received on or before the day its applicant
    # became a permanent resident (it was decided first), so that day bounds the day it was received.
    first, _second = _rollout_dates_on(application_date)
    limit = _limits_on(application_date).under_age
    age_now = age_on(birth_date, application_date)
    if age_now < limit:
        return _pr_card_not_previously_exempt()
    if became_pr_on < first:
        return reason(
            "BIOMETRICS_PR_CARD_BECAME_PR_BEFORE_ROLLOUT",
            rule="PRC-31, IRPR-12.1",
            citation=f"{GUIDE_PR_CARD}; IRPR 12.1(m)",
            en="You became a permanent resident on {became_en}, before {first_en}, the earliest date from which "
            "children under {age_limit} were exempted from biometrics: your permanent residence application was "
            "received before it, so you do not give biometrics for your PR card.",
            fr="Vous êtes devenu résident permanent le {became_fr}, avant le {first_fr}, première date à partir de "
            "laquelle les enfants de moins de {age_limit} ans ont été exemptés de fournir leurs données "
            "biométriques : votre demande de résidence permanente a été reçue avant cette date, vous n’avez donc "
            "pas à fournir vos données biométriques pour votre carte RP.",
            severity=INFO,
            age_limit=_limits_on(first).under_age,
            became_en=long_date_en(became_pr_on),
            became_fr=long_date_fr(became_pr_on),
            first_en=long_date_en(first),
            first_fr=long_date_fr(first),
        )
    if age_on(birth_date, first) >= _limits_on(first).under_age:
        return _not_a_child_at_rollout(first)
    return None


# The same reason for every applicant who was 14 at the roll-out: it depends only on the
# roll-out date (and the age limit in force then), so it is built once per date.
@lru_cache(maxsize=64)
def _not_a_child_at_rollout(first: date) -> Reason:
    return reason(
        "BIOMETRICS_PR_CARD_NOT_A_CHILD_AT_ROLLOUT",
        rule="PRC-31, IRPR-12.1",
        citation=f"{GUIDE_PR_CARD}; IRPR 12.1(m)",
        en="You were already {age_limit} on {first_en}, the earliest date from which children under {age_limit} "
        "were exempted from biometrics, so you were not exempted as a child when you applied for permanent "
        "residence: you do not give biometrics for your PR card.",
        fr="Vous aviez déjà {age_limit} ans le {first_fr}, première date à partir de laquelle les enfants de "
        "moins de {age_limit} ans ont été exemptés de fournir leurs données biométriques ; vous n’avez donc "
        "pas été exempté comme enfant lors de votre demande de résidence permanente : vous n’avez pas à "
        "fournir vos données biométriques pour votre carte RP.",
        severity=INFO,
        age_limit=_limits_on(first).under_age,
        first_en=long_date_en(first),
        first_fr=long_date_fr(first),
    )


def _pr_card_listed(
    *,
    application_date: date,
    birth_date: date,
    age: int,
    history: PrCardBiometricsHistory | None,
) -> tuple[bool, bool, tuple[Reason, ...]]:
    """Whether this PR card application falls under 12.1(m): (listed, needs_review, reasons).

    PRC-30/31 and 12.1(m).
    """
    reasons: list[Reason] = []
    if history is None:
        reasons.append(
            reason(
                "BIOMETRICS_PR_CARD_HISTORY_UNKNOWN",
                rule="PRC-31",
                citation=f"{GUIDE_PR_CARD}; IRPR 12.1(m)",
                en="We do not know when your permanent residence application was received: an officer "
                "will check whether you were exempted from biometrics as a child and must give them now.",
                fr="Nous ne savons pas à quelle date votre demande de résidence permanente a été reçue : "
                "un agent vérifiera si vous avez été exempté de fournir vos données biométriques "
                "lorsque vous étiez enfant et si vous devez les fournir maintenant.",
                severity=WARNING,
            )
        )
        return False, True, tuple(reasons)
    received = history.pr_application_received_on
    under_age = _limits_on(application_date).under_age
    # 12.2(2): the age that exempted them was fixed on the date their PR application was made.
    was_under_age = age_on(birth_date, received) < _limits_on(received).under_age
    if history.pr_application_kind not in PR_APPLICATION_KINDS_FOR_CARD or not was_under_age:
        # PRC-30: most PR card applicants give none. 12.1(m) covers only a person exempted for
        # being under 14 when making an application under 12.1(a)-(c).
        # Reading: a protected person's application under 12.1(j) is not among (a)-(c), so
        # 12.1(m) does not reach it even though the guide speaks of "votre demande de RP".
        reasons.append(_pr_card_not_previously_exempt())
        return False, False, tuple(reasons)

    first, second = _rollout_dates_on(application_date)
    # Reading (G-08): a child could only be "exempted by 12.2(1)(a)" once PR applications
    # were subject to biometrics, which the guide dates 2018-07-31 or 2018-12-31 by country.
    # The country list is not in the sources: the phase is an input, UNKNOWN → review.
    if received < first:
        exempted = False
    elif received >= second:
        exempted = True
    elif history.rollout_phase is RolloutPhase.UNKNOWN:
        reasons.append(
            reason(
                "BIOMETRICS_PR_CARD_ROLLOUT_PHASE_UNKNOWN",
                rule="PRC-31",
                citation=f"{GUIDE_PR_CARD}; IRPR 12.1(m)",
                en="Your permanent residence application was received on {received_en}, between "
                "{first_en} and {second_en}: whether you must give biometrics depends on your country of "
                "origin. An officer will confirm.",
                fr="Votre demande de résidence permanente a été reçue le {received_fr}, entre le "
                "{first_fr} et le {second_fr} : l’obligation de fournir vos données biométriques dépend "
                "de votre pays d’origine. Un agent le confirmera.",
                severity=WARNING,
                received_en=long_date_en(received),
                received_fr=long_date_fr(received),
                first_en=long_date_en(first),
                first_fr=long_date_fr(first),
                second_en=long_date_en(second),
                second_fr=long_date_fr(second),
            )
        )
        return False, True, tuple(reasons)
    else:
        exempted = history.rollout_phase is RolloutPhase.FIRST
    if not exempted:
        rollout = first if received < first else second
        reasons.append(
            reason(
                "BIOMETRICS_PR_CARD_PR_APPLICATION_BEFORE_ROLLOUT",
                rule="PRC-31",
                citation=f"{GUIDE_PR_CARD}; IRPR 12.1(m)",
                en="Your permanent residence application was received on {received_en}, before "
                "{rollout_en}, the date from which children under 14 were exempted from biometrics for "
                "your country of origin: you do not have to give biometrics for your PR card.",
                fr="Votre demande de résidence permanente a été reçue le {received_fr}, avant le "
                "{rollout_fr}, date à partir de laquelle les enfants de moins de 14 ans ont été exemptés "
                "de fournir leurs données biométriques pour votre pays d’origine : vous n’avez pas à "
                "fournir vos données biométriques pour votre carte RP.",
                severity=INFO,
                received_en=long_date_en(received),
                received_fr=long_date_fr(received),
                rollout_en=long_date_en(rollout),
                rollout_fr=long_date_fr(rollout),
            )
        )
        return False, False, tuple(reasons)
    if age < under_age:
        # Still under 14: 12.1(m) needs "14 or older"; 12.2(1)(a) would exempt anyway.
        reasons.append(_pr_card_not_previously_exempt())
        return False, False, tuple(reasons)
    if history.earlier_card_application_at_14_or_older:
        # Reading (G-08): 12.1(m) lists a new card applied for "pour la première fois"; the
        # guide also names renewals and replacements. The Regulations win: a later card
        # application is not listed, so biometrics are not required, but an officer reviews it.
        reasons.append(
            reason(
                "BIOMETRICS_PR_CARD_NOT_FIRST_APPLICATION",
                rule="PRC-31",
                citation="IRPR 12.1(m); IMM 5445 — Données biométriques",
                en="You were exempted from biometrics as a child, but this is not your first PR card "
                "application since turning {age_limit}. IRPR 12.1(m) covers only the first one, so "
                "biometrics are not required; an officer will confirm.",
                fr="Vous avez été exempté de fournir vos données biométriques lorsque vous étiez enfant, "
                "mais il ne s’agit pas de votre première demande de carte RP depuis l’âge de "
                "{age_limit} ans. L’alinéa 12.1m) du RIPR ne vise que la première ; vos données "
                "biométriques ne sont donc pas exigées. Un agent le confirmera.",
                severity=WARNING,
                age_limit=under_age,
            )
        )
        return False, True, tuple(reasons)
    # Reading (G-08): the guide says "plus de 14 ans", 12.1(m) "quatorze ans ou plus": the
    # Regulations win, so a 14-year-old gives biometrics.
    reasons.append(
        reason(
            "BIOMETRICS_PR_CARD_PREVIOUSLY_EXEMPT",
            rule="PRC-31, IRPR-12.1",
            citation="IRPR 12.1(m); IMM 5445 — Données biométriques",
            en="You were under {age_limit} when IRCC received your permanent residence application on "
            "{received_en}, so you were exempted from biometrics; you are now {age} and apply for a PR "
            "card for the first time since, so you must give them.",
            fr="Vous aviez moins de {age_limit} ans lorsqu’IRCC a reçu votre demande de résidence "
            "permanente le {received_fr} et vous avez donc été exempté de fournir vos données "
            "biométriques ; vous avez maintenant {age} ans et présentez votre première demande de carte "
            "RP depuis : vous devez les fournir.",
            severity=INFO,
            age_limit=under_age,
            age=age,
            received_en=long_date_en(received),
            received_fr=long_date_fr(received),
        )
    )
    return True, False, tuple(reasons)


@cache
def _pr_card_not_previously_exempt() -> Reason:
    return reason(
        "BIOMETRICS_PR_CARD_NOT_REQUIRED",
        rule="PRC-30, IRPR-12.1",
        citation=f"{GUIDE_PR_CARD}; IRPR 12.1(m)",
        en="Most PR card applicants do not give biometrics; you are not in the case of IRPR 12.1(m) "
        "(a person 14 or older exempted as a child when applying for permanent residence).",
        fr="La plupart des demandeurs de carte RP n’ont pas à fournir leurs données biométriques ; vous "
        "n’êtes pas visé par l’alinéa 12.1m) du RIPR (personne de 14 ans ou plus exemptée lorsqu’elle "
        "était enfant au moment de sa demande de résidence permanente).",
        severity=INFO,
    )


def _exemptions(
    *,
    kind: ApplicationKind,
    age: int,
    status: SpecialStatus,
    limits: _Limits,
    reasons: list[Reason],
) -> tuple[str, ...]:
    """The 12.2(1) provisions that exempt this person for this application (all of them)."""
    found: list[str] = []
    under_age = limits.under_age
    over_age = limits.over_age

    def add(code: str, provision: str, en: str, fr: str, *, by_age: bool = False, **params: object) -> None:
        found.append(provision)
        reasons.append(
            reason(
                code,
                # IRPR-12.2-2: an age exemption is measured on the application date.
                rule="IRPR-12.2, IRPR-12.2-2" if by_age else "IRPR-12.2",
                citation=f"IRPR {provision}, 12.2(2)" if by_age else f"IRPR {provision}",
                en=en,
                fr=fr,
                severity=INFO,
                **params,
            )
        )

    def not_for_this(provision: str, provision_fr: str, what_en: str, what_fr: str) -> None:
        reasons.append(
            reason(
                "BIOMETRICS_EXEMPTION_NOT_FOR_THIS_APPLICATION",
                rule="IRPR-12.2",
                citation=f"IRPR {provision}",
                en="The exemption in IRPR {provision} ({what_en}) does not cover your {label_en}.",
                fr="L’exemption prévue à l’alinéa {provision_fr} du RIPR ({what_fr}) ne s’applique pas à "
                "votre {label_fr}.",
                severity=INFO,
                provision=provision,
                provision_fr=provision_fr,
                what_en=what_en,
                what_fr=what_fr,
                label_en=LABELS[kind][0],
                label_fr=LABELS[kind][1],
            )
        )

    if age < under_age:
        add(
            "BIOMETRICS_EXEMPT_UNDER_AGE",
            "12.2(1)(a)",
            "You are {age} on the application date, under {limit}: you do not give biometrics.",
            "Vous avez {age} ans à la date de la demande, donc moins de {limit} ans : vous n’avez pas à "
            "fournir vos données biométriques.",
            by_age=True,
            age=age,
            limit=under_age,
        )
    if age > over_age:
        # Reading: "plus de soixante-dix-neuf ans" in completed years, i.e. 80 or older (AS-52).
        if kind is ApplicationKind.REFUGEE_CLAIM_IN_CANADA:
            reasons.append(
                reason(
                    "BIOMETRICS_OVER_AGE_REFUGEE_CLAIM_NOT_EXEMPT",
                    rule="IRPR-12.2",
                    citation="IRPR 12.2(1)(b)",
                    en="You are {age}, over {limit}, but the age exemption does not apply to a refugee "
                    "claim made in Canada.",
                    fr="Vous avez {age} ans, donc plus de {limit} ans, mais l’exemption liée à l’âge ne "
                    "s’applique pas à une demande d’asile faite au Canada.",
                    severity=INFO,
                    age=age,
                    limit=over_age,
                )
            )
        else:
            add(
                "BIOMETRICS_EXEMPT_OVER_AGE",
                "12.2(1)(b)",
                "You are {age} on the application date, over {limit}: you do not give biometrics.",
                "Vous avez {age} ans à la date de la demande, donc plus de {limit} ans : vous n’avez pas "
                "à fournir vos données biométriques.",
                by_age=True,
                age=age,
                limit=over_age,
            )
    if status.crown_or_royal_family:
        if kind in CROWN_AND_US_NATIONAL_KINDS:
            add(
                "BIOMETRICS_EXEMPT_CROWN_OR_ROYAL_FAMILY",
                "12.2(1)(c)(i)",
                "His Majesty in right of Canada and members of the Royal Family do not give biometrics "
                "for this application.",
                "Sa Majesté du chef du Canada et les membres de la famille royale n’ont pas à fournir "
                "leurs données biométriques pour cette demande.",
            )
        else:
            not_for_this("12.2(1)(c)(i)", "12.2(1)c)(i)", "the Royal Family", "famille royale")
    if status.united_states_national:
        if kind in CROWN_AND_US_NATIONAL_KINDS:
            add(
                "BIOMETRICS_EXEMPT_US_NATIONAL",
                "12.2(1)(c)(ii)",
                "Nationals of the United States do not give biometrics for this application.",
                "Les ressortissants des États-Unis n’ont pas à fournir leurs données biométriques pour "
                "cette demande.",
            )
        else:
            not_for_this(
                "12.2(1)(c)(ii)",
                "12.2(1)c)(ii)",
                "nationals of the United States",
                "ressortissants des États-Unis",
            )
    refugee_fact = (
        ("12.2(1)(d)(i)", "12.2(1)d)(i)", status.refugee_claim_pending_in_canada),
        ("12.2(1)(d)(ii)", "12.2(1)d)(ii)", status.refugee_protection_conferred_in_canada),
        ("12.2(1)(d)(iii)", "12.2(1)d)(iii)", status.convention_or_humanitarian_refugee_abroad_class),
    )
    for provision, provision_fr, applies in refugee_fact:
        if not applies:
            continue
        if kind in PERMIT_KINDS:
            add(
                "BIOMETRICS_EXEMPT_REFUGEE_PERMIT_APPLICANT",
                provision,
                "Refugee claimants awaiting an RPD decision, protected persons in Canada and members of "
                "the refugee abroad classes do not give biometrics for a work or study permit.",
                "Les demandeurs d’asile dont la demande n’a pas encore été tranchée par la SPR, les "
                "personnes s’étant vu conférer l’asile au Canada et les membres des catégories de "
                "réfugiés outre-frontières n’ont pas à fournir leurs données biométriques pour un permis "
                "de travail ou d’études.",
            )
        else:
            not_for_this(
                provision, provision_fr, "refugee claimants and refugees", "demandeurs d’asile et réfugiés"
            )
    if status.head_of_state_or_government:
        if kind in HEAD_OF_STATE_KINDS:
            add(
                "BIOMETRICS_EXEMPT_HEAD_OF_STATE",
                "12.2(1)(e)",
                "Heads of state and heads of government do not give biometrics for this application.",
                "Les chefs d’État et chefs de gouvernement n’ont pas à fournir leurs données biométriques "
                "pour cette demande.",
            )
        else:
            not_for_this(
                "12.2(1)(e)", "12.2(1)e)", "heads of state or government", "chefs d’État ou de gouvernement"
            )
    # 12.2(1)(f)-(j) are not limited to some 12.1 paragraphs: they apply to any listed application.
    if status.entering_on_official_duties:
        add(
            "BIOMETRICS_EXEMPT_OFFICIAL_DUTIES",
            "12.2(1)(f)",
            "Persons entering Canada on official duties as accredited diplomats, consular officers or "
            "officials do not give biometrics.",
            "Les personnes qui cherchent à entrer au Canada dans le cadre de fonctions officielles à titre "
            "d’agent diplomatique, de fonctionnaire consulaire ou de représentant dûment accrédité n’ont pas "
            "à fournir leurs données biométriques.",
        )
    if status.family_member_of_official:
        add(
            "BIOMETRICS_EXEMPT_OFFICIAL_FAMILY_MEMBER",
            "12.2(1)(g)",
            "Family members of a person entering Canada on official duties do not give biometrics.",
            "Les membres de la famille d’une personne qui entre au Canada dans le cadre de fonctions "
            "officielles n’ont pas à fournir leurs données biométriques.",
        )
    transit = status.us_visa_transit
    if transit is not None and _transit_exempt(transit, limits.transit_max_hours):
        add(
            "BIOMETRICS_EXEMPT_US_VISA_TRANSIT",
            "12.2(1)(h)",
            "Holders of a valid U.S. entry visa passing through Canada for less than {hours} hours, to or "
            "from the United States, do not give biometrics.",
            "Les titulaires d’un visa d’entrée valide des États-Unis qui passent par le Canada pour moins "
            "de {hours} heures, en provenance ou à destination des États-Unis, n’ont pas à fournir leurs "
            "données biométriques.",
            hours=limits.transit_max_hours,
        )
    if status.visa_exempt_7_2_a_applying_as_visitor:
        add(
            "BIOMETRICS_EXEMPT_VISA_EXEMPT_VISITOR",
            "12.2(1)(i)",
            "Foreign nationals described in IRPR 7(2)(a) applying for temporary resident status as "
            "visitors do not give biometrics.",
            "Les étrangers visés à l’alinéa 7(2)a) du RIPR qui demandent le statut de résident temporaire "
            "à titre de visiteur n’ont pas à fournir leurs données biométriques.",
        )
    if status.eta_holder_applying_as_visitor:
        add(
            "BIOMETRICS_EXEMPT_ETA_VISITOR",
            "12.2(1)(j)",
            "eTA holders described in IRPR 7.01(1) applying for temporary resident status as visitors do "
            "not give biometrics.",
            "Les titulaires d’une autorisation de voyage électronique visés au paragraphe 7.01(1) du RIPR "
            "qui demandent le statut de résident temporaire à titre de visiteur n’ont pas à fournir leurs "
            "données biométriques.",
        )
    return tuple(found)


def _transit_exempt(transit: UsVisaTransit, max_hours: int) -> bool:
    # 12.2(1)(h): "moins de quarante-huit heures" — strictly less.
    return (
        transit.holds_valid_us_entry_visa
        and transit.coming_from_or_going_to_united_states
        and transit.intended_stay_hours < max_hours
        and (transit.onward_to_destination_other_than_canada or transit.in_transit_or_stopover)
    )


@dataclass(frozen=True, slots=True)
class PortOfEntryResult:
    """Whether the application may be made at this port of entry (IRPR 12.001), and why."""

    allowed: bool
    reasons: tuple[Reason, ...]


def port_of_entry_biometrics_check(
    *,
    kind: ApplicationKind,
    biometrics_required: bool,
    port_offers_biometric_collection: bool,
    subject: str | None = None,
) -> PortOfEntryResult:
    """May this application be made at a port of entry? (IRPR 12.001, rule IRPR-12.001)

    A person who must give biometrics may apply at a port of entry for a temporary resident
    permit, a work permit or a study permit only where that port offers biometric
    collection. ``biometrics_required`` is ``biometrics_requirement(...).required``.
    12.001 is "subject to ss.198 and 214", which are not in the sources and not modelled.
    """
    label_en, label_fr = LABELS[kind]
    if (
        kind in PORT_OF_ENTRY_RESTRICTED_KINDS
        and biometrics_required
        and not port_offers_biometric_collection
    ):
        found = reason(
            "PORT_OF_ENTRY_NO_BIOMETRIC_COLLECTION",
            rule="IRPR-12.001",
            citation="IRPR 12.001",
            en="You must give biometrics, and this port of entry does not offer biometric collection: "
            "your {label_en} cannot be made here.",
            fr="Vous devez fournir vos données biométriques et ce point d’entrée n’offre pas les services "
            "de collecte de données biométriques : votre {label_fr} ne peut pas y être présentée.",
            severity=BLOCKING,
            subject=subject,
            label_en=label_en,
            label_fr=label_fr,
        )
        return PortOfEntryResult(False, (found,))
    found = reason(
        "PORT_OF_ENTRY_BIOMETRICS_NOT_A_BAR",
        rule="IRPR-12.001",
        citation="IRPR 12.001",
        en="IRPR 12.001 does not prevent making your {label_en} at this port of entry.",
        fr="L’article 12.001 du RIPR n’empêche pas de présenter votre {label_fr} à ce point d’entrée.",
        severity=INFO,
        subject=subject,
        label_en=label_en,
        label_fr=label_fr,
    )
    return PortOfEntryResult(True, (found,))
