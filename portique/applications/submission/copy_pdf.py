"""The copy of an application as submitted: a tagged PDF in English or in French (WeasyPrint).

Everything printed comes from ``Submission.snapshot`` (``submitted_record``): the answers
and the files exactly as signed, the signature, the fees and their receipts. Live rows
are never read, so the copy made today and the copy made in ten years are the same
document. The form definitions (``portique.rules.programs``) only give the wording of
the questions and the labels of the choices; an answer the definition no longer knows is
still printed, under its code, so that nothing submitted is left out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from portique.core.money import format_cad
from portique.rules.forms.model import Field, FieldKind, Form, Section
from portique.rules.forms.validate import NOT_APPLICABLE, is_ongoing, parse_date
from portique.rules.programs import registry
from portique.rules.programs.declarations import Declaration

from .. import document_types
from ..choices import PersonRole, Program
from ..form_rendering import countries
from ..models import Application, Submission
from ..signing import content as signing
from .record import RECORD, snapshot_with_record

# WeasyPrint reports each rendering step at INFO: noise in the server log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

LANGUAGES = ("en", "fr")


@dataclass
class SectionCopy:
    title: str
    # The person said the section does not apply (IMM 5445: "N/A"), or it did not apply.
    not_applicable: bool = False
    # A section of questions: (label, answer) pairs; an empty answer prints as "not answered".
    answers: list[tuple[str, str]] = field(default_factory=list)
    # A table (addresses, absences…): column labels and one list of cells per row.
    repeating: bool = False
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class PersonCopy:
    role: str
    form_title: str
    sections: list[SectionCopy]


def language_of(code: str | None) -> str:
    return "fr" if (code or "").startswith("fr") else "en"


def _local(raw: str | None) -> datetime | None:
    if not raw:
        return None
    return datetime.fromisoformat(raw).astimezone(ZoneInfo(settings.TIME_ZONE))


def _date_text(value: date | datetime | None, fmt: str = "DATE_FORMAT") -> str:
    # Formats of the active language (portique/formats): "April 2, 1988" / "2 avril 1988".
    return formats.date_format(value, fmt) if value is not None else ""


def _answer_text(definition: Field, value: Any, language: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if definition.kind is FieldKind.DATE:
        parsed = parse_date(value)
        return _date_text(parsed) if parsed is not None else str(value)
    if definition.options:
        for option in definition.options:
            if option.value == value:
                return option.fr if language == "fr" else option.en
        return str(value)
    if definition.kind is FieldKind.COUNTRY:
        return dict(countries(language)).get(str(value), str(value))
    return str(value)


def _applies(condition, section_answers: dict[str, Any], form_answers: dict[str, Any]) -> bool:
    return condition is None or condition.holds(section_answers, form_answers)


def _unknown(answers: dict[str, Any], section: Section) -> list[tuple[str, str]]:
    known = {f.code for f in section.fields}
    return [
        (code, str(value)) for code, value in answers.items() if code not in known and value not in (None, "")
    ]


def _section_copy(section: Section, form_answers: dict[str, Any], language: str) -> SectionCopy:
    copy = SectionCopy(title=section.title(language), repeating=section.repeating)
    answers = form_answers.get(section.code)
    if answers == NOT_APPLICABLE or not _applies(section.when, {}, form_answers):
        copy.not_applicable = True
        return copy
    if section.repeating:
        # "I live here now" is read in the "To" column, not as a column of its own.
        shown = [f for f in section.fields if f.code != section.ongoing]
        copy.columns = [f.label(language) for f in shown]
        for row in answers if isinstance(answers, list) else []:
            row = row if isinstance(row, dict) else {}
            ongoing_end = section.period[1] if section.period and is_ongoing(section, row) else None
            # A question that did not apply to this row (e.g. "whom you accompanied") stays empty.
            copy.rows.append(
                [
                    section.field(section.ongoing).label(language)
                    if f.code == ongoing_end
                    else _answer_text(f, row.get(f.code), language)
                    if _applies(f.when, row, form_answers)
                    else ""
                    for f in shown
                ]
            )
        return copy
    answers = answers if isinstance(answers, dict) else {}
    copy.answers = [
        (f.label(language), _answer_text(f, answers.get(f.code), language))
        for f in section.fields
        # A question not asked (its condition did not hold) is not part of the application.
        if _applies(f.when, answers, form_answers)
    ] + _unknown(answers, section)
    return copy


def _people(snapshot: dict[str, Any], language: str) -> list[PersonCopy]:
    program = registry.program(snapshot["program"])
    people = []
    for person in snapshot.get("people", []):
        forms: tuple[Form, ...] = tuple(program.forms_for(person["role"]))
        for form in forms:
            form_answers = person.get("answers", {}).get(form.code, {})
            people.append(
                PersonCopy(
                    role=str(PersonRole(person["role"]).label),
                    form_title=form.title(language),
                    sections=[_section_copy(section, form_answers, language) for section in form.sections],
                )
            )
    return people


def _applicant_name(snapshot: dict[str, Any]) -> str:
    for person in snapshot.get("people", []):
        if person["role"] == PersonRole.PRINCIPAL_APPLICANT:
            for answers in person.get("answers", {}).values():
                personal = answers.get("personal") if isinstance(answers, dict) else None
                if isinstance(personal, dict):
                    return " ".join(
                        p for p in (personal.get("given_names"), personal.get("family_name")) if p
                    )
    return ""


def _documents(
    snapshot: dict[str, Any], items: dict[str, dict[str, str]], language: str
) -> list[dict[str, str]]:
    found = []
    for document in snapshot.get("documents", []):
        item = items.get(document["item"], {})
        item_title = item.get(language) or document["item"]
        kind = document.get("type") or document["item"]
        found.append(
            {
                "item": item_title,
                "name": document["name"],
                # The kind of document, when the item accepts several; else the item itself.
                "type": document_types.label(kind) if kind in document_types.LABELS else item_title,
                "sha256": document["sha256"],
            }
        )
    return found


def declaration_of(version: str) -> Declaration | None:
    """The declaration signed under ``version`` (declarations keep their versions)."""
    for definition in registry.programs():
        for declaration in definition.all_declarations():
            if declaration.version == version:
                return declaration
    return None


def _person_name(snapshot: dict[str, Any], position: int | None) -> str:
    for person in snapshot.get("people", []):
        if person.get("position") != position:
            continue
        for answers in person.get("answers", {}).values():
            for section in ("personal", "sponsor"):
                named = answers.get(section) if isinstance(answers, dict) else None
                if isinstance(named, dict) and (named.get("given_names") or named.get("family_name")):
                    return " ".join(p for p in (named.get("given_names"), named.get("family_name")) if p)
    return ""


def _signatures(snapshot: dict[str, Any], record: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """Every signature of the submission, with whose it is and the declaration it signed."""
    # Copies of submissions recorded before every signature was kept show the one they have.
    signatures = record.get("signatures") or ([record["signature"]] if record.get("signature") else [])
    copies = []
    for signature in signatures:
        declaration = declaration_of(signature["declaration_version"])
        role = signature.get("role")
        copies.append(
            {
                "whose": str(PersonRole(role).label) if role in PersonRole.values else "",
                "name": _person_name(snapshot, signature.get("position")),
                "handwritten": signature.get("method") == "handwritten",
                "typed_name": signature["typed_name"],
                "date": _date_text(_local(signature["signed_at"]), "DATETIME_FORMAT"),
                "version": signature["declaration_version"],
                "paragraphs": declaration.paragraphs(language) if declaration else (),
                "citation": declaration.citation if declaration else "",
                "content_hash": signature["content_hash"],
            }
        )
    return copies


def _fees(record: dict[str, Any], language: str) -> dict[str, Any] | None:
    fees = record.get("fees")
    if not fees:
        return None
    excess = Decimal(fees.get("excess") or "0")
    return {
        "lines": [
            {
                "label": line["fr"] if language == "fr" else line["en"],
                "citation": line["citation"],
                "amount": format_cad(line["amount"], language),
                "deferred": line.get("deferred", False),
            }
            for line in fees.get("lines", [])
        ],
        "due_now": format_cad(fees["due_now"], language),
        "paid": format_cad(fees["paid"], language),
        "refunded": format_cad(excess, language) if excess > 0 else "",
        "payments": [
            {
                "receipt_number": payment["receipt_number"],
                "date": _date_text(_local(payment["paid_at"])),
                "amount": format_cad(payment["amount"], language),
                "payer_name": payment["payer_name"],
                "sandbox": payment.get("sandbox", False),
            }
            for payment in fees.get("payments", [])
        ],
    }


def _representative(record: dict[str, Any], language: str) -> dict[str, Any] | None:
    representative = record.get("representative")
    if not representative:
        return None
    from portique.accounts.choices import MembershipBody
    from portique.rules.programs.declarations import REPRESENTATIVE

    body = representative.get("membership_body") or ""
    declared = representative.get("declaration_version") == REPRESENTATIVE.version
    return {
        **representative,
        "membership_body": str(dict(MembershipBody.choices).get(body, body)),
        "imm5476_uploaded": _date_text(_local(representative.get("imm5476_uploaded_at")), "DATETIME_FORMAT"),
        "declared": _date_text(_local(representative.get("declared_at")), "DATETIME_FORMAT"),
        "paragraphs": REPRESENTATIVE.paragraphs(language) if declared else (),
    }


def _context(snapshot: dict[str, Any], language: str, **particulars: Any) -> dict[str, Any]:
    """What the PDF shows from a snapshot, in ``language``; ``particulars`` say which copy it is."""
    record = snapshot.get(RECORD, {})
    return {
        "language": language,
        "html_lang": f"{language}-CA",
        "program": str(Program(snapshot["program"]).label),
        "time_zone": settings.TIME_ZONE,
        "applicant_name": _applicant_name(snapshot),
        "people": _people(snapshot, language),
        "documents": _documents(snapshot, record.get("items", {}), language),
        "signatures": _signatures(snapshot, record, language),
        "fees": _fees(record, language),
        "representative": _representative(record, language),
        **particulars,
    }


def copy_context(submission: Submission, language: str) -> dict[str, Any]:
    """What the PDF shows, in ``language`` ("en" or "fr"), from the snapshot alone."""
    snapshot = submission.snapshot
    with translation.override(language):
        submitted_at = submission.submitted_at.astimezone(ZoneInfo(settings.TIME_ZONE))
        return _context(
            snapshot,
            language,
            number=snapshot.get("number") or submission.application.number,
            confirmation_number=submission.confirmation_number,
            submitted_at=_date_text(submitted_at, "DATETIME_FORMAT"),
            submitted_iso=submitted_at.isoformat(timespec="minutes"),
            content_hash=submission.content_hash,
        )


def draft_copy_pdf(application: Application, language: str, on: date) -> bytes:
    """A printable preview of an application not yet submitted, marked as a draft on every page.

    Made from the same content a signature would cover and the same record a submission
    would keep, so the draft reads exactly like the copy the applicant gets once submitted.
    """
    from weasyprint import HTML

    language = language_of(language)
    snapshot = snapshot_with_record(signing.signed_content(application), application=application, on=on)
    with translation.override(language):
        printed_at = timezone.localtime()
        context = _context(
            snapshot,
            language,
            draft=True,
            number=application.number,
            printed_at=_date_text(printed_at, "DATETIME_FORMAT"),
        )
        html = render_to_string("applications/submitted_copy_pdf.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def draft_copy_filename(application: Application, language: str) -> str:
    suffix = "brouillon-non-soumis" if language_of(language) == "fr" else "draft-not-submitted"
    return f"{application.number}-{suffix}.pdf"


def submitted_copy_pdf(submission: Submission, language: str) -> bytes:
    """The application as submitted, as PDF bytes, in ``language`` ("en" or "fr")."""
    # Imported here: WeasyPrint loads Pango at import time, which only this needs.
    from weasyprint import HTML

    language = language_of(language)
    context = copy_context(submission, language)
    with translation.override(language):
        html = render_to_string("applications/submitted_copy_pdf.html", context)
    # Tagged (PDF/UA-1): headings, tables and reading order reach a screen reader.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


# The copy as submitted never changes (its snapshot and record are frozen at submission), so
# it is made when someone first downloads it, once per language, and kept in the private
# storage under the submission's confirmation number and content hash. COPY_LAYOUT changes
# with the template, so that a new layout is made afresh rather than served from the old one.
COPY_LAYOUT = "2026-12-a"


def kept_copy_name(submission: Submission, language: str) -> str:
    return (
        f"submitted-copies/{submission.confirmation_number}-{submission.content_hash[:16]}"
        f"-{COPY_LAYOUT}-{language_of(language)}.pdf"
    )


def submitted_copy_pdf_kept(submission: Submission, language: str) -> bytes:
    """The copy as submitted in ``language``: the one kept if it was made before, else made now and kept."""
    name = kept_copy_name(submission, language)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as kept:
            return kept.read()
    data = submitted_copy_pdf(submission, language)
    if not default_storage.exists(name):  # two first downloads at once: the second keeps none
        default_storage.save(name, ContentFile(data))
    return data


def submitted_copy_filename(submission: Submission, language: str) -> str:
    number = submission.snapshot.get("number") or submission.application.number
    suffix = "demande-telle-que-soumise" if language_of(language) == "fr" else "application-as-submitted"
    return f"{number}-{suffix}.pdf"
