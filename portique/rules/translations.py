"""Translations and certified true copies, shared by the PR card and sponsorship guides.

X-01 (IMM 5445 and IMM 5289 "Traduction de documents"): a document in neither English
nor French comes with an English or French translation and, unless the translator is a
Canadian certified translator, the translator's affidavit sworn before an authorized
person. Never by the applicant or a family member. Sponsorship adds a certified copy of
the original (SP-182), and a police certificate must be translated by a certified
translator (SP-185). X-02 ("Copies certifiées conformes"): who may certify a copy and
what the certification shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from .guides import Guide
from .reasons import Reason, Severity, reason

# Reasons are immutable, and most repeat from case to case (same code, same numbers):
# building each once keeps a batch of cases fast (formatting two messages costs more
# than every rule's arithmetic).
_reason = lru_cache(maxsize=4096)(reason)

TRANSLATION_PR = "IMM 5445 — Traduction de documents"
TRANSLATION_SP = "IMM 5289 — Traduction de documents"
POLICE = "IMM 5289 — Certificats de police"
SPONSORSHIP_STEP_2 = "IMM 5289 — Étape 2"
CERTIFIED_COPIES = "IMM 5445 — Copies certifiées conformes; IMM 5289 — Copies certifiées conformes"


class DocumentKind(str, Enum):
    GENERAL = "general"
    POLICE_CERTIFICATE = "police_certificate"  # SP-185: certified translator only


class TranslatorKind(str, Enum):
    """Who translated. Only a Canadian certified translator (member in good standing of a
    provincial or territorial order of translators and interpreters) needs no affidavit."""

    CANADIAN_CERTIFIED_TRANSLATOR = "canadian_certified_translator"
    CERTIFIED_TRANSLATOR_ABROAD = "certified_translator_abroad"
    FLUENT_PERSON = "fluent_person"  # fluent in English or French and the other language


class Relationship(str, Enum):
    """The translator's or certifier's relationship to the applicant (X-01, X-02)."""

    NONE = "none"
    APPLICANT = "applicant"
    PARENT = "parent"
    GUARDIAN = "guardian"
    SIBLING = "sibling"
    SPOUSE = "spouse"
    COMMON_LAW_PARTNER = "common_law_partner"
    CONJUGAL_PARTNER = "conjugal_partner"
    GRANDPARENT = "grandparent"
    CHILD = "child"
    AUNT = "aunt"
    UNCLE = "uncle"
    NIECE = "niece"
    NEPHEW = "nephew"
    FIRST_COUSIN = "first_cousin"


# X-01, X-02: the guides' closed list ("le demandeur ou … un cousin germain").
EXCLUDED_RELATIONSHIPS = frozenset(Relationship) - {Relationship.NONE}

RELATIONSHIP_NAMES = {
    Relationship.APPLICANT: ("the applicant", "le demandeur"),
    Relationship.PARENT: ("a parent", "un parent"),
    Relationship.GUARDIAN: ("a guardian", "un tuteur"),
    Relationship.SIBLING: ("a brother or sister", "un frère ou une sœur"),
    Relationship.SPOUSE: ("a spouse", "un époux"),
    Relationship.COMMON_LAW_PARTNER: ("a common-law partner", "un conjoint de fait"),
    Relationship.CONJUGAL_PARTNER: ("a conjugal partner", "un partenaire conjugal"),
    Relationship.GRANDPARENT: ("a grandparent", "un grand-parent"),
    Relationship.CHILD: ("a child", "un enfant"),
    Relationship.AUNT: ("an aunt", "une tante"),
    Relationship.UNCLE: ("an uncle", "un oncle"),
    Relationship.NIECE: ("a niece", "une nièce"),
    Relationship.NEPHEW: ("a nephew", "un neveu"),
    Relationship.FIRST_COUSIN: ("a first cousin", "un cousin germain"),
}


class Place(str, Enum):
    CANADA = "canada"
    ABROAD = "abroad"


class Officiant(str, Enum):
    """Before whom an affidavit was sworn, or who certified a copy."""

    # In Canada: whoever the province or territory authorizes; abroad: as the country provides.
    AUTHORIZED_UNDER_LOCAL_LAW = "authorized_under_local_law"
    NOTARY_PUBLIC = "notary_public"
    NOT_AUTHORIZED = "not_authorized"


@dataclass(frozen=True, slots=True)
class Affidavit:
    """The translator's sworn statement (X-01)."""

    sworn_in: Place
    sworn_before: Officiant
    attests_language_proficiency: bool
    attests_accuracy: bool


class TranslationOutcome(str, Enum):
    ACCEPTED = "accepted"
    INCOMPLETE = "incomplete"  # something is missing: the document may be returned
    REJECTED = "rejected"  # the translation cannot be used at all: have it redone


@dataclass(frozen=True, slots=True)
class TranslationCheck:
    outcome: TranslationOutcome
    reasons: tuple[Reason, ...]


def check_translation(
    *,
    guide: Guide,
    translator: TranslatorKind,
    translator_relationship: Relationship = Relationship.NONE,
    affidavit: Affidavit | None = None,
    document_kind: DocumentKind = DocumentKind.GENERAL,
    translation_provided: bool = True,
    certified_copy_of_original: bool = False,
    checklist_waives_certified_copy: bool = False,
) -> TranslationCheck:
    """Whether the translation of one document in neither English nor French is acceptable.

    ``affidavit`` is the translator's affidavit, if any; ``certified_copy_of_original``
    matters for sponsorship only (SP-182), unless the country checklist says otherwise
    (``checklist_waives_certified_copy``).
    """
    citation = TRANSLATION_PR if guide is Guide.PR_CARD else TRANSLATION_SP
    found: list[Reason] = []
    rejected = incomplete = False

    if not translation_provided:
        incomplete = True
        found.append(
            _reason(
                "TRANSLATION_MISSING",
                rule="X-01, PRC-65",
                citation=citation,
                en="This document is in neither English nor French: provide an English or French translation.",
                fr="Ce document n’est rédigé ni en français ni en anglais : fournissez-en une traduction française ou anglaise.",
            )
        )
    if translator_relationship in EXCLUDED_RELATIONSHIPS:
        rejected = True
        en_name, fr_name = RELATIONSHIP_NAMES[translator_relationship]
        found.append(
            _reason(
                "TRANSLATOR_IS_APPLICANT_OR_RELATIVE",
                rule="X-01",
                citation=citation,
                en="A translation may not be done by the applicant or a family member; this one was done by {who}.",
                fr="Les traductions ne doivent pas être effectuées par le demandeur ou par un membre de sa famille ; celle-ci l’a été par {who_fr}.",
                who=en_name,
                who_fr=fr_name,
            )
        )
    certified = translator in (
        TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR,
        TranslatorKind.CERTIFIED_TRANSLATOR_ABROAD,
    )
    if document_kind is DocumentKind.POLICE_CERTIFICATE and not certified:
        rejected = True
        found.append(
            _reason(
                "POLICE_CERTIFICATE_NEEDS_CERTIFIED_TRANSLATOR",
                rule="SP-185",
                citation=POLICE,
                en="A police certificate in neither English nor French must be translated by a certified translator; attach the certificate and the translation.",
                fr="Un certificat de police rédigé ni en anglais ni en français doit être traduit par un traducteur agréé ; joignez le certificat et la traduction.",
            )
        )
    # Reading: only translators certified in Canada are exempt from the affidavit
    # ("Les traducteurs agréés au Canada ne sont pas tenus…"); one certified elsewhere is
    # a fluent person for this purpose and swears one too.
    if translator is not TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR:
        incomplete |= _affidavit_findings(affidavit, citation, found)
    if (
        guide is Guide.SPONSORSHIP
        and not certified_copy_of_original
        and not checklist_waives_certified_copy
    ):
        incomplete = True
        found.append(
            _reason(
                "CERTIFIED_COPY_OF_ORIGINAL_MISSING",
                rule="SP-182, X-02",
                citation=SPONSORSHIP_STEP_2,
                en="With a translation, also provide a certified true copy of the original document.",
                fr="Avec une traduction, fournissez aussi une copie certifiée conforme du document original.",
            )
        )

    if rejected:
        outcome = TranslationOutcome.REJECTED
    elif incomplete:
        outcome = TranslationOutcome.INCOMPLETE
    else:
        outcome = TranslationOutcome.ACCEPTED
        found.append(
            _reason(
                "TRANSLATION_ACCEPTABLE",
                rule="X-01",
                citation=citation,
                en="The translation meets the rules: translator not related to the applicant, affidavit where one is needed.",
                fr="La traduction respecte les règles : traducteur sans lien de parenté avec le demandeur, affidavit fourni lorsqu’il est exigé.",
                severity=Severity.INFO,
            )
        )
    return TranslationCheck(outcome, tuple(found))


def _affidavit_findings(affidavit: Affidavit | None, citation: str, found: list[Reason]) -> bool:
    """X-01: the affidavit of a translator who is not certified in Canada. True when incomplete."""
    if affidavit is None:
        found.append(
            _reason(
                "TRANSLATOR_AFFIDAVIT_MISSING",
                rule="X-01",
                citation=citation,
                en="The translator is not a Canadian certified translator: provide their affidavit attesting their language proficiency and the accuracy of the translation.",
                fr="La personne qui a effectué la traduction n’est pas un traducteur agréé canadien : fournissez son affidavit attestant sa maîtrise de la langue et l’exactitude de la traduction.",
            )
        )
        return True
    incomplete = False
    if not (affidavit.attests_language_proficiency and affidavit.attests_accuracy):
        incomplete = True
        found.append(
            _reason(
                "AFFIDAVIT_CONTENT_INCOMPLETE",
                rule="X-01",
                citation=citation,
                en="The affidavit must attest both the translator’s language proficiency and the accuracy of the translation.",
                fr="L’affidavit doit attester à la fois la maîtrise de la langue du traducteur et l’exactitude de la traduction.",
            )
        )
    if affidavit.sworn_before is Officiant.NOT_AUTHORIZED:
        incomplete = True
        found.append(
            _reason(
                "AFFIDAVIT_NOT_SWORN_BEFORE_AUTHORIZED_PERSON",
                rule="X-01",
                citation=citation,
                en="The affidavit must be sworn before a person authorized to administer oaths: in Canada as the province or territory provides, abroad before a notary public.",
                fr="L’affidavit doit être fait sous serment devant une personne autorisée : au Canada, selon la province ou le territoire ; à l’étranger, devant un notaire public.",
            )
        )
    elif affidavit.sworn_in is Place.ABROAD and affidavit.sworn_before is not Officiant.NOTARY_PUBLIC:
        # Reading: abroad the guides name a notary public and add that the power to
        # administer oaths varies by country; another local official is not refused here
        # but left for the officer to weigh.
        found.append(
            _reason(
                "AFFIDAVIT_ABROAD_NOT_BEFORE_NOTARY",
                rule="X-01",
                citation=citation,
                en="Abroad, the guides name a notary public; the officer will check that this official may administer oaths in that country.",
                fr="À l’étranger, les guides désignent un notaire public ; l’agent vérifiera que cette personne peut faire prêter serment dans ce pays.",
                severity=Severity.WARNING,
            )
        )
    return incomplete


@dataclass(frozen=True, slots=True)
class CopyCertification:
    """What the authorized person printed on the photocopy (X-02)."""

    statement: bool  # "I certify that this is a true copy of the original document"
    original_document_name: bool
    certification_date: bool
    certifier_name: bool
    certifier_position_or_title: bool
    certifier_signature: bool


_MARKINGS = (
    (
        "statement",
        "the statement “I certify that this is a true copy of the original document”",
        "la mention « Je certifie que la présente est une copie authentique du document original »",
    ),
    ("original_document_name", "the name of the original document", "le nom du document original"),
    ("certification_date", "the date of certification", "la date de la certification"),
    ("certifier_name", "the certifier’s name", "le nom de la personne autorisée"),
    ("certifier_position_or_title", "their position or title", "son poste ou titre officiel"),
    ("certifier_signature", "their signature", "sa signature"),
)


@dataclass(frozen=True, slots=True)
class CertifiedCopyCheck:
    valid: bool
    reasons: tuple[Reason, ...]


def check_certified_copy(
    *,
    certified_in: Place,
    certifier: Officiant,
    certifier_relationship: Relationship,
    certification: CopyCertification,
) -> CertifiedCopyCheck:
    """Whether a certified true copy was certified by whom and as the guides require (X-02)."""
    found: list[Reason] = []
    if certifier_relationship in EXCLUDED_RELATIONSHIPS:
        en_name, fr_name = RELATIONSHIP_NAMES[certifier_relationship]
        found.append(
            _reason(
                "CERTIFIER_IS_APPLICANT_OR_RELATIVE",
                rule="X-02",
                citation=CERTIFIED_COPIES,
                en="A copy may not be certified by the applicant or a family member; this one was certified by {who}.",
                fr="La certification des copies ne doit pas être faite par le demandeur ni par un membre de sa famille ; celle-ci l’a été par {who_fr}.",
                who=en_name,
                who_fr=fr_name,
            )
        )
    if certifier is Officiant.NOT_AUTHORIZED:
        found.append(
            _reason(
                "CERTIFIER_NOT_AUTHORIZED",
                rule="X-02",
                citation=CERTIFIED_COPIES,
                en="Only an authorized person may certify a copy: in Canada as the province or territory provides, abroad a notary public.",
                fr="Seules les personnes autorisées peuvent certifier la conformité des copies : au Canada, selon la province ou le territoire ; à l’étranger, un notaire public.",
            )
        )
    elif certified_in is Place.ABROAD and certifier is not Officiant.NOTARY_PUBLIC:
        found.append(
            _reason(
                "CERTIFIER_ABROAD_NOT_NOTARY",
                rule="X-02",
                citation=CERTIFIED_COPIES,
                en="Abroad, the guides name a notary public; the officer will check that this person may certify copies in that country.",
                fr="À l’étranger, les guides désignent un notaire public ; l’agent vérifiera que cette personne peut certifier la conformité des copies dans ce pays.",
                severity=Severity.WARNING,
            )
        )
    missing = [(en, fr) for field, en, fr in _MARKINGS if not getattr(certification, field)]
    if missing:
        found.append(
            _reason(
                "CERTIFICATION_MARKINGS_MISSING",
                rule="X-02",
                citation=CERTIFIED_COPIES,
                en="The certification on the copy lacks: {missing}.",
                fr="Il manque sur la copie certifiée : {missing_fr}.",
                missing="; ".join(en for en, _ in missing),
                missing_fr="; ".join(fr for _, fr in missing),
            )
        )
    valid = not any(r.severity is Severity.BLOCKING for r in found)
    if valid:
        found.append(
            _reason(
                "CERTIFIED_COPY_ACCEPTABLE",
                rule="X-02",
                citation=CERTIFIED_COPIES,
                en="The copy is certified by an authorized person not related to the applicant, with every required marking.",
                fr="La copie est certifiée par une personne autorisée sans lien de parenté avec le demandeur et porte toutes les mentions exigées.",
                severity=Severity.INFO,
            )
        )
    return CertifiedCopyCheck(valid, tuple(found))
