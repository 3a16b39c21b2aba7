"""Overload answered fast: a request that waited too long in the queue is refused at once.

In front of the nodes, nginx bounds how many requests are in the application at a time
(deploy/nginx.conf: ``limit_conn``) and answers the rest at once with this module's page
(``portique proxy_config`` writes it beside the configuration). Inside a node, what is
admitted waits in gunicorn's listen queue for a free sync worker; when the node is slower
than planned (a slow database, a neighbour taking the CPU), that wait grows, and a
request that has waited longer than REQUEST_QUEUE_TIMEOUT_SECONDS would be answered
after its person has given up or their browser has retried. nginx stamps each request
with the moment it forwarded it (``X-Request-Start: t=<seconds since the epoch>``); a
request found to have waited too long is answered with 503, ``Retry-After`` and a
bilingual page, before any session, database or form work: nothing of it was done, so
nothing accepted is lost, and the worker is free for the next one in a fraction of a
millisecond, which drains a queue that would otherwise serve only stale requests.

/healthz is never refused: a busy node is not a broken one. Without the header (no proxy,
``script/server`` on its own) nothing is refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

HEADER = "HTTP_X_REQUEST_START"
NEVER_REFUSED = ("/healthz",)


def overloaded_page(*, too_fast: bool = False, retry_after: int | None = None) -> str:
    """The bilingual "too many people at once" page (also served by nginx as a file).

    ``too_fast``: the variant for one address over its rate (nginx's 429).
    """
    return render_to_string(
        "core/overloaded.html",
        {
            "retry_after": settings.OVERLOAD_RETRY_AFTER_SECONDS if retry_after is None else retry_after,
            "too_fast": too_fast,
            "languages": [("en", "en-CA"), ("fr", "fr-CA")],
        },
    )


def overloaded_response() -> HttpResponse:
    response = HttpResponse(overloaded_page(), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(settings.OVERLOAD_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Not an error of the application: under overload Django would log one line per refusal.
    response._has_been_logged = True
    return response


def queued_for(request: HttpRequest, now: float | None = None) -> float | None:
    """Seconds since the proxy forwarded the request, or None without a usable stamp."""
    stamp = request.META.get(HEADER, "")
    if stamp.startswith("t="):
        stamp = stamp[2:]
    try:
        started = float(stamp)
    except ValueError:
        return None
    if started > 1e11:  # some proxies stamp microseconds or milliseconds
        started /= 1e6 if started > 1e14 else 1e3
    return (time.time() if now is None else now) - started


class QueueTimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.bound = settings.REQUEST_QUEUE_TIMEOUT_SECONDS

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.bound > 0 and not request.path.startswith(NEVER_REFUSED):
            waited = queued_for(request)
            if waited is not None and waited > self.bound:
                return overloaded_response()
        return self.get_response(request)
