"""Atomic counters for rate limits, shared by every worker.

``hit(key, limit, window)`` counts one use of ``key`` in the current window of
``window`` seconds and says whether that use goes over ``limit``. Every caller that
limits anonymous forms (the representative sign-up, the alternative-format kit request)
counts here, so the counting is atomic in one place:

- with Redis (``REDIS_URL``), ``cache.add`` then ``cache.incr``: Redis's INCR is atomic;
- otherwise (the database cache, or the local-memory cache of the tests), a row of
  ``core.RateCounter`` incremented by one ``INSERT … ON CONFLICT DO UPDATE … RETURNING``
  statement. Django's database cache cannot be used for this: its ``incr`` reads the
  value and writes it back, so concurrent requests lose counts (30 concurrent posts let
  6 through a limit of 5).

The count is "use first, then check": a request is counted before anything is created,
so concurrent requests can never all read "one left".
"""

from __future__ import annotations

import hashlib
import random
import time

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.http import HttpRequest

from .client_address import client_ip

# Expired counter rows are deleted now and then (on about one new window in 50), not
# on every request: the rows are tiny and the delete is an indexed range.
_PURGE_ONE_IN = 50


def address_key(action: str, request: HttpRequest) -> str:
    """The key for ``action`` from the client's address (hashed: no address is stored)."""
    # Read the way sign-ins and the audit log read it: through the trusted proxies only.
    address = client_ip(request) or "unknown"
    return f"{action}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"


def _window_key(key: str, window: int, now: float) -> tuple[str, int]:
    start = int(now) // window
    return f"portique:rate:{key}:{start}", (start + 1) * window


def _uses_redis() -> bool:
    return isinstance(caches["default"], RedisCache)


def _redis_hit(name: str, window: int) -> int:
    cache.add(name, 0, timeout=window)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 0, timeout=window)
        return cache.incr(name)


def _database_hit(name: str, expires_at: int) -> int:
    from .models import RateCounter

    table = connection.ops.quote_name(RateCounter._meta.db_table)
    sql = (
        f"INSERT INTO {table} (name, count, expires_at) VALUES (%s, 1, %s) "  # noqa: S608 - the table name is ours
        f"ON CONFLICT (name) DO UPDATE SET count = {table}.count + 1 RETURNING count"
    )
    # Its own savepoint when called inside a transaction, so that a failure here does
    # not break the caller's transaction; committed at once otherwise.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [name, expires_at])
        count = cursor.fetchone()[0]
    if count == 1 and random.randrange(_PURGE_ONE_IN) == 0:  # noqa: S311 - not security: housekeeping
        RateCounter.objects.filter(expires_at__lt=int(time.time())).delete()
    return count


def hit(key: str, limit: int, window: int) -> bool:
    """Count one use of ``key``; True when this use is over ``limit`` in this window."""
    name, expires_at = _window_key(key, window, time.time())
    count = _redis_hit(name, window) if _uses_redis() else _database_hit(name, expires_at)
    return count > limit


def count(key: str, window: int) -> int:
    """How many uses of ``key`` were counted in the current window."""
    from .models import RateCounter

    name, _ = _window_key(key, window, time.time())
    if _uses_redis():
        return int(cache.get(name) or 0)
    found = RateCounter.objects.filter(name=name).values_list("count", flat=True).first()
    return found or 0
