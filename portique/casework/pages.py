"""What every officer page about a file does the same way: log its opening, and show a
service's refusal (each message at its field, the rest in the summary)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest
from django.utils.translation import get_language

from . import services
from .choices import AccessKind


@dataclass(frozen=True)
class DocumentOnPage:
    """A document on an officer's page: the file, what it is and whose, its pages to preview."""

    document: object
    label: object
    preview: object


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


def page_language() -> str:
    return (get_language() or "en")[:2]


def posted_row(request: HttpRequest, rows, key: str, form_class, bound: dict):
    """The row of ``rows`` the POST names by ``key`` (404 otherwise) and its form, bound to the
    POST, validated and kept in ``bound`` by the row's id for the page to show again."""
    found = rows.filter(public_id=request.POST.get(key)).first()
    if found is None:
        raise Http404
    form = bound[found.pk] = form_class(request.POST, prefix=str(found.public_id))
    form.is_valid()
    return found, form


def rows_with_forms(rows, bound: dict, form_class) -> list:
    """Each row with its form: the one bound to this POST if it was the row's, else a blank one."""
    return [(row, bound.get(row.pk) or form_class(prefix=str(row.public_id))) for row in rows]
