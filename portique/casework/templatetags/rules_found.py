"""``{% rules_found application %}``: "What the rules found" at the top of an officer's page."""

from django import template

from portique.casework import pages, triage
from portique.casework import rules_found as found_for

register = template.Library()


@register.inclusion_tag("casework/_rules_found.html")
def rules_found(application):
    return {
        "found": found_for.for_page(application, language=pages.page_language()),
        "label": triage.label_file(application),
    }
