"""A country's name in the page's language for its ISO code (police certificates: "NG" → "Nigeria")."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from portique.documents.labels import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return _country_name(str(code or ""), (get_language() or "en")[:2]) if code else ""
