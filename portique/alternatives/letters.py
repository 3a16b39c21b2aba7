"""The covering letter sent with a kit in another format: one PDF, English and French.

IMM 5289: « Une fois que nous recevrons votre demande, nous vous enverrons une lettre
d'accompagnement contenant des instructions et indiquant où envoyer votre demande. »
Where to send it is IRPR 11's address, read from the dated data when the request is
answered and kept on the request, so the letter reads the same if printed again later.
Made with WeasyPrint, like the payment receipts.
"""

from __future__ import annotations

import logging

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from portique.rules.online import Kit
from portique.rules.paper_submission import paper_submission
from portique.rules.parameters import value

from .choices import Delivery, FormatChoice, KitChoice, KitLanguage
from .models import KitRequest

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

LABELS = {
    "title": _("Your application kit in another format"),
    "site": _("Portique — immigration applications"),
    "reference": _("Reference number"),
    "date_sent": _("Date sent"),
    "to": _("To"),
    "kit": _("Application kit"),
    "format": _("Format"),
    "kit_language": _("Language of the kit"),
    "sponsor": _("Sponsor"),
    "intro": _("You asked for an application kit in another format. Here it is, with these instructions."),
    "how_title": _("How to apply"),
    "step_complete": _("Complete and sign the paper forms."),
    "step_documents": _("Include every document the guide asks for, with the completed document checklist."),
    "step_fee": _("Pay the fees and include the receipt with your application (IRPR 10(1)(d))."),
    "step_send": _("Send your application to the address given in this letter (IRPR 11)."),
    "step_incomplete": _(
        "An application that is not complete, or not sent to this address, is returned to you with its documents (IRPR 12)."
    ),
    "address_title": _("Where to send your application"),
    "by_mail": _("By mail"),
    "by_courier": _("By courier"),
    "address": _("Address"),
    "no_disability": _("You do not have to tell us about your disability."),
    "online_still": _("You may still apply online at any time."),
    "help": _("For help with an application in another format, call %(phone)s (from Canada only)."),
    "quote": _("Quote your reference number when you contact us."),
}


def _both(text, **params) -> dict[str, str]:
    result = {}
    for language in ("en", "fr"):
        with override(language):
            rendered = str(text)
            result[language] = rendered % params if params else rendered
    return result


def _date(day) -> dict[str, str]:
    result = {}
    for language in ("en", "fr"):
        with override(language):
            result[language] = formats.date_format(day, "DATE_FORMAT")
    return result


def covering_letter_context(kit_request: KitRequest) -> dict:
    if kit_request.sent_on is None:
        raise ValueError("a covering letter is made when the kit is sent")
    on = kit_request.sent_on
    where = paper_submission(kit=Kit(kit_request.kit), on=on)
    address = kit_request.submission_address or {}
    addresses = []
    if "mail" in address:
        addresses.append({"label": _both(LABELS["by_mail"]), **address["mail"]})
    if "courier" in address:
        addresses.append({"label": _both(LABELS["by_courier"]), **address["courier"]})
    if "officer" in address:
        addresses.append(
            {"label": _both(LABELS["address"]), "lines": address["officer"]["lines"], "citation": "IRPR 11"}
        )
    # The letter's first language is the person's; both are always there.
    languages = ["fr", "en"] if kit_request.language == "fr" else ["en", "fr"]
    labels = {key: _both(text) for key, text in LABELS.items() if key != "help"}
    labels["help"] = _both(LABELS["help"], phone=value("online.alternative_format_help_line", on))
    return {
        "kit_request": kit_request,
        "languages": languages,
        "labels": labels,
        "date_sent": _date(on),
        "iso_date": on.isoformat(),
        "kit": _both(KitChoice(kit_request.kit).label),
        "format": _both(FormatChoice(kit_request.kit_format).label),
        "kit_language": _both(KitLanguage(kit_request.kit_language).label),
        "mailing_lines": kit_request.mailing_address_lines() if kit_request.delivery == Delivery.MAIL else [],
        "addresses": addresses,
        # Only the means of sending: the "address given in the covering letter" finding is this letter.
        "sending_notes": [
            {"en": found.en, "fr": found.fr, "citation": found.citation}
            for found in where.reasons
            if found.code in ("PAPER_BY_COURIER_WITH_TRACKING", "PAPER_TRACKING_RECOMMENDED")
        ],
    }


def covering_letter_pdf(kit_request: KitRequest) -> bytes:
    """The covering letter of a sent request, as PDF bytes."""
    # Imported here: WeasyPrint loads Pango at import time, which only this needs.
    from weasyprint import HTML

    html = render_to_string("alternatives/covering_letter_pdf.html", covering_letter_context(kit_request))
    return HTML(string=html).write_pdf()
