"""Django's Redis cache, with one Redis client per server instead of one per operation.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` around the shared
connection pool for every cache call. With redis-py 8 that constructor costs about 60 µs of
CPU (it rebuilds its table of some 170 reply handlers), more than the round trip itself: a
sign-in makes about 23 cache calls (allauth's rate limits, the lockout), so about 1.5–3 ms of
its CPU went to building clients (issue 19, measured in ``bench/README.md``). A ``redis.Redis`` is
safe to share (each command borrows a connection from the pool), and Django already keeps one
cache object per thread, so keeping the client changes nothing but the cost.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
