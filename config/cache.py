"""A Redis cache that keeps working when Redis does not: reads and writes go to local memory meanwhile.

What a process wrote while Redis was away is dropped from Redis when it answers again, so no value Redis
kept from before the outage outlives a change made during it: a generation moved on, a session ended.
"""

import inspect
import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# Once Redis fails, it is tried again after this long, so a request never waits on it twice in a row.
RETRY_AFTER_SECONDS = 5.0
# Keys written during an outage that are remembered for dropping; a longer outage drops the oldest first.
REMEMBERED_KEYS = 100_000
# The calls that change a value, and which of their arguments holds the key or keys.
WRITES = {"add": "key", "set": "key", "touch": "key", "delete": "key", "incr": "key", "set_many": "data"}
WRITES["delete_many"] = "keys"
SIGNATURES = {name: inspect.signature(getattr(RedisCache, name)) for name in WRITES}


def _redis_errors() -> tuple[type[BaseException], ...]:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)


class KeptClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one redis-py client a connection pool.

    Django makes a new redis-py client for every call, and each builds its table of reply handlers
    afresh: about a tenth of a millisecond, twice on every page. A client is safe to share between
    threads (each command borrows a connection from the pool), and the pool itself starts again in a
    forked worker, so one a pool is enough.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # a pool lives as long as this client, so its id stays its own
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FallbackRedisCache(RedisCache):
    """RedisCache, falling back to this process's memory while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClientRedisCacheClient
        self._fallback = LocMemCache(f"fallback-{server}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._down_until = 0.0
        self._errors = _redis_errors()
        # key -> version, in the order written (a dict keeps it), for dropping from Redis once it is back.
        self._written_while_down: dict[str, int | None] = {}

    @property
    def is_degraded(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, name: str, *args, **kwargs):
        if not self.is_degraded:
            try:
                if self._written_while_down:
                    self._drop_what_changed_while_down()
                return getattr(super(), name)(*args, **kwargs)
            except self._errors as error:
                logger.warning("Redis cache unreachable (%s): using local memory for %ss", error, RETRY_AFTER_SECONDS)
                self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        if name in WRITES:
            self._remember(name, args, kwargs)
        return getattr(self._fallback, name)(*args, **kwargs)

    def _remember(self, name: str, args, kwargs) -> None:
        arguments = SIGNATURES[name].bind(self, *args, **kwargs).arguments
        keys, version = arguments[WRITES[name]], arguments.get("version")
        for key in [keys] if isinstance(keys, str) else list(keys):
            self._written_while_down.pop(key, None)
            self._written_while_down[key] = version
        while len(self._written_while_down) > REMEMBERED_KEYS:
            self._written_while_down.pop(next(iter(self._written_while_down)))

    def _drop_what_changed_while_down(self) -> None:
        """Delete from Redis every key this process wrote to local memory while Redis was away."""
        by_version: dict[int | None, list[str]] = {}
        for key, version in self._written_while_down.items():
            by_version.setdefault(version, []).append(key)
        for version, keys in by_version.items():
            super().delete_many(keys, version=version)
        logger.warning("Redis cache back: dropped %s keys written while it was away", len(self._written_while_down))
        self._written_while_down.clear()

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self, *args, **kwargs):
        return self._call("clear", *args, **kwargs)

    def ping(self) -> bool:
        """Whether Redis itself answers now, for the readiness check."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except self._errors:
            return False
