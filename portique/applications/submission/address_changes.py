"""Change of address after submission (IMM 5445 — "Mise à jour de vos coordonnées").

"Au cours du processus de demande, vous devez nous faire part de tout changement
d'adresse ou de numéro de téléphone en cliquant sur Changement d'adresse" (PRC-99c). The
questions are IMM 5444's own mailing-address questions, checked by the same rules
(the Canadian postal code included), so the two can never disagree. A change is a new
``AddressChange`` row: the submitted snapshot is never touched.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from django.db import transaction

from portique.rules.forms.model import Form, Section
from portique.rules.forms.validate import normalised as normalised_answer
from portique.rules.forms.validate import validate_section
from portique.rules.programs.imm5444 import CONTACT
from portique.rules.reasons import Reason, reason

from ..access import access_application
from ..choices import EDITABLE, Status
from ..models import AddressChange
from ..services import ApplicationError
from .selectors import mailing_address_on_file

CITATION = "IMM 5445 — Et ensuite? Mise à jour de vos coordonnées"

# While the application is being processed: before submission the contact details
# are simply edited; once it is closed (returned, decided, withdrawn) IRCC no longer
# writes about it.
OPEN_AFTER_SUBMISSION = frozenset({Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING})

# The form's field codes, and the AddressChange column each one fills.
COLUMNS = {
    "mailing_street": "street",
    "mailing_city": "city",
    "mailing_province": "province",
    "mailing_postal_code": "postal_code",
    "phone": "phone",
}

SECTION = Section(
    "address_change",
    "New mailing address",
    "Nouvelle adresse postale",
    (
        CONTACT.field("mailing_street"),
        CONTACT.field("mailing_city"),
        CONTACT.field("mailing_province"),
        CONTACT.field("mailing_postal_code"),
        # The guide names the telephone number too; a new address may come without one.
        dataclasses.replace(
            CONTACT.field("phone"),
            en="Telephone number (if it changed)",
            fr="Numéro de téléphone (s’il a changé)",
            required=False,
        ),
    ),
)
FORM = Form("ADDRESS_CHANGE", "Change of address", "Changement d’adresse", (SECTION,), citation=CITATION)


def _required(code: str) -> Reason:
    field = SECTION.field(code)
    return reason(
        "ADDRESS_ANSWER_REQUIRED",
        rule="PRC-99c",
        citation=CITATION,
        en="Enter “{label_en}”.",
        fr="Inscrivez « {label_fr} ».",
        subject=f"{SECTION.code}.{code}",
        label_en=field.en,
        label_fr=field.fr,
    )


def _not_open(status: str) -> Reason:
    if status in EDITABLE:
        return reason(
            "ADDRESS_CHANGE_BEFORE_SUBMISSION",
            rule="PRC-99c",
            citation=CITATION,
            en="This application has not been submitted: change the address in its “Contact details” section.",
            fr="Cette demande n’a pas été soumise : modifiez l’adresse dans sa section « Coordonnées ».",
        )
    return reason(
        "ADDRESS_CHANGE_CLOSED",
        rule="PRC-99c",
        citation=CITATION,
        en="This application is closed: a change of address can no longer be recorded on it.",
        fr="Cette demande est fermée : un changement d’adresse ne peut plus y être inscrit.",
    )


def normalised(answers: dict[str, Any]) -> dict[str, str]:
    """Answers with spaces collapsed, the postal code written as Canada Post does (K1A 0B1)
    and the telephone number in E.164, as the forms store them."""
    values = {code: " ".join(str(answers.get(code) or "").split()) for code in COLUMNS}
    return {code: normalised_answer(SECTION.field(code), value) for code, value in values.items()}


def address_change_problems(answers: dict[str, Any], *, on: date) -> tuple[Reason, ...]:
    """Every problem with ``answers``, each naming its field (``address_change.<code>``)."""
    values = normalised(answers)
    found = [
        _required(r.subject.split(".", 1)[1]) if r.code == "FORM_ANSWER_REQUIRED" and r.subject else r
        for r in validate_section(FORM, SECTION, {SECTION.code: values}, application_date=on)
    ]
    return tuple(found)


def address_change_record(*, actor, public_id, answers: dict[str, Any], on: date) -> AddressChange | None:
    """Record a new mailing address for a submitted application; None when it is already the one on file.

    Refused (``ApplicationError``, every reason in both languages and naming its field)
    when an answer is missing or invalid, or when the application is not being processed;
    a refusal writes nothing. A repeated request (a double click) records nothing twice.
    """
    problems = address_change_problems(answers, on=on)
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        if application.status not in OPEN_AFTER_SUBMISSION:
            raise ApplicationError((_not_open(application.status),))
        if problems:
            raise ApplicationError(problems)
        values = {column: normalised(answers)[code] for code, column in COLUMNS.items()}
        current = mailing_address_on_file(application=application)
        if current is not None and current.same_place_as(values):
            return None
        return AddressChange.objects.create(application=application, changed_by=actor, **values)
