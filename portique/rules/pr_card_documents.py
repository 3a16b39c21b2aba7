"""The PR card applicant's personal document checklist, as IMM 5644 builds it.

IMM 5445 Step 1 (seed 002), rules PRC-51 to PRC-65, PRC-97, PRC-101 to PRC-108: from the
applicant's answers, which documents to attach and why, with the alternatives the guide
allows; then, from what was uploaded, which required documents are missing (a missing
document returns the application: PRC-60, IRPR 10(1)(c) and 12).

Item codes are stable: they are the codes documents are uploaded under.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from .dates import age_on
from .parameters import value
from .pr_card import Channel, Purpose
from .reasons import Reason, Severity, reason
from .records import fast_init
from .residency import Absence, AccompanyingCitizen, AccompanyingResident, EmploymentAbroad, Relation
from .urgent import UrgentDocument

# Reasons are immutable, and most repeat from case to case (same code, same numbers):
# building each once keeps a batch of cases fast (formatting two messages costs more
# than every rule's arithmetic).
_reason = lru_cache(maxsize=4096)(reason)

STEP_1 = "IMM 5445 — Step 1: Rassemblez les documents"
YOUR_CARD = "IMM 5445 — Step 1: Votre carte RP"
UNDER_18 = "IMM 5445 — Step 1: Si vous avez moins de 18 ans"
NAME_CHANGE = "IMM 5445 — Changement de nom légal"
INDIGENOUS = "IMM 5445 — Noms autochtones"
STEP_2_NOTE = "IMM 5445 — Step 2: Remarque (IRM 0002)"
TRANSLATION = "IMM 5445 — Traduction de documents"
APPENDIX_A = "IMM 5445 — Appendix A"
URGENT = "IMM 5445 — Votre demande est-elle urgente?"
RETURN = "IRPR 10(1)(c), 12"


class MissingConsequence(str, Enum):
    """What a missing item leads to."""

    RETURNED = "returned"  # PRC-60: the application is returned (IRPR s.12)
    NO_URGENT_PROCESSING = "no_urgent_processing"  # PRC-97: urgent processing may not be possible


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One line of the checklist.

    ``alternatives`` lists the sets of uploaded document codes that satisfy the item:
    any one set, complete, will do (``(("PASSPORT",), ("FOREIGN_ID",))`` means either;
    ``(("A", "B"),)`` means both). ``count`` is how many documents each code needs (two
    residency documents). ``may_explain_instead`` marks items a letter of explanation
    may stand in for (none in IMM 5445: its only such route, the exceptional identity
    documents, is modelled as an alternative).
    """

    code: str
    en: str
    fr: str
    citation: str
    rule: str
    why_en: str
    why_fr: str
    alternatives: tuple[tuple[str, ...], ...] = ()
    count: int = 1
    may_explain_instead: bool = False
    if_missing: MissingConsequence = MissingConsequence.RETURNED

    @property
    def satisfied_by(self) -> tuple[tuple[str, ...], ...]:
        return self.alternatives or ((self.code,),)


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[ChecklistItem, ...]
    reasons: tuple[Reason, ...]

    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)


class NameChangePlace(str, Enum):
    """Where the legal name change happened (PRC-52 to PRC-55)."""

    IN_CANADA = "canada"  # a province's or territory's vital statistics document
    ABROAD = "abroad"
    EARLIER_CARD = "earlier_card"  # already approved on an earlier PR card


@dataclass(frozen=True, slots=True)
class NameChange:
    """A legal name change since the Record of Landing or Confirmation of PR.

    ``marriage_in_quebec_on`` (with ``resides_in_quebec``) is the PRC-53 exception: a
    marriage in Quebec on or after 1981-04-02 does not change the name, so marriage and
    union documents cannot support it.
    """

    place: NameChangePlace
    marriage_in_quebec_on: date | None = None
    resides_in_quebec: bool = False


@dataclass(frozen=True, slots=True)
class _Text:
    en: str
    fr: str


# Documents that prove a legal name change in Canada (PRC-53). The first three are the
# "legal name-change documents" that also make the provincial ID unnecessary (PRC-52).
LEGAL_NAME_DOCUMENTS = ("CHANGE_OF_NAME_DOCUMENT", "COURT_ORDER", "ADOPTION_ORDER")
CIVIL_STATUS_DOCUMENTS = (
    "MARRIAGE_CERTIFICATE",
    "DIVORCE_JUDGMENT",
    "REGISTRATION",
    "DECLARATION_OF_UNION",
    "REVOCATION_OR_ANNULMENT_OF_UNION",
)
PRIMARY_ID_DOCUMENTS = ("PASSPORT_OR_TRAVEL_DOCUMENT", "PASSPORT_HELD_ON_BECOMING_PR", "IDENTITY_CERTIFICATE")
EXCEPTIONAL_ID_DECLARATIONS = (
    "SOLEMN_DECLARATION_APPLICANT",
    "SOLEMN_DECLARATION_SECOND_PERSON",
    "EXCEPTIONAL_CIRCUMSTANCES_LETTER",
)


def pr_card_checklist(
    *,
    purpose: Purpose,
    channel: Channel,
    application_date: date,
    date_of_birth: date,
    name_change: NameChange | None = None,
    indigenous_name_reclaimed: bool = False,
    has_police_report: bool = False,
    documents_not_in_english_or_french: bool = False,
    new_sex_designation_x: bool = False,
    humanitarian_grounds_requested: bool = False,
    urgent: bool = False,
    no_primary_id_obtainable: bool = False,
    absences: tuple[Absence, ...] = (),
) -> Checklist:
    """The documents a PR card application needs for these answers (PRC-60 to PRC-65).

    ``date_of_birth`` gives the age on ``application_date`` (under 18: PRC-64).
    ``no_primary_id_obtainable`` opens the exceptional identity route (PRC-61 item 5).
    ``absences`` are the residency absences: an Option A, B or C claim adds its
    mandatory documents (PRC-104 to PRC-106).
    """
    on = application_date
    age = age_on(date_of_birth, on)
    minor_age, cutoff, waiver_last_day, photo_months, paper_photos, evidence_count, years = _parameters(on)
    quebec = (
        name_change is not None
        and name_change.place is NameChangePlace.IN_CANADA
        and name_change.resides_in_quebec
        and name_change.marriage_in_quebec_on is not None
        and name_change.marriage_in_quebec_on >= cutoff
    )
    # The dates matter only through these few facts, so checklists repeat from case to
    # case and are built once per situation.
    return _build_checklist(
        _Situation(
            purpose=purpose,
            channel=channel,
            minor_age=minor_age,
            age_if_minor=age if age < minor_age else None,
            name_change_place=None if name_change is None else name_change.place,
            quebec_marriage_cutoff=cutoff if quebec else None,
            indigenous_name_reclaimed=indigenous_name_reclaimed,
            indigenous_fee_waived=indigenous_name_reclaimed and on <= waiver_last_day,
            has_police_report=has_police_report,
            documents_not_in_english_or_french=documents_not_in_english_or_french,
            new_sex_designation_x=new_sex_designation_x,
            humanitarian_grounds_requested=humanitarian_grounds_requested,
            urgent=urgent,
            no_primary_id_obtainable=no_primary_id_obtainable,
            option_claims=_option_claims(absences),
            photo_months=photo_months,
            paper_photo_count=paper_photos,
            evidence_count=evidence_count,
            period_years=years,
        )
    )


@lru_cache(maxsize=64)
def photo_checklist(*, channel: Channel, application_date: date) -> Checklist:
    """The photos every PR card application includes (PRC-62, PRC-63), asked before the rest of
    the checklist can be worked out (the purpose and date of birth are not answered yet)."""
    items: dict[str, ChecklistItem] = {}
    _minor, _cutoff, _waiver, photo_months, paper_photos, _count, _years = _parameters(application_date)
    _photo_items(lambda item: items.setdefault(item.code, item), channel, photo_months, paper_photos)
    return Checklist(tuple(items.values()), ())


@lru_cache(maxsize=1024)
def _parameters(on: date) -> tuple:
    """The checklist's parameters in force on a date, looked up once per date."""
    return (
        value("pr_card.minor_age_years", on),
        value("pr_card.quebec_marriage_name_cutoff", on),
        value("fees.pr_card_indigenous_name_waiver_last_day", on),
        value("photos.max_age_months", on),
        value("photos.paper_photo_count", on),
        value("pr_card.residency_evidence_documents", on),
        value("residency.period_years", on),
    )


class _Situation(NamedTuple):
    """Everything the checklist depends on, with the parameters already resolved for the date.

    A named tuple rather than a frozen dataclass: it is built for every case, and tuples
    are built and hashed in C.
    """

    purpose: Purpose
    channel: Channel
    minor_age: int
    age_if_minor: int | None
    name_change_place: NameChangePlace | None
    quebec_marriage_cutoff: date | None  # set when the PRC-53 Quebec exception applies
    indigenous_name_reclaimed: bool
    indigenous_fee_waived: bool
    has_police_report: bool
    documents_not_in_english_or_french: bool
    new_sex_designation_x: bool
    humanitarian_grounds_requested: bool
    urgent: bool
    no_primary_id_obtainable: bool
    option_claims: tuple[tuple[str, Relation | None], ...]
    photo_months: int
    paper_photo_count: int
    evidence_count: int
    period_years: int


def _option_claims(absences: Iterable[Absence]) -> tuple[tuple[str, Relation | None], ...]:
    """The distinct residency options claimed, in order: ("A", None), ("B", parent)…"""
    claims: dict[tuple[str, Relation | None], None] = {}
    for absence in absences:
        claim = absence.claim
        if isinstance(claim, EmploymentAbroad):
            claims["A", None] = None
        elif isinstance(claim, AccompanyingCitizen):
            claims["B", claim.relation] = None
        elif isinstance(claim, AccompanyingResident):
            claims["C", claim.relation] = None
    return tuple(claims)


@lru_cache(maxsize=2048)
def _build_checklist(situation: _Situation) -> Checklist:
    s = situation
    items: dict[str, ChecklistItem] = {}
    found: list[Reason] = []

    def add(item: ChecklistItem) -> None:
        items.setdefault(item.code, item)

    add(
        ChecklistItem(
            "DOCUMENT_CHECKLIST_IMM5644",
            "Completed Document Checklist (IMM 5644)",
            "Liste de contrôle des documents (IMM 5644) remplie",
            STEP_1,
            "PRC-60",
            "Every PR card application includes the completed checklist.",
            "Toute demande de carte RP comprend la liste de contrôle remplie.",
        )
    )
    _fee_item(add, s.channel, s.indigenous_fee_waived)
    _photo_items(add, s.channel, s.photo_months, s.paper_photo_count)
    evidence_count, years = s.evidence_count, s.period_years
    add(
        ChecklistItem(
            "RESIDENCY_EVIDENCE",
            f"Copies of {evidence_count} documents proving you met the residency obligation in the {years} years before the application (or since you became a permanent resident)",
            f"Copies de {evidence_count} pièces justificatives prouvant que vous avez respecté l’obligation de résidence au cours des {years} années précédant la demande (ou depuis que vous êtes devenu résident permanent)",
            f"{APPENDIX_A}: Documents justificatifs",
            "PRC-61, PRC-101",
            "For example pay slips, bank statements, CRA notices of assessment, leases. Do not send originals.",
            "Par exemple : relevés de paie, relevés bancaires, avis de cotisation de l’ARC, contrats de location. N’envoyez pas d’originaux.",
            count=evidence_count,
        )
    )
    _identity_item(add, s.no_primary_id_obtainable)
    _purpose_items(add, found, s.purpose, s.channel, s.has_police_report)

    if s.age_if_minor is not None:
        age, minor_age = s.age_if_minor, s.minor_age
        # Reading (G-10): the list ends with "ou", so any one of the three documents
        # satisfies the item; the birth certificate comes first because it proves the most.
        add(
            ChecklistItem(
                "MINOR_IDENTITY_DOCUMENT",
                "A clear photocopy of your birth certificate (name, date and place of birth, parents’ names), or Canadian court guardianship documents, or school records",
                "Une photocopie claire de votre certificat de naissance (nom, date et lieu de naissance, noms des parents), ou des documents d’un tribunal canadien prouvant la tutelle, ou vos dossiers scolaires",
                UNDER_18,
                "PRC-64",
                f"You are {age}, under {minor_age}, on the application date. One of the three is enough; the birth certificate is preferred.",
                f"Vous avez {age} ans, moins de {minor_age} ans, à la date de la demande. L’un des trois documents suffit; le certificat de naissance est à privilégier.",
                alternatives=(("BIRTH_CERTIFICATE",), ("GUARDIANSHIP_COURT_DOCUMENTS",), ("SCHOOL_RECORDS",)),
            )
        )
    if s.name_change_place is not None:
        _name_change_items(add, found, s.name_change_place, s.quebec_marriage_cutoff)
    if s.indigenous_name_reclaimed:
        add(
            ChecklistItem(
                "INDIGENOUS_NAME_DECLARATION",
                "Completed declaration for a reclaimed Indigenous name",
                "Déclaration remplie concernant le nom autochtone repris",
                INDIGENOUS,
                "PRC-51",
                "You ask for a card showing your reclaimed Indigenous name.",
                "Vous demandez une carte indiquant votre nom autochtone repris.",
            )
        )
        found.append(
            _reason(
                "GAP_INDIGENOUS_NAME_DECLARATION_TEXT",
                rule="PRC-51",
                citation=f"{INDIGENOUS} (G-25)",
                en="The declaration form itself is not reproduced in the guide we hold; staff must supply IRCC's current form.",
                fr="Le formulaire de déclaration n’est pas reproduit dans le guide dont nous disposons ; le personnel doit fournir le formulaire actuel d’IRCC.",
                severity=Severity.WARNING,
                subject="INDIGENOUS_NAME_DECLARATION",
            )
        )
    if s.new_sex_designation_x:
        add(
            ChecklistItem(
                "IRM_0002",
                "Request to change sex or gender identifier (IRM 0002)",
                "Formulaire de demande de changement d’identifiant du sexe ou genre (IRM 0002)",
                STEP_2_NOTE,
                "PRC-14",
                "You ask for the “X – Another gender” designation on your card.",
                "Vous demandez la désignation « X – Autre genre » sur votre carte.",
            )
        )
    if s.humanitarian_grounds_requested:
        add(
            ChecklistItem(
                "HUMANITARIAN_EVIDENCE",
                "Documents supporting your request to keep permanent resident status on humanitarian and compassionate grounds",
                "Documents à l’appui de votre demande de maintien de la résidence permanente pour des motifs d’ordre humanitaire",
                f"{APPENDIX_A}: Motifs d’ordre humanitaire",
                "PRC-61, PRC-108",
                "You answered question 5.7. There are no document guidelines: give evidence of every exceptional circumstance.",
                "Vous avez répondu à la question 5.7. Il n’existe pas de lignes directrices : fournissez des preuves de toute circonstance exceptionnelle.",
            )
        )
    _residency_option_items(add, s.option_claims, years)
    if s.documents_not_in_english_or_french:
        add(
            ChecklistItem(
                "TRANSLATIONS",
                "English or French translation of every document in another language, with the translator’s affidavit unless a Canadian certified translator did it",
                "Traduction française ou anglaise de tout document rédigé dans une autre langue, avec l’affidavit du traducteur, sauf s’il s’agit d’un traducteur agréé canadien",
                TRANSLATION,
                "PRC-65, X-01",
                "Some of your documents are in neither English nor French.",
                "Certains de vos documents ne sont rédigés ni en français ni en anglais.",
                alternatives=(
                    ("TRANSLATION", "TRANSLATOR_AFFIDAVIT"),
                    ("TRANSLATION_BY_CANADIAN_CERTIFIED_TRANSLATOR",),
                ),
            )
        )
    if s.urgent:
        for document, en, fr in (
            (
                UrgentDocument.PROOF_OF_TRAVEL,
                "Copy of proof of travel (tickets or itinerary showing destination and dates)",
                "Copie d’une preuve de voyage (billets ou itinéraire indiquant la destination et les dates)",
            ),
            (
                UrgentDocument.PROOF_OF_TRIP_PAYMENT,
                "Copy of proof of payment for the trip (date, full amount, method)",
                "Copie d’une preuve de paiement du voyage (date, montant complet, mode de paiement)",
            ),
            (
                UrgentDocument.URGENCY_LETTER,
                "Letter explaining the urgency",
                "Lettre expliquant les raisons de l’urgence",
            ),
            (
                UrgentDocument.PROOF_OF_URGENCY,
                "Proof of the urgency (doctor’s note, death certificate, employer letter…)",
                "Preuve de l’urgence (note d’un médecin, certificat de décès, lettre de l’employeur, etc.)",
            ),
        ):
            add(
                ChecklistItem(
                    document.value,
                    en,
                    fr,
                    URGENT,
                    "PRC-97",
                    "You ask for urgent processing: all four documents are needed.",
                    "Vous demandez un traitement en urgence : les quatre documents sont exigés.",
                    if_missing=MissingConsequence.NO_URGENT_PROCESSING,
                )
            )

    found.append(
        _reason(
            "CHECKLIST_PREPARED",
            rule="PRC-60",
            citation=STEP_1,
            en="{count} documents apply to your situation. A missing document or an unclear photocopy makes IRCC return the application.",
            fr="{count} documents s’appliquent à votre situation. S’il manque un document ou si une photocopie n’est pas claire, la demande vous sera renvoyée.",
            severity=Severity.INFO,
            count=len(items),
        )
    )
    return Checklist(tuple(items.values()), tuple(found))


def _fee_item(add, channel: Channel, indigenous_fee_waived: bool) -> None:
    alternatives: list[tuple[str, ...]] = [("FEE_RECEIPT",)]
    why_en = "Fees are paid online; attach a copy of the receipt showing the amount paid."
    why_fr = "Les frais se paient en ligne ; joignez une copie du reçu indiquant le montant payé."
    if channel is Channel.ONLINE:
        # PRC-73 speaks of fees "paid directly within an online application (no receipt)".
        alternatives.append(("PORTAL_PAYMENT",))
    if indigenous_fee_waived:
        alternatives.append(("INDIGENOUS_NAME_FEE_STATEMENT",))
        why_en += " For a reclaimed Indigenous name there is no fee until the waiver ends: upload, in the payment section, a document stating “I have reclaimed my Indigenous name, please refer to my declaration form”."
        why_fr += " Pour un nom autochtone repris, aucuns frais ne sont exigés jusqu’à la fin de l’exemption : dans la section de paiement, téléchargez un document indiquant « J’ai repris mon nom autochtone, veuillez-vous référer à mon formulaire de déclaration »."
    add(
        ChecklistItem(
            "FEE_RECEIPT",
            "Proof of payment of the fees",
            "Preuve de paiement des frais",
            f"{STEP_1}; IMM 5445 — Step 3",
            "PRC-61, PRC-70, PRC-51",
            why_en,
            why_fr,
            alternatives=tuple(alternatives),
        )
    )


def _photo_items(add, channel: Channel, months: int, count: int) -> None:
    if channel is Channel.ONLINE:
        add(
            ChecklistItem(
                "PHOTO",
                f"One photo taken within {months} months before the application date (front)",
                f"Une photo prise dans les {months} mois précédant la date de la demande (recto)",
                f"{STEP_1}: Photo(s)",
                "PRC-62",
                "Online, upload a professional digital photo (JPEG or PNG) or a scanned professional photo.",
                "En ligne, téléversez une photo numérique professionnelle (JPEG ou PNG) ou une photo professionnelle scannée.",
            )
        )
        add(
            ChecklistItem(
                "PHOTO_BACK",
                "Back of the photo, or the photo studio’s confirmation (e.g. receipt)",
                "Verso de la photo, ou confirmation du studio de photographie (p. ex. reçu)",
                f"{STEP_1}: Photo(s)",
                "PRC-62",
                "The back carries the required information; for a digital photo the studio’s confirmation replaces it.",
                "Le verso porte les renseignements exigés; pour une photo numérique, la confirmation du studio en tient lieu.",
                alternatives=(("PHOTO_BACK",), ("PHOTO_STUDIO_CONFIRMATION",)),
            )
        )
    else:
        add(
            ChecklistItem(
                "PHOTO",
                f"{count} identical photos taken within {months} months before the application date, in a small envelope with your name",
                f"{count} photos identiques prises au cours des {months} mois précédant la date de la demande, dans une petite enveloppe portant votre nom",
                f"{STEP_1}: Photo(s)",
                "PRC-63",
                "A paper application needs identical photos; no staples or paper clips.",
                "Une demande papier exige des photos identiques, sans agrafe ni trombone.",
                count=count,
            )
        )


def _identity_item(add, no_primary_id_obtainable: bool) -> None:
    alternatives: tuple[tuple[str, ...], ...] = tuple((code,) for code in PRIMARY_ID_DOCUMENTS)
    why_en = "A copy showing document type and number, issue and expiry dates, your name, photo and date of birth. Online, upload it as “Passport or other primary identity document”."
    why_fr = "Une copie indiquant le type et le numéro du document, les dates de délivrance et d’expiration, votre nom, votre photo et votre date de naissance. En ligne, choisissez le type « Passeport ou autre document d’identité principal »."
    if no_primary_id_obtainable:
        alternatives += (("FOREIGN_ID_ISSUED_BEFORE_ARRIVAL",), EXCEPTIONAL_ID_DECLARATIONS)
        why_en += (
            " As you cannot obtain any of these, you may instead give a photocopy of an identity document issued abroad"
            " before you came to Canada, or your own solemn declaration of identity plus one by a person who knew you"
            " before you arrived (or a representative of an organization of your country's nationals), both certified"
            " by a commissioner for oaths, with a letter explaining that exceptional circumstances exist, what they"
            " are and how they prevent you from getting identity documents."
        )
        why_fr += (
            " Comme vous ne pouvez obtenir aucun de ces documents, vous pouvez plutôt fournir une photocopie d’une pièce"
            " d’identité délivrée à l’étranger avant votre arrivée au Canada, ou votre déclaration solennelle attestant"
            " votre identité et celle d’une personne qui vous connaissait avant votre arrivée (ou d’un représentant d’un"
            " organisme qui représente les ressortissants de votre pays), toutes deux certifiées par un commissaire à"
            " l’assermentation, avec une lettre expliquant qu’il y a des circonstances exceptionnelles, quelles sont"
            " ces circonstances et de quelle façon elles vous empêchent d’obtenir les pièces d’identité."
        )
    add(
        ChecklistItem(
            "PRIMARY_IDENTITY_DOCUMENT",
            "Copy of your passport or travel document (valid, or the one you held when you became a permanent resident, with the entry stamp), or an identity certificate",
            "Copie de votre passeport ou titre de voyage (valide, ou celui que vous déteniez lorsque vous êtes devenu résident permanent, avec la page estampillée), ou un certificat d’identité",
            STEP_1,
            "PRC-61",
            why_en,
            why_fr,
            alternatives=alternatives,
        )
    )


def _purpose_items(
    add, found: list[Reason], purpose: Purpose, channel: Channel, has_police_report: bool
) -> None:
    if purpose is Purpose.RENEWAL:
        add(
            ChecklistItem(
                "CURRENT_PR_CARD_COPY",
                "Copy of your current PR card",
                "Copie de votre carte RP actuelle",
                YOUR_CARD,
                "PRC-61",
                "You are renewing your card. Destroy the old card when you receive the new one.",
                "Vous renouvelez votre carte. Détruisez l’ancienne carte dès que vous recevez la nouvelle.",
            )
        )
    elif purpose is Purpose.REPLACEMENT_DAMAGED:
        if channel is Channel.ONLINE:
            add(
                ChecklistItem(
                    "DAMAGED_CARD_PHOTO",
                    "Photo of your destroyed damaged card",
                    "Photo de votre carte endommagée détruite",
                    YOUR_CARD,
                    "PRC-61",
                    "Online, destroy the damaged card immediately and upload a photo of it as proof.",
                    "En ligne, détruisez immédiatement la carte endommagée et téléchargez-en une photo comme preuve.",
                )
            )
        else:
            add(
                ChecklistItem(
                    "DAMAGED_CARD",
                    "Your damaged card",
                    "Votre carte endommagée",
                    YOUR_CARD,
                    "PRC-61",
                    "On paper, send the damaged card with the application.",
                    "Sur papier, envoyez la carte endommagée avec la demande.",
                )
            )
    elif purpose in (Purpose.REPLACEMENT_LOST, Purpose.REPLACEMENT_STOLEN):
        # Reading (ℹ): the guide names a lost card; a stolen card is lost to its holder and
        # more often has a police report, so the same item applies.
        if has_police_report:
            add(
                ChecklistItem(
                    "POLICE_REPORT_OR_INCIDENT_NUMBER",
                    "Copy of the police report or the incident number",
                    "Copie du rapport de police ou numéro d’incident",
                    YOUR_CARD,
                    "PRC-61",
                    "You said you have one: attach it.",
                    "Vous avez indiqué en avoir un : joignez-le.",
                )
            )
        else:
            found.append(
                _reason(
                    "POLICE_REPORT_NOT_REQUIRED",
                    rule="PRC-61",
                    citation=YOUR_CARD,
                    en="A police report or incident number is attached only if you have one.",
                    fr="Un rapport de police ou un numéro d’incident n’est joint que si vous en avez un.",
                    severity=Severity.INFO,
                )
            )


def _name_change_items(add, found: list[Reason], place: NameChangePlace, quebec_cutoff: date | None) -> None:
    add(
        ChecklistItem(
            "RECORD_OF_LANDING_OR_COPR",
            "Copy of your Record of Landing (IMM 1000) or Confirmation of Permanent Residence (IMM 5292 or IMM 5688)",
            "Copie de votre fiche relative au droit d’établissement (IMM 1000) ou de votre confirmation de résidence permanente (IMM 5292 ou IMM 5688)",
            NAME_CHANGE,
            "PRC-56",
            "Required with every legal name change.",
            "Exigée pour tout changement de nom légal.",
        )
    )
    add(
        ChecklistItem(
            "PROVINCIAL_ID_WITH_NEW_NAME",
            "Provincial identity document showing the name requested, with your name, date of birth, photo and signature (driver’s licence, photo card, health card…)",
            "Pièce d’identité provinciale indiquant le nom demandé, avec votre nom, votre date de naissance, votre photo et votre signature (permis de conduire, carte d’identité avec photo, carte d’assurance maladie, etc.)",
            NAME_CHANGE,
            "PRC-52",
            "Not needed if you provide a legal name-change document issued by a Canadian province.",
            "Non nécessaire si vous fournissez un document de changement de nom légal délivré par une province du Canada.",
            # Reading (ℹ): the first PRC-53 documents (change of name, court order, adoption
            # order) are the "document de changement de nom légal" that waives the ID.
            alternatives=(("PROVINCIAL_PHOTO_ID",),) + tuple((code,) for code in LEGAL_NAME_DOCUMENTS),
        )
    )
    if place is NameChangePlace.IN_CANADA:
        documents = LEGAL_NAME_DOCUMENTS
        quebec = quebec_cutoff is not None
        if quebec_cutoff is not None:
            found.append(
                _reason(
                    "QUEBEC_MARRIAGE_DOCUMENTS_NOT_ACCEPTED",
                    rule="PRC-53",
                    citation=NAME_CHANGE,
                    en="You married in Quebec on or after {cutoff} and live in Quebec: a marriage certificate, divorce judgment or union document cannot support the name change; provide a change-of-name document, court order or adoption order.",
                    fr="Votre mariage a eu lieu au Québec le {cutoff} ou après cette date et vous résidez au Québec : un certificat de mariage, un jugement de divorce ou un document d’union ne peut appuyer le changement de nom ; fournissez un document de changement de nom, une ordonnance de la cour ou une ordonnance d’adoption.",
                    severity=Severity.INFO,
                    subject="NAME_CHANGE_DOCUMENT",
                    cutoff=quebec_cutoff.isoformat(),
                )
            )
        else:
            documents = LEGAL_NAME_DOCUMENTS + CIVIL_STATUS_DOCUMENTS
        add(
            ChecklistItem(
                "NAME_CHANGE_DOCUMENT",
                "A document from a provincial or territorial vital statistics authority proving the name change",
                "Un document délivré par les autorités de l’état civil d’une province ou d’un territoire prouvant le changement de nom",
                NAME_CHANGE,
                "PRC-53",
                "A legal change-of-name document, court order or adoption order"
                + (
                    ""
                    if quebec
                    else "; or a marriage certificate, divorce judgment, registration, declaration of union, or revocation or annulment of the union showing the new name"
                )
                + ".",
                "Un document de changement de nom légal, une ordonnance de la cour ou une ordonnance d’adoption"
                + (
                    ""
                    if quebec
                    else "; ou un certificat de mariage, un jugement de divorce, l’inscription, la déclaration d’union, ou la révocation de la déclaration d’union ou l’annulation de l’union indiquant le nouveau nom"
                )
                + ".",
                alternatives=tuple((code,) for code in documents),
            )
        )
    elif place is NameChangePlace.ABROAD:
        add(
            ChecklistItem(
                "FOREIGN_DOCUMENT_WITH_NEW_NAME",
                "Foreign passport or other authoritative national document showing the new name",
                "Passeport étranger ou autre document national faisant autorité dans lequel figure le nouveau nom",
                NAME_CHANGE,
                "PRC-54",
                "Your name was changed outside Canada.",
                "Votre nom a été changé à l’étranger.",
            )
        )
        add(
            ChecklistItem(
                "DOCUMENT_LINKING_OLD_AND_NEW_NAMES",
                "Official document linking the old and the new name",
                "Document officiel établissant le lien entre l’ancien nom et le nouveau nom",
                NAME_CHANGE,
                "PRC-54",
                "Your name was changed outside Canada.",
                "Votre nom a été changé à l’étranger.",
            )
        )
    else:
        # Reading (ℹ): an earlier approval stands in for the legal documents (PRC-55);
        # the IMM 1000 copy and the provincial ID of PRC-52 and PRC-56 are still asked.
        add(
            ChecklistItem(
                "LAST_PR_CARD_COPY",
                "Photocopy of your last PR card",
                "Photocopie de votre dernière carte RP",
                NAME_CHANGE,
                "PRC-55",
                "The name change was already approved in an earlier PR card application.",
                "Le changement de nom a déjà été approuvé dans le cadre d’une ancienne demande de carte RP.",
            )
        )


def _residency_option_items(add, claims: tuple[tuple[str, Relation | None], ...], years: int) -> None:
    """PRC-104 to PRC-106: the mandatory documents of each option claimed."""
    for option, relation in claims:
        if option == "A":
            add(
                ChecklistItem(
                    "OPTION_A_EMPLOYER_LETTER",
                    "Letter signed by a representative of your Canadian employer (Option A)",
                    "Lettre signée par un représentant de votre employeur canadien (option A)",
                    f"{APPENDIX_A}: Option A",
                    "PRC-104",
                    "It states the signatory’s title, the business and why it is Canadian, the assignment (duration, full time as a condition, job profile), that you will keep working for it in Canada, and that it was not created to help you meet the obligation.",
                    "Elle précise le poste du signataire, la nature de l’entreprise et en quoi elle est canadienne, l’affectation (durée, temps plein comme condition, profil du poste), que vous continuerez de travailler pour elle au Canada et qu’elle n’a pas été créée pour vous permettre de remplir l’obligation.",
                )
            )
        elif option == "B":
            for code, en, fr in (
                (
                    "OPTION_B_PASSPORTS_OF_CITIZEN",
                    f"All passports and travel documents the Canadian citizen you accompanied used in the {years} years before the application",
                    f"Tous les passeports et titres de voyage que le citoyen canadien accompagné a utilisés au cours des {years} années précédant la demande",
                ),
                (
                    "OPTION_B_CITIZENSHIP_PROOF",
                    "Proof of that person’s Canadian citizenship, including the date it was obtained",
                    "Preuve de la citoyenneté canadienne de cette personne, y compris la date à laquelle elle l’a obtenue",
                ),
                (
                    "OPTION_B_ADDRESSES_OF_CITIZEN",
                    f"Proof of that person’s home addresses in the {years} years before the application",
                    f"Preuve des adresses résidentielles de cette personne au cours des {years} années précédant la demande",
                ),
            ):
                add(
                    ChecklistItem(
                        code,
                        en,
                        fr,
                        f"{APPENDIX_A}: Option B",
                        "PRC-105",
                        "You count days abroad with a Canadian citizen (Option B).",
                        "Vous comptez des jours à l’étranger avec un citoyen canadien (option B).",
                    )
                )
            add(_relationship_item(relation, "Option B", "PRC-105"))
        else:
            for code, en, fr in (
                (
                    "OPTION_C_RESIDENCY_PROOF_OF_RESIDENT",
                    "Documents showing the permanent resident you accompanied meets their residency obligation",
                    "Documents indiquant que le résident permanent accompagné satisfait à l’obligation de résidence",
                ),
                (
                    "OPTION_C_PASSPORTS_OF_RESIDENT",
                    f"All passports and travel documents that person used in the {years} years before the application",
                    f"Tous les passeports et titres de voyage que cette personne a utilisés au cours des {years} années précédant la demande",
                ),
            ):
                add(
                    ChecklistItem(
                        code,
                        en,
                        fr,
                        f"{APPENDIX_A}: Option C",
                        "PRC-106",
                        "You count days abroad with a permanent resident employed by a Canadian business (Option C).",
                        "Vous comptez des jours à l’étranger avec un résident permanent employé par une entreprise canadienne (option C).",
                    )
                )
            add(_relationship_item(relation, "Option C", "PRC-106"))


def _relationship_item(relation: Relation, option: str, rule: str) -> ChecklistItem:
    if relation is Relation.PARENT:
        return ChecklistItem(
            "PARENT_RELATIONSHIP_PROOF",
            "Birth, baptism or adoption certificate, or legal guardianship document",
            "Certificat de naissance, de baptême ou d’adoption, ou document de tutelle légale",
            f"{APPENDIX_A}: {option}",
            rule,
            "You accompanied a parent.",
            "Vous accompagniez un parent.",
        )
    return ChecklistItem(
        "SPOUSE_RELATIONSHIP_PROOF",
        "Marriage certificate or proof of common-law union",
        "Certificat de mariage ou preuve d’union de fait",
        f"{APPENDIX_A}: {option}",
        rule,
        "You accompanied your spouse or common-law partner.",
        "Vous accompagniez votre époux ou conjoint de fait.",
    )


# ------------------------------------------------------------------ missing documents


@fast_init
@dataclass(frozen=True, slots=True)
class DocumentCompleteness:
    """Which checklist items are missing, and what that means.

    ``complete`` is false when any item whose absence returns the application is missing
    and not explained where an explanation is allowed.
    """

    complete: bool
    missing: tuple[str, ...]
    explained: tuple[str, ...]
    reasons: tuple[Reason, ...] = field(default=())


def missing_documents(
    checklist: Checklist,
    provided: Mapping[str, int] | Collection[str],
    explanations: Collection[str] = (),
) -> DocumentCompleteness:
    """Compare the uploaded documents with the checklist (PRC-60; IRPR 10(1)(c), 12).

    ``provided`` holds the codes of uploaded documents (or a mapping code → number of
    documents, for items that need two); ``explanations`` holds the codes of items for
    which the applicant uploaded a letter of explanation instead.
    """
    counts: Mapping[str, int] = provided if isinstance(provided, Mapping) else dict.fromkeys(provided, 1)
    found: list[Reason] = []
    missing: list[str] = []
    explained: list[str] = []
    returned = False
    for item in checklist.items:
        if _satisfied(item, counts):
            continue
        if item.may_explain_instead and item.code in explanations:
            explained.append(item.code)
            found.append(_explained_reason(item))
            continue
        missing.append(item.code)
        if item.if_missing is MissingConsequence.NO_URGENT_PROCESSING:
            found.append(_urgent_missing_reason(item))
        else:
            returned = True
            found.append(_missing_reason(item))
    if not returned:
        found.append(
            _reason(
                "ALL_REQUIRED_DOCUMENTS_PROVIDED",
                rule="PRC-60",
                citation=STEP_1,
                en="Every document the checklist requires has been provided.",
                fr="Tous les documents exigés par la liste de contrôle ont été fournis.",
                severity=Severity.INFO,
            )
        )
    return DocumentCompleteness(not returned, tuple(missing), tuple(explained), tuple(found))


def _satisfied(item: ChecklistItem, counts: Mapping[str, int]) -> bool:
    for option in item.satisfied_by:
        for code in option:
            if counts.get(code, 0) < item.count:
                break
        else:
            return True
    return False


@lru_cache(maxsize=1024)
def _missing_reason(item: ChecklistItem) -> Reason:
    return reason(
        "REQUIRED_DOCUMENT_MISSING",
        rule=f"{item.rule}, PRC-60",
        citation=f"{item.citation}; {RETURN}",
        en="{name} is missing{count}: IRCC will return the application.",
        fr="{name_fr} : document manquant{count_fr}; la demande vous sera retournée.",
        subject=item.code,
        name=item.en,
        name_fr=item.fr,
        count=f" ({item.count} needed)" if item.count > 1 else "",
        count_fr=f" ({item.count} exigés)" if item.count > 1 else "",
    )


@lru_cache(maxsize=1024)
def _urgent_missing_reason(item: ChecklistItem) -> Reason:
    return reason(
        "URGENT_DOCUMENT_MISSING",
        rule=item.rule,
        citation=item.citation,
        en="{name} is missing: IRCC may not be able to process your application urgently.",
        fr="{name_fr} : document manquant ; IRCC pourrait ne pas être en mesure de traiter votre demande en urgence.",
        severity=Severity.WARNING,
        subject=item.code,
        name=item.en,
        name_fr=item.fr,
    )


@lru_cache(maxsize=1024)
def _explained_reason(item: ChecklistItem) -> Reason:
    return reason(
        "DOCUMENT_EXPLAINED_INSTEAD",
        rule=item.rule,
        citation=item.citation,
        en="{name}: you explained why you cannot provide it; an officer decides whether the explanation is acceptable.",
        fr="{name_fr} : vous avez expliqué pourquoi vous ne pouvez pas le fournir ; un agent décidera si l’explication est acceptable.",
        severity=Severity.WARNING,
        subject=item.code,
        name=item.en,
        name_fr=item.fr,
    )


# ------------------------------------------------------------ exceptional identity route


class SecondDeclarant(str, Enum):
    """Who signed the second solemn declaration (PRC-61 item 5)."""

    KNEW_APPLICANT_BEFORE_ARRIVAL = "knew_applicant_before_arrival"  # e.g. a family member
    NATIONALS_ORGANIZATION_REPRESENTATIVE = "nationals_organization_representative"


@dataclass(frozen=True, slots=True)
class CircumstancesLetter:
    """The letter that goes with solemn declarations: that, what and how (PRC-61 item 5)."""

    states_exceptional_circumstances_exist: bool
    describes_the_circumstances: bool
    explains_how_they_prevent_getting_id: bool


@dataclass(frozen=True, slots=True)
class IdentityAlternativeCheck:
    acceptable: bool
    reasons: tuple[Reason, ...]


def check_identity_alternative(
    *,
    foreign_id_issued_before_arrival: bool = False,
    applicant_declaration: bool = False,
    second_declarant: SecondDeclarant | None = None,
    declarations_certified_by_commissioner: bool = False,
    letter: CircumstancesLetter | None = None,
) -> IdentityAlternativeCheck:
    """Whether the exceptional substitutes for a primary identity document are enough (AS-31).

    Either a photocopy of an identity document issued abroad before arrival, or the
    applicant's solemn declaration plus a second one (someone who knew them before
    arrival, or a representative of an organization of their country's nationals), both
    certified by a commissioner for oaths, with the explanatory letter.
    """
    if foreign_id_issued_before_arrival:
        return IdentityAlternativeCheck(
            True,
            (
                _reason(
                    "FOREIGN_ID_BEFORE_ARRIVAL_ACCEPTED",
                    rule="PRC-61",
                    citation=STEP_1,
                    en="A photocopy of an identity document issued abroad before you came to Canada replaces the primary identity document.",
                    fr="Une photocopie d’une pièce d’identité délivrée à l’étranger avant votre arrivée au Canada remplace la pièce d’identité principale.",
                    severity=Severity.INFO,
                ),
            ),
        )
    found: list[Reason] = []
    if not applicant_declaration or second_declarant is None:
        found.append(
            _reason(
                "SOLEMN_DECLARATIONS_INCOMPLETE",
                rule="PRC-61",
                citation=STEP_1,
                en="Provide your own solemn declaration of identity and one by a person who knew you before you arrived in Canada or by a representative of an organization of your country’s nationals.",
                fr="Fournissez votre déclaration solennelle attestant votre identité et celle d’une personne qui vous connaissait avant votre arrivée au Canada ou d’un représentant d’un organisme qui représente les ressortissants de votre pays.",
                subject="PRIMARY_IDENTITY_DOCUMENT",
            )
        )
    if not declarations_certified_by_commissioner:
        found.append(
            _reason(
                "SOLEMN_DECLARATION_NOT_CERTIFIED",
                rule="PRC-61",
                citation=STEP_1,
                en="Every solemn declaration must be certified by a commissioner for oaths (provincial law says who may act as one).",
                fr="Toute déclaration solennelle doit être certifiée par un commissaire à l’assermentation (les lois provinciales déterminent qui peut agir à ce titre).",
                subject="PRIMARY_IDENTITY_DOCUMENT",
            )
        )
    if letter is None:
        found.append(
            _reason(
                "EXCEPTIONAL_CIRCUMSTANCES_LETTER_MISSING",
                rule="PRC-61",
                citation=STEP_1,
                en="With solemn declarations, also provide a clear letter explaining that exceptional circumstances exist in your country, what they are and how they prevent you from getting identity documents.",
                fr="Avec des déclarations solennelles, fournissez aussi une lettre claire et lisible expliquant qu’il y a des circonstances exceptionnelles dans votre pays, quelles sont ces circonstances et de quelle façon elles vous empêchent d’obtenir les pièces d’identité.",
                subject="EXCEPTIONAL_CIRCUMSTANCES_LETTER",
            )
        )
    elif not (
        letter.states_exceptional_circumstances_exist
        and letter.describes_the_circumstances
        and letter.explains_how_they_prevent_getting_id
    ):
        found.append(
            _reason(
                "EXCEPTIONAL_CIRCUMSTANCES_LETTER_INCOMPLETE",
                rule="PRC-61",
                citation=STEP_1,
                en="The letter must say that exceptional circumstances exist, what they are, and how they prevent you from getting identity documents.",
                fr="La lettre doit indiquer qu’il y a des circonstances exceptionnelles, quelles sont ces circonstances et de quelle façon elles vous empêchent d’obtenir les pièces d’identité.",
                subject="EXCEPTIONAL_CIRCUMSTANCES_LETTER",
            )
        )
    if found:
        return IdentityAlternativeCheck(False, tuple(found))
    return IdentityAlternativeCheck(
        True,
        (
            _reason(
                "SOLEMN_DECLARATIONS_ACCEPTED",
                rule="PRC-61",
                citation=STEP_1,
                en="Your certified solemn declarations and explanatory letter replace the primary identity document; IRCC may ask for more.",
                fr="Vos déclarations solennelles certifiées et votre lettre explicative remplacent la pièce d’identité principale ; IRCC pourrait demander d’autres renseignements.",
                severity=Severity.INFO,
            ),
        ),
    )
