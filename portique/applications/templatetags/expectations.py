"""What the applicant's status page says about the wait and the urgent flag (issue 15).

One tag, so that the page takes one include: the figure comes from the officers' side
through ``ports.expected_decision`` (casework computes it), the flag from ``urgency``.
"""

from django import template
from django.utils import timezone

from portique.applications import ports, urgency
from portique.rules.decision_times import MINIMUM_SAMPLE

register = template.Library()


@register.simple_tag(takes_context=True)
def expectations_for(context, application) -> dict:
    user = context["request"].user
    expected = (
        ports.expected_decision(application=application, today=timezone.localdate())
        if ports.expected_decision.provided
        else None
    )
    return {
        "expected": expected,
        "minimum": MINIMUM_SAMPLE,
        "urgency": urgency.urgency_of(application),
        "can_change_urgency": urgency.is_open(application) and urgency.may_change(actor=user, application=application),
    }
