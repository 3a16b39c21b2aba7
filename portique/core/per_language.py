"""Words and addresses worked out once per language, for the parts of every page that never vary.

``{% translate %}`` and ``{% url %}`` go through Django's per-request machinery each time (the
active language, the catalogue, the resolver's language prefix): on the header and footer of
every page that was more than a tenth of the whole anonymous page (bench/instructions.py). What
they give depends only on the active language, the site's address prefix and URL configuration,
and whatever else the caller names, so ``once_per_language`` keeps one result per combination.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any

from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


def once_per_language(build: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """``build(*key)`` called once for each language, address prefix, URL configuration and ``key``.

    ``build`` reads the active language and prefix itself (through gettext and reverse): they
    are in the cache's key only, so that another language or prefix gets its own result.
    """

    @lru_cache(maxsize=64)
    def cached(language: str | None, prefix: str, urlconf: Any, *key: Hashable) -> dict[str, Any]:
        return build(*key)

    def lookup(*key: Hashable) -> dict[str, Any]:
        return cached(get_language(), get_script_prefix(), get_urlconf(), *key)

    return lookup


def shown(translated: str, **values: Any) -> SafeString:
    """A translation from the catalogue, filled with ``values``, as a template shows it.

    Callers pass ``gettext("…")`` itself, so that makemessages finds the message there.
    Marked safe as ``{% translate %}`` and ``{% blocktranslate %}`` leave the catalogue's own
    text: it is the project's, as trusted as the template. Values are the caller's numbers.
    """
    return mark_safe(translated % values if values else translated)
