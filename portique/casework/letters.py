"""Letters to the applicant as PDF: one HTML/CSS template per kind, rendered in each
official language from the translated catalogue, then printed by WeasyPrint as a tagged
PDF/UA document (the same approach as the payment receipts).

Nothing here writes: ``services`` stores what ``render`` returns.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from portique.applications.choices import PersonRole
from portique.applications.models import Application
from portique.applications.selectors import correspondent_of

from .choices import LetterKind

# WeasyPrint reports each rendering step at INFO: noise in the server log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

LANGUAGES = ("en", "fr")

# A reminder and an overdue notice are the request's letter with their own title and heading.
NOTICES = {LetterKind.REQUEST_REMINDER: "reminder", LetterKind.REQUEST_OVERDUE: "overdue"}


def principal_answers(application: Application) -> dict[str, Any]:
    principal = application.people.filter(role=PersonRole.PRINCIPAL_APPLICANT).first()
    if principal is None:
        return {}
    forms = application.definition.forms_for(principal.role)
    return principal.answers.get(forms[0].code, {}) if forms else {}


def addressee(application: Application) -> dict[str, Any]:
    """The principal applicant's name and mailing address as the form gives them."""
    answers = principal_answers(application)
    personal = answers.get("personal") if isinstance(answers.get("personal"), dict) else {}
    contact = answers.get("contact") if isinstance(answers.get("contact"), dict) else {}
    name = " ".join(
        part for part in (personal.get("given_names"), personal.get("family_name")) if part
    ).strip()
    correspondent = correspondent_of(application)
    lines = [
        contact.get("mailing_street"),
        " ".join(
            part
            for part in (
                contact.get("mailing_city"),
                contact.get("mailing_province"),
                contact.get("mailing_postal_code"),
            )
            if part
        ),
    ]
    lines = [line for line in lines if line]
    if not lines:
        # A paper application whose forms give no mailing address: the one taken in at intake.
        lines = list(correspondent.mailing_address)
    return {
        "name": name or correspondent.name,
        "address": lines,
        "email": correspondent.email,
    }


def render(
    *, kind: LetterKind, application: Application, on: date, officer, context: dict[str, Any]
) -> dict[str, bytes]:
    """The letter ``kind`` about ``application`` in English and in French, as PDF bytes by language."""
    # Imported here: WeasyPrint loads Pango at import time, which only letters need.
    from weasyprint import HTML

    base = {
        "application": application,
        "kind": kind,
        "on": on,
        "officer_name": officer.get_full_name() or officer.email,
        "to": addressee(application),
        "submission": getattr(application, "submission", None),
        "notice": NOTICES.get(kind, ""),
    }
    rendered: dict[str, bytes] = {}
    for language in LANGUAGES:
        with translation.override(language):
            html = render_to_string(
                f"casework/letters/{LetterKind.REQUEST if kind in NOTICES else kind}.html",
                {
                    **base,
                    **context,
                    "language": language,
                    "html_lang": f"{language}-CA",
                    # What the program's approval letter says of itself (its definition), in this language.
                    "approval_note": application.definition.approval_note(language),
                },
            )
        rendered[language] = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    return rendered
