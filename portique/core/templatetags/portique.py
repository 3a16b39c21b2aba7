from django import template
from django.utils.translation import get_language

from portique.core.money import format_cad

register = template.Library()


@register.filter
def cad(amount) -> str:
    """Format an amount in Canadian dollars for the page's language."""
    return format_cad(amount, get_language() or "en")
