"""The Redis cache that keeps its client: it behaves as Django's, on the real local Redis."""

from __future__ import annotations

import os
import time
import uuid

import pytest
import redis

from portique.core.cache import RedisCache

# A database number of its own (the topology test uses 7, the intake bench 8).
URL = os.environ.get("CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")


@pytest.fixture
def cache():
    # A key prefix of each test's own: tests of this module may run at once on two workers.
    prefix = f"cache-test-{uuid.uuid4().hex}"
    yield RedisCache(URL, {"KEY_PREFIX": prefix})
    server = redis.Redis.from_url(URL)
    for key in server.scan_iter(match=f"{prefix}:*"):
        server.delete(key)


def test_reads_and_writes_like_django_redis_cache(cache):
    assert cache.add("attempts", 1, timeout=60) is True
    assert cache.add("attempts", 5, timeout=60) is False  # add never overwrites
    assert cache.incr("attempts") == 2
    cache.set("locked", {"until": "2026-12-07T10:00"}, timeout=60)
    assert cache.get_many(["attempts", "locked", "absent"]) == {
        "attempts": 2,
        "locked": {"until": "2026-12-07T10:00"},
    }
    cache.delete_many(["attempts", "locked"])
    assert cache.get("attempts", "gone") == "gone"


def test_an_entry_expires_after_its_timeout(cache):
    cache.set("short", "value", timeout=1)
    assert cache.get("short") == "value"
    deadline = time.monotonic() + 10
    while cache.get("short") is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert cache.get("short") is None


def test_one_client_serves_every_call(cache):
    client = cache._cache.get_client()
    cache.set("a", 1)
    cache.get("a")
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: reads and writes share it
