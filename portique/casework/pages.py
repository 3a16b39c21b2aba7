"""What every officer page about a file does the same way: log its opening, and show a
service's refusal (each message at its field, the rest in the summary)."""

from __future__ import annotations

from django.http import HttpRequest

from . import services
from .choices import AccessKind


def opened(request: HttpRequest, application, what: str) -> None:
    """Log that the officer opened this page of the file (``FileAccess``)."""
    services.file_access_record(
        actor=request.user, application=application, kind=AccessKind.FILE_OPENED, what=what, request=request
    )


def refusal(
    errors: dict[str, list], *, renamed: dict[str, str] | None = None
) -> tuple[dict[str, list], list[str]]:
    """A ``CaseworkError``'s messages split into those of a field (``renamed``: the service's
    field name → the form's) and those about the whole request ("")."""
    renamed = renamed or {}
    fields = {renamed.get(key, key): found for key, found in errors.items() if key}
    return fields, [str(message) for message in errors.get("", [])]


def refuse(form, errors: dict[str, list], *, renamed: dict[str, str] | None = None) -> list[str]:
    """Put a refusal's field messages on ``form``; return the others for the error summary."""
    fields, general = refusal(errors, renamed=renamed)
    form.add_refusal(fields)
    return general
