"""The signed-in header's words and addresses, worked out once per language.

The header is on every signed-in page. Written with ``{% translate %}``,
``{% blocktranslate %}`` and ``{% url %}`` it cost about 2.5 million instructions per page
(bench/instructions.py), more than a third of the whole anonymous home page: eleven
translations and six reversed addresses, each through Django's per-request machinery. They
depend only on the language, the site's address prefix and the idle settings
(core.per_language); the person's e-mail address and the sign-out form's CSRF token are all
that is the request's own.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from portique.core.per_language import once_per_language, shown

register = template.Library()


@register.simple_tag(takes_context=True)
def account_header(context: template.Context) -> dict[str, Any]:
    words = _words_and_addresses(settings.SESSION_IDLE_SECONDS, settings.SESSION_IDLE_WARNING_SECONDS)
    # As {% blocktranslate %} does: the catalogue's text as it is, the value escaped.
    signed_in_as = mark_safe(words["signed_in_as"] % {"email": escape(context["user"].email)})
    return {**words, "signed_in_as": signed_in_as}


@once_per_language
def _words_and_addresses(idle_seconds: int, warning_seconds: int) -> dict[str, Any]:
    return {
        "signed_in_as": gettext("Signed in as %(email)s"),
        "idle_notice": shown(
            gettext("For your security, you are signed out after %(minutes)s minutes without activity."),
            minutes=idle_seconds // 60,
        ),
        "my_applications": shown(gettext("My applications")),
        "clients_applications": shown(gettext("Your clients' applications")),
        "work_queues": shown(gettext("Work queues")),
        "your_account": shown(gettext("Your account")),
        "sign_out": shown(gettext("Sign out")),
        "idle_seconds": idle_seconds,
        "warning_seconds": warning_seconds,
        "warning_title": shown(gettext("You will be signed out soon")),
        "warning_text": shown(
            gettext(
                "For your security, you will be signed out in %(minutes)s minutes because there has "
                "been no activity. Unsaved changes will be lost."
            ),
            minutes=max(1, warning_seconds // 60),
        ),
        "stay": shown(gettext("Stay signed in")),
        "sign_out_now": shown(gettext("Sign out now")),
        "applications_url": reverse("applications:dashboard"),
        "clients_url": reverse("representation:dashboard"),
        "work_queues_url": reverse("casework:home"),
        "account_url": reverse("accounts:overview"),
        "sign_out_url": reverse("account_logout"),
        "session_status_url": reverse("accounts:session_status"),
        "keepalive_url": reverse("accounts:session_keepalive"),
    }
