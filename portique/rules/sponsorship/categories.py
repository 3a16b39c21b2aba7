"""Family class or spouse/common-law partner in Canada class; the 2005 public policy.

Rules SP-05, SP-81, SP-100 to SP-103 and SP-230 (IMM 5289, "Choisissez la catégorie de la
demande", "Parrainer votre époux ou conjoint de fait qui vit avec vous au Canada",
"Si vous avez perdu votre statut", "Travailler et étudier"; IRPR Part 7, Divisions 1
and 2, ss. 116, 123 and 233 as the guide cites them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import SponsoredRelationship, cite, say

CHOOSE_CATEGORY = cite("Choisissez la catégorie de la demande") + "; IRPR Part 7, Divisions 1 and 2"
IN_CANADA = cite("Parrainer votre époux ou conjoint de fait qui vit avec vous au Canada")
LOST_STATUS = cite("Si vous avez perdu votre statut")
WORK_AND_STUDY = cite("Travailler et étudier – Époux et conjoints de fait au Canada")


class Category(str, Enum):
    """The application category stated on the document checklist (SP-81)."""

    FAMILY_CLASS = "family_class"  # IRPR s.116, Part 7 Division 1
    SPOUSE_OR_COMMON_LAW_IN_CANADA = "spouse_or_common_law_in_canada"  # IRPR ss.123, 233, Part 7 Division 2


class PartnerLocation(str, Enum):
    OUTSIDE_CANADA = "outside_canada"
    IN_CANADA_WITH_SPONSOR = "in_canada_with_sponsor"  # lives (cohabits) with the sponsor in Canada
    IN_CANADA_NOT_WITH_SPONSOR = "in_canada_not_with_sponsor"


@fast_init
@dataclass(frozen=True, slots=True)
class CategoryChoice:
    """The categories open to this case and the one the guide points to.

    ``advised`` is None when both are open and the choice is the sponsor's.
    ``processed_outside_canada`` is True where the guide says so (conjugal partners and
    dependent children); it says nothing of the kind for spouses in the family class.
    """

    allowed: tuple[Category, ...]
    advised: Category | None
    chosen: Category | None
    processed_outside_canada: bool
    reasons: tuple[Reason, ...]


def choose_category(
    *,
    relationship: SponsoredRelationship,
    location: PartnerLocation,
    stays_in_canada_during_processing: bool = True,
    has_valid_temporary_status: bool = False,
    exempt_under_public_policy: bool = False,
    sponsor_intends_to_appeal_if_refused: bool = False,
    chosen: Category | None = None,
) -> CategoryChoice:
    """Which application category a sponsorship may use (SP-81).

    ``exempt_under_public_policy`` is the outcome of ``assess_public_policy`` for a
    spouse or partner without temporary resident status. ``chosen`` is the category
    stated on the checklist, if already chosen.
    """
    reasons: list[Reason] = []
    if relationship not in (SponsoredRelationship.SPOUSE, SponsoredRelationship.COMMON_LAW_PARTNER):
        reasons.append(
            say(
                "FAMILY_CLASS_ONLY",
                rule="SP-81",
                citation=CHOOSE_CATEGORY,
                en="Conjugal partners and dependent children are sponsored in the family class only, "
                "and their applications are processed outside Canada.",
                fr="Les partenaires conjugaux et les enfants à charge sont parrainés uniquement au "
                "titre de la catégorie du regroupement familial, et leurs demandes sont traitées à "
                "l’extérieur du Canada.",
                severity=Severity.INFO,
            )
        )
        reasons.extend(_check_chosen(chosen, (Category.FAMILY_CLASS,), required=False))
        return CategoryChoice(
            allowed=(Category.FAMILY_CLASS,),
            advised=Category.FAMILY_CLASS,
            chosen=chosen,
            processed_outside_canada=True,
            reasons=tuple(reasons),
        )

    # SP-81: in-Canada class if the spouse or partner lives with the sponsor in Canada and
    # has valid temporary resident status or is exempt under the public policy.
    cohabits_in_canada = location is PartnerLocation.IN_CANADA_WITH_SPONSOR
    status_ok = has_valid_temporary_status or exempt_under_public_policy
    in_canada_open = cohabits_in_canada and status_ok
    allowed = (
        (Category.FAMILY_CLASS, Category.SPOUSE_OR_COMMON_LAW_IN_CANADA)
        if in_canada_open
        else (Category.FAMILY_CLASS,)
    )
    if location is PartnerLocation.IN_CANADA_NOT_WITH_SPONSOR:
        reasons.append(
            say(
                "IN_CANADA_CLASS_NEEDS_COHABITATION",
                rule="SP-81",
                citation=CHOOSE_CATEGORY,
                en="The spouse or common-law partner in Canada class is for a spouse or partner who "
                "lives with you in Canada; otherwise apply in the family class.",
                fr="La catégorie des époux ou conjoints de fait au Canada s’adresse à l’époux ou au "
                "conjoint de fait qui vit avec vous au Canada ; sinon, présentez la demande au titre "
                "de la catégorie du regroupement familial.",
                severity=Severity.INFO,
            )
        )
    if cohabits_in_canada and not status_ok:
        reasons.append(
            say(
                "IN_CANADA_CLASS_NEEDS_STATUS",
                rule="SP-81, SP-100",
                citation=IN_CANADA,
                en="The spouse or common-law partner in Canada class requires valid temporary "
                "resident status, or an exemption under the 2005 public policy.",
                fr="La catégorie des époux ou conjoints de fait au Canada exige un statut de "
                "résident temporaire valide ou une dispense en vertu de la politique d’intérêt "
                "public de 2005.",
                severity=Severity.WARNING,
            )
        )

    family_reasons_en, family_reasons_fr = [], []
    if location is PartnerLocation.OUTSIDE_CANADA:
        family_reasons_en.append("the person lives outside Canada")
        family_reasons_fr.append("la personne habite hors du Canada")
    if cohabits_in_canada and not stays_in_canada_during_processing:
        family_reasons_en.append("the person does not plan to stay in Canada during processing")
        family_reasons_fr.append("la personne ne prévoit pas demeurer au Canada pendant le traitement")
    if sponsor_intends_to_appeal_if_refused:
        family_reasons_en.append("you intend to appeal if the application is refused")
        family_reasons_fr.append("vous avez l'intention d'interjeter appel si la demande est refusée")

    if family_reasons_en or not in_canada_open:
        advised: Category | None = Category.FAMILY_CLASS
        if family_reasons_en:
            reasons.append(
                say(
                    "FAMILY_CLASS_ADVISED",
                    rule="SP-81",
                    citation=CHOOSE_CATEGORY,
                    en="Apply in the family class: {why}.",
                    fr="Présentez la demande au titre de la catégorie du regroupement familial : {why_fr}.",
                    severity=Severity.INFO,
                    why="; ".join(family_reasons_en),
                    why_fr="; ".join(family_reasons_fr),
                )
            )
    else:
        advised = None
        reasons.append(
            say(
                "EITHER_CATEGORY_OPEN",
                rule="SP-81",
                citation=CHOOSE_CATEGORY,
                en="You may sponsor your spouse or common-law partner in the family class or in the "
                "spouse or common-law partner in Canada class; state the category on the checklist.",
                fr="Vous pouvez parrainer votre époux ou conjoint de fait au titre de la catégorie du "
                "regroupement familial ou de la catégorie des époux ou conjoints de fait au Canada ; "
                "indiquez la catégorie sur la liste de vérification.",
                severity=Severity.INFO,
            )
        )

    reasons.extend(_check_chosen(chosen, allowed, required=True))
    if chosen is Category.SPOUSE_OR_COMMON_LAW_IN_CANADA and chosen in allowed:
        if sponsor_intends_to_appeal_if_refused or not stays_in_canada_during_processing:
            reasons.append(
                say(
                    "IN_CANADA_CLASS_AGAINST_ADVICE",
                    rule="SP-81",
                    citation=CHOOSE_CATEGORY,
                    en="The guide advises the family class when the person will not stay in Canada "
                    "during processing or when you intend to appeal a refusal.",
                    fr="Le guide recommande la catégorie du regroupement familial lorsque la personne "
                    "ne demeurera pas au Canada pendant le traitement ou que vous avez l’intention "
                    "d’interjeter appel d’un refus.",
                    severity=Severity.WARNING,
                )
            )
        reasons.append(
            say(
                "IN_CANADA_OPEN_WORK_PERMIT_AND_LEAVING",
                rule="SP-05, SP-102, SP-230",
                citation=IN_CANADA + "; " + WORK_AND_STUDY,
                en="In this class your spouse or partner may be eligible for an open work permit. A "
                "current work or study permit must be extended before it expires. Leaving Canada may "
                "end temporary resident status, and return is not guaranteed; if they cannot return, "
                "you must submit a new application.",
                fr="Dans cette catégorie, votre époux ou conjoint de fait pourrait être admissible à "
                "un permis de travail ouvert. Un permis de travail ou d’études en cours doit être "
                "prorogé avant son échéance. Quitter le Canada peut mettre fin au statut de résident "
                "temporaire, et le retour n’est pas garanti ; s’il ne peut revenir, vous devez "
                "présenter une nouvelle demande.",
                severity=Severity.INFO,
            )
        )
    return CategoryChoice(
        allowed=allowed,
        advised=advised,
        chosen=chosen,
        processed_outside_canada=False,
        reasons=tuple(reasons),
    )


def _check_chosen(chosen: Category | None, allowed: tuple[Category, ...], *, required: bool) -> list[Reason]:
    if chosen is None:
        if not required:
            return []
        return [
            say(
                "CATEGORY_MUST_BE_STATED",
                rule="SP-81",
                citation=CHOOSE_CATEGORY,
                en="When sponsoring a spouse or common-law partner, state the application category on "
                "the document checklist.",
                fr="Lorsque vous parrainez un époux ou un conjoint de fait, indiquez la « catégorie de "
                "la demande » sur la liste de vérification.",
            )
        ]
    if chosen not in allowed:
        return [
            say(
                "CATEGORY_NOT_AVAILABLE",
                rule="SP-81",
                citation=CHOOSE_CATEGORY,
                en="The spouse or common-law partner in Canada class is not open to this case: the "
                "person must live with you in Canada and have valid temporary resident status or a "
                "public policy exemption, and conjugal partners and children are family class only.",
                fr="La catégorie des époux ou conjoints de fait au Canada n’est pas ouverte dans ce "
                "cas : la personne doit vivre avec vous au Canada et avoir un statut de résident "
                "temporaire valide ou une dispense en vertu de la politique d’intérêt public, et les "
                "partenaires conjugaux et les enfants relèvent uniquement du regroupement familial.",
            )
        ]
    return []


class Inadmissibility(str, Enum):
    """Why a spouse or partner without temporary resident status is inadmissible (SP-101)."""

    OVERSTAYED = "overstayed"  # visa, visitor record, work or study permit
    WORKED_OR_STUDIED_WITHOUT_AUTHORIZATION = "worked_or_studied_without_authorization"
    ENTERED_WITHOUT_VISA_OR_DOCUMENT = "entered_without_visa_or_document"
    ENTERED_WITHOUT_PASSPORT_OR_TRAVEL_DOCUMENT = "entered_without_passport_or_travel_document"
    CRIMINALITY = "criminality"
    MISREPRESENTATION = "misrepresentation"
    SECURITY = "security"
    MEDICAL = "medical"
    OTHER = "other"


POLICY_COVERS = frozenset(
    {
        Inadmissibility.OVERSTAYED,
        Inadmissibility.WORKED_OR_STUDIED_WITHOUT_AUTHORIZATION,
        Inadmissibility.ENTERED_WITHOUT_VISA_OR_DOCUMENT,
        Inadmissibility.ENTERED_WITHOUT_PASSPORT_OR_TRAVEL_DOCUMENT,
    }
)


@dataclass(frozen=True, slots=True)
class PublicPolicyAssessment:
    """Whether the 2005 public policy lets a spouse or partner without status use the in-Canada class.

    ``needed`` is False when the person has valid temporary resident status.
    """

    needed: bool
    covered: bool
    reasons: tuple[Reason, ...]


def assess_public_policy(
    *,
    has_valid_temporary_status: bool,
    inadmissibilities: frozenset[Inadmissibility] = frozenset(),
    will_hold_valid_passport_when_pr_granted: bool | None = None,
) -> PublicPolicyAssessment:
    """The 2005 public policy for spouses and common-law partners in Canada without status (SP-100, SP-101).

    ``inadmissibilities``: every reason the person is inadmissible. The policy covers
    only overstaying, unauthorized work or study, entry without a visa or other required
    document, and entry without a valid passport or travel document (provided valid
    documents are held when permanent residence is granted).
    """
    if has_valid_temporary_status:
        return PublicPolicyAssessment(
            needed=False,
            covered=False,
            reasons=(
                say(
                    "PUBLIC_POLICY_NOT_NEEDED",
                    rule="SP-100, SP-102",
                    citation=IN_CANADA,
                    en="Your spouse or partner has valid temporary resident status and does not need "
                    "the public policy; to keep working or studying, they must extend their permit "
                    "before it expires.",
                    fr="Votre époux ou conjoint de fait a un statut de résident temporaire valide et n’a "
                    "pas besoin de la politique d’intérêt public ; pour continuer à travailler ou à "
                    "étudier, il doit demander la prorogation de son permis avant son échéance.",
                    severity=Severity.INFO,
                ),
            ),
        )
    lost_status = say(
        "IMM0008_LOST_STATUS_ENTRY",
        rule="SP-103",
        citation=LOST_STATUS,
        en='On IMM 0008, under "Status" select "Other"; in the details write "Sans statut, '
        'rétablissement du statut requis"; leave "From" and "To" blank, and explain as fully as '
        "possible why there is no status.",
        fr="Dans le formulaire IMM 0008, sous « Statut », sélectionnez « Autre » ; dans le champ des "
        "détails, inscrivez « Sans statut, rétablissement du statut requis » ; laissez les champs "
        "« De » et « À » vides et expliquez le plus en détail possible pourquoi il n’y a plus de statut.",
        severity=Severity.INFO,
    )
    if not inadmissibilities:
        return PublicPolicyAssessment(
            needed=True,
            covered=False,
            reasons=(
                say(
                    "PUBLIC_POLICY_GROUND_NOT_STATED",
                    rule="SP-101",
                    citation=IN_CANADA,
                    en="Say why your spouse or partner has no temporary resident status: the public "
                    "policy covers only certain reasons.",
                    fr="Indiquez pourquoi votre époux ou conjoint de fait n’a pas de statut de résident "
                    "temporaire : la politique d’intérêt public ne vise que certains motifs.",
                    severity=Severity.WARNING,
                ),
                lost_status,
            ),
        )
    others = inadmissibilities - POLICY_COVERS
    if others:
        return PublicPolicyAssessment(
            needed=True,
            covered=False,
            reasons=(
                say(
                    "PUBLIC_POLICY_NOT_COVERED",
                    rule="SP-101",
                    citation=IN_CANADA,
                    en="The public policy does not cover inadmissibility for {grounds}: it must be "
                    "resolved before applying in the spouse or common-law partner in Canada class.",
                    fr="La politique d’intérêt public ne vise pas l’interdiction de territoire pour "
                    "le ou les motifs suivants : {grounds_fr}. La situation doit être réglée avant de "
                    "présenter une demande au titre de la catégorie des époux ou conjoints de fait "
                    "au Canada.",
                    grounds=", ".join(sorted(ground.value.replace("_", " ") for ground in others)),
                    grounds_fr=", ".join(sorted(_GROUND_FR[ground] for ground in others)),
                ),
            ),
        )
    reasons = [
        say(
            "PUBLIC_POLICY_COVERED",
            rule="SP-100, SP-101",
            citation=IN_CANADA,
            en="Your spouse or partner has no temporary resident status, but only for reasons the 2005 "
            "public policy covers: they may be sponsored in the spouse or common-law partner in "
            "Canada class.",
            fr="Votre époux ou conjoint de fait n’a pas de statut de résident temporaire, mais "
            "uniquement pour des motifs visés par la politique d’intérêt public de 2005 : il peut être "
            "parrainé au titre de la catégorie des époux ou conjoints de fait au Canada.",
            severity=Severity.INFO,
        ),
        lost_status,
    ]
    covered = True
    if Inadmissibility.ENTERED_WITHOUT_PASSPORT_OR_TRAVEL_DOCUMENT in inadmissibilities:
        if will_hold_valid_passport_when_pr_granted is False:
            covered = False
            reasons.append(
                say(
                    "PUBLIC_POLICY_NEEDS_PASSPORT_AT_PR",
                    rule="SP-101",
                    citation=IN_CANADA,
                    en="Entry without a valid passport or travel document is covered only if valid "
                    "documents are held when permanent residence is granted.",
                    fr="L’entrée sans passeport ou titre de voyage valide n’est visée que si des "
                    "documents valides sont détenus au moment où la résidence permanente est accordée.",
                )
            )
        else:
            reasons.append(
                say(
                    "PUBLIC_POLICY_PASSPORT_CONDITION",
                    rule="SP-101",
                    citation=IN_CANADA,
                    en="Your spouse or partner must hold a valid passport or travel document when "
                    "permanent residence is granted.",
                    fr="Votre époux ou conjoint de fait doit détenir un passeport ou un titre de voyage "
                    "valide au moment où la résidence permanente lui sera accordée.",
                    severity=Severity.INFO,
                )
            )
    return PublicPolicyAssessment(needed=True, covered=covered, reasons=tuple(reasons))


_GROUND_FR = {
    Inadmissibility.CRIMINALITY: "criminalité",
    Inadmissibility.MISREPRESENTATION: "fausses déclarations",
    Inadmissibility.SECURITY: "sécurité",
    Inadmissibility.MEDICAL: "motifs sanitaires",
    Inadmissibility.OTHER: "autre motif",
}
