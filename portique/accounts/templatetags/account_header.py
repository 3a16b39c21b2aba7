"""The signed-in header's words and addresses, worked out once per language.

The header is on every signed-in page. Written with ``{% translate %}``,
``{% blocktranslate %}`` and ``{% url %}`` it cost about 2.5 million instructions per page
(bench/instructions.py), more than a third of the whole anonymous home page: eleven
translations and six reversed addresses, each through Django's per-request machinery. They
depend only on the language, the site's address prefix (and URL configuration) and the
idle settings, so they are worked out once for each such combination; the person's e-mail
address and the sign-out form's CSRF token are all that is the request's own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

register = template.Library()


@register.simple_tag(takes_context=True)
def account_header(context: template.Context) -> dict[str, Any]:
    words = _words_and_addresses(
        get_language(),
        get_script_prefix(),
        get_urlconf(),
        settings.SESSION_IDLE_SECONDS,
        settings.SESSION_IDLE_WARNING_SECONDS,
    )
    # As {% blocktranslate %} does: the catalogue's text as it is, the value escaped.
    signed_in_as = mark_safe(words["signed_in_as"] % {"email": escape(context["user"].email)})
    return {**words, "signed_in_as": signed_in_as}


@lru_cache(maxsize=64)
def _words_and_addresses(
    language: str | None, prefix: str, urlconf: str | None, idle_seconds: int, warning_seconds: int
) -> dict:
    # ``language``, ``prefix`` and ``urlconf`` are the key only: gettext and reverse read
    # the active ones, which are these. The catalogue's texts are trusted as a template's are
    # ({% translate %} does not escape them either).
    def text(message: str, **values: Any) -> SafeString:
        return mark_safe(gettext(message) % values if values else gettext(message))

    return {
        "signed_in_as": gettext("Signed in as %(email)s"),
        "idle_notice": text(
            "For your security, you are signed out after %(minutes)s minutes without activity.",
            minutes=idle_seconds // 60,
        ),
        "my_applications": text("My applications"),
        "clients_applications": text("Your clients' applications"),
        "work_queues": text("Work queues"),
        "your_account": text("Your account"),
        "sign_out": text("Sign out"),
        "idle_seconds": idle_seconds,
        "warning_seconds": warning_seconds,
        "warning_title": text("You will be signed out soon"),
        "warning_text": text(
            "For your security, you will be signed out in %(minutes)s minutes because there has "
            "been no activity. Unsaved changes will be lost.",
            minutes=max(1, warning_seconds // 60),
        ),
        "stay": text("Stay signed in"),
        "sign_out_now": text("Sign out now"),
        "applications_url": reverse("applications:dashboard"),
        "clients_url": reverse("representation:dashboard"),
        "work_queues_url": reverse("casework:home"),
        "account_url": reverse("accounts:overview"),
        "sign_out_url": reverse("account_logout"),
        "session_status_url": reverse("accounts:session_status"),
        "keepalive_url": reverse("accounts:session_keepalive"),
    }
