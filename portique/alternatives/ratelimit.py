"""A limit on anonymous requests per client address, on the shared cache.

The kit-request form needs no account, so nothing but the address slows a script that
fills the officers' queue with junk. django-ratelimit is not among the project's
dependencies; this follows portique.accounts.lockout instead: counters in the default
cache, which every worker shares (the database cache, or Redis when configured), and the
client address as the lockout reads it (through TRUSTED_PROXY_COUNT proxies only).
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from portique.accounts.services import client_ip


def _key(action: str, request: HttpRequest, window: int) -> str:
    address = client_ip(request) or "unknown"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"portique:rate:{action}:{digest}:{int(time.time()) // window}"


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
    return (cache.get(_key(action, request, window)) or 0) >= allowed


def hit(action: str, request: HttpRequest) -> bool:
    """Count one use; True when this use goes over the limit."""
    allowed, window = limit_for(action)
    key = _key(action, request, window)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > allowed
