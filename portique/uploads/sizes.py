"""File sizes as people read them, in the page's language ("10 MB", "10 Mo")."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def number_text(value, decimals: int = 0) -> str:
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def file_size(size: int) -> str:
    """Decimal units, as the guide counts "4 Mo" (4,000,000 bytes in the rules)."""
    if size >= 1_000_000:
        megabytes = size / 1_000_000
        text = number_text(megabytes, 0 if megabytes == int(megabytes) else 1)
        return _("%(size)s MB") % {"size": text}
    if size >= 1_000:
        return _("%(size)s KB") % {"size": number_text(round(size / 1_000))}
    return _("%(size)s bytes") % {"size": number_text(size)}
