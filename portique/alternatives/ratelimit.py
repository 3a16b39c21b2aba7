"""A limit on anonymous requests per client address, on the shared cache.

The kit-request form needs no account, so nothing but the address slows a script that
fills the officers' queue with junk. django-ratelimit is not among the project's
dependencies; the counters are portique.core.ratelimit's (atomic, on Redis or the
database, which every worker shares), and the client address as the lockout reads it
(through TRUSTED_PROXY_COUNT proxies only).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from portique.core import ratelimit as counters


def limit_for(action: str) -> tuple[int, int]:
    """(requests allowed, window in seconds) for ``action``; settings may lower or raise them."""
    limits = getattr(settings, "ALTERNATIVES_RATE_LIMITS", {})
    return limits.get(action, _DEFAULTS[action])


# A person asks for one kit, maybe a second for a family member, and may have to correct
# the form a few times: these numbers leave room for that and stop a flood.
_DEFAULTS = {
    "kit_request_attempt": (30, 60 * 60),
    "kit_request_created": (5, 60 * 60),
}


def is_limited(action: str, request: HttpRequest) -> bool:
    allowed, window = limit_for(action)
    return counters.count(counters.address_key(action, request), window) >= allowed


def hit(action: str, request: HttpRequest) -> bool:
    """Count one use, atomically (portique.core.ratelimit); True when this use goes over the limit."""
    allowed, window = limit_for(action)
    return counters.hit(counters.address_key(action, request), allowed, window)
