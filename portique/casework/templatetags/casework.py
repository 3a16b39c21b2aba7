from django import template

from portique.casework import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def casework_messages(context, application):
    """The applicant's letters, requests, messages with the office and documents sent after
    submission for ``application`` (never an internal note), as the signed-in reader sees them."""
    request = context.get("request")
    return selectors.messages_for(application, viewer=getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def casework_undertaking(context, application):
    """Each approved sponsored person, the day they became a permanent resident and the end of
    the sponsor's undertaking for them (SP-14), in the page's language."""
    from portique.casework.undertaking import undertaking_rows

    language = (context.get("language") or "en")[:2]
    return undertaking_rows(application, language=language)
