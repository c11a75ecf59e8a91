"""Liveness and readiness for the container health checks and the load balancer.

`/healthz` says the process answers (no database: a database outage must not get every web process
restarted). `/readyz` checks what a request needs, and says how long since a worker and the scheduler
were last seen: 503 when the database or the media storage fails, since no page works without them;
200 "degraded" when the broker, the cache, a worker or the scheduler is away, because requests still
succeed then (work waits in the outbox, the cache falls back to memory).

Both are answered by middleware placed before the host check and the HTTPS redirect: the container
calls them on 127.0.0.1 over plain HTTP, which production settings would otherwise refuse or redirect.
"""

import json
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

PATHS = {"/healthz", "/readyz"}


@require_safe
@never_cache
def healthz(request):
    """The process is up and answering."""
    return HttpResponse("ok", content_type="text/plain")


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception as error:  # noqa: BLE001 - every failure is reported, never raised
        detail, ok = f"{type(error).__name__}: {error}", False
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "answers"


def _broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "jobs run in the web process"
    from config.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "answers"


def _cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("a value written was not read back")
    cache.delete(key)
    ping = getattr(cache, "ping", None)
    if ping is not None and not ping():
        raise RuntimeError("Redis does not answer; serving from local memory")
    return "answers"


def _storage():
    name = default_storage.save(f"health/readyz-{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)
    return "writable"


def _heartbeat(name: str):
    from partnerships.jobs import ServiceHeartbeat

    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "detail": "jobs run in the web process", "seconds_ago": None}
    seen = ServiceHeartbeat.objects.filter(name=name).values_list("seen_at", flat=True).first()
    if seen is None:
        return {"ok": False, "detail": "never seen", "seconds_ago": None}
    ago = round((timezone.now() - seen).total_seconds(), 1)
    return {"ok": ago <= settings.HEALTH_HEARTBEAT_LATE_SECONDS, "detail": f"seen {ago} s ago", "seconds_ago": ago}


@require_safe
@never_cache
def readyz(request):
    checks = {
        "database": _timed(_database),
        "media_storage": _timed(_storage),
        "broker": _timed(_broker),
        "cache": _timed(_cache),
    }
    database_ok = checks["database"]["ok"]
    checks["worker"] = _heartbeat("worker") if database_ok else {"ok": False, "detail": "database unreachable"}
    checks["scheduler"] = _heartbeat("beat") if database_ok else {"ok": False, "detail": "database unreachable"}
    essential = checks["database"]["ok"] and checks["media_storage"]["ok"]
    state = "ready" if all(c["ok"] for c in checks.values()) else ("degraded" if essential else "unavailable")
    body = json.dumps({"status": state, "checks": checks}, indent=2)
    return HttpResponse(body, status=200 if essential else 503, content_type="application/json")


class HealthCheckMiddleware:
    """Answer the health paths before the host check and HTTPS redirect, which would refuse the container."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path_info in PATHS:
            return healthz(request) if request.path_info == "/healthz" else readyz(request)
        return self.get_response(request)
