"""Pages measured over HTTP under gunicorn, side by side with a hello-world Django view.

Both servers run with the same gunicorn settings on free ports on 127.0.0.1. Each page gets bounded
sequential requests (p50, p99) and a bounded load run at a fixed number of connections (a thread pool
with a request count and a time cap), in short runs taken in turn with the hello-world view's; its
figures are divided by those taken beside it, so a machine busier at one moment than another skews
no ratio.
Roundtable is served twice: on local memory, the embedded default, and on Redis, as in production.
"""

import http.client
import math
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

GUNICORN_WORKERS = 2
# Every listed page should answer within 8 times the hello-world p50 and keep a tenth of its throughput.
TARGET_P50_RATIO = 8
TARGET_RPS_RATIO = 0.1
CONNECTIONS = 8
BASE_DIR = Path(settings.BASE_DIR)
# Kept between runs: collecting and compressing the static files takes longer than a quick run.
STATIC_ROOT = BASE_DIR / "bench-results" / "static"


@dataclass(frozen=True)
class Plan:
    """How many requests each page gets, and how long its load run may take at most."""

    sequential: int
    load_requests: int
    load_seconds: float
    rounds: int = 1  # runs the sequential requests are split into, in turn with the hello-world view's


FULL = Plan(sequential=120, load_requests=400, load_seconds=15, rounds=6)
QUICK = Plan(sequential=8, load_requests=24, load_seconds=1.5, rounds=2)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(sequential_ms: list[float], load_count: int, load_seconds: float, errors: int = 0) -> dict:
    """One page's figures: sequential p50 and p99 in milliseconds, and requests per second under load."""
    return {
        "p50_ms": round(percentile(sequential_ms, 50), 2),
        "p99_ms": round(percentile(sequential_ms, 99), 2),
        "rps": round(load_count / load_seconds, 1) if load_seconds > 0 else 0.0,
        "requests": len(sequential_ms) + load_count,
        "errors": errors,
    }


def ratios(page: dict, hello: dict) -> dict:
    """A page against the hello-world view: times as a multiple of its p50, throughput as a fraction of its rate."""
    p50_ratio = page["p50_ms"] / hello["p50_ms"] if hello["p50_ms"] else None
    rps_ratio = page["rps"] / hello["rps"] if hello["rps"] else None
    return {
        "p50_ratio": None if p50_ratio is None else round(p50_ratio, 1),
        "rps_ratio": None if rps_ratio is None else round(rps_ratio, 4),
        "within_target": p50_ratio is not None
        and rps_ratio is not None
        and p50_ratio <= TARGET_P50_RATIO
        and rps_ratio >= TARGET_RPS_RATIO,
    }


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, cookie: str | None = None, timeout: float = 30) -> tuple[int, float]:
    """One GET on a fresh connection (gunicorn's sync workers close each one): status and milliseconds."""
    headers = {"Host": "127.0.0.1", "Connection": "close"}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    finally:
        connection.close()
    return status, (time.perf_counter() - started) * 1000


def sequential(port: int, path: str, cookie: str | None, count: int) -> list[float]:
    timings = []
    for _ in range(count):
        status, ms = get(port, path, cookie)
        if status != 200:
            raise RuntimeError(f"{path} answered {status} under gunicorn")
        timings.append(ms)
    return timings


def load(port: int, path: str, cookie: str | None, *, requests: int, seconds: float) -> tuple[int, float, int]:
    """At most `requests` GETs over CONNECTIONS threads, stopping at `seconds`: (completed, elapsed, errors)."""
    lock = threading.Lock()
    state = {"issued": 0, "done": 0, "errors": 0}
    deadline = time.perf_counter() + seconds

    def worker():
        while True:
            with lock:
                if state["issued"] >= requests or time.perf_counter() >= deadline:
                    return
                state["issued"] += 1
            try:
                status, _ms = get(port, path, cookie)
            except OSError:
                status = 0
            with lock:
                state["done"] += 1
                if status != 200:
                    state["errors"] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CONNECTIONS) as pool:
        for _ in range(CONNECTIONS):
            pool.submit(worker)
    elapsed = time.perf_counter() - started
    return state["done"] - state["errors"], elapsed, state["errors"]


def measure_beside(hello_port: int, port: int, path: str, cookie: str | None, plan: Plan) -> tuple[dict, dict]:
    """A page and the hello-world view in alternating runs, so both meet the machine alike: (page, hello-world).

    A shared machine slows in bursts of a second or so, which a page measured after the hello-world view
    could meet alone. Short runs in turn spread each burst over both, while each run is still warm, as a
    server under steady traffic is; alternating request by request would wake an idle worker for every
    hello-world request and flatter the page.
    """
    for _ in range(3):  # warm both workers' template and URL caches
        get(hello_port, "/")
        get(port, path, cookie)
    hello_ms, page_ms = [], []
    for _ in range(plan.rounds):
        hello_ms += sequential(hello_port, "/", None, plan.sequential // plan.rounds)
        page_ms += sequential(port, path, cookie, plan.sequential // plan.rounds)
    hello_runs, page_runs = [], []
    half = {"requests": plan.load_requests // 2, "seconds": plan.load_seconds / 2}
    for _ in range(2):
        hello_runs.append(load(hello_port, "/", None, **half))
        page_runs.append(load(port, path, cookie, **half))
    # Completed requests, seconds taken and errors, summed over both runs.
    hello_load, page_load = (tuple(map(sum, zip(*runs, strict=True))) for runs in (hello_runs, page_runs))
    return summarise(page_ms, *page_load), summarise(hello_ms, *hello_load)


def _wait_until_up(process: subprocess.Popen, port: int, path: str, log: Path) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped on start: {log.read_text()[-2000:]}")
        try:
            get(port, path, timeout=2)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer on port {port}")


@contextmanager
def gunicorn(app: str, env: dict, ready_path: str):
    """Serve a WSGI application with GUNICORN_WORKERS sync workers on a free port; yield the port."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-gunicorn-") as tmp:
        log = Path(tmp) / "gunicorn.log"
        with log.open("w") as log_file:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    app,
                    f"--bind=127.0.0.1:{port}",
                    f"--workers={GUNICORN_WORKERS}",
                    "--worker-class=sync",
                    "--log-level=warning",
                    f"--chdir={BASE_DIR}",
                ],
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                cwd=BASE_DIR,
            )
            try:
                _wait_until_up(process, port, ready_path, log)
                yield port
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def server_environment(static_root: Path, redis_url: str | None = None) -> dict:
    """Roundtable as deployed (DEBUG off) but over plain HTTP, sharing this process's database and signing key.

    Its cache is local memory, the embedded default, or the Redis at `redis_url`, as in production.
    """
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=settings.SECRET_KEY,  # the sessions made here are signed with it
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_STATIC_ROOT=str(static_root),
        ROUNDTABLE_REQUIRE_MFA="false",
        DATABASE_URL=settings.DATABASE_URL,
        CELERY_TASK_ALWAYS_EAGER="true",  # a page read queues nothing; none of it may wait on a broker
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def redis_answers(url: str) -> str | None:
    """None when the Redis at `url` answers, else why not."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except (redis.RedisError, OSError, ValueError) as error:
        return f"no Redis answered at {url}: {error}"
    return None


def _empty_redis(url: str) -> None:
    """Start from an empty cache, so nothing kept under an earlier dataset's generations is served."""
    import redis

    redis.Redis.from_url(url).flushdb()


def collect_static(env: dict, static_root: Path) -> None:
    """The hashed static manifest that DEBUG-off templates need, made again only when a static file changed."""
    manifest = static_root / "staticfiles.json"
    sources = [path.stat().st_mtime for path in (BASE_DIR / "static").rglob("*") if path.is_file()]
    if manifest.exists() and manifest.stat().st_mtime >= max(sources, default=0):
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=BASE_DIR,
        check=True,
    )


def session_cookie(user) -> str | None:
    """A signed-in session for `user`, saved in the database both servers share, as a Cookie header."""
    if user is None:
        return None
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _pages_beside(hello_port: int, port: int, pages, cookies: dict, plan: Plan) -> dict:
    figures, hellos = {}, []
    for name, url, _user in pages:
        page, hello = measure_beside(hello_port, port, url, cookies[name], plan)
        hellos.append(hello)
        figures[name] = {**page, **ratios(page, hello), "hello_p50_ms": hello["p50_ms"], "hello_rps": hello["rps"]}
    return {
        # Each page is divided by the hello-world figures taken beside it; these are their medians.
        "hello_world": {
            "p50_ms": round(percentile([h["p50_ms"] for h in hellos], 50), 2) if hellos else None,
            "rps": round(percentile([h["rps"] for h in hellos], 50), 1) if hellos else None,
        },
        "pages": figures,
        "within_target": sum(page["within_target"] for page in figures.values()),
        "outside_target": sorted(name for name, page in figures.items() if not page["within_target"]),
    }


def run(pages: list[tuple[str, str, object]], plan: Plan, *, redis_url: str | None = None) -> dict:
    """Each page on Roundtable's gunicorn beside the hello-world view's, on local memory and then on Redis."""
    cookies = {name: session_cookie(user) for name, _url, user in pages}
    collect_static(server_environment(STATIC_ROOT), STATIC_ROOT)
    hello_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    caches = {"local_memory": None}
    redis_skipped = redis_answers(redis_url) if redis_url else "no Redis was named"
    if redis_skipped is None:
        caches["redis"] = redis_url
    results = {}
    with gunicorn("config.hello_wsgi:application", hello_env, "/") as hello_port:
        for cache_name, url in caches.items():
            if url:
                _empty_redis(url)
            with gunicorn("config.wsgi:application", server_environment(STATIC_ROOT, url), "/healthz") as port:
                results[cache_name] = _pages_beside(hello_port, port, pages, cookies, plan)
    if redis_skipped:
        results["redis"] = {"skipped": redis_skipped}
    return {
        "server": f"gunicorn, {GUNICORN_WORKERS} sync workers, DEBUG off",
        "connections": CONNECTIONS,
        # A Python client on the same cores tops out near a thousand requests a second, so the hello-world
        # rate is a floor of what the server can do and the throughput ratios read more kindly than wrk's.
        "load_client": f"Python thread pool, {CONNECTIONS} threads, a fresh connection per request",
        "plan": {
            "sequential": plan.sequential,
            "rounds": plan.rounds,
            "load_requests": plan.load_requests,
            "load_seconds": plan.load_seconds,
        },
        "caches": results,
    }
