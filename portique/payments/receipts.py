"""The official receipt: one PDF, English and French side by side, made with WeasyPrint.

Everything on it comes from the payment row (its quote snapshot included), so a receipt
printed next year reads exactly as the one printed today. Labels are the catalogue's
translations, rendered once in each language.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from portique.core.money import format_cad

from .choices import PaymentStatus
from .models import Payment

# WeasyPrint reports each rendering step at INFO: noise in the server log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

LABELS = {
    "title": _("Official receipt"),
    "site": _("Portique — immigration applications online"),
    "sandbox": _("SANDBOX — no money was charged"),
    "sandbox_detail": _("This receipt comes from the sandbox payment service used for testing. It is not proof of payment of any fee."),
    "receipt_number": _("Receipt number"),
    "date": _("Date of payment"),
    "payer": _("Payer"),
    "application_number": _("Application number"),
    "program": _("Application"),
    "card": _("Paid by card"),
    "reference": _("Payment reference"),
    "fee": _("Fee"),
    "citation": _("Source"),
    "amount": _("Amount"),
    "total": _("Total fees"),
    "previously_paid": _("Already paid"),
    "paid_now": _("Amount paid (this receipt)"),
    "refunded": _("Refunded (overpayment)"),
    "keep": _("Keep this receipt: it is the proof of payment of your application."),
    "no_name": _("(no name given)"),
}


def _both(text) -> dict[str, str]:
    with override("en"):
        en = str(text)
    with override("fr"):
        fr = str(text)
    return {"en": en, "fr": fr}


def _money(amount: Decimal | str) -> dict[str, str]:
    return {"en": format_cad(amount, "en"), "fr": format_cad(amount, "fr")}


def _date(value) -> dict[str, str]:
    day = timezone.localtime(value).date()
    result = {}
    for language in ("en", "fr"):
        with override(language):
            result[language] = formats.date_format(day, "DATE_FORMAT")
    return result


def receipt_context(payment: Payment) -> dict:
    if payment.status != PaymentStatus.APPROVED:
        raise ValueError("only an approved payment has a receipt")
    quote = payment.quote
    refunded = sum((refund.amount for refund in payment.refunds.all()), Decimal(0))
    card = f"{payment.get_card_brand_display()} •••• {payment.card_last4}"
    return {
        "labels": {key: _both(text) for key, text in LABELS.items()},
        "payment": payment,
        "sandbox": payment.sandbox,
        "date": _date(payment.created_at),
        "iso_date": timezone.localtime(payment.created_at).date().isoformat(),
        "program": {"en": payment.application.definition.en, "fr": payment.application.definition.fr},
        "card": card,
        "lines": [
            {"en": line["en"], "fr": line["fr"], "citation": line["citation"], "amount": _money(line["amount"])}
            for line in quote.get("lines", [])
            # A fee that may be paid later (the RPRF) was not paid with this receipt.
            if not line.get("deferred")
        ],
        "total": _money(quote.get("due_now", payment.amount)),
        "previously_paid": _money(quote.get("previously_paid", "0")) if Decimal(quote.get("previously_paid", "0")) else None,
        "paid_now": _money(payment.amount),
        "refunded": _money(refunded) if refunded else None,
    }


def receipt_pdf(payment: Payment) -> bytes:
    """The receipt of an approved payment, as PDF bytes."""
    # Imported here: WeasyPrint loads Pango at import time, which only this needs.
    from weasyprint import HTML

    html = render_to_string("payments/receipt_pdf.html", receipt_context(payment))
    return HTML(string=html).write_pdf()
