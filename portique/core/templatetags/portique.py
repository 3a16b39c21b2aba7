from django import template
from django.utils.translation import get_language

from portique.core.money import format_cad

register = template.Library()


@register.filter
def cad(amount) -> str:
    """Format an amount in Canadian dollars for the page's language."""
    return format_cad(amount, get_language() or "en")


@register.filter
def citation(text) -> str:
    """A rule's citation in the page's language (RIPR and the guide's French headings in
    French, IRPR and English headings in English)."""
    from portique.rules.citations import citation_in

    return citation_in(str(text or ""), get_language() or "en")


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """This page's address with its filters kept and ``page`` set to ``number`` (for pagination links)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def cursor_url(context, **moves) -> str:
    """This page's address with its filters kept and the keyset position (``after``, ``before``
    or ``last``, ``portique.core.keyset``) set to ``moves``: the links of a long list."""
    query = context["request"].GET.copy()
    for name in ("page", "after", "before", "last"):
        query.pop(name, None)
    for name, value in moves.items():
        if value:
            query[name] = value
    return "?" + query.urlencode()


@register.filter
def count_label(count) -> str:
    """A list's count (``keyset.Count``) as a person reads it: "1,204", "about 52,000" when
    estimated, "more than 1,000" when only a bound is known."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext

    shown = number_format(count.value, force_grouping=True)
    if count.estimated:
        return gettext("about %(count)s") % {"count": shown}
    if count.at_least:
        return gettext("more than %(count)s") % {"count": shown}
    return shown


@register.filter
def program_name(definition) -> str:
    """A program's name in the page's language, from its definition (rules.programs)."""
    return definition.name(get_language() or "en")


@register.filter
def program_start_hint(definition) -> str:
    """What a program is for, as the applicant chooses it; its name when it has no hint."""
    language = get_language() or "en"
    return definition.start_hint(language) or definition.name(language)


# The order in which the kinds of message are shown, what each is called, and how a
# screen reader is told: a problem interrupts (alert), the rest waits its turn (status).
_MESSAGE_KINDS = (
    ("error", "alert"),
    ("warning", "alert"),
    ("success", "status"),
    ("info", "status"),
)


@register.simple_tag
def messages_by_kind(messages) -> list[dict]:
    """The page's messages grouped by kind (errors first), each kind in its own box.

    A problem is never shown in the style of a success: each box has its own colour,
    its own heading (so the kind is not told by colour alone) and its own role.
    """
    from django.utils.translation import gettext

    headings = {
        "error": gettext("There is a problem"),
        "warning": gettext("Important"),
        "success": gettext("Done"),
        "info": gettext("Information"),
    }
    grouped: dict[str, list] = {kind: [] for kind, _role in _MESSAGE_KINDS}
    for message in messages:
        kind = message.level_tag if message.level_tag in grouped else "info"
        grouped[kind].append(message)
    return [
        {"kind": kind, "role": role, "heading": headings[kind], "messages": grouped[kind]}
        for kind, role in _MESSAGE_KINDS
        if grouped[kind]
    ]
