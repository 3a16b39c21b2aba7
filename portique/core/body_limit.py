"""Request bodies are bounded before they are read.

A sync worker that reads a 100 MB body is a worker taken for as long as the sender
likes, and Django spools big uploads to disk before any form or size check runs. So:

- every request may carry at most ``REQUEST_BODY_MAX_BYTES`` (a form's worth), except
  the views marked with ``@body_limit(…)`` (the upload forms), which allow a little more
  than their files' limit;
- ``RequestBodyLimitMiddleware`` compares the declared ``Content-Length`` with the limit
  of the view the URL resolves to, before anything reads the body (it sits before the
  CSRF middleware, which reads the form), and answers 413 with a short bilingual page;
- a body without a ``Content-Length`` (``Transfer-Encoding: chunked``) is answered 411:
  Django reads nothing of such a body under a WSGI server, so the form would arrive
  empty; browsers always declare the length of a form;
- ``BodyLimitUploadHandler`` (first in ``FILE_UPLOAD_HANDLERS``) counts the file bytes
  as they stream in and stops at the same limit, for any body whose length was not
  checked above (a server that hands Django an undeclared stream).

The reverse proxy of a production deployment limits bodies too
(``client_max_body_size``); this check holds without it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

Limit = int | Callable[[], int]

# Room for the form's other fields and the multipart headers around the files.
FORM_MARGIN_BYTES = 256 * 1024


class RequestBodyTooLarge(RequestDataTooBig):
    """A body past its view's limit (a SuspiciousOperation: Django answers 400 if uncaught)."""


def body_limit(limit: Limit):
    """Allow the decorated view bodies of up to ``limit`` bytes (a number, or a function
    called on each request so that a setting changed at run time applies)."""

    def decorate(view):
        view.request_body_limit = limit
        return view

    return decorate


def default_limit() -> int:
    return int(getattr(settings, "REQUEST_BODY_MAX_BYTES", settings.DATA_UPLOAD_MAX_MEMORY_SIZE))


def limit_of(view) -> int:
    limit = getattr(view, "request_body_limit", None)
    if limit is None:
        return default_limit()
    return int(limit() if callable(limit) else limit)


def _declared_length(request: HttpRequest) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


def _page(status: int, limit: int | None) -> HttpResponse:
    # Both languages on one page: the language of the URL is not known for every path,
    # and a person who sent too much may be anywhere in the portal.
    from portique.uploads.sizes import file_size  # "10 MB", "10 Mo": the pages' own units

    parts = []
    for language in ("en", "fr"):
        with translation.override(language):
            parts.append(
                {
                    "language": language,
                    "limit": file_size(limit) if limit is not None else "",
                    "status": status,
                }
            )
    body = render_to_string("core/request_too_large.html", {"parts": parts})
    # The body was not read, so the connection cannot carry another request: gunicorn's
    # sync workers close it after every response (a WSGI application may not set
    # Connection itself).
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


def _has_body_without_length(request: HttpRequest) -> bool:
    return "HTTP_TRANSFER_ENCODING" in request.META and not request.META.get("CONTENT_LENGTH")


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_body_without_length(request):
            return _page(411, None)
        response = self.get_response(request)
        if getattr(request, "body_too_large", False):
            # The upload handler stopped the body while it streamed in; whatever answer
            # the layers below made of that (Django's 400), the person sees the 413 page.
            return _page(413, getattr(request, "body_limit", None))
        return response

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        limit = limit_of(view)
        request.body_limit = limit
        declared = _declared_length(request)
        if declared is not None and declared > limit:
            return _page(413, limit)
        return None


class BodyLimitUploadHandler(FileUploadHandler):
    """Counts every file byte of a request and stops past the request's body limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        limit = getattr(self.request, "body_limit", None) or default_limit()
        if self.received > limit:
            self.request.body_too_large = True
            raise RequestBodyTooLarge("The request body is larger than its limit.")
        return raw_data

    def file_complete(self, file_size):
        return None
