""""Your data": everything held about an application, for its applicant (or their active
representative) to download, as a JSON file and as a PDF in the page's language.

Both are built from the same dictionary, itself built from ``your_file.file_view`` (the page's
own builder) plus the answers as submitted and the payments: what the page shows, the files
hold, and nothing the page would not show (never an internal note, never an officer's name).
The files are made on request and never stored.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import override

from portique.core.money import format_cad
from portique.payments.choices import PaymentStatus, RefundCause

from . import selectors
from .choices import MessageSender
from .your_file import FileView, Opening, answers_of, file_view

FORMAT_VERSION = 1


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _shown(moment: datetime) -> str:
    """A moment as people read it, in the active language (the PDF prints it; the JSON keeps both)."""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _openings(openings: list[Opening]) -> list[dict[str, Any]]:
    return [{"at": _iso(found.at), "who": found.who, "what": found.what} for found in openings]


def _payments(application, language: str) -> list[dict[str, Any]]:
    rows = []
    for payment in selectors.payments_of(application):
        rows.append(
            {
                "at": _iso(payment.created_at),
                "amount": str(payment.amount),
                "amount_text": format_cad(payment.amount, language),
                "status": str(PaymentStatus(payment.status).label),
                "receipt_number": payment.receipt_number or "",
                "card": f"{payment.get_card_brand_display()} •••• {payment.card_last4}",
                "refunds": [
                    {
                        "at": _iso(refund.created_at),
                        "amount": str(refund.amount),
                        "amount_text": format_cad(refund.amount, language),
                        "cause": str(RefundCause(refund.cause).label),
                    }
                    for refund in payment.refunds.all()
                ],
            }
        )
    return rows


def _messages(application) -> list[dict[str, Any]]:
    # Who wrote is the side (applicant, representative, office), never an officer's name.
    return [
        {
            "sent_at": _iso(message.sent_at),
            "sent_at_text": _shown(message.sent_at),
            "from": str(MessageSender(message.sender).label),
            "text": message.text,
            "read_by_the_office_at": _iso(message.read.at) if message.to_office and hasattr(message, "read") else None,
            "files": [
                {"file_name": attached.original_name, "sha256": attached.sha256, "size_bytes": attached.size}
                for attached in message.files.all()
            ],
        }
        for message in selectors.conversation_of(application)
    ]


def _late_documents(application, language: str) -> list[dict[str, Any]]:
    return [
        {
            "received_at": _iso(document.uploaded_at),
            "received_at_text": _shown(document.uploaded_at),
            "kind": (document.item_fr if language == "fr" else document.item_en) or document.description,
            "description": document.description,
            "file_name": document.original_name,
            "sha256": document.sha256,
            "size_bytes": document.size,
            "opened_by_the_office_at": _iso(document.read.at) if hasattr(document, "read") else None,
        }
        for document in selectors.late_documents_of(application)
    ]


def data_of(
    application, *, language: str, on: date | None = None, view: FileView | None = None
) -> dict[str, Any]:
    """Everything held about ``application`` that its applicant may read, labelled in ``language``."""
    view = view or file_view(application, language=language, on=on)
    submission = getattr(application, "submission", None)
    with override(language):
        return {
            "format_version": FORMAT_VERSION,
            "language": language,
            "made_at": _iso(timezone.now()),
            "application": {
                "number": application.number,
                "program": str(application.get_program_display()),
                "status": view.stage,
                "submitted_at": _iso(submission.submitted_at) if submission else None,
                "confirmation_number": submission.confirmation_number if submission else "",
            },
            "waiting_for": [{"what": item.text, "rule": item.citation} for item in view.waiting],
            "answers": answers_of(application, language),
            "documents": [
                {
                    "kind": document.kind,
                    "file_name": document.name,
                    "sha256": document.sha256,
                    "size_bytes": document.size,
                    "uploaded_at": _iso(document.uploaded_at),
                    "opened_by_the_office": _openings(document.openings),
                }
                for document in view.documents
            ],
            "documents_sent_after_submission": _late_documents(application, language),
            "payments": _payments(application, language),
            "history": [{"at": _iso(entry.at), "what": entry.what} for entry in view.history],
            "letters": [
                {
                    "kind": letter.kind,
                    "issued_at": _iso(letter.issued_at),
                    "language": letter.language,
                    "opened_by_the_office": _openings(letter.openings),
                }
                for letter in view.letters
            ],
            "requests": [
                {
                    "requested_at": _iso(request.requested_at),
                    "what_is_requested": request.description,
                    "due_on": _iso(request.due_on),
                    "state": request.state,
                    "answered_at": _iso(request.answered_at),
                    "your_answer": request.answer_text,
                    "files_sent": [
                        {
                            "file_name": sent.name,
                            "sha256": sent.sha256,
                            "size_bytes": sent.size,
                            "uploaded_at": _iso(sent.uploaded_at),
                            "opened_by_the_office": _openings(sent.openings),
                        }
                        for sent in request.files
                    ],
                }
                for request in view.requests
            ],
            "notes_to_the_file": [{"at": _iso(note.at), "text": note.text} for note in view.notes],
            "messages": _messages(application),
            "screening_findings": [
                {
                    "finding": finding.message,
                    "raised_by": finding.raised_by,
                    "officer_detail": finding.detail,
                    "outcome": finding.outcome,
                    "rule": finding.citation,
                    "judged_at": _iso(finding.judged_at),
                }
                for finding in view.findings
            ],
            "decisions": [
                {
                    "what": decision.title,
                    "outcome": decision.outcome,
                    "decided_at": _iso(decision.at),
                    "decided_by": decision.by,
                    "reasons": decision.reasons,
                    "people": [
                        {
                            "name": person.name,
                            "outcome": person.outcome,
                            "findings": person.findings,
                            "reasons": [{"reason": r.text, "rule": r.citation} for r in person.reasons],
                        }
                        for person in decision.people
                    ],
                }
                for decision in view.decisions
            ],
            "file_opened_by_the_office": _openings(view.file_openings),
        }


def data_json(application, *, language: str) -> bytes:
    return json.dumps(data_of(application, language=language), ensure_ascii=False, indent=2).encode("utf-8")


def data_pdf(application, *, language: str) -> bytes:
    """The same data as a tagged PDF (PDF/UA-1) in ``language``."""
    # Imported here: WeasyPrint loads Pango at import time, which only this needs.
    from weasyprint import HTML

    view = file_view(application, language=language)
    data = data_of(application, language=language, view=view)
    with override(language):
        html = render_to_string(
            "casework/applicant/your_data_pdf.html",
            {
                "data": data,
                "view": view,
                "html_lang": f"{language}-CA",
                "made_at": formats.date_format(timezone.localtime(), "DATETIME_FORMAT"),
            },
        )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def data_filename(application, *, language: str, extension: str) -> str:
    stem = "vos-donnees" if language == "fr" else "your-data"
    return f"{application.number}-{stem}.{extension}"
