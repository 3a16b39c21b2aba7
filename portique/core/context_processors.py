from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

# The other official language, its name written in that language (Canada.ca toggle).
_OTHER = {"en": ("fr", "Français"), "fr": ("en", "English")}
_HTML_LANG = {"en": "en-CA", "fr": "fr-CA"}


def site(request: HttpRequest) -> dict:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    other_code, other_name = _OTHER.get(language, _OTHER["en"])
    return {
        "html_lang": _HTML_LANG.get(language, "en-CA"),
        "other_language_code": other_code,
        "other_language_name": other_name,
        # Same page, other language: the toggle never sends a person back home.
        "other_language_url": translate_url(request.get_full_path(), other_code),
        "date_modified": settings.DATE_MODIFIED,
    }
