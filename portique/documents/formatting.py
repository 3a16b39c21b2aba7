"""Sizes and pixel counts as people read them in English and French."""

from __future__ import annotations

from datetime import date

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .choices import ItemKind
from .inspection import accepted_types_text


def _number(value, decimals: int = 0) -> str:
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def file_size(size: int) -> str:
    """Decimal units, as the guide counts "4 Mo" (4,000,000 bytes in the rules)."""
    if size >= 1_000_000:
        megabytes = size / 1_000_000
        text = _number(megabytes, 0 if megabytes == int(megabytes) else 1)
        return _("%(size)s MB") % {"size": text}
    if size >= 1_000:
        return _("%(size)s KB") % {"size": _number(round(size / 1_000))}
    return _("%(size)s bytes") % {"size": _number(size)}


def dimensions(width: int, height: int) -> str:
    return _("%(width)s × %(height)s pixels") % {"width": _number(width), "height": _number(height)}


def item_hint(item, on: date) -> str:
    """What the item accepts, shown before the person chooses a file."""
    from . import photo_spec

    kinds = str(accepted_types_text(item.accepts(on)))
    size = file_size(item.max_bytes(on))
    if item.kind == ItemKind.PHOTO:
        limits = photo_spec.limits(on)
        return _("%(kinds)s, from %(smallest)s to %(largest)s, %(size)s at most.") % {
            "kinds": kinds,
            "smallest": _("%(width)s × %(height)s") % {"width": _number(limits.min_width), "height": _number(limits.min_height)},
            "largest": dimensions(limits.max_width, limits.max_height),
            "size": size,
        }
    return _("%(kinds)s, %(size)s at most.") % {"kinds": kinds, "size": size}
