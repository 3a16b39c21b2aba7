"""The personal document checklist of a sponsorship (IMM 5289), item by item.

Each item says what to provide, for whom, why, and where the guide asks for it. What
decides whether an item is on the list lives in ``portique.rules.sponsorship`` (forms
per person, police certificates, IRM 0002, IMM 5604, IMM 1283); this module only names
the items and checks them against what the case holds.

Reading (SP-181, SP-189): any checklist item may be replaced by a detailed letter of
explanation ("Si vous n'êtes pas en mesure de présenter un élément de la liste…"); the
item is then not a return ground, and the officer decides (WARNING).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..case import Case
from ..reasons import Reason, Severity, reason
from ..records import fast_init
from ..sponsorship.vocabulary import cite

STEP_1 = cite("Étape 1. Procurez-vous la trousse de demande")
STEP_2 = cite("Étape 2. Rassemblez les documents")
STEP_3 = cite("Étape 3. Remplir la demande")
STEP_5 = cite("Étape 5. Vérifiez votre demande pour éviter les erreurs courantes")
RETURN = "IRPR 10(1)(c), 12; " + STEP_5

# Forms filled online in the portal: answered in the case rather than uploaded.
DIGITAL_FORMS = frozenset({"IMM0008", "IMM5669", "IMM5406", "IMM5562"})


@dataclass(frozen=True, slots=True)
class ItemText:
    code: str
    en: str
    fr: str
    why_en: str
    why_fr: str
    citation: str
    rule: str


@fast_init
@dataclass(frozen=True, slots=True)
class Item:
    text: ItemText
    person: str | None

    @property
    def code(self) -> str:
        return self.text.code


def _text(code: str, en: str, fr: str, why_en: str, why_fr: str, citation: str, rule: str) -> ItemText:
    return ItemText(code, en, fr, why_en, why_fr, citation, rule)


DOCUMENT_CHECKLIST = _text(
    "DOCUMENT_CHECKLIST",
    "Copy of the document checklist",
    "Copie de la liste de vérification des documents",
    "Upload a copy of the kit's checklist, with the application category stated on it.",
    "Téléversez une copie de la liste de vérification de la trousse, où figure la catégorie de la demande.",
    STEP_1 + "; " + STEP_3,
    "SP-180, SP-150, SP-81",
)
IMM1344 = _text(
    "IMM1344",
    "Application to Sponsor, Sponsorship Agreement and Undertaking (IMM 1344)",
    "Demande de parrainage, entente de parrainage et engagement (IMM 1344)",
    "The sponsor completes it; the sponsor and the principal applicant both sign it; the principal applicant uploads it.",
    "Le répondant la remplit ; le répondant et le demandeur principal la signent tous deux ; le demandeur principal la téléverse.",
    STEP_3,
    "SP-150, SP-48",
)
IMM1283 = _text(
    "IMM1283",
    "Financial Evaluation (IMM 1283)",
    "Évaluation de la situation financière (IMM 1283)",
    "The minimum necessary income applies: a dependent child of the person sponsored has a dependent child.",
    "Le revenu vital minimum s’applique : un enfant à charge de la personne parrainée a lui-même un enfant à charge.",
    cite("Devenir répondant") + "; IRPR 1(3)",
    "SP-23",
)
IMM5476 = _text(
    "IMM5476",
    "Use of a Representative (IMM 5476)",
    "Recours aux services d’un représentant (IMM 5476)",
    "This person uses a representative.",
    "Cette personne a recours aux services d’un représentant.",
    cite("Représentants autorisés") + " (Étape 5)",
    "X-12, SP-150",
)
IMM0008 = _text(
    "IMM0008",
    "Generic Application Form for Canada (IMM 0008), online",
    "Formulaire de demande générique pour le Canada (IMM 0008), en ligne",
    "The principal applicant completes it in the portal, with every family member in it.",
    "Le demandeur principal le remplit dans le portail, en y inscrivant chaque membre de sa famille.",
    STEP_3,
    "SP-150",
)
IMM5669 = _text(
    "IMM5669",
    "Schedule A – Background/Declaration (IMM 5669), online",
    "Annexe A – Antécédents/Déclaration (IMM 5669), en ligne",
    "Completed online for the principal applicant and for each family member aged 18 or older.",
    "À remplir en ligne pour le demandeur principal et pour chaque membre de la famille âgé de 18 ans ou plus.",
    STEP_3 + "; " + STEP_2,
    "SP-150, SP-153",
)
IMM5406 = _text(
    "IMM5406",
    "Additional Family Information (IMM 5406), online",
    "Renseignements additionnels sur la famille (IMM 5406), en ligne",
    "Completed online for the principal applicant (even a child under 18) and for each family member aged 18 or older.",
    "À remplir en ligne pour le demandeur principal (même un enfant de moins de 18 ans) et pour chaque membre de la famille âgé de 18 ans ou plus.",
    STEP_3 + "; " + STEP_5,
    "SP-150, SP-153, SP-119",
)
IMM5562 = _text(
    "IMM5562",
    "Supplementary Information – Your travels (IMM 5562), online",
    "Renseignements supplémentaires – Liste des voyages (IMM 5562), en ligne",
    "Completed online for the principal applicant and for each family member aged 18 or older.",
    "À remplir en ligne pour le demandeur principal et pour chaque membre de la famille âgé de 18 ans ou plus.",
    STEP_3 + "; " + STEP_2,
    "SP-150, SP-153",
)
IRM0002 = _text(
    "IRM0002",
    "Request for a change of sex or gender identifier (IRM 0002)",
    "Demande de changement d’identifiant du sexe ou genre (IRM 0002)",
    "“X” is selected and the travel document, or a Canadian temporary resident document, shows another identifier.",
    "L’indicateur « X » est choisi et le titre de voyage, ou un document de résidence temporaire canadien, comporte un autre indicateur.",
    cite("Caractéristiques physiques – Sexe") + " (IMM 0008)",
    "SP-150",
)
IMM5604 = _text(
    "IMM5604",
    "Declaration from a non-accompanying parent or guardian (IMM 5604), signed by hand, with their photo identification",
    "Déclaration du parent ou tuteur qui n’accompagne pas l’enfant (IMM 5604), signée à la main, avec sa pièce d’identité avec photo",
    "The child is under 18 and will travel without both parents or guardians.",
    "L’enfant a moins de 18 ans et voyagera sans ses deux parents ou tuteurs.",
    cite("Étape 3. Remplir la demande") + "; " + cite("Étape 5. Vérifiez votre demande"),
    "SP-120",
)
BIRTH_CERTIFICATE = _text(
    "BIRTH_CERTIFICATE",
    "Birth certificate (copy)",
    "Certificat de naissance (copie)",
    "Proof of identity of the principal applicant and of each family member included.",
    "Preuve d’identité du demandeur principal et de chaque membre de la famille inclus.",
    cite("Preuve d'identité"),
    "SP-187",
)
PHOTO = _text(
    "PHOTO",
    "One photo meeting the specifications (front and back scanned)",
    "Une photo conforme aux spécifications (recto et verso numérisés)",
    "Used to make the first permanent resident card.",
    "Sert à produire la première carte de résident permanent.",
    "IMM 5289 — Appendix C",
    "SP-190",
)
MARRIAGE_CERTIFICATE = _text(
    "MARRIAGE_CERTIFICATE",
    "Marriage certificate or proof of registration of the marriage",
    "Certificat de mariage ou preuve d’enregistrement du mariage",
    "You sponsor your spouse: show that the marriage was legally registered where it took place.",
    "Vous parrainez votre époux : démontrez que le mariage a été légalement enregistré là où il a eu lieu.",
    cite("Certificats de mariage"),
    "SP-186",
)
COMMON_LAW_EVIDENCE = _text(
    "COMMON_LAW_EVIDENCE",
    "Proof of 12 consecutive months living together (shared home, mutual support, being seen as a couple)",
    "Preuve de 12 mois consécutifs de vie commune (même toit, soutien mutuel, couple aux yeux des autres)",
    "You sponsor your common-law partner.",
    "Vous parrainez votre conjoint de fait.",
    cite("Si vous vivez en union de fait"),
    "SP-92",
)
CONJUGAL_EVIDENCE = _text(
    "CONJUGAL_EVIDENCE",
    "Proof of the conjugal relationship and of what kept you from living together or marrying",
    "Preuve de la relation conjugale et de ce qui vous a empêchés de vivre ensemble ou de vous marier",
    "You sponsor your conjugal partner.",
    "Vous parrainez votre partenaire conjugal.",
    cite("Si vous êtes partenaires conjugaux"),
    "SP-93",
)


@lru_cache(maxsize=512)
def police_certificate(country: str) -> ItemText:
    return _text(
        "POLICE_CERTIFICATE_" + country,
        f"Police certificate from {country}",
        f"Certificat de police de ce pays : {country}",
        "Aged 18 or older, not a citizen or permanent resident, and 6 consecutive months or more spent in this country since age 18.",
        "Âgé de 18 ans ou plus, ni citoyen ni résident permanent, et 6 mois consécutifs ou plus passés dans ce pays depuis l’âge de 18 ans.",
        cite("Certificats de police"),
        "SP-185",
    )


@fast_init
@dataclass(frozen=True, slots=True)
class ChecklistCheck:
    """The items, their status, and the labelled findings for those not provided."""

    items: tuple[Item, ...]
    status: tuple[str, ...]  # "provided", "explained" or "missing", item by item
    missing: tuple[str, ...]  # "person:CODE"
    explained: tuple[str, ...]
    reasons: tuple[Reason, ...]


@lru_cache(maxsize=4096)
def _missing(text: ItemText, person: str | None) -> Reason:
    return reason(
        "CHECKLIST_ITEM_MISSING",
        rule=text.rule + ", SP-181, IRPR-10-1",
        citation=text.citation + "; " + RETURN,
        en="Missing{for_en}: {label}. Without it, or a detailed letter explaining why it cannot be provided, the whole application is returned unprocessed.",
        fr="Manquant{for_fr} : {label_fr}. Sans cet élément, ou une lettre expliquant en détail pourquoi il ne peut être fourni, la demande est retournée sans être traitée.",
        subject=f"{person}:{text.code}" if person else text.code,
        label=text.en,
        label_fr=text.fr,
        for_en=f" for {person}" if person else "",
        for_fr=f" pour {person}" if person else "",
    )


@lru_cache(maxsize=4096)
def _explained(text: ItemText, person: str | None) -> Reason:
    return reason(
        "CHECKLIST_ITEM_EXPLAINED",
        rule=text.rule + ", SP-181, SP-189",
        citation=text.citation + "; " + cite("Lettre d'explication"),
        en="{label}{for_en}: a letter explains why it cannot be provided. The application is not returned for it, but the officer decides whether the explanation is enough.",
        fr="{label_fr}{for_fr} : une lettre explique pourquoi cet élément ne peut être fourni. La demande n’est pas retournée pour ce motif, mais l’agent décide si l’explication suffit.",
        severity=Severity.WARNING,
        subject=f"{person}:{text.code}" if person else text.code,
        label=text.en,
        label_fr=text.fr,
        for_en=f" for {person}" if person else "",
        for_fr=f" pour {person}" if person else "",
    )


def check_items(case: Case, items: list[Item]) -> ChecklistCheck:
    """Compare the checklist with the case's documents and digital-form answers.

    A document counts for an item when its code is the item's and its person is the
    item's person. A digital form counts as provided once the person has answers under
    its code (the portal holds the form itself).
    """
    provided: set[tuple[str, str | None]] = set()
    explanations: set[tuple[str, str | None]] = set()
    for document in case.documents:
        (explanations if document.explanation_only else provided).add((document.code, document.person))
    answers_of = {person.id: person.answers for person in case.people}

    status: list[str] = []
    missing: list[str] = []
    explained: list[str] = []
    reasons: list[Reason] = []
    for item in items:
        key = (item.text.code, item.person)
        if key in provided or (
            item.text.code in DIGITAL_FORMS and item.text.code in answers_of.get(item.person or "", ())
        ):
            status.append("provided")
        elif key in explanations:
            status.append("explained")
            explained.append(f"{item.person}:{item.text.code}")
            reasons.append(_explained(item.text, item.person))
        else:
            status.append("missing")
            missing.append(f"{item.person}:{item.text.code}")
            reasons.append(_missing(item.text, item.person))
    return ChecklistCheck(tuple(items), tuple(status), tuple(missing), tuple(explained), tuple(reasons))


def checklist_json(check: ChecklistCheck) -> list[dict[str, Any]]:
    return [
        {
            "code": item.text.code,
            "person": item.person,
            "en": item.text.en,
            "fr": item.text.fr,
            "why_en": item.text.why_en,
            "why_fr": item.text.why_fr,
            "citation": item.text.citation,
            "rule": item.text.rule,
            "status": status,
        }
        for item, status in zip(check.items, check.status, strict=True)
    ]
