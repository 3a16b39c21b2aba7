from django import template

from portique.casework import selectors

register = template.Library()


@register.simple_tag
def casework_messages(application):
    """The applicant's letters and requests for ``application`` (never an internal note)."""
    return selectors.messages_for(application)


@register.simple_tag(takes_context=True)
def casework_undertaking(context, application):
    """Each approved sponsored person, the day they became a permanent resident and the end of
    the sponsor's undertaking for them (SP-14), in the page's language."""
    from portique.casework.undertaking import undertaking_rows

    language = (context.get("language") or "en")[:2]
    return undertaking_rows(application, language=language)
