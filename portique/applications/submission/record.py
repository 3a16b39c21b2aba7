"""What a submission keeps besides the signed content: the signatures, the fees, the checklist.

``Submission.snapshot`` is the signed content (``signing.signed_content``: answers and
files by hash) plus, under the key ``"record"``, what other rows said at the moment of
submission: the signatures that covered that content (``signature``, the latest, kept
for copies made before ``signatures`` listed every one), the fees and the receipts that
paid them, the title of each checklist item a file was uploaded for, and the paid
representative, if any (particulars, signed IMM 5476 by hash, declaration). The copy of
the application "as submitted" (``submitted_copy``) reads the snapshot and nothing
else, so it reads the same next week as in ten years, whatever happens to the rows.

The signed content is the snapshot without ``"record"``: its hash is
``Submission.content_hash`` (``content_of`` gives it back).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from .. import ports
from ..models import Application
from ..signing import content as signing
from ..signing.standing import covering

RECORD = "record"


def content_of(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The signed content of a snapshot: what ``Submission.content_hash`` is the hash of."""
    return {key: value for key, value in snapshot.items() if key != RECORD}


def _signature(application: Application, content_hash: str) -> dict[str, Any] | None:
    # The signature standing for exactly this content (the submit gate requires one).
    standing = covering(application, content_hash)  # oldest first: the latest is the last
    if not standing:
        return None
    signature = standing[-1]
    return {
        "typed_name": signature.typed_name,
        "signed_at": signature.signed_at.isoformat(),
        "declaration_version": signature.declaration_version,
        "content_hash": signature.content_hash,
    }


def _signatures(application: Application, content_hash: str) -> list[dict[str, Any]]:
    # Every signature standing for exactly this content: a sponsorship has the sponsor's and
    # the principal applicant's (or their guardian's); a paper application its handwritten ones.
    return [
        {
            "position": signature.person.position,
            "role": signature.person.role,
            "method": signature.method,
            "typed_name": signature.typed_name,
            "signed_at": signature.signed_at.isoformat(),
            "declaration_version": signature.declaration_version,
            "content_hash": signature.content_hash,
        }
        for signature in sorted(
            covering(application, content_hash),
            key=lambda signature: (signature.person.position, signature.signed_at, signature.id),
        )
    ]


def _fees(application: Application, on: date) -> dict[str, Any]:
    balance = ports.fee_balance(application, on)
    return {
        "lines": [
            {
                "en": line.en,
                "fr": line.fr,
                "citation": line.citation,
                "amount": str(line.amount),
                "deferred": line.deferred,
            }
            for line in balance.quote.lines
        ],
        "due_now": str(balance.quote.due_now),
        "paid": str(balance.paid),
        # What application_submit refunds at once (PRC-73): paid beyond the fees.
        "excess": str(balance.excess),
        "payments": [
            {
                "receipt_number": payment.receipt_number,
                "paid_at": payment.created_at.isoformat(),
                "amount": str(payment.amount),
                "payer_name": payment.payer_name,
                "sandbox": payment.sandbox,
            }
            for payment in ports.approved_payments(application)
        ],
    }


def _items(application: Application, on: date) -> dict[str, dict[str, str]]:
    return {item.code: {"en": item.en, "fr": item.fr} for item in ports.checklist(application, on)}


def snapshot_with_record(content: dict[str, Any], *, application: Application, on: date) -> dict[str, Any]:
    """``content`` (the signed content) with the record of the submission made on ``on``.

    Called by ``application_submit`` inside its transaction, with the application row locked.
    """
    return {
        **content,
        RECORD: {
            "recorded_at": timezone.now().isoformat(),
            "application_date": on.isoformat(),
            "signature": _signature(application, signing.content_hash(content)),
            "signatures": _signatures(application, signing.content_hash(content)),
            "fees": _fees(application, on),
            "items": _items(application, on),
            "representative": _representative(application),
        },
    }


def _representative(application: Application) -> dict[str, Any] | None:
    # The paid representative's particulars, signed IMM 5476 (by hash) and declaration (seed 004, REP-17).
    return ports.representation_record(application=application)
