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


@register.filter
def greeting_name(recipient, application) -> str:
    """The name to greet ``recipient`` by in an e-mail about ``application``: their account's
    name (a representative's or an officer's, given at sign-up), else, for the account holder,
    the name they gave on their first form; "" when no name is known (an e-mail never greets
    a person by their address)."""
    from portique.applications.people_selectors import person_name

    name = recipient.get_full_name() if hasattr(recipient, "get_full_name") else ""
    if name or application is None or getattr(recipient, "pk", None) != application.owner_id:
        return name
    holder = application.people.filter(position=0).first()
    return person_name(holder, application.definition) if holder is not None else ""
