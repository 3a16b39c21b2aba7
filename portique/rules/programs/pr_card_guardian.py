"""The parent or legal guardian who signs a PR card application for an applicant under 18.

The PR card guide (IMM 5445, seed 002) asks the applicant to sign electronically and
says nothing of an applicant under 18 beyond the documents they send (PRC-64); the
sponsorship guide (IMM 5289 — Étape 2, 3, 5 et 6; ACT-56, SP-210) says that for a
principal applicant under 18 "le parent ou le tuteur légal" signs the forms and the
consent and declaration, and signs electronically on their behalf, typing a full name
exactly as on a passport. Reading: the same for the PR card (``signatures.required_signer``
is one rule for every program). IMM 5444 has no question for the parent's or guardian's
name, so the portal asks it here, in a small digital form of its own, so that the typed
signature can be checked against it (ACT-51). The form is a person of the application
(role ``parent_or_guardian``); it is not a government form and prints as the portal's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import signatures as signature_rules
from ..dates import age_on
from ..forms.model import Field, FieldKind, Form, Section
from ..parameters import value
from ..reasons import Reason, reason
from .sponsorship_fields import options, passport_name_fields

ROLE = "parent_or_guardian"
FORM_CODE = "GUARDIAN"
CITATION = (
    "IMM 5289 — Étape 2, Étape 3 (Remarque), Étape 6 (ACT-56, SP-210); "
    "IMM 5445 — « Signer électroniquement votre demande » (ACT-51)"
)

RELATIONSHIPS = options(
    {
        "parent": ("Parent (including adoptive parent)", "Parent (y compris parent adoptif)"),
        "legal_guardian": ("Legal guardian", "Tuteur légal"),
    }
)

GUARDIAN_SECTION = Section(
    "personal",
    "The parent or legal guardian who signs",
    "Le parent ou le tuteur légal qui signe",
    (
        *passport_name_fields(),
        Field(
            "relationship",
            FieldKind.CHOICE,
            "Your relationship to the applicant",
            "Votre lien avec le demandeur",
            options=RELATIONSHIPS,
            help_en="A legal guardian sends a copy of the Canadian court documents that prove the guardianship "
            "with the documents (PRC-64).",
            help_fr="Le tuteur légal joint aux documents une copie des documents d’un tribunal canadien qui "
            "prouvent la tutelle (PRC-64).",
        ),
    ),
    intro_en="The applicant is under 18: a parent or legal guardian signs the application on their behalf, "
    "typing their own full name exactly as on their own passport (ACT-56, SP-210). Give that name here so the "
    "signature can be checked.",
    intro_fr="Le demandeur a moins de 18 ans : l’un de ses parents ou son tuteur légal signe la demande en son "
    "nom, en inscrivant son propre nom au complet exactement comme sur son propre passeport (ACT-56, SP-210). "
    "Indiquez ce nom ici afin que la signature puisse être vérifiée.",
)
GUARDIAN_FORM = Form(
    code=FORM_CODE,
    en="Parent or legal guardian who signs",
    fr="Parent ou tuteur légal qui signe",
    sections=(GUARDIAN_SECTION,),
    citation=CITATION,
)


def is_minor(born: date | None, on: date) -> bool:
    """Whether an applicant born on ``born`` is under the signing age on ``on`` (unknown: no)."""
    if born is None:
        return False
    signer = signature_rules.required_signer(principal_applicant_birth_date=born, on=on)
    return signer.signer is signature_rules.SignerRole.PARENT_OR_GUARDIAN


def passport_name(answers: dict[str, Any] | None) -> signature_rules.PassportName | None:
    """The guardian's passport name from their form, or ``None`` while it is not given."""
    personal = ((answers or {}).get(FORM_CODE) or {}).get("personal")
    if not isinstance(personal, dict):
        return None
    surname, given = str(personal.get("family_name") or ""), str(personal.get("given_names") or "")
    if not (surname.strip() or given.strip()):
        return None
    return signature_rules.PassportName(surname=surname, given_names=given)


def not_declared(subject: str | None = None) -> Reason:
    return reason(
        "GUARDIAN_NOT_DECLARED",
        rule="ACT-56, SP-210",
        citation=CITATION,
        en="The applicant is under 18 on the application date: add the parent or legal guardian who signs for "
        "them, with their name exactly as on their passport.",
        fr="Le demandeur a moins de 18 ans à la date de la demande : ajoutez le parent ou le tuteur légal qui "
        "signe en son nom, avec son nom exactement comme sur son passeport.",
        subject=subject,
    )


def not_needed(*, born: date | None, on: date, subject: str | None = None) -> Reason:
    """A parent or guardian declared (or about to be) for an applicant who signs themselves."""
    if born is None:
        return reason(
            "GUARDIAN_BIRTH_DATE_FIRST",
            rule="ACT-56",
            citation=CITATION,
            en="Give the applicant’s date of birth first (Personal details): a parent or legal guardian signs "
            "only for an applicant under 18.",
            fr="Indiquez d’abord la date de naissance du demandeur (Renseignements personnels) : un parent ou un "
            "tuteur légal ne signe que pour un demandeur de moins de 18 ans.",
            subject=subject,
        )
    return reason(
        "GUARDIAN_NOT_NEEDED",
        rule="ACT-51, ACT-56",
        citation=CITATION,
        en="The applicant is {age}, {adult} or older, on the application date: they sign the application "
        "themselves. Take the parent or legal guardian out of the application.",
        fr="Le demandeur a {age} ans, soit {adult} ans ou plus, à la date de la demande : il signe lui-même la "
        "demande. Retirez le parent ou le tuteur légal de la demande.",
        subject=subject,
        age=age_on(born, on),
        adult=value("irpr.signature_adult_age", on),
    )


def child_cannot_sign(*, subject: str | None = None) -> Reason:
    return reason(
        "MINOR_CANNOT_SIGN",
        rule="ACT-56, SP-210",
        citation=CITATION,
        en="The applicant is under 18: they cannot sign. Their parent or legal guardian types their own full "
        "name, exactly as on their own passport.",
        fr="Le demandeur a moins de 18 ans : il ne peut pas signer. Son parent ou son tuteur légal inscrit son "
        "propre nom au complet, exactement comme sur son propre passeport.",
        subject=subject,
    )


@dataclass(frozen=True, slots=True)
class Signer:
    """Who signs a PR card application on ``on``, and what is missing to know it."""

    role: signature_rules.SignerRole
    guardian_id: str | None
    reasons: tuple[Reason, ...]


def signer(
    *, principal_id: str, born: date | None, guardian_id: str | None, on: date
) -> Signer:
    """The applicant signs; under 18, the declared parent or guardian (ACT-56).

    Findings: a minor without a declared parent or guardian (blocking), a parent or
    guardian declared for an applicant who signs themselves (blocking: the application
    would carry a person who has no part in it).
    """
    if is_minor(born, on):
        if guardian_id is None:
            return Signer(
                signature_rules.SignerRole.PARENT_OR_GUARDIAN, None, (not_declared(f"{principal_id}/guardian"),)
            )
        return Signer(signature_rules.SignerRole.PARENT_OR_GUARDIAN, guardian_id, ())
    if guardian_id is not None and born is not None:
        return Signer(signature_rules.SignerRole.APPLICANT, None, (not_needed(born=born, on=on, subject=guardian_id),))
    return _SIGNS_ALONE


# Nearly every applicant: built once (a Signer is immutable).
_SIGNS_ALONE = Signer(signature_rules.SignerRole.APPLICANT, None, ())
