"""``{% case_urgency application back %}``: the urgent flag, its reason and the officer's form to change it."""

from django import template

from portique.applications import urgency

from ..forms import URGENCY_PREFIX, UrgencyForm

register = template.Library()


@register.inclusion_tag("casework/_urgency.html", takes_context=True)
def case_urgency(context, application, back: str = "file"):
    current = urgency.urgency_of(application)
    return {
        "application": application,
        "current": current,
        "open": urgency.is_open(application),
        "form": UrgencyForm(prefix=URGENCY_PREFIX),
        "back": back,
        "csrf_token": context.get("csrf_token"),
    }
