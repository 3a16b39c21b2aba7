"""Sizes and pixel counts as people read them in English and French."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from portique.uploads.inspection import accepted_types_text
from portique.uploads.sizes import file_size, number_text

from .choices import ItemKind


def dimensions(width: int, height: int) -> str:
    return _("%(width)s × %(height)s pixels") % {"width": number_text(width), "height": number_text(height)}


def item_hint(item, on: date) -> str:
    """What the item accepts, shown before the person chooses a file."""
    from . import photo_spec

    kinds = str(accepted_types_text(item.accepts(on)))
    size = file_size(item.max_bytes(on))
    if item.kind == ItemKind.PHOTO:
        limits = photo_spec.limits(on)
        return _("%(kinds)s, from %(smallest)s to %(largest)s, %(size)s at most.") % {
            "kinds": kinds,
            "smallest": _("%(width)s × %(height)s")
            % {"width": number_text(limits.min_width), "height": number_text(limits.min_height)},
            "largest": dimensions(limits.max_width, limits.max_height),
            "size": size,
        }
    return _("%(kinds)s, %(size)s at most.") % {"kinds": kinds, "size": size}
