from django import template
from django.utils.translation import get_language

from portique.core.money import format_cad

register = template.Library()


@register.filter
def cad(amount) -> str:
    """Format an amount in Canadian dollars for the page's language."""
    return format_cad(amount, get_language() or "en")


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """This page's address with its filters kept and ``page`` set to ``number`` (for pagination links)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.filter
def program_name(definition) -> str:
    """A program's name in the page's language, from its definition (rules.programs)."""
    return definition.name(get_language() or "en")


@register.filter
def program_start_hint(definition) -> str:
    """What a program is for, as the applicant chooses it; its name when it has no hint."""
    language = get_language() or "en"
    return definition.start_hint(language) or definition.name(language)
