"""Supporting evidence: communication evidence, marriage proof, passports, PR visa validity,
IMM 5604 for a minor travelling without both parents, family declaration, translations.

Rules SP-115, SP-116, SP-120, SP-125 to SP-127, SP-170, SP-182, SP-183, SP-186 and
SP-222, with the cross-cutting X-01 and X-02 (IMM 5289, "Étape 2", "Certificats de
mariage", "Passeports pour les membres de la famille", "Pendant combien de temps un visa
de résident permanent est-il valide?", "Déclarer tous les membres de votre famille",
"Passer l'examen médical", "Traduction de documents", "Copies certifiées conformes").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.dates import age_on
from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import cite, param, say

STEP_2 = cite("Étape 2. Rassemblez les documents")
MARRIAGE_CERTIFICATES = cite("Certificats de mariage")
PASSPORTS = cite("Passeports pour les membres de la famille")
PR_VISA = cite("Pendant combien de temps un visa de résident permanent est-il valide?")
DECLARE_FAMILY = cite("Déclarer tous les membres de votre famille")
SOLE_CUSTODY = cite("Définitions d'enfant à charge") + ", Important"
MEDICAL = cite("Passer l'examen médical")
DEPENDANT_DETAILS = cite("Données personnelles de la personne à charge") + " (IMM 0008)"
IMM5604 = cite("Étape 3. Remplir la demande") + "; " + cite("Étape 5. Vérifiez votre demande")
POLICE = cite("Certificats de police")
CERTIFIED_COPIES = cite("Copies certifiées conformes")


@fast_init
@dataclass(frozen=True, slots=True)
class CheckResult:
    """A yes/no check with its reasons."""

    ok: bool
    reasons: tuple[Reason, ...]


def communication_evidence(*, pages: int, untranslated_pages: int = 0, on: date) -> CheckResult:
    """Written communication evidence: at most 10 pages, translated if not English or French (SP-183)."""
    limit = param("communication_evidence_max_pages", on)
    reasons = []
    if pages > limit:
        reasons.append(
            say(
                "COMMUNICATION_EVIDENCE_TOO_LONG",
                rule="SP-183",
                citation=STEP_2,
                en="Attach at most {limit} pages of written communication evidence; {pages} were given.",
                fr="Joignez au plus {limit} pages de preuves écrites de communication ; {pages} pages ont "
                "été fournies.",
                limit=limit,
                pages=pages,
            )
        )
    if untranslated_pages > 0:
        reasons.append(
            say(
                "COMMUNICATION_EVIDENCE_UNTRANSLATED",
                rule="SP-183",
                citation=STEP_2,
                en="Letters, printed texts, emails or social media conversations in neither English nor "
                "French must be translated ({pages} page(s) are not).",
                fr="Les lettres, messages textes imprimés, courriels ou conversations sur les réseaux "
                "sociaux rédigés ni en anglais ni en français doivent être traduits ({pages} page(s) ne "
                "le sont pas).",
                pages=untranslated_pages,
            )
        )
    if reasons:
        return CheckResult(ok=False, reasons=tuple(reasons))
    return CheckResult(
        ok=True,
        reasons=(
            say(
                "COMMUNICATION_EVIDENCE_WITHIN_LIMIT",
                rule="SP-183",
                citation=STEP_2,
                en="{pages} page(s) of written communication evidence: within the limit of {limit}.",
                fr="{pages} page(s) de preuves écrites de communication : dans la limite de {limit} pages.",
                severity=Severity.INFO,
                limit=limit,
                pages=pages,
            ),
        ),
    )


class MarriageProof(str, Enum):
    MARRIAGE_CERTIFICATE = "marriage_certificate"
    PROOF_OF_REGISTRATION = "proof_of_registration"
    CANADIAN_CERTIFICATE_OF_CELEBRATION = (
        "canadian_certificate_of_celebration"  # attestation de la célébration
    )
    MARRIAGE_LICENCE = "marriage_licence"
    OTHER = "other"


def marriage_proof(*, document: MarriageProof) -> CheckResult:
    """Proof of marriage for a spouse sponsorship (SP-186)."""
    if document in (MarriageProof.MARRIAGE_CERTIFICATE, MarriageProof.PROOF_OF_REGISTRATION):
        return CheckResult(
            ok=True,
            reasons=(
                say(
                    "MARRIAGE_PROOF_ACCEPTED",
                    rule="SP-186",
                    citation=MARRIAGE_CERTIFICATES,
                    en="A valid marriage certificate or proof of registration is accepted if it shows the "
                    "marriage was legally registered with the government where it took place; check the "
                    "country-specific instructions for that country.",
                    fr="Un certificat de mariage valide ou une preuve d’enregistrement est accepté s’il "
                    "démontre que le mariage a été légalement enregistré auprès du gouvernement du "
                    "territoire où il a eu lieu ; vérifiez les exigences propres au pays où le mariage a "
                    "eu lieu.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if document is MarriageProof.OTHER:
        return CheckResult(
            ok=False,
            reasons=(
                say(
                    "MARRIAGE_PROOF_UNCERTAIN",
                    rule="SP-186",
                    citation=MARRIAGE_CERTIFICATES,
                    en="Provide a marriage certificate or proof of registration showing the marriage was "
                    "legally registered with the government where it took place.",
                    fr="Fournissez un certificat de mariage ou une preuve d’enregistrement démontrant que "
                    "le mariage a été légalement enregistré auprès du gouvernement du territoire où il a "
                    "eu lieu.",
                    severity=Severity.WARNING,
                ),
            ),
        )
    return CheckResult(
        ok=False,
        reasons=(
            say(
                "MARRIAGE_PROOF_NOT_ACCEPTED",
                rule="SP-186",
                citation=MARRIAGE_CERTIFICATES,
                en="A certificate of celebration of marriage (obtained in Canada) or a marriage licence is "
                "not accepted as proof of marriage: provide a marriage certificate or proof of registration.",
                fr="Une attestation de la célébration du mariage (obtenue au Canada) ou un permis de "
                "mariage n’est pas accepté comme preuve de mariage : fournissez un certificat de mariage "
                "ou une preuve d’enregistrement.",
            ),
        ),
    )


class PassportKind(str, Enum):
    REGULAR = "regular"
    PRIVATE = "private"
    TRAVEL_DOCUMENT = "travel_document"
    DIPLOMATIC = "diplomatic"
    OFFICIAL = "official"
    SERVICE = "service"
    PUBLIC_AFFAIRS = "public_affairs"


NOT_FOR_IMMIGRATING = frozenset(
    {PassportKind.DIPLOMATIC, PassportKind.OFFICIAL, PassportKind.SERVICE, PassportKind.PUBLIC_AFFAIRS}
)


def passport_acceptable(
    *,
    kind: PassportKind,
    expiry: date | None = None,
    arrival: date | None = None,
    person: str | None = None,
) -> CheckResult:
    """Whether a passport can be used to immigrate and is valid on arrival (SP-125, SP-126).

    ``arrival``: the planned arrival date, when known; the passport must be valid then.
    """
    if kind in NOT_FOR_IMMIGRATING:
        return CheckResult(
            ok=False,
            reasons=(
                say(
                    "PASSPORT_KIND_NOT_ACCEPTED",
                    rule="SP-126",
                    citation=PASSPORTS,
                    en="A diplomatic, official, service or public affairs passport cannot be used to "
                    "immigrate to Canada: a regular or private passport is required on arrival.",
                    fr="On ne peut pas utiliser un passeport diplomatique, officiel, de service ou "
                    "d’affaires publiques pour immigrer au Canada : un passeport régulier ou privé est "
                    "exigé à l’arrivée.",
                    subject=person,
                ),
            ),
        )
    if expiry is not None and arrival is not None and expiry < arrival:
        return CheckResult(
            ok=False,
            reasons=(
                say(
                    "PASSPORT_EXPIRES_BEFORE_ARRIVAL",
                    rule="SP-125",
                    citation=PASSPORTS,
                    en="The passport expires on {expiry}, before arrival: renew it, send a copy of the new "
                    "one to the processing office and tell IRCC as soon as possible.",
                    fr="Le passeport expire le {expiry}, avant l’arrivée : renouvelez-le, envoyez une copie "
                    "du nouveau passeport au bureau de traitement et avisez IRCC le plus tôt possible.",
                    severity=Severity.WARNING,
                    subject=person,
                    expiry=expiry.isoformat(),
                ),
            ),
        )
    return CheckResult(
        ok=True,
        reasons=(
            say(
                "PASSPORT_ACCEPTED",
                rule="SP-125, SP-126",
                citation=PASSPORTS,
                en="This passport or travel document can be used to immigrate if it is valid on arrival; "
                "tell IRCC as soon as possible if it is renewed or replaced during processing.",
                fr="Ce passeport ou titre de voyage peut servir à immigrer s’il est valide à l’arrivée ; "
                "avisez IRCC le plus tôt possible s’il est renouvelé ou remplacé pendant le traitement.",
                severity=Severity.INFO,
                subject=person,
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class VisaDocuments:
    """The expiry dates that limit one person's permanent resident visa (SP-127)."""

    person: str
    medical_results_expiry: date
    passport_expiry: date


@dataclass(frozen=True, slots=True)
class PrVisaValidity:
    """The last day the PR visas may be valid, and which document of whom sets it."""

    latest_expiry: date
    limited_by_person: str
    limited_by_document: str  # "medical_results" or "passport"
    reasons: tuple[Reason, ...]


def pr_visa_latest_expiry(*, people: tuple[VisaDocuments, ...]) -> PrVisaValidity:
    """PR visas are issued for no longer than the earliest expiry of the medical results and
    passports of the sponsored person and family members (SP-127)."""
    if not people:
        raise ValueError("at least one person is needed")
    candidates = []
    for docs in people:
        candidates.append((docs.medical_results_expiry, 0, docs.person, "medical_results"))
        candidates.append((docs.passport_expiry, 1, docs.person, "passport"))
    latest, _, person, document = min(candidates)
    return PrVisaValidity(
        latest_expiry=latest,
        limited_by_person=person,
        limited_by_document=document,
        reasons=(
            say(
                "PR_VISA_LATEST_EXPIRY",
                rule="SP-127",
                citation=PR_VISA,
                en="The permanent resident visas will be valid no later than {latest}, the earliest expiry "
                "of the medical results and passports ({document} of {person}). They cannot be extended: "
                "if unused, a new permanent residence application, a new sponsorship and new processing "
                "fees are needed.",
                fr="Les visas de résident permanent seront valides au plus tard jusqu’au {latest}, la "
                "première des dates d’expiration des résultats médicaux et des passeports ({document_fr} "
                "de {person}). Ils ne peuvent pas être prolongés : s’ils ne sont pas utilisés, il faut "
                "une nouvelle demande de résidence permanente, une nouvelle demande de parrainage et de "
                "nouveaux frais de traitement.",
                severity=Severity.INFO,
                latest=latest.isoformat(),
                person=person,
                document="medical results" if document == "medical_results" else "passport",
                document_fr="résultats médicaux" if document == "medical_results" else "passeport",
            ),
        ),
    )


@fast_init
@dataclass(frozen=True, slots=True)
class Imm5604Requirement:
    """IMM 5604 for a minor child who travels without both parents or guardians (SP-120)."""

    required: bool
    explanation_letter_instead: bool
    officer_review: bool
    reasons: tuple[Reason, ...]


def imm5604_required(
    *,
    child_birth_date: date,
    on: date,
    travels_without_both_parents: bool,
    non_accompanying_parent_can_sign: bool = True,
    person: str | None = None,
) -> Imm5604Requirement:
    """Whether IMM 5604 is needed for a child sponsored or included in the application.

    ``travels_without_both_parents``: the child will travel without both parents or legal
    guardians, or has another parent who is not immigrating. ``on``: the submission date.
    """
    minor_age = param("minor_age", on)
    if age_on(child_birth_date, on) >= minor_age or not travels_without_both_parents:
        return Imm5604Requirement(
            required=False, explanation_letter_instead=False, officer_review=False, reasons=()
        )
    if non_accompanying_parent_can_sign:
        return Imm5604Requirement(
            required=True,
            explanation_letter_instead=False,
            officer_review=False,
            reasons=(
                say(
                    "IMM5604_REQUIRED",
                    rule="SP-120",
                    citation=IMM5604,
                    en="The child is under {minor} and will travel without both parents or guardians: the "
                    "non-accompanying parent or guardian must download, complete and sign IMM 5604 by hand, "
                    "with a copy of their photo identification.",
                    fr="L’enfant a moins de {minor} ans et voyagera sans ses deux parents ou tuteurs : le "
                    "parent ou tuteur qui ne l’accompagne pas doit télécharger, remplir et signer à la main "
                    "le formulaire IMM 5604, accompagné d’une pièce d’identité avec photo.",
                    severity=Severity.INFO,
                    subject=person,
                    minor=minor_age,
                ),
            ),
        )
    return Imm5604Requirement(
        required=True,
        explanation_letter_instead=True,
        officer_review=True,
        reasons=(
            say(
                "IMM5604_EXPLANATION_LETTER",
                rule="SP-120",
                citation=IMM5604,
                en="The other parent cannot sign IMM 5604 (for example, their whereabouts are unknown): "
                "attach a letter of explanation. An officer will review it and tell you the next steps.",
                fr="L’autre parent ne peut pas signer le formulaire IMM 5604 (p. ex. on ne sait pas où il "
                "se trouve) : joignez une lettre explicative. Un agent l’examinera et vous informera des "
                "étapes suivantes.",
                severity=Severity.WARNING,
                subject=person,
            ),
        ),
    )


class Custody(str, Enum):
    """Who has custody of a child of the principal applicant (SP-115, SP-222)."""

    PRINCIPAL_APPLICANT = "principal_applicant"
    JOINT = "joint"
    SOLE_OTHER_PARENT = "sole_other_parent"  # the other parent or an ex-spouse
    NOT_APPLICABLE = "not_applicable"  # not a minor child


@fast_init
@dataclass(frozen=True, slots=True)
class FamilyMember:
    """A family member of the principal applicant (spouse/partner, dependent child, their child).

    ``declared``: listed in the application. ``why_not_accompanying``: the explanation
    IMM 0008 asks for when the member does not accompany.
    """

    id: str
    declared: bool
    accompanying: bool = True
    is_citizen_or_pr: bool = False
    custody: Custody = Custody.NOT_APPLICABLE
    why_not_accompanying: str = ""


@fast_init
@dataclass(frozen=True, slots=True)
class FamilyDeclaration:
    """Whether every family member is declared, and who must be examined."""

    all_declared: bool
    must_be_examined: tuple[str, ...]
    reasons: tuple[Reason, ...]


def check_family_declared(*, members: tuple[FamilyMember, ...]) -> FamilyDeclaration:
    """All family members must be declared and examined, with no exception (SP-115, SP-116, SP-222).

    A member who is not declared and examined is excluded from the family class and can
    never be sponsored later; a child in the sole custody of an ex-spouse is no exception.
    """
    reasons: list[Reason] = []
    examined: list[str] = []
    for member in members:
        if not member.declared:
            custody_en = (
                " A child in the sole custody of the other parent must be declared too, even with a written "
                "agreement or court order."
                if member.custody is Custody.SOLE_OTHER_PARENT
                else ""
            )
            custody_fr = (
                " Un enfant sous la garde exclusive de l’autre parent doit aussi être déclaré, même s’il "
                "existe un accord écrit ou une ordonnance de la Cour."
                if member.custody is Custody.SOLE_OTHER_PARENT
                else ""
            )
            reasons.append(
                say(
                    "FAMILY_MEMBER_NOT_DECLARED",
                    rule="SP-115, SP-116",
                    citation=DECLARE_FAMILY + "; " + SOLE_CUSTODY,
                    en="Every family member must be declared and examined, with no exception.{custody} A "
                    "family member who is not declared and examined is excluded from the family class and "
                    "cannot be sponsored later; a permanent resident who did not declare all family members "
                    "risks losing that status.",
                    fr="Tous les membres de la famille doivent être déclarés et faire l’objet d’un examen, "
                    "sans exception.{custody_fr} Un membre de la famille qui n’est pas déclaré et examiné "
                    "est exclu de la catégorie du regroupement familial et ne pourra pas être parrainé "
                    "plus tard ; un résident permanent qui n’a pas déclaré tous les membres de sa famille "
                    "risque de perdre son statut.",
                    subject=member.id,
                    custody=custody_en,
                    custody_fr=custody_fr,
                )
            )
            continue
        if not member.accompanying and not member.why_not_accompanying.strip():
            reasons.append(
                say(
                    "WHY_NOT_ACCOMPANYING_MISSING",
                    rule="SP-170",
                    citation=DEPENDANT_DETAILS,
                    en="Explain why this family member will not accompany the principal applicant.",
                    fr="Expliquez pourquoi ce membre de la famille n’accompagnera pas le demandeur principal.",
                    subject=member.id,
                )
            )
        if member.is_citizen_or_pr:
            continue
        examined.append(member.id)
        if not member.accompanying or member.custody is Custody.SOLE_OTHER_PARENT:
            reasons.append(
                say(
                    "NON_ACCOMPANYING_MUST_BE_EXAMINED",
                    rule="SP-116, SP-222",
                    citation=MEDICAL + "; " + DECLARE_FAMILY,
                    en="This family member must have a medical exam even though they will not come to "
                    "Canada now; this keeps open the option of sponsoring them later.",
                    fr="Ce membre de la famille doit se soumettre à un examen médical même s’il ne vient "
                    "pas au Canada maintenant ; il conserve ainsi la possibilité d’être parrainé plus tard.",
                    severity=Severity.INFO,
                    subject=member.id,
                )
            )
    all_declared = all(member.declared for member in members)
    if all_declared:
        reasons.append(
            say(
                "ALL_FAMILY_MEMBERS_DECLARED",
                rule="SP-116, SP-222",
                citation=DECLARE_FAMILY + "; " + MEDICAL,
                en="All family members are declared; those who are not Canadian citizens or permanent "
                "residents ({count}) must have a medical exam, even if they do not accompany.",
                fr="Tous les membres de la famille sont déclarés ; ceux qui ne sont pas citoyens canadiens ou "
                "résidents permanents ({count}) doivent se soumettre à un examen médical, même s’ils "
                "n’accompagnent pas le demandeur principal.",
                severity=Severity.INFO,
                count=len(examined),
            )
        )
    return FamilyDeclaration(
        all_declared=all_declared, must_be_examined=tuple(examined), reasons=tuple(reasons)
    )
