"""Measure every page's query count and median server time at two data scales; print JSON.

Benchmarks report; tests assert. Each app lists its pages in <app>/bench.py as pages(context, users)
and may add other figures (a pack build, a report render) as measures(context, users) -> dict.
At the --scale given, the pages in HTTP_PAGES are also served by gunicorn beside a hello-world
Django view and measured over HTTP, once on local memory and once on the Redis at --redis-url, which
it empties (see partnerships/bench_http.py).
"""

import importlib
import json
import os
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnerships import bench_http

from .generate_dataset import generate_all

APPS = ["partnerships", "themes", "taskgroups", "meetings", "reporting"]

# The pages held to the hello-world view: each app's bench.py names them.
HTTP_PAGES = [
    "meeting_detail_public",
    "meeting_detail_member",
    "partnership_detail",
    "partnership_detail_public",
    "partnership_list",
    "my_meetings",
    "home",
    "home_public",
    "membership_list",
    "membership_list_as_at",
    "themes_reports_due_admin",
    "taskgroups_overview_admin",
    "themes_outcomes_dashboard",
]


def _bench_modules(apps):
    for app in apps:
        yield importlib.import_module(f"{app}.bench")


def measure_page(url: str, user, runs: int) -> dict:
    client = Client()
    if user is not None:
        client.force_login(user)
    for _ in range(2):
        response = client.get(url)
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}")
    reset_queries()  # the log is capped, so a full one would hide new queries
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": len(queries),
        "median_ms": round(statistics.median(timings), 2),
        "max_ms": round(max(timings), 2),
    }


def _fresh_context(scale: float) -> dict:
    call_command("flush", interactive=False, verbosity=0)
    return generate_all(scale)


def _existing_context() -> dict:
    """What the bench modules read from a generated dataset, found again in the database."""
    from partnerships.models import Partnership

    return {"partnerships": list(Partnership.objects.order_by("pk"))}


def _bench_users() -> dict:
    model = get_user_model()
    officer = model.objects.filter(username="bench-officer@example.org").first()
    admin = model.objects.filter(username="bench-admin@example.org").first()
    return {
        "officer": officer or model.objects.create_user("bench-officer@example.org", "bench-officer@example.org", "x"),
        "admin": admin or model.objects.create_superuser("bench-admin@example.org", "bench-admin@example.org", "x"),
    }


class Command(BaseCommand):
    help = "Benchmark pages at dataset scales 1 and 10 (uses and empties the configured database)."

    def add_arguments(self, parser):
        parser.add_argument("--scales", default="1,10", help="Scales whose query counts and in-process times to take.")
        parser.add_argument("--scale", type=float, help="The scale to serve over HTTP (default: the largest).")
        parser.add_argument("--runs", type=int, default=15)
        parser.add_argument(
            "--quick", action="store_true", help="Scale 1 only, few requests, no report or pack builds (for CI)."
        )
        parser.add_argument("--no-http", action="store_true", help="Only the in-process figures.")
        parser.add_argument("--apps", default=",".join(APPS), help="Comma-separated apps whose pages to measure.")
        parser.add_argument(
            "--page", action="append", default=[], help="Measure only pages whose name contains this (repeatable)."
        )
        parser.add_argument(
            "--reuse-data",
            action="store_true",
            help="Measure the dataset already in the database (one generated at --scale) instead of making it again.",
        )
        parser.add_argument(
            "--redis-url",
            default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"),
            help="A Redis database to empty and serve the HTTP pages from as well ('' for local memory only).",
        )
        parser.add_argument("--i-know-this-empties-the-database", action="store_true", dest="confirmed")

    def handle(
        self, *args, scales, scale, runs, quick, no_http, confirmed, apps, page, reuse_data, redis_url, **options
    ):
        if not confirmed:
            raise CommandError("bench empties the database it runs on; pass --i-know-this-empties-the-database.")
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        settings.ROUNDTABLE_REQUIRE_MFA = False
        scale_list = [float(s) for s in scales.split(",")]
        if quick:
            scale_list, runs = [scale or 1.0], 1
        http_scale = scale if scale is not None else max(scale_list)
        # The HTTP run needs the data at its scale in the database, so that scale is generated last.
        if not no_http:
            scale_list = [s for s in scale_list if s != http_scale] + [http_scale]
        results = {"database": connection.vendor, "runs": runs, "quick": quick, "scales": {}}
        if reuse_data:
            scale_list = [http_scale]
        for scale in scale_list:
            started = time.perf_counter()
            context = _existing_context() if reuse_data else _fresh_context(scale)
            users = _bench_users()
            figures = {"generate_seconds": round(time.perf_counter() - started, 2), "pages": {}, "measures": {}}
            listed = []
            for module in _bench_modules(apps.split(",")):
                for name, url, user in module.pages(context, users):
                    if page and not any(part in name for part in page):
                        continue
                    figures["pages"][name] = measure_page(url, user, runs)
                    listed.append((name, url, user))
                if hasattr(module, "measures") and not quick and not page:
                    figures["measures"].update(module.measures(context, users))
            figures["in_process_seconds"] = round(time.perf_counter() - started - figures["generate_seconds"], 1)
            if scale == http_scale and not no_http:
                wanted = [page for page in listed if page[0] in HTTP_PAGES]
                http_started = time.perf_counter()
                served = bench_http.run(wanted, bench_http.QUICK if quick else bench_http.FULL, redis_url=redis_url)
                results["http"] = {
                    "scale": f"{scale:g}",
                    **served,
                    "seconds": round(time.perf_counter() - http_started, 1),
                }
            results["scales"][f"{scale:g}"] = figures
        keys = list(results["scales"])
        if len(keys) > 1:
            first, last = results["scales"][keys[0]]["pages"], results["scales"][keys[-1]]["pages"]
            results["query_counts_constant"] = {name: first[name]["queries"] == last[name]["queries"] for name in first}
            # A page may skip a query when its partnership has nothing of a kind; what must never happen is growth.
            results["query_counts_grow"] = sorted(
                name for name in first if last[name]["queries"] > first[name]["queries"]
            )
            results["slowest_page_ms_at_largest_scale"] = max(p["median_ms"] for p in last.values())
        self.stdout.write(json.dumps(results, indent=2))
