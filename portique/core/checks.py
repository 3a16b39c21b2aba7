"""System checks of the portal's own settings, run by ``portique check --deploy``."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def site_url(app_configs=None, **kwargs):
    """Every link in an e-mail starts with ``SITE_URL``: in production it must be the
    portal's public HTTPS address, one of the hosts it answers to (the default,
    http://127.0.0.1:8000, is neither)."""
    value = getattr(settings, "SITE_URL", "")
    parts = urlsplit(value)
    host = parts.hostname or ""
    problems = []
    if parts.scheme != "https" or not host:
        problems.append("it is not an https:// address")
    if host and not validate_host(host, settings.ALLOWED_HOSTS):
        problems.append("its host is not in ALLOWED_HOSTS")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        problems.append("it has a path, query or fragment (give only the scheme and host)")
    if not problems:
        return []
    return [
        Error(
            f"SITE_URL is {value!r}: " + "; ".join(problems) + ".",
            hint="Set SITE_URL to the portal's public address, e.g. https://portique.example.ca "
            "(it starts every link in an e-mail).",
            id="portique.E010",
        )
    ]
