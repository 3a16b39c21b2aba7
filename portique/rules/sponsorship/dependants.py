"""Dependent children: the definition, the lock-in date, types A/B/C, Canadian-citizen children.

Rules SP-110 to SP-113, SP-117 and SP-118 (IMM 5289, "Définitions d'enfant à charge",
IMM 0008 instructions "Type de personne à charge", "Enfants nés de citoyens canadiens",
"Enfants nés au Canada", Appendix A "Enfants à charge").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.dates import age_on
from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import cite, cutoff, param, say

DEFINITIONS = cite("Définitions d'enfant à charge") + "; Appendix A, Enfants à charge"
TYPES = cite("Type de personne à charge") + " (IMM 0008)"
CHILDREN_OF_CITIZENS = cite("Enfants nés de citoyens canadiens")
BORN_IN_CANADA = cite("Enfants nés au Canada")


class DependantType(str, Enum):
    """The dependant type selected in IMM 0008 (SP-113)."""

    A = "A"  # under 22, no spouse or common-law partner
    B = "B"  # full-time accredited post-secondary student dependent since before 22; lock-in before 2014-08-01
    C = "C"  # 22 or older, dependent since before 22, cannot self-support because of a physical or mental condition


@fast_init
@dataclass(frozen=True, slots=True)
class DependentChildAssessment:
    """Whether a child is a dependent child on the lock-in date, and of which type."""

    dependent: bool
    dependant_type: DependantType | None
    age_at_lock_in: int
    previous_definition_may_apply: bool
    needs_officer_review: bool
    reasons: tuple[Reason, ...]


def dependent_child_type(
    *,
    birth_date: date,
    lock_in_date: date,
    has_spouse_or_common_law_partner: bool,
    financially_dependent_since_before_age_limit: bool = False,
    unable_to_self_support_due_to_condition: bool = False,
    full_time_accredited_post_secondary_student: bool = False,
    no_longer_meets_requirements_before_pr: bool = False,
) -> DependentChildAssessment:
    """Whether a child (of the sponsor or of the spouse/partner) is a dependent child (SP-110, SP-113).

    ``lock_in_date`` is the day IRCC receives the complete application: the child's age
    and situation are taken on that day. ``financially_dependent_since_before_age_limit``:
    has depended on a parent for financial support since before the age limit (22, the
    parameter ``dependent_child_age_limit``). ``no_longer_meets_requirements_before_pr``: the
    child, age apart, stopped meeting the definition (married, for instance) before
    becoming a permanent resident.
    """
    limit = param("dependent_child_age_limit", lock_in_date)
    age = age_on(birth_date, lock_in_date)
    reasons: list[Reason] = []
    review = False

    previous_definition = lock_in_date <= cutoff("dependent_child_previous_definition_until")
    if previous_definition:
        # Reading (G-19): the previous definition is not in the sources: flag, never invent.
        review = True
        reasons.append(
            say(
                "PREVIOUS_DEPENDANT_DEFINITION_MAY_APPLY",
                rule="SP-112",
                citation=DEFINITIONS,
                en="The child's lock-in date is on or before {cutoff}: a previous definition of "
                "dependent child may apply. An officer will review it.",
                fr="La date déterminante de l’enfant est le {cutoff} ou avant : une définition "
                "précédente des enfants à charge peut s’appliquer. Un agent l’examinera.",
                severity=Severity.WARNING,
                cutoff=cutoff("dependent_child_previous_definition_until").isoformat(),
            )
        )

    dependant_type: DependantType | None = None
    dependent = False
    supported_since_before_limit = (
        financially_dependent_since_before_age_limit and unable_to_self_support_due_to_condition
    )
    if age < limit and not has_spouse_or_common_law_partner:
        dependant_type, dependent = DependantType.A, True
        reasons.append(
            say(
                "DEPENDANT_TYPE_A",
                rule="SP-110, SP-113",
                citation=TYPES,
                en="Dependent child, type A: under {limit} ({age}) on the lock-in date and without a "
                "spouse or common-law partner.",
                fr="Enfant à charge de type A : moins de {limit} ans ({age} ans) à la date déterminante "
                "et sans époux ni conjoint de fait.",
                severity=Severity.INFO,
                limit=limit,
                age=age,
            )
        )
    elif age >= limit and supported_since_before_limit:
        dependant_type, dependent = DependantType.C, True
        reasons.append(
            say(
                "DEPENDANT_TYPE_C",
                rule="SP-110, SP-113",
                citation=TYPES,
                en="Dependent child, type C: {age} years old, dependent on a parent since before {limit} "
                "and unable to self-support because of a physical or mental condition.",
                fr="Enfant à charge de type C : {age} ans, dépend du soutien financier d’un parent depuis "
                "avant l’âge de {limit} ans et ne peut subvenir à ses besoins en raison d’une condition "
                "physique ou mentale.",
                severity=Severity.INFO,
                limit=limit,
                age=age,
            )
        )
    elif (
        lock_in_date < cutoff("dependent_type_b_locked_in_before")
        and full_time_accredited_post_secondary_student
        and financially_dependent_since_before_age_limit
    ):
        dependant_type, dependent = DependantType.B, True
        reasons.append(
            say(
                "DEPENDANT_TYPE_B",
                rule="SP-113",
                citation=TYPES,
                en="Dependent child, type B: age locked in before {cutoff}, enrolled full time in an "
                "accredited post-secondary institution and dependent on a parent since before {limit}.",
                fr="Enfant à charge de type B : âge confirmé avant le {cutoff}, inscrit à temps plein "
                "dans un établissement postsecondaire accrédité et dépendant du soutien financier d’un "
                "parent depuis avant l’âge de {limit} ans.",
                severity=Severity.INFO,
                cutoff=cutoff("dependent_type_b_locked_in_before").isoformat(),
                limit=limit,
            )
        )
    elif supported_since_before_limit:
        # Reading: the definition (SP-110, second case) has no age condition, but type C in
        # IMM 0008 starts at 22: a married child under 22 who depends on a parent because of a
        # condition meets the definition without fitting a type. Dependent, type left to an officer.
        dependent, review = True, True
        reasons.append(
            say(
                "DEPENDANT_TYPE_UNCLEAR",
                rule="SP-110, SP-113",
                citation=DEFINITIONS + "; " + TYPES,
                en="The child meets the definition (dependent since before {limit} and unable to "
                "self-support because of a condition) but none of the IMM 0008 types describes them: "
                "an officer will confirm.",
                fr="L’enfant répond à la définition (dépend de ses parents depuis avant l’âge de {limit} "
                "ans et ne peut subvenir à ses besoins en raison d’une condition) mais aucun type du "
                "formulaire IMM 0008 ne le décrit : un agent confirmera.",
                severity=Severity.WARNING,
                limit=limit,
            )
        )
    else:
        reasons.append(_not_dependent(age, limit, has_spouse_or_common_law_partner))

    if dependent and no_longer_meets_requirements_before_pr:
        # Reading (G-18): the requirements, age apart, hold until permanent residence is granted.
        dependent = False
        reasons.append(
            say(
                "DEPENDANT_CEASED_BEFORE_PR",
                rule="SP-111",
                citation=DEFINITIONS,
                en="Apart from age, a dependent child must keep meeting the requirements until the "
                "application is finalized and they become a permanent resident; this child no longer does.",
                fr="À l’exception de l’âge, un enfant à charge doit continuer de répondre aux exigences "
                "jusqu’à ce que le traitement de la demande soit terminé et qu’il devienne résident "
                "permanent ; ce n’est plus le cas de cet enfant.",
            )
        )
    elif dependent:
        reasons.append(
            say(
                "DEPENDANT_MUST_KEEP_MEETING_REQUIREMENTS",
                rule="SP-111",
                citation=DEFINITIONS,
                en="Apart from age, the child must keep meeting these requirements until they become "
                "a permanent resident.",
                fr="À l’exception de l’âge, l’enfant doit continuer de répondre à ces exigences jusqu’à "
                "ce qu’il devienne résident permanent.",
                severity=Severity.INFO,
            )
        )
    return DependentChildAssessment(
        dependent=dependent,
        dependant_type=dependant_type if dependent else None,
        age_at_lock_in=age,
        previous_definition_may_apply=previous_definition,
        needs_officer_review=review,
        reasons=tuple(reasons),
    )


def _not_dependent(age: int, limit: int, has_partner: bool) -> Reason:
    if age < limit and has_partner:
        return say(
            "NOT_DEPENDENT_HAS_PARTNER",
            rule="SP-110",
            citation=DEFINITIONS,
            en="A child under {limit} with a spouse or common-law partner is not a dependent child "
            "(unless they depend on a parent because of a physical or mental condition).",
            fr="Un enfant de moins de {limit} ans qui a un époux ou un conjoint de fait n’est pas un "
            "enfant à charge (sauf s’il dépend d’un parent en raison d’une condition physique ou "
            "mentale).",
            limit=limit,
        )
    return say(
        "NOT_DEPENDENT_AGE",
        rule="SP-110",
        citation=DEFINITIONS,
        en="A child aged {limit} or older ({age}) is a dependent child only if they have depended on "
        "a parent since before {limit} and cannot self-support because of a physical or mental condition.",
        fr="Un enfant de {limit} ans ou plus ({age} ans) n’est un enfant à charge que s’il dépend du "
        "soutien financier d’un parent depuis avant l’âge de {limit} ans et ne peut subvenir à ses "
        "besoins en raison d’une condition physique ou mentale.",
        limit=limit,
        age=age,
    )


class CitizenshipFinding(str, Enum):
    CITIZEN = "citizen"
    NOT_CITIZEN = "not_citizen"
    TO_BE_CONFIRMED = "to_be_confirmed"


class LongFormBirthCertificate(str, Enum):
    """The child's long-form Canadian birth certificate (SP-118)."""

    HELD = "held"
    REQUESTED = "requested"  # asked of the province or territory of birth, not yet received
    NOT_HELD = "not_held"


@dataclass(frozen=True, slots=True)
class ChildCitizenshipAssessment:
    """Whether a child may be a Canadian citizen, who cannot be sponsored (SP-117, SP-118).

    ``add_to_sponsorship`` is None while citizenship is to be confirmed.
    """

    finding: CitizenshipFinding
    add_to_sponsorship: bool | None
    reasons: tuple[Reason, ...]


def child_citizenship(
    *,
    born_in_canada: bool,
    sponsor_is_citizen_parent: bool = False,
    accredited_foreign_diplomat_parent: bool = False,
    other_parent_citizen_or_pr_at_birth: bool = False,
    long_form_birth_certificate: LongFormBirthCertificate = LongFormBirthCertificate.NOT_HELD,
    has_proof_of_citizenship: bool = False,
    proof_of_citizenship_pending: bool = False,
    confirmed_not_citizen: bool = False,
) -> ChildCitizenshipAssessment:
    """Whether a child in the application may be a Canadian citizen and what to provide.

    ``sponsor_is_citizen_parent``: the child's parent is the sponsor and a Canadian
    citizen (a child born abroad may then be a citizen). ``accredited_foreign_diplomat_parent``
    and ``other_parent_citizen_or_pr_at_birth`` describe the one exception the guide gives
    for children born in Canada.
    """
    if born_in_canada:
        if accredited_foreign_diplomat_parent and not other_parent_citizen_or_pr_at_birth:
            return ChildCitizenshipAssessment(
                finding=CitizenshipFinding.NOT_CITIZEN,
                add_to_sponsorship=True,
                reasons=(
                    say(
                        "BORN_IN_CANADA_EXCEPTION",
                        rule="SP-118",
                        citation=BORN_IN_CANADA,
                        en="A child born in Canada to an accredited foreign diplomat is not a citizen by "
                        "birth unless the other parent was a citizen or permanent resident at the "
                        "time: provide the long-form birth certificate and add the child to the "
                        "sponsorship application.",
                        fr="Un enfant né au Canada d’un diplomate étranger accrédité n’est pas canadien de "
                        "naissance, à moins que l’autre parent n’ait été citoyen canadien ou résident "
                        "permanent au moment de la naissance : fournissez la version longue du "
                        "certificat de naissance et ajoutez l’enfant à la demande de parrainage.",
                        severity=Severity.INFO,
                    ),
                ),
            )
        return ChildCitizenshipAssessment(
            finding=CitizenshipFinding.CITIZEN,
            add_to_sponsorship=False,
            reasons=(
                say(
                    "BORN_IN_CANADA_CITIZEN",
                    rule="SP-117, SP-118",
                    citation=BORN_IN_CANADA,
                    en="A child born in Canada is probably a Canadian citizen, and a Canadian citizen "
                    "cannot be sponsored. Confirm that no exception applies.",
                    fr="Un enfant né au Canada est probablement citoyen canadien, et un citoyen "
                    "canadien ne peut pas être parrainé. Confirmez qu’aucune exception ne s’applique.",
                    severity=Severity.INFO,
                ),
                _long_form(long_form_birth_certificate),
            ),
        )
    if not sponsor_is_citizen_parent:
        # Reading: the guide's citizenship cautions concern children born in Canada and
        # children of a citizen sponsor; any other child is sponsored as a dependant.
        return ChildCitizenshipAssessment(
            finding=CitizenshipFinding.NOT_CITIZEN,
            add_to_sponsorship=True,
            reasons=(
                say(
                    "CHILD_SPONSORED_AS_DEPENDANT",
                    rule="SP-117",
                    citation=CHILDREN_OF_CITIZENS,
                    en="Nothing given suggests the child is a Canadian citizen: include them as a dependant.",
                    fr="Rien n’indique que l’enfant soit citoyen canadien : incluez-le comme personne à charge.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if has_proof_of_citizenship:
        return ChildCitizenshipAssessment(
            finding=CitizenshipFinding.CITIZEN,
            add_to_sponsorship=False,
            reasons=(
                say(
                    "CHILD_CITIZEN_INCLUDE_PROOF",
                    rule="SP-117",
                    citation=CHILDREN_OF_CITIZENS,
                    en="A Canadian citizen cannot be sponsored: include a copy of the child's proof of "
                    "citizenship (citizenship certificate or Canadian passport).",
                    fr="Un citoyen canadien ne peut pas être parrainé : incluez une copie de la preuve de "
                    "citoyenneté de l’enfant (certificat de citoyenneté ou passeport canadien).",
                    severity=Severity.INFO,
                ),
            ),
        )
    if confirmed_not_citizen:
        return ChildCitizenshipAssessment(
            finding=CitizenshipFinding.NOT_CITIZEN,
            add_to_sponsorship=True,
            reasons=(
                say(
                    "CHILD_NOT_CITIZEN_ADD_AS_DEPENDANT",
                    rule="SP-117",
                    citation=CHILDREN_OF_CITIZENS,
                    en="The child is not a Canadian citizen: add them as a dependant in the sponsorship "
                    "undertaking for your spouse or partner.",
                    fr="L’enfant n’est pas citoyen canadien : ajoutez-le comme personne à charge dans "
                    "l’engagement de parrainage signé pour votre époux ou conjoint.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if proof_of_citizenship_pending:
        pending = say(
            "CHILD_CITIZENSHIP_PENDING_LETTER",
            rule="SP-117",
            citation=CHILDREN_OF_CITIZENS,
            en="Your application for the child's proof of citizenship is not yet decided: attach a "
            "letter explaining it in detail.",
            fr="Votre demande de preuve de citoyenneté pour l’enfant n’a pas encore été réglée : "
            "joignez une lettre donnant des explications détaillées.",
            severity=Severity.WARNING,
        )
    else:
        pending = say(
            "CHILD_APPLY_FOR_PROOF_OF_CITIZENSHIP",
            rule="SP-117",
            citation=CHILDREN_OF_CITIZENS,
            en="Your child born outside Canada may be a Canadian citizen: apply for proof of "
            "citizenship to confirm it.",
            fr="Votre enfant né à l’extérieur du Canada pourrait être citoyen canadien : faites une "
            "demande de preuve de citoyenneté pour le confirmer.",
            severity=Severity.WARNING,
        )
    return ChildCitizenshipAssessment(
        finding=CitizenshipFinding.TO_BE_CONFIRMED, add_to_sponsorship=None, reasons=(pending,)
    )


def _long_form(status: LongFormBirthCertificate) -> Reason:
    if status is LongFormBirthCertificate.HELD:
        return say(
            "ATTACH_LONG_FORM_BIRTH_CERTIFICATE",
            rule="SP-118",
            citation=BORN_IN_CANADA,
            en="Attach a copy of the child's long-form Canadian birth certificate.",
            fr="Joignez une copie de la version longue du certificat de naissance canadien de l’enfant.",
            severity=Severity.INFO,
        )
    if status is LongFormBirthCertificate.REQUESTED:
        return say(
            "LONG_FORM_REQUESTED_LETTER",
            rule="SP-118",
            citation=BORN_IN_CANADA,
            en="You have asked the province or territory for the long-form birth certificate: attach "
            "a letter explaining it in detail.",
            fr="Vous avez demandé la version longue du certificat de naissance à la province ou au "
            "territoire : joignez une lettre donnant des explications détaillées.",
            severity=Severity.WARNING,
        )
    return say(
        "LONG_FORM_TO_REQUEST",
        rule="SP-118",
        citation=BORN_IN_CANADA,
        en="Request the child's long-form birth certificate from the province or territory of birth.",
        fr="Demandez la version longue du certificat de naissance de l’enfant à la province ou au "
        "territoire de naissance.",
        severity=Severity.WARNING,
    )
