"""Measure every page's query count and median server time at two data scales; print JSON.

Benchmarks report; tests assert. Each app lists its pages in <app>/bench.py as pages(context, users)
and may add other figures (a pack build, a report render) as measures(context, users) -> dict.
"""

import importlib
import json
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .generate_dataset import generate_all

APPS = ["partnerships", "themes", "taskgroups", "meetings", "reporting"]


def _bench_modules(apps):
    for app in apps:
        try:
            yield importlib.import_module(f"{app}.bench")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.bench":
                raise


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


class Command(BaseCommand):
    help = "Benchmark pages at dataset scales 1 and 10 (uses and empties the configured database)."

    def add_arguments(self, parser):
        parser.add_argument("--scales", default="1,10")
        parser.add_argument("--runs", type=int, default=15)
        parser.add_argument("--apps", default=",".join(APPS), help="Comma-separated apps whose pages to measure.")
        parser.add_argument("--i-know-this-empties-the-database", action="store_true", dest="confirmed")

    def handle(self, *args, scales, runs, confirmed, apps, **options):
        if not confirmed:
            raise CommandError("bench empties the database it runs on; pass --i-know-this-empties-the-database.")
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        settings.ROUNDTABLE_REQUIRE_MFA = False
        results = {"database": connection.vendor, "runs": runs, "scales": {}}
        for scale in [float(s) for s in scales.split(",")]:
            call_command("flush", interactive=False, verbosity=0)
            started = time.perf_counter()
            context = generate_all(scale)
            users = {
                "officer": get_user_model().objects.create_user(
                    "bench-officer@example.org", "bench-officer@example.org", "x"
                ),
                "admin": get_user_model().objects.create_superuser(
                    "bench-admin@example.org", "bench-admin@example.org", "x"
                ),
            }
            figures = {"generate_seconds": round(time.perf_counter() - started, 2), "pages": {}, "measures": {}}
            for module in _bench_modules(apps.split(",")):
                for name, url, user in module.pages(context, users):
                    figures["pages"][name] = measure_page(url, user, runs)
                if hasattr(module, "measures"):
                    figures["measures"].update(module.measures(context, users))
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
