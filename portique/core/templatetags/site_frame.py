"""The words and addresses of the frame around every page (core/base.html), once per language."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext

from portique.core.per_language import once_per_language, shown

register = template.Library()


@once_per_language
def _frame() -> dict[str, Any]:
    return {
        "skip_links": shown(gettext("Skip links")),
        "skip_to_content": shown(gettext("Skip to main content")),
        "tagline": shown(gettext("Immigration applications online")),
        "date_modified": shown(gettext("Date modified:")),
        "about_this_site": shown(gettext("About this site")),
        "home": shown(gettext("Home")),
        "help": shown(gettext("Help and contact")),
        "footer_note": shown(
            gettext("Portique is an immigration application portal. Official languages: English and French.")
        ),
        "home_url": reverse("core:home"),
        "help_url": reverse("core:help"),
    }


@register.simple_tag
def site_frame() -> dict[str, Any]:
    return _frame()
