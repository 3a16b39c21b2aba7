import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portique.rules.programs import registry


@require_GET
def splash(request: HttpRequest) -> HttpResponse:
    """The bilingual language-selection page at "/", as Canada.ca sites have."""
    return render(request, "core/splash.html")


def _programs_offered(language: str) -> list[dict[str, str]]:
    """Every program the portal takes, named in the page's language (from the one list of programs)."""
    return [
        {"name": program.name(language), "hint": program.start_hint(language)} for program in registry.programs()
    ]


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"programs": _programs_offered(get_language() or "en")})


@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    """Help and contact: how to apply, what to do when stuck, and whom to call, in the page's language."""
    return render(request, "core/help.html", {"programs": _programs_offered(get_language() or "en")})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness: the database answers and the document store can write."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
        checks["database"] = f"error: {type(error).__name__}"
    try:
        probe = default_storage.save(f"healthz/{uuid.uuid4().hex}", ContentFile(b"ok"))
        default_storage.delete(probe)
        checks["storage"] = "ok"
    except Exception as error:  # noqa: BLE001
        checks["storage"] = f"error: {type(error).__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)
