""" "What the rules found", for the top of the officer's pages about a file (issue 18).

The assessment frozen at submission, in the page's language, and what changed since: the
evaluation is recomputed for today (a late document, an answered request) and compared
finding by finding with the frozen one.
"""

from __future__ import annotations

from django.utils import timezone

from portique.applications.services import application_evaluate
from portique.applications.submission.assessment import Found, what_the_rules_found


def for_page(application, *, language: str) -> Found | None:
    today = timezone.localdate()
    return what_the_rules_found(
        application, now=application_evaluate(application=application, on=today), on=today, language=language
    )
