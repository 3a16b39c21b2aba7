from django import template

from portique.casework import selectors

register = template.Library()


@register.simple_tag
def casework_messages(application):
    """The applicant's letters and requests for ``application`` (never an internal note)."""
    return selectors.messages_for(application)
