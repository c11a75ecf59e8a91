"""Liveness and readiness answer the container on plain HTTP with production settings, and say what is wrong."""

import json

import pytest
from django.core.cache.backends.locmem import LocMemCache

from config import health
from config.cache import FallbackRedisCache


@pytest.fixture
def production(settings, db):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["roundtable.example.gov.uk"]
    settings.SECURE_SSL_REDIRECT = True
    return settings


def test_liveness_answers_the_container_despite_the_host_check_and_https_redirect(client, production):
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200 and response.content == b"ok"
    # Every other page is still refused to an unknown host and sent to HTTPS.
    assert client.get("/", HTTP_HOST="127.0.0.1:8000").status_code == 400
    assert client.get("/", HTTP_HOST="roundtable.example.gov.uk").status_code == 301


def test_liveness_needs_no_database(client, production, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz", HTTP_HOST="127.0.0.1").status_code == 200


def test_readiness_checks_database_storage_broker_cache_worker_and_scheduler(client, production):
    response = client.get("/readyz", HTTP_HOST="127.0.0.1:8000")
    body = json.loads(response.content)
    assert response.status_code == 200 and body["status"] == "ready"
    assert set(body["checks"]) == {"database", "media_storage", "broker", "cache", "worker", "scheduler"}
    assert all(check["ok"] for check in body["checks"].values())


def test_readiness_fails_without_the_database_and_is_degraded_without_the_broker(client, production, monkeypatch):
    def refuse():
        raise ConnectionRefusedError("broker away")

    monkeypatch.setattr(health, "_broker", refuse)
    response = client.get("/readyz", HTTP_HOST="127.0.0.1")
    body = json.loads(response.content)
    assert response.status_code == 200 and body["status"] == "degraded"
    assert body["checks"]["broker"] == {**body["checks"]["broker"], "ok": False}
    assert "broker away" in body["checks"]["broker"]["detail"]

    def database_down():
        raise OSError("could not connect to server")

    monkeypatch.setattr(health, "_database", database_down)
    response = client.get("/readyz", HTTP_HOST="127.0.0.1")
    assert response.status_code == 503 and json.loads(response.content)["status"] == "unavailable"


def test_a_worker_not_seen_lately_is_reported(client, settings, db):
    from partnerships.jobs import ServiceHeartbeat

    settings.CELERY_TASK_ALWAYS_EAGER = False
    body = json.loads(client.get("/readyz").content)
    assert body["checks"]["worker"]["detail"] == "never seen"
    ServiceHeartbeat.beat("worker")
    body = json.loads(client.get("/readyz").content)
    assert body["checks"]["worker"]["ok"] and body["checks"]["worker"]["seconds_ago"] < 5


def test_the_cache_falls_back_to_memory_while_redis_is_unreachable():
    # Nothing listens on port 1: every call to Redis fails at once.
    cache = FallbackRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    cache.set("rate", 3)
    assert cache.get("rate") == 3 and cache.incr("rate") == 4
    assert cache.add("other", 1) and cache.get_many(["rate", "other"]) == {"rate": 4, "other": 1}
    assert cache.is_degraded and not cache.ping()
    assert isinstance(cache._fallback, LocMemCache)


def test_a_login_page_works_while_the_cache_is_down(client, settings, db):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.FallbackRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    from django.core.cache import caches

    assert isinstance(caches["default"], FallbackRedisCache)  # the settings change gave a fresh cache handler
    response = client.post("/accounts/login/", {"login": "nobody@example.org", "password": "wrong password"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert caches["default"].is_degraded


class StandInRedis:
    """The Redis client RedisCache talks to, in a dict; `down` makes every call fail as an unreachable server."""

    def __init__(self):
        self.values, self.down = {}, False

    def _reach(self):
        if self.down:
            raise ConnectionError("Redis is unreachable")

    def get(self, key, default):
        self._reach()
        return self.values.get(key, default)

    def get_many(self, keys):
        self._reach()
        return {key: self.values[key] for key in keys if key in self.values}

    def set(self, key, value, timeout):
        self._reach()
        self.values[key] = value

    def set_many(self, data, timeout):
        self._reach()
        self.values.update(data)
        return []

    def delete(self, key):
        self._reach()
        return self.values.pop(key, None) is not None

    def delete_many(self, keys):
        self._reach()
        for key in keys:
            self.values.pop(key, None)


def test_what_changed_while_redis_was_away_is_dropped_from_it_when_it_returns():
    cache = FallbackRedisCache("redis://127.0.0.1:6379/0", {})
    cache._cache = redis = StandInRedis()
    cache.set_many({"generation": 1, "session": "signed in", "other": "kept"})
    # Redis goes away: the writes of the outage land in this process's memory only.
    redis.down = True
    cache.set("generation", 2)
    cache.delete("session")
    assert cache.is_degraded and cache.get("session") is None
    assert redis.values[":1:session"] == "signed in"  # what Redis would give once back
    # It comes back: what Redis still holds from before the outage is never read again.
    redis.down, cache._down_until = False, 0.0
    assert cache.get("session") is None
    assert cache.get("generation") is None  # a new start, which no kept fragment can match
    assert cache.get("other") == "kept"
    assert not cache._written_while_down


def test_a_failed_drop_is_tried_again_when_redis_next_answers():
    cache = FallbackRedisCache("redis://127.0.0.1:6379/0", {})
    cache._cache = redis = StandInRedis()
    cache.set("session", "signed in")
    redis.down = True
    cache.delete("session")
    cache._down_until = 0.0  # the retry comes while Redis is still away
    assert cache.get("session") is None and cache._written_while_down
    redis.down, cache._down_until = False, 0.0
    assert cache.get("session") is None and ":1:session" not in redis.values


def test_the_cache_keeps_one_redis_client_for_every_call():
    """Django makes a client a call; one a connection pool serves every call and thread alike."""
    cache = FallbackRedisCache("redis://127.0.0.1:6379/0", {})
    first = cache._cache.get_client(write=True)
    assert cache._cache.get_client("any key") is first
    assert cache._cache.get_client(write=False) is first  # one server: reads and writes share it
    assert first.connection_pool is cache._cache._pools[0]
