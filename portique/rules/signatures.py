"""Electronic signatures, declarations, the Submit button, and what each actor may do in the portal.

Sources: IMM 5445 « Signer électroniquement votre demande » and « Représentants en
immigration » (seed 002), IMM 5289 Steps 3, 5 and 6 and « Consentement et déclaration du
demandeur » (seed 003), the representative-portal page (seed 004) and IRPR 10(1)(b),
10(2)(d) (seed 001). Digest: ACT-30–ACT-60, REP-01–REP-17, SP-150, SP-151, SP-210.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import lru_cache

from .dates import age_on
from .parameters import value
from .reasons import Reason, Severity, has_blocking
from .reasons import reason as build_reason
from .records import fast_init

# Reasons are immutable and the same ones recur case after case: build each once.
reason = lru_cache(maxsize=4096)(build_reason)


class SubmissionFlow(str, Enum):
    SELF = "self"  # the applicant submits from the client portal
    REPRESENTATIVE = "representative"  # a paid representative submits from the representative portal


class SignedDocument(str, Enum):
    CONSENT_AND_DECLARATION = "consent_and_declaration"  # IMM 0008 consent and declaration page
    IMM_5669 = "imm_5669"  # Schedule A web form (representative flow, REP-11)


class SignerRole(str, Enum):
    APPLICANT = "applicant"  # the principal applicant (the client)
    PARENT_OR_GUARDIAN = "parent_or_guardian"  # for a principal applicant under 18
    REPRESENTATIVE = "representative"
    SPONSOR = "sponsor"
    FAMILY_MEMBER = "family_member"
    NON_ACCOMPANYING_PARENT = "non_accompanying_parent"  # IMM 5604


@fast_init
@dataclass(frozen=True, slots=True)
class PassportName:
    """The names as printed in a passport; either part may be empty (no surname, no given name)."""

    surname: str
    given_names: str


@fast_init
@dataclass(frozen=True, slots=True)
class ESignature:
    """A typed electronic signature on one document.

    ``entered_from_client_account``: typed in the client portal session of the signer,
    not from a representative's account (ACT-35, ACT-52).
    """

    document: SignedDocument
    signed_by: SignerRole
    typed_name: str
    signed_at: datetime
    entered_from_client_account: bool = True


# Apostrophes and hyphens that keyboards and autocorrect produce interchangeably.
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


def normalized_name(text: str) -> str:
    """The form in which a typed name and a passport name are compared.

    Reading (ACT-51): "votre nom au complet tel qu'il est indiqué sur votre passeport" /
    "exactement comme il est indiqué" requires every name, in full, spelled as printed:
    same letters, accents, hyphens and apostrophes. What is not spelling is ignored:
    Unicode composition (NFC), outer spaces, runs of inner spaces, typographic versus
    straight apostrophes and hyphens, and capitals (passports print names in capitals;
    nobody is asked to type them so).
    """
    # Plain ASCII (most names as typed) is its own NFC form and holds no typographic sign.
    composed = text if text.isascii() else unicodedata.normalize("NFC", text).translate(_TYPOGRAPHIC)
    return " ".join(composed.split()).casefold()


def _accepted_forms(name: PassportName) -> frozenset[str]:
    surname = normalized_name(name.surname)
    given = normalized_name(name.given_names)
    if not surname or not given:
        return frozenset({surname or given})
    # Reading: a passport prints surname and given names in separate fields; either
    # order of the two, each written in full, is "the full name as shown".
    return frozenset({f"{given} {surname}", f"{surname} {given}"})


@fast_init
@dataclass(frozen=True, slots=True)
class NameMatch:
    matches: bool
    reasons: tuple[Reason, ...]


_NAME_CITATION = "IMM 5445 — « Signer électroniquement votre demande »; IMM 5289 — Step 6"
# The answer for every signature typed as the passport shows it: immutable, built once.
_NAME_MATCHES = NameMatch(
    True,
    (
        reason(
            "SIGNATURE_NAME_MATCHES_PASSPORT",
            rule="ACT-51",
            citation=_NAME_CITATION,
            en="The typed name is the full name as shown in the passport.",
            fr="Le nom inscrit est le nom au complet tel qu’il figure dans le passeport.",
            severity=Severity.INFO,
        ),
    ),
)


def signature_name_matches(*, typed_name: str, passport_name: PassportName) -> NameMatch:
    """Whether a typed e-signature is the signer's full name exactly as in their passport (ACT-51)."""
    if normalized_name(typed_name) in _accepted_forms(passport_name):
        return _NAME_MATCHES
    return NameMatch(
        False,
        (
            reason(
                "SIGNATURE_NAME_MISMATCH",
                rule="ACT-51",
                citation=_NAME_CITATION,
                en="To sign electronically, type your full name exactly as it is shown in your passport ({given} {surname}).",
                fr="Pour signer électroniquement, inscrivez votre nom au complet exactement comme il figure dans votre passeport ({given} {surname}).",
                given=passport_name.given_names.strip(),
                surname=passport_name.surname.strip(),
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class SignerRequirement:
    signer: SignerRole
    reasons: tuple[Reason, ...]


def required_signer(*, principal_applicant_birth_date: date, on: date) -> SignerRequirement:
    """Who e-signs: the principal applicant, or a parent or legal guardian if they are under 18 on ``on``.

    The principal applicant signs for the whole application, family members' forms
    included (ACT-55); family members do not sign.
    """
    adult_age = _adult_age_on(on)
    return _signer_at(age_on(principal_applicant_birth_date, on), adult_age)


@lru_cache(maxsize=2048)
def _adult_age_on(on: date) -> int:
    return value("irpr.signature_adult_age", on)


# Keyed by an age in years and the age of majority: a few hundred requirements at most,
# asked twice for every application (its own signer, then the submission gate's).
@lru_cache(maxsize=512)
def _signer_at(age: int, adult_age: int) -> SignerRequirement:
    """``required_signer`` for a principal applicant of ``age``."""
    if age < adult_age:
        return SignerRequirement(
            SignerRole.PARENT_OR_GUARDIAN,
            (
                reason(
                    "MINOR_SIGNED_BY_PARENT_OR_GUARDIAN",
                    rule="ACT-56, SP-210",
                    citation="IMM 5289 — Step 2, Step 3 (Remarque), Step 6",
                    en="The principal applicant is {age}, under {adult}: a parent or legal guardian signs the forms and the consent and declaration, and signs electronically on their behalf.",
                    fr="Le demandeur principal a {age} ans, soit moins de {adult} ans : l’un de ses parents ou son tuteur légal signe les formulaires ainsi que le consentement et la déclaration, et signe électroniquement en son nom.",
                    severity=Severity.INFO,
                    age=age,
                    adult=adult_age,
                ),
            ),
        )
    return SignerRequirement(
        SignerRole.APPLICANT,
        (
            reason(
                "PRINCIPAL_APPLICANT_SIGNS_FOR_ALL",
                rule="ACT-52, ACT-55",
                citation="IMM 5289 — Step 3, Step 6; IMM 5445 — « Représentants en immigration »",
                en="The principal applicant types their own name and signs for the whole application, including the forms of family members.",
                fr="Le demandeur principal inscrit lui-même son nom et signe pour l’ensemble de la demande, y compris les formulaires des membres de sa famille.",
                severity=Severity.INFO,
            ),
        ),
    )


@fast_init
@dataclass(frozen=True, slots=True)
class SubmissionGate:
    """Whether the Submit button is enabled (blue), and everything that still holds it back."""

    submit_enabled: bool
    reasons: tuple[Reason, ...]


_REQUIRED_DOCUMENTS = {
    # Reading: in the client's own flow one e-signature on the consent and declaration
    # signs the whole application (IMM 5289 « Consentement et déclaration », ACT-54/55);
    # in the representative flow the client also signs the IMM 5669 web form (REP-11).
    SubmissionFlow.SELF: (SignedDocument.CONSENT_AND_DECLARATION,),
    SubmissionFlow.REPRESENTATIVE: (SignedDocument.CONSENT_AND_DECLARATION, SignedDocument.IMM_5669),
}
_DOCUMENT_LABELS = {
    SignedDocument.CONSENT_AND_DECLARATION: (
        "the consent and declaration",
        "le consentement et la déclaration",
    ),
    SignedDocument.IMM_5669: ("the IMM 5669 web form", "le formulaire Web IMM 5669"),
}
_GATE_CITATION = "IMM 5289 — « Consentement et déclaration du demandeur », Step 6; Representative portal — « Signer et présenter la demande »"


def submission_gate(
    *,
    flow: SubmissionFlow,
    principal_applicant_birth_date: date,
    on: date,
    applicant_passport_name: PassportName,
    signatures: tuple[ESignature, ...],
    guardian_passport_name: PassportName | None = None,
    representative_declaration_at: datetime | None = None,
    missing_items: tuple[str, ...] = (),
    client_documents: tuple[SignedDocument, ...] | None = None,
) -> SubmissionGate:
    """Enable Submit only when every required signature and declaration is in and nothing is missing.

    ``missing_items``: unanswered questions or checklist items still missing (from form
    validation and the checklist). ``guardian_passport_name``: the signing parent's or
    guardian's passport name when the principal applicant is under 18 (they type their
    own name). ``representative_declaration_at``: when the representative ticked their
    declaration (representative flow). ``client_documents``: what the client e-signs when
    the program says so; by default the flow's list (a PR card application has no IMM 5669,
    so its client signs the consent and declaration only).
    """
    reasons: list[Reason] = []
    signer = required_signer(principal_applicant_birth_date=principal_applicant_birth_date, on=on)
    reasons.extend(signer.reasons)
    expected_name = (
        applicant_passport_name if signer.signer is SignerRole.APPLICANT else guardian_passport_name
    )

    valid_at: dict[SignedDocument, datetime] = {}
    for signature in signatures:
        if not _signature_is_valid(signature, signer.signer, expected_name, reasons):
            continue
        valid_at[signature.document] = max(
            signature.signed_at, valid_at.get(signature.document, signature.signed_at)
        )

    for document in client_documents or _REQUIRED_DOCUMENTS[flow]:
        if document not in valid_at:
            label_en, label_fr = _DOCUMENT_LABELS[document]
            reasons.append(
                reason(
                    "SIGNATURE_MISSING",
                    rule="ACT-54, ACT-57, IRPR-10-1",
                    citation="IRPR 10(1)(b), 10(2)(d); " + _GATE_CITATION,
                    en="Sign {document_en} by typing your name: an application cannot be submitted before it is signed.",
                    fr="Signez {document_fr} en inscrivant votre nom : une demande ne peut pas être soumise avant d’avoir été signée.",
                    subject=document.value,
                    document_en=label_en,
                    document_fr=label_fr,
                )
            )

    if flow is SubmissionFlow.REPRESENTATIVE:
        _check_representative_declaration(representative_declaration_at, valid_at, reasons)

    for item in missing_items:
        reasons.append(
            reason(
                "ITEM_MISSING_BEFORE_SUBMIT",
                rule="SP-210, IRPR-10-1",
                citation="IRPR 10(1)(c); IMM 5289 — Step 6",
                en="Before submitting, complete or upload: {item}.",
                fr="Avant de soumettre la demande, remplissez ou téléversez : {item}.",
                subject=item,
                item=item,
            )
        )

    enabled = not has_blocking(reasons)
    if enabled:
        reasons.append(
            reason(
                "SUBMIT_ENABLED",
                rule="REP-13, ACT-37",
                citation=_GATE_CITATION,
                en="All signatures and declarations are in: the application can be submitted.",
                fr="Toutes les signatures ont été apposées et toutes les déclarations ont été remplies : la demande peut être soumise.",
                severity=Severity.INFO,
            )
        )
    return SubmissionGate(enabled, tuple(reasons))


def _signature_is_valid(
    signature: ESignature,
    expected_signer: SignerRole,
    expected_name: PassportName | None,
    reasons: list[Reason],
) -> bool:
    subject = signature.document.value
    if signature.signed_by is SignerRole.REPRESENTATIVE or not signature.entered_from_client_account:
        reasons.append(
            reason(
                "REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT",
                rule="ACT-35, ACT-52",
                citation="IMM 5445 — « Représentants en immigration »; Representative portal — « Signer et présenter la demande »",
                en="A representative cannot sign electronically for the client: the client must type their own name in the client portal.",
                fr="Le représentant ne peut pas signer électroniquement la demande pour son client : le client doit inscrire lui-même son nom dans le portail des clients.",
                subject=subject,
            )
        )
        return False
    if signature.signed_by is SignerRole.SPONSOR:
        # Reading (G-13): IMM 5289 Step 2 says the sponsor applies "sa signature et celle du
        # demandeur principal", but Step 3 and Step 6 make the principal applicant type
        # their own name; the sponsor signs the sponsor forms (IMM 1344) only.
        reasons.append(
            reason(
                "SPONSOR_CANNOT_SIGN_FOR_APPLICANT",
                rule="ACT-59, ACT-35",
                citation="IMM 5289 — Step 3, Step 6",
                en="The sponsor cannot sign electronically for the principal applicant; the sponsor signs the sponsorship forms (IMM 1344).",
                fr="Le répondant ne peut pas signer électroniquement la demande au nom du demandeur principal ; il signe les formulaires de parrainage (IMM 1344).",
                subject=subject,
            )
        )
        return False
    if signature.signed_by is not expected_signer:
        if expected_signer is SignerRole.PARENT_OR_GUARDIAN:
            code, en, fr = (
                "MINOR_CANNOT_SIGN",
                "The principal applicant is under 18: a parent or legal guardian must sign on their behalf.",
                "Le demandeur principal a moins de 18 ans : l’un de ses parents ou son tuteur légal doit signer en son nom.",
            )
        else:
            code, en, fr = (
                "PRINCIPAL_APPLICANT_MUST_SIGN",
                "The principal applicant must sign the application personally, for themselves and their family members.",
                "Le demandeur principal doit signer lui-même la demande, pour lui et pour les membres de sa famille.",
            )
        reasons.append(
            reason(
                code,
                rule="ACT-55, ACT-56",
                citation="IMM 5289 — Step 3, Step 6",
                en=en,
                fr=fr,
                subject=subject,
            )
        )
        return False
    if expected_name is None:
        reasons.append(
            reason(
                "SIGNER_PASSPORT_NAME_UNKNOWN",
                rule="ACT-51, ACT-56",
                citation="IMM 5289 — Step 6",
                en="Give the signing parent’s or guardian’s name as shown in their passport, so the signature can be checked.",
                fr="Indiquez le nom du parent ou du tuteur qui signe tel qu’il figure dans son passeport, afin que la signature puisse être vérifiée.",
                subject=subject,
            )
        )
        return False
    # Reading: a parent or guardian signing "en son nom" types their own full name, as in
    # their own passport; it is their signature given on the minor's behalf.
    match = signature_name_matches(typed_name=signature.typed_name, passport_name=expected_name)
    if not match.matches:
        reasons.extend(
            Reason(r.code, r.rule, r.citation, r.en, r.fr, r.severity, subject) for r in match.reasons
        )
        return False
    return True


_REPRESENTATIVE_DECLARATION = (
    "Representative portal — « Signer et présenter la demande »; IMM 5289 — Step 3 (Remarque)"
)


def representative_declaration_missing() -> Reason:
    """The representative has not given their declaration on the content the client signed."""
    return reason(
        "REPRESENTATIVE_DECLARATION_MISSING",
        rule="ACT-36, REP-12",
        citation=_REPRESENTATIVE_DECLARATION,
        en="Once the client has signed, the representative must give their declaration by ticking the declaration box.",
        fr="Une fois que le client a apposé sa signature électronique, le représentant doit fournir sa déclaration en cochant la case de déclaration.",
    )


def _check_representative_declaration(
    declared_at: datetime | None, signed_at: dict[SignedDocument, datetime], reasons: list[Reason]
) -> None:
    if declared_at is None:
        reasons.append(representative_declaration_missing())
        return
    if signed_at and declared_at < max(signed_at.values()):
        reasons.append(
            reason(
                "REPRESENTATIVE_DECLARATION_BEFORE_CLIENT_SIGNATURE",
                rule="ACT-36, REP-12",
                citation=_REPRESENTATIVE_DECLARATION,
                en="The representative’s declaration was ticked before the client signed; tick it again after the client’s signature.",
                fr="La déclaration du représentant a été cochée avant la signature du client ; cochez-la de nouveau après la signature du client.",
            )
        )


# --- What each actor may do (permission matrix ACT-30–ACT-40) -----------------------------


class Actor(str, Enum):
    CLIENT = "client"  # the applicant / principal applicant
    PAID_REPRESENTATIVE = "paid_representative"
    UNPAID_REPRESENTATIVE = "unpaid_representative"
    SPONSOR = "sponsor"


class Representation(str, Enum):
    """Who is designated to represent the client (IMM 5476), if anyone."""

    NONE = "none"
    PAID = "paid"
    UNPAID = "unpaid"


class PortalAction(str, Enum):
    HOLD_ONLINE_ACCOUNT = "hold_online_account"
    CREATE_CLIENT_PORTAL_ACCOUNT = "create_client_portal_account"  # an account in the client portal
    LOG_IN_WITH_CLIENT_CREDENTIALS = "log_in_with_client_credentials"
    CREATE_APPLICATION = "create_application"
    EDIT_APPLICATION = "edit_application"
    REVIEW_APPLICATION = "review_application"
    E_SIGN_APPLICATION = "e_sign_application"
    TICK_REPRESENTATIVE_DECLARATION = "tick_representative_declaration"
    SUBMIT_APPLICATION = "submit_application"
    LINK_APPLICATION_TO_OWN_ACCOUNT = "link_application_to_own_account"


@dataclass(frozen=True, slots=True)
class Permission:
    allowed: bool
    reasons: tuple[Reason, ...]


_PORTAL_CITATION = "IMM 5445 — « Représentants en immigration », « Et ensuite? »; Representative portal page"


def _deny(code: str, rule: str, en: str, fr: str, citation: str = _PORTAL_CITATION) -> Permission:
    return Permission(False, (reason(code, rule=rule, citation=citation, en=en, fr=fr),))


def _allow(code: str, rule: str, en: str, fr: str, citation: str = _PORTAL_CITATION) -> Permission:
    return Permission(
        True, (reason(code, rule=rule, citation=citation, en=en, fr=fr, severity=Severity.INFO),)
    )


def portal_permission(
    *,
    actor: Actor,
    action: PortalAction,
    represented_by: Representation = Representation.NONE,
    application_created_by_representative: bool = False,
) -> Permission:
    """Whether ``actor`` may perform ``action`` on the client's application (ACT-30–ACT-40).

    ``represented_by``: the client's current designation; cancelling it means passing
    ``NONE``. ``application_created_by_representative``: the application was created in
    the representative portal (the client then only reviews and signs).
    """
    if actor is Actor.UNPAID_REPRESENTATIVE:
        return _deny(
            "UNPAID_REPRESENTATIVE_NO_ACCOUNT",
            "ACT-08, ACT-38, X-11",
            "Unpaid representatives cannot have an online account. Correspondence reaches them by e-mail or mail, which they must check regularly.",
            "Les représentants non rémunérés ne peuvent pas avoir de compte en ligne. La correspondance leur parvient par courriel ou par la poste, qu’ils doivent surveiller régulièrement.",
        )
    if actor is Actor.SPONSOR:
        if action is PortalAction.E_SIGN_APPLICATION:
            return _deny(
                "SPONSOR_CANNOT_SIGN_FOR_APPLICANT",
                "ACT-59, ACT-35",
                "The sponsor cannot sign electronically for the principal applicant; the sponsor signs the sponsorship forms (IMM 1344).",
                "Le répondant ne peut pas signer électroniquement la demande au nom du demandeur principal; il signe les formulaires de parrainage (IMM 1344).",
                citation="IMM 5289 — Step 3, Step 6",
            )
        return _deny(
            "SPONSOR_NO_PORTAL_ROLE",
            "ACT-32",
            "The sponsor fills in the sponsor’s PDF forms and gives electronic copies to the principal applicant, who uploads them; the sponsor has no other role in the applicant’s portal.",
            "Le répondant remplit ses formulaires PDF et en remet des copies électroniques au demandeur principal, qui les téléverse; il n’a pas d’autre rôle dans le portail du demandeur.",
            citation="IMM 5289 — Step 3",
        )
    if actor is Actor.PAID_REPRESENTATIVE:
        return _paid_representative_permission(action)
    return _client_permission(action, represented_by, application_created_by_representative)


def _paid_representative_permission(action: PortalAction) -> Permission:
    if action is PortalAction.CREATE_CLIENT_PORTAL_ACCOUNT:
        return _deny(
            "REPRESENTATIVE_CANNOT_CREATE_CLIENT_ACCOUNT",
            "ACT-30, REP-08",
            "A representative cannot create an account in the client portal for a client. An e-mail address used to create one by mistake cannot be used in the representative portal.",
            "Le représentant ne peut pas créer de compte dans le portail des clients au nom d’un client. L’adresse de courriel utilisée pour en créer un par erreur ne pourra pas servir dans le portail des représentants.",
        )
    if action is PortalAction.LOG_IN_WITH_CLIENT_CREDENTIALS:
        return _deny(
            "REPRESENTATIVE_CANNOT_USE_CLIENT_CREDENTIALS",
            "ACT-31",
            "A representative cannot sign in to the portal with the client’s username and password; they use their own account.",
            "Le représentant ne peut pas se connecter au portail avec le nom d’utilisateur et le mot de passe du client; il utilise son propre compte.",
        )
    if action is PortalAction.E_SIGN_APPLICATION:
        return _deny(
            "REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT",
            "ACT-35",
            "A representative cannot sign electronically for the client: the client must type their own name in the client portal.",
            "Le représentant ne peut pas signer électroniquement la demande pour son client : le client doit inscrire lui-même son nom dans le portail des clients.",
        )
    if action is PortalAction.LINK_APPLICATION_TO_OWN_ACCOUNT:
        return _allow(
            "PAID_REPRESENTATIVE_MAY_LINK",
            "ACT-39, REP-16",
            "A paid authorized representative may link the client’s application to their own online account.",
            "Le représentant rémunéré autorisé peut lier la demande de son client à son propre compte en ligne.",
        )
    if action is PortalAction.TICK_REPRESENTATIVE_DECLARATION:
        return _allow(
            "REPRESENTATIVE_DECLARES_AFTER_CLIENT_SIGNS",
            "ACT-36, REP-12",
            "The representative ticks their declaration once the client has signed electronically.",
            "Le représentant coche sa déclaration une fois que le client a apposé sa signature électronique.",
        )
    return _allow(
        "PAID_REPRESENTATIVE_ACTS_FROM_OWN_ACCOUNT",
        "ACT-32, ACT-33, ACT-34, ACT-37",
        "A paid representative fills in forms, creates and edits the client’s application and submits it from their own account.",
        "Le représentant rémunéré remplit les formulaires, crée et modifie la demande de son client et la soumet au moyen de son propre compte.",
    )


def _client_permission(
    action: PortalAction, represented_by: Representation, created_by_rep: bool
) -> Permission:
    if action is PortalAction.TICK_REPRESENTATIVE_DECLARATION:
        return _deny(
            "ONLY_REPRESENTATIVE_DECLARES",
            "ACT-36",
            "Only the representative ticks the representative’s declaration.",
            "Seul le représentant coche la déclaration du représentant.",
        )
    if action is PortalAction.LINK_APPLICATION_TO_OWN_ACCOUNT and represented_by is not Representation.NONE:
        return _deny(
            "CANCEL_REPRESENTATIVE_BEFORE_LINKING",
            "ACT-39, X-11, REP-16",
            "Do not link the application to your personal account while you use a representative: cancel the representative’s designation first.",
            "N’essayez pas de lier la demande à votre compte en ligne personnel si vous avez recours à un représentant : annulez d’abord la désignation de votre représentant.",
        )
    if created_by_rep and action in (PortalAction.EDIT_APPLICATION, PortalAction.CREATE_APPLICATION):
        return _deny(
            "CLIENT_REVIEWS_AND_SIGNS_ONLY",
            "ACT-34, REP-10",
            "This application was prepared by your representative: you can review it and sign it, but not change it.",
            "Cette demande a été préparée par votre représentant : vous pouvez la passer en revue et la signer, mais non la modifier.",
            citation="Representative portal — « Signer et présenter la demande »",
        )
    if created_by_rep and action is PortalAction.SUBMIT_APPLICATION:
        return _deny(
            "REPRESENTATIVE_SUBMITS",
            "ACT-37, REP-13",
            "Your representative submits the application once all signatures and declarations are in.",
            "Votre représentant soumet la demande une fois toutes les signatures et déclarations remplies.",
            citation="Representative portal — « Signer et présenter la demande »",
        )
    return _allow(
        "CLIENT_ACTION_ALLOWED",
        "ACT-30, ACT-35, ACT-37, ACT-38",
        "You may do this in your own account.",
        "Vous pouvez le faire dans votre propre compte.",
    )


# --- Representative portal rules (REP-01, REP-04, REP-08) ----------------------------------


class PrProgram(str, Enum):
    EXPRESS_ENTRY = "express_entry"
    FAMILY_SPONSORSHIP = "family_sponsorship"
    PR_CARD = "pr_card"
    OTHER_PERMANENT_RESIDENCE = "other_permanent_residence"


def representative_portal_supports(*, program: PrProgram) -> Permission:
    """Whether a representative can create this application in the PR portal (REP-01, AS-128)."""
    if program is PrProgram.EXPRESS_ENTRY:
        return _deny(
            "EXPRESS_ENTRY_NOT_IN_REPRESENTATIVE_PORTAL",
            "REP-01, ACT-22",
            "Express Entry applications cannot be submitted through the representative side of the Permanent Residence Portal.",
            "Les demandes au titre d’Entrée express ne peuvent pas être présentées au moyen du portail des représentants du Portail de résidence permanente.",
            citation="Representative portal page — introduction",
        )
    return _allow(
        "REPRESENTATIVE_PORTAL_SUPPORTS_PROGRAM",
        "REP-01",
        "A representative can submit this application online for the client.",
        "Le représentant peut présenter cette demande en ligne au nom de son client.",
        citation="Representative portal page — introduction",
    )


class IdentityDocument(str, Enum):
    PASSPORT = "passport"
    DRIVERS_LICENCE = "drivers_licence"
    PR_CARD = "pr_card"
    HEALTH_CARD = "health_card"
    NATIONAL_IDENTITY_CARD = "national_identity_card"
    OTHER = "other"


REPRESENTATIVE_IDENTITY_DOCUMENTS = frozenset(
    {IdentityDocument.PASSPORT, IdentityDocument.DRIVERS_LICENCE, IdentityDocument.PR_CARD}
)


def representative_identity_document_accepted(*, document: IdentityDocument, valid: bool) -> Permission:
    """Whether the identity document a representative uploads is one the portal takes (REP-04, AS-130)."""
    citation = "Representative portal page — « Comment s’y prendre »"
    if document not in REPRESENTATIVE_IDENTITY_DOCUMENTS:
        return _deny(
            "IDENTITY_DOCUMENT_NOT_ACCEPTED",
            "REP-04",
            "Upload a copy of a valid passport, driver’s licence or permanent resident card.",
            "Téléversez une copie valide d’un passeport, d’un permis de conduire ou d’une carte de résident permanent.",
            citation=citation,
        )
    if not valid:
        return _deny(
            "IDENTITY_DOCUMENT_NOT_VALID",
            "REP-04",
            "The identity document must be valid.",
            "La pièce d’identité doit être valide.",
            citation=citation,
        )
    return _allow(
        "IDENTITY_DOCUMENT_ACCEPTED",
        "REP-04",
        "This identity document can be used to verify the representative’s identity.",
        "Cette pièce d’identité peut servir à vérifier l’identité du représentant.",
        citation=citation,
    )


def representative_portal_email_usable(*, used_to_create_client_portal_account: bool) -> Permission:
    """An e-mail address used to create a client-portal account cannot serve in the representative portal (REP-08)."""
    if used_to_create_client_portal_account:
        return _deny(
            "EMAIL_USED_FOR_CLIENT_ACCOUNT",
            "REP-08, ACT-30",
            "This e-mail address was used to create an account in the client portal, so it cannot be used in the representative portal.",
            "Cette adresse de courriel a servi à créer un compte dans le portail des clients; elle ne peut donc pas être utilisée dans le portail des représentants.",
        )
    return _allow(
        "EMAIL_USABLE_IN_REPRESENTATIVE_PORTAL",
        "REP-08",
        "This e-mail address can be used in the representative portal.",
        "Cette adresse de courriel peut être utilisée dans le portail des représentants.",
    )


# --- Forms signed outside the portal (REP-07, ACT-58, ACT-60, AS-129) ---------------------


class ThirdPartyForm(str, Enum):
    IMM_1344 = "imm_1344"  # application to sponsor, sponsorship agreement and undertaking
    IMM_5476 = "imm_5476"  # use of a representative
    IMM_5604 = "imm_5604"  # declaration from a non-accompanying parent or guardian


class SigningMethod(str, Enum):
    HAND_SIGNED_AND_UPLOADED = "hand_signed_and_uploaded"
    SIGNED_PDF_UPLOADED = "signed_pdf_uploaded"  # signed by hand or digitally, then uploaded


@dataclass(frozen=True, slots=True)
class FormSigning:
    method: SigningMethod
    signers: tuple[SignerRole, ...]
    photo_id_required: bool
    reasons: tuple[Reason, ...]


def form_signing(
    *,
    form: ThirdPartyForm,
    flow: SubmissionFlow,
    principal_applicant_is_minor: bool = False,
    sponsor_shares_representative: bool = False,
) -> FormSigning:
    """Who signs a PDF form that is not e-signed in the portal, and how.

    ``sponsor_shares_representative``: sponsor and principal applicant use the same
    representative, so one IMM 5476 is signed by both.
    """
    applicant = SignerRole.PARENT_OR_GUARDIAN if principal_applicant_is_minor else SignerRole.APPLICANT
    if form is ThirdPartyForm.IMM_5604:
        return FormSigning(
            SigningMethod.HAND_SIGNED_AND_UPLOADED,
            (SignerRole.NON_ACCOMPANYING_PARENT,),
            True,
            (
                reason(
                    "IMM_5604_HAND_SIGNED_WITH_PHOTO_ID",
                    rule="ACT-12",
                    citation="IMM 5289 — Step 3, Step 5 (IMM 5604)",
                    en="The parent or guardian who does not accompany the minor signs IMM 5604 by hand and it is sent with a copy of their photo identification. If they cannot sign (for example, their whereabouts are unknown), attach a letter of explanation; an officer will decide the next steps.",
                    fr="Le parent ou le tuteur qui n’accompagne pas la personne mineure signe le formulaire IMM 5604 à la main ; celui-ci est accompagné d’une pièce d’identité avec photo de ce parent ou tuteur. S’il est impossible de le faire signer (p. ex. on ne sait pas où il se trouve), joignez une lettre explicative ; un agent vous informera des étapes suivantes.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if form is ThirdPartyForm.IMM_1344:
        signers: tuple[SignerRole, ...] = (SignerRole.SPONSOR, applicant)
    elif sponsor_shares_representative:
        signers = (applicant, SignerRole.SPONSOR)
    else:
        signers = (applicant,)
    if flow is SubmissionFlow.REPRESENTATIVE:
        return FormSigning(
            SigningMethod.HAND_SIGNED_AND_UPLOADED,
            signers,
            False,
            (
                reason(
                    "THIRD_PARTY_FORM_HAND_SIGNED",
                    rule="REP-07, ACT-58",
                    citation="Representative portal — « Créer une demande »",
                    en="In an application prepared by a representative, this form is printed, signed by hand by each signer (the principal applicant and, where the form calls for it, the sponsor), then uploaded.",
                    fr="Dans une demande préparée par un représentant, ce formulaire est imprimé, signé à la main par chaque signataire (le demandeur principal et, si le formulaire l’exige, le répondant), puis téléversé.",
                    severity=Severity.INFO,
                ),
            ),
        )
    # Reading (G-14): in the applicant's own flow the guide does not say how IMM 1344 (or
    # IMM 5476) is signed; a signed PDF, by hand or digitally, is accepted when uploaded.
    return FormSigning(
        SigningMethod.SIGNED_PDF_UPLOADED,
        signers,
        False,
        (
            reason(
                "THIRD_PARTY_FORM_SIGNED_PDF",
                rule="ACT-60, SP-150",
                citation="IMM 5289 — Step 3, Step 5",
                en="Each signer signs this PDF form (by hand or digitally) and the principal applicant uploads it in the online application.",
                fr="Chaque signataire signe ce formulaire PDF (à la main ou numériquement) et le demandeur principal le téléverse dans sa demande en ligne.",
                severity=Severity.INFO,
            ),
        ),
    )
