"""Which forms each person completes, who signs, and the Use of a Representative form.

Rules SP-119, SP-150, SP-153, SP-210 and the forms table of digest 5.15 (IMM 5289,
"Étape 2. Rassemblez les documents" — "Remplir vos formulaires", "Étape 3. Remplir la
demande", "Étape 5", "Étape 6", "Représentants autorisés", IMM 0008 instructions
"Caractéristiques physiques – Sexe").

Readings:

- (G-16) "18 ans ou plus" is preferred to "plus de 18 ans": a family member completes
  IMM 5669, IMM 5406, IMM 5562 and, if represented, IMM 5476 from their 18th birthday.
- The principal applicant completes IMM 0008, IMM 5669, IMM 5406 and IMM 5562 at any age:
  Step 3 lists them for the principal applicant without an age, and Step 5 insists on
  IMM 5406 for a child principal applicant under 18. IMM 5562 is "si cela s'applique"
  in Step 2 but listed plainly in Step 3 and for adult family members: it is required.
- (G-13) The principal applicant e-signs the whole application (a parent or legal
  guardian for a principal applicant under 18); the sponsor signs IMM 1344 with them.
- (G-15) The sponsor-specific forms for a spouse/partner sponsorship and for a
  children-only sponsorship are missing from the guide's text; IMM 5532 is not named
  anywhere. Nothing is invented: the sponsor's list carries a flag to complete it from
  the document checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.dates import age_on
from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import SponsoredRelationship, cite, param, say

STEP_2_FORMS = cite("Étape 2. Rassemblez les documents") + ", Remplir vos formulaires"
STEP_3 = cite("Étape 3. Remplir la demande")
STEP_5 = cite("Étape 5. Vérifiez votre demande pour éviter les erreurs courantes")
STEP_6 = cite("Étape 6. Envoyez la demande")
REPRESENTATIVES = cite("Représentants autorisés") + " (Étape 5)"
SEX_X = cite("Caractéristiques physiques – Sexe") + " (IMM 0008)"


class Form(str, Enum):
    IMM_0008 = "IMM 0008"  # Generic Application Form for Canada (digital)
    IMM_5669 = "IMM 5669"  # Schedule A – Background/Declaration (digital)
    IMM_5406 = "IMM 5406"  # Additional Family Information (digital)
    IMM_5562 = "IMM 5562"  # Supplementary Information – Your travels (digital)
    IMM_1344 = "IMM 1344"  # Application to Sponsor, Sponsorship Agreement and Undertaking (PDF)
    IMM_1283 = "IMM 1283"  # Financial Evaluation (PDF)
    IMM_5476 = "IMM 5476"  # Use of a Representative (PDF)
    IMM_5604 = "IMM 5604"  # Declaration from non-accompanying parent/guardian (PDF, hand-signed)
    IRM_0002 = "IRM 0002"  # Request for a change of sex or gender identifier (PDF)
    DOCUMENT_CHECKLIST = "document_checklist"  # the kit's checklist, a copy uploaded


class PersonRole(str, Enum):
    SPONSOR = "sponsor"
    PRINCIPAL_APPLICANT = "principal_applicant"
    FAMILY_MEMBER = "family_member"  # a dependant of the principal applicant, accompanying or not


class Signer(str, Enum):
    """Who signs this person's forms and declaration."""

    SELF = "self"
    PARENT_OR_GUARDIAN = "parent_or_guardian"  # for a principal applicant under 18
    PRINCIPAL_APPLICANT = "principal_applicant"  # the PA e-signs for family members' forms


@fast_init
@dataclass(frozen=True, slots=True)
class PersonForms:
    """The forms one person completes (or that are completed for them) and who signs.

    ``needs_review``: part of the list could not be determined from the sources (G-15).
    """

    forms: tuple[Form, ...]
    signed_by: Signer
    needs_review: bool
    reasons: tuple[Reason, ...]


def forms_required(
    *,
    role: PersonRole,
    birth_date: date,
    on: date,
    sponsoring: SponsoredRelationship = SponsoredRelationship.SPOUSE,
    represented: bool = False,
    selects_sex_x: bool = False,
    travel_document_shows_x: bool = False,
    held_canadian_tr_document_with_different_sex: bool = False,
    imm1283_required: bool = False,
    person: str | None = None,
) -> PersonForms:
    """The forms for one person of a sponsorship, by role and age on ``on`` (the submission date).

    ``sponsoring`` is who the application sponsors as principal applicant.
    ``imm1283_required`` comes from ``income.mni_required`` (sponsor only).
    The sex-identifier flags decide IRM 0002 for persons named in IMM 0008.
    ``person`` is copied into each reason's subject.
    """
    if role is PersonRole.SPONSOR:
        return _sponsor_forms(sponsoring, represented, imm1283_required, person)

    adult_age = param("adult_form_age", on)
    minor_age = param("minor_age", on)
    age = age_on(birth_date, on)
    forms: list[Form] = []
    reasons: list[Reason] = []
    if role is PersonRole.PRINCIPAL_APPLICANT:
        forms += [Form.IMM_0008, Form.IMM_5669, Form.IMM_5406, Form.IMM_5562, Form.DOCUMENT_CHECKLIST]
        signer = Signer.SELF if age >= minor_age else Signer.PARENT_OR_GUARDIAN
        reasons.append(
            say(
                "PA_DIGITAL_FORMS",
                rule="SP-150",
                citation=STEP_3,
                en="The principal applicant completes IMM 0008, IMM 5669, IMM 5406 and IMM 5562 online, "
                "uploads a copy of the document checklist and the PDF forms, and e-signs the whole "
                "application, including family members' forms.",
                fr="Le demandeur principal remplit en ligne les formulaires IMM 0008, IMM 5669, IMM 5406 "
                "et IMM 5562, téléverse une copie de la liste de vérification et les formulaires PDF, "
                "et signe électroniquement l’ensemble de la demande, y compris les formulaires des "
                "membres de sa famille.",
                severity=Severity.INFO,
                subject=person,
            )
        )
        if signer is Signer.PARENT_OR_GUARDIAN:
            reasons.append(
                say(
                    "PA_MINOR_PARENT_SIGNS",
                    rule="SP-119, SP-210",
                    citation=STEP_6 + "; " + STEP_5,
                    en="The principal applicant is under {minor}: a parent or legal guardian signs the "
                    "forms and e-signs the consent and declaration on their behalf.",
                    fr="Le demandeur principal a moins de {minor} ans : un parent ou un tuteur légal signe "
                    "les formulaires ainsi que le consentement et la déclaration en son nom.",
                    severity=Severity.INFO,
                    subject=person,
                    minor=minor_age,
                )
            )
        if sponsoring is SponsoredRelationship.DEPENDENT_CHILD:
            reasons.append(
                say(
                    "IMM5406_CHILD_MARKED_AS_PA",
                    rule="SP-119",
                    citation=STEP_5,
                    en="The dependent child is the principal applicant: submit IMM 5406 for them, even "
                    "under 18, and indicate that they are the principal applicant.",
                    fr="L’enfant à charge est le demandeur principal : soumettez le formulaire IMM 5406 "
                    "pour lui, même s’il a moins de 18 ans, et indiquez qu’il s’agit du demandeur "
                    "principal.",
                    severity=Severity.INFO,
                    subject=person,
                )
            )
    else:
        signer = Signer.PRINCIPAL_APPLICANT
        if age >= adult_age:
            forms += [Form.IMM_5669, Form.IMM_5406, Form.IMM_5562]
            reasons.append(
                say(
                    "ADULT_FAMILY_MEMBER_FORMS",
                    rule="SP-153",
                    citation=STEP_3 + "; " + STEP_2_FORMS,
                    en="A family member aged {adult} or older ({age}) completes IMM 5669, IMM 5406 and "
                    "IMM 5562 (and IMM 5476 if represented); the principal applicant e-signs them.",
                    fr="Un membre de la famille âgé de {adult} ans ou plus ({age} ans) remplit les "
                    "formulaires IMM 5669, IMM 5406 et IMM 5562 (et IMM 5476 s’il est représenté) ; le "
                    "demandeur principal les signe électroniquement.",
                    severity=Severity.INFO,
                    subject=person,
                    adult=adult_age,
                    age=age,
                )
            )
        else:
            reasons.append(
                say(
                    "MINOR_FAMILY_MEMBER_IN_IMM0008",
                    rule="SP-153",
                    citation=STEP_3,
                    en="A family member under {adult} ({age}) has no separate forms: they are listed in "
                    "the principal applicant's IMM 0008.",
                    fr="Un membre de la famille de moins de {adult} ans ({age} ans) n’a pas de formulaire "
                    "distinct : il figure dans le formulaire IMM 0008 du demandeur principal.",
                    severity=Severity.INFO,
                    subject=person,
                    adult=adult_age,
                    age=age,
                )
            )
    if represented and (role is PersonRole.PRINCIPAL_APPLICANT or age >= adult_age):
        forms.append(Form.IMM_5476)
    irm = irm0002_required(
        selects_sex_x=selects_sex_x,
        travel_document_shows_x=travel_document_shows_x,
        held_canadian_tr_document_with_different_sex=held_canadian_tr_document_with_different_sex,
        person=person,
    )
    if irm.required:
        forms.append(Form.IRM_0002)
    reasons.extend(irm.reasons)
    return PersonForms(forms=tuple(forms), signed_by=signer, needs_review=False, reasons=tuple(reasons))


def _sponsor_forms(
    sponsoring: SponsoredRelationship, represented: bool, imm1283_required: bool, person: str | None
) -> PersonForms:
    forms = [Form.IMM_1344]
    reasons = [
        say(
            "SPONSOR_IMM1344",
            rule="SP-150",
            citation=STEP_3,
            en="The sponsor completes IMM 1344 (Application to Sponsor, Sponsorship Agreement and "
            "Undertaking); both the sponsor and the sponsored person sign it, and the sponsor gives "
            "the completed PDF forms to the principal applicant to upload.",
            fr="Le répondant remplit le formulaire IMM 1344 (Demande de parrainage, entente de "
            "parrainage et engagement) ; le répondant et la personne parrainée doivent tous deux le "
            "signer, et le répondant remet les formulaires PDF remplis au demandeur principal pour "
            "qu’il les téléverse.",
            severity=Severity.INFO,
            subject=person,
        )
    ]
    if imm1283_required:
        forms.append(Form.IMM_1283)
        reasons.append(
            say(
                "SPONSOR_IMM1283",
                rule="SP-23",
                citation=cite("Devenir répondant"),
                en="The minimum necessary income applies: the sponsor completes IMM 1283 (Financial "
                "Evaluation).",
                fr="L’exigence relative au revenu vital minimum s’applique : le répondant remplit le "
                "formulaire IMM 1283 (Évaluation de la situation financière).",
                severity=Severity.INFO,
                subject=person,
            )
        )
    if represented:
        forms.append(Form.IMM_5476)
    # Reading (G-15): the list that follows "vous devez remplir" is missing from the guide.
    # Information, not a warning: it is about our source, the same for every sponsorship, and
    # says nothing about this file (as a warning it made every sponsorship need review, issue 18).
    children_only = sponsoring is SponsoredRelationship.DEPENDENT_CHILD
    reasons.append(
        say(
            "SPONSOR_FORMS_LIST_MISSING",
            rule="SP-150",
            citation=STEP_3,
            en="The guide's list of the sponsor's forms when sponsoring {what} is missing from our "
            "source: complete it from the document checklist. Nothing is assumed here.",
            fr="La liste des formulaires du répondant lorsqu’il parraine {what_fr} manque dans notre "
            "source : complétez-la à l’aide de la liste de vérification. Rien n’est présumé ici.",
            severity=Severity.INFO,
            subject=person,
            what="only dependent children" if children_only else "a spouse or partner",
            what_fr="uniquement des enfants à charge" if children_only else "un époux ou un partenaire",
        )
    )
    return PersonForms(forms=tuple(forms), signed_by=Signer.SELF, needs_review=True, reasons=tuple(reasons))


@fast_init
@dataclass(frozen=True, slots=True)
class Irm0002Requirement:
    required: bool
    reasons: tuple[Reason, ...]


def irm0002_required(
    *,
    selects_sex_x: bool,
    travel_document_shows_x: bool,
    held_canadian_tr_document_with_different_sex: bool,
    person: str | None = None,
) -> Irm0002Requirement:
    """Whether IRM 0002 must accompany a choice of "X" in the IMM 0008 sex field.

    Needed if the foreign passport or travel document does not show "X" (or an equivalent
    non-binary option), or if the person holds or held a Canadian temporary resident
    document (visa, eTA, work or study permit) with a different sex identifier. No
    supporting documents are needed.
    """
    if not selects_sex_x:
        return Irm0002Requirement(required=False, reasons=())
    causes_en, causes_fr = [], []
    if not travel_document_shows_x:
        causes_en.append('the passport or travel document does not show "X"')
        causes_fr.append("le passeport ou titre de voyage ne comporte pas l'indicateur « X »")
    if held_canadian_tr_document_with_different_sex:
        causes_en.append("a Canadian temporary resident document shows a different sex identifier")
        causes_fr.append(
            "un document de résidence temporaire canadien comporte un indicateur de sexe différent"
        )
    if not causes_en:
        return Irm0002Requirement(
            required=False,
            reasons=(
                say(
                    "IRM0002_NOT_REQUIRED",
                    rule="SP-150",
                    citation=SEX_X,
                    en='"X" matches the travel document and no Canadian temporary resident document shows '
                    "another identifier: IRM 0002 is not needed.",
                    fr="L’indicateur « X » correspond au titre de voyage et aucun document de résidence "
                    "temporaire canadien ne comporte un autre indicateur : le formulaire IRM 0002 n’est "
                    "pas exigé.",
                    severity=Severity.INFO,
                    subject=person,
                ),
            ),
        )
    return Irm0002Requirement(
        required=True,
        reasons=(
            say(
                "IRM0002_REQUIRED",
                rule="SP-150",
                citation=SEX_X,
                en='"X" was selected and {why}: complete and submit IRM 0002 (Request for a change of sex '
                "or gender identifier). No supporting documents are needed.",
                fr="L’indicateur « X » a été choisi et {why_fr} : remplissez et soumettez le formulaire "
                "IRM 0002 (demande de changement d’identifiant du sexe ou genre). Aucun document à "
                "l’appui n’est exigé.",
                severity=Severity.INFO,
                subject=person,
                why="; ".join(causes_en),
                why_fr="; ".join(causes_fr),
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class Imm5476:
    """One Use of a Representative form: who is named and who signs it.

    ``representative`` is the representative's identifier, or "sponsor" when the sponsor
    is named; ``signed_by`` holds "sponsor", "principal_applicant" or family member ids.
    """

    representative: str
    signed_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RepresentativeForms:
    """The IMM 5476 forms of the application and where correspondence goes (SP-166, X-12)."""

    forms: tuple[Imm5476, ...]
    correspondence_to: str  # "sponsor", "principal_applicant" or a representative identifier
    reasons: tuple[Reason, ...]


SPONSOR = "sponsor"
PRINCIPAL_APPLICANT = "principal_applicant"


def representative_forms(
    *,
    sponsor_representative: str | None = None,
    pa_representative: str | None = None,
    sponsor_acts_for_pa: bool = False,
    pa_lives_outside_canada: bool = False,
    pa_mailing_address_is_sponsors_canadian_address: bool = False,
    represented_adult_family_members: tuple[str, ...] = (),
) -> RepresentativeForms:
    """IMM 5476 forms for a sponsorship (digest 5.15 "IMM 5476"; AS-114).

    ``sponsor_representative`` / ``pa_representative``: the identifier of the
    representative each uses, if any. ``sponsor_acts_for_pa``: the sponsor will receive
    correspondence for, or act for, the sponsored person. ``represented_adult_family_members``:
    ids of family members aged 18 or older represented by the principal applicant's
    representative (or by the sponsor when the sponsor is named).
    """
    reasons: list[Reason] = []
    forms: list[Imm5476] = []
    uses_sponsor_address = pa_lives_outside_canada and pa_mailing_address_is_sponsors_canadian_address
    sponsor_named = sponsor_acts_for_pa or uses_sponsor_address
    if sponsor_named:
        pa_rep = SPONSOR
        if uses_sponsor_address:
            reasons.append(
                say(
                    "PA_MUST_NAME_SPONSOR_ADDRESS",
                    rule="X-12",
                    citation=REPRESENTATIVES,
                    en="The principal applicant lives outside Canada and gives the sponsor's Canadian "
                    "address as mailing address on IMM 0008: they must complete IMM 5476 naming the "
                    "sponsor as their representative.",
                    fr="Le demandeur principal vit à l’extérieur du Canada et indique l’adresse au Canada "
                    "du répondant comme adresse postale dans le formulaire IMM 0008 : il doit remplir le "
                    "formulaire IMM 5476 en précisant que le répondant est son représentant.",
                    severity=Severity.INFO,
                )
            )
        else:
            reasons.append(
                say(
                    "PA_NAMES_SPONSOR",
                    rule="X-12",
                    citation=REPRESENTATIVES,
                    en="The sponsor will receive correspondence for or act for the sponsored person: the "
                    "sponsored person and each represented family member aged 18 or older complete "
                    "IMM 5476 naming the sponsor.",
                    fr="Le répondant recevra la correspondance de la personne parrainée ou agira en son "
                    "nom : la personne parrainée et chaque membre de la famille représenté âgé de 18 ans "
                    "ou plus remplissent le formulaire IMM 5476 en désignant le répondant.",
                    severity=Severity.INFO,
                )
            )
        if pa_representative is not None and pa_representative != SPONSOR:
            reasons.append(
                say(
                    "PA_REPRESENTATIVE_CONFLICT",
                    rule="X-12",
                    citation=REPRESENTATIVES,
                    en="The sponsored person must name the sponsor as representative, but another "
                    "representative was given: only one can receive the correspondence.",
                    fr="La personne parrainée doit désigner le répondant comme représentant, mais un autre "
                    "représentant a été indiqué : un seul peut recevoir la correspondance.",
                )
            )
    else:
        pa_rep = pa_representative

    if sponsor_representative is not None and sponsor_representative == pa_rep:
        forms.append(Imm5476(representative=sponsor_representative, signed_by=(SPONSOR, PRINCIPAL_APPLICANT)))
        reasons.append(
            say(
                "ONE_IMM5476_FOR_SPONSOR_AND_PA",
                rule="X-12",
                citation=REPRESENTATIVES,
                en="The sponsor and the principal applicant use the same representative: one IMM 5476 is "
                "enough, signed by both.",
                fr="Le répondant et le demandeur principal sont représentés par la même personne : un "
                "seul formulaire IMM 5476 suffit, signé par les deux.",
                severity=Severity.INFO,
            )
        )
    else:
        if sponsor_representative is not None:
            forms.append(Imm5476(representative=sponsor_representative, signed_by=(SPONSOR,)))
        if pa_rep is not None:
            forms.append(Imm5476(representative=pa_rep, signed_by=(PRINCIPAL_APPLICANT,)))
    if pa_rep is not None:
        for member in represented_adult_family_members:
            forms.append(Imm5476(representative=pa_rep, signed_by=(member,)))

    if pa_rep is None:
        correspondence = PRINCIPAL_APPLICANT
    else:
        correspondence = pa_rep
        reasons.append(
            say(
                "CORRESPONDENCE_TO_REPRESENTATIVE",
                rule="X-12, SP-166",
                citation=cite("Adresses de courriel") + "; " + cite("Adresse postale actuelle"),
                en="All correspondence about the application goes to {who}; the representative's "
                "address goes in the IMM 0008 mailing address section and in IMM 5476.",
                fr="Toute la correspondance au sujet de la demande est envoyée {who_fr}; l’adresse du "
                "représentant est inscrite à la section de l’adresse postale du formulaire IMM 0008 et "
                "dans le formulaire IMM 5476.",
                severity=Severity.INFO,
                who="to the sponsor" if pa_rep == SPONSOR else "to the representative",
                who_fr="au répondant" if pa_rep == SPONSOR else "au représentant",
            )
        )
    return RepresentativeForms(forms=tuple(forms), correspondence_to=correspondence, reasons=tuple(reasons))


@dataclass(frozen=True, slots=True)
class SeparateApplications:
    """How many complete applications a children-only sponsorship needs (SP-119)."""

    applications: int
    reasons: tuple[Reason, ...]


def applications_for_children(*, children_as_principal_applicants: int) -> SeparateApplications:
    """Each dependent child sponsored as principal applicant needs a separate complete application,
    with their own IMM 1344 and IMM 0008 (SP-119); none is an accompanying dependant of another."""
    if children_as_principal_applicants < 1:
        raise ValueError("children_as_principal_applicants must be at least 1")
    return SeparateApplications(
        applications=children_as_principal_applicants,
        reasons=(
            say(
                "ONE_APPLICATION_PER_CHILD",
                rule="SP-119",
                citation=STEP_5 + "; Appendix A, Personne à charge qui accompagne",
                en="Submit {count} separate complete application(s), one per child sponsored as "
                "principal applicant, each with its own IMM 1344 and IMM 0008.",
                fr="Présentez {count} demande(s) complète(s) distincte(s), une pour chaque enfant parrainé "
                "à titre de demandeur principal, chacune avec ses propres formulaires IMM 1344 et "
                "IMM 0008.",
                severity=Severity.INFO,
                count=children_as_principal_applicants,
            ),
        ),
    )
