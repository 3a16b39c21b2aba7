"""The headers of every response that carries a person's file (a document, a letter, a copy of
their data, an identity document): never cached on the way, never sniffed into another type,
never rendered as a page that could run script. One place, so no download can forget one."""

from __future__ import annotations

from django.http import HttpResponseBase


def keep_private(response: HttpResponseBase, *, cache_control: str = "no-store") -> HttpResponseBase:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = cache_control
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
