"""Report pages and the cost of making each report, for `make bench`.

measures() times the three steps of a report (gathering the records, the HTML, the PDF) and the
process's peak memory while it is made: for the OSP's 2022/23 annual update, Cambridge
City Council's 2023/24 review (Cambridge City Council's Annual Review of Strategic Partnerships 2024) and the annual update of the largest generated partnership.
"""

import datetime as dt
import statistics
import threading
import time

from django.urls import reverse
from django.utils import timezone

from meetings import demo as meetings_demo
from partnerships import demo as register_demo
from partnerships.bench import largest_partnership
from partnerships.models import Organisation, PartnershipOfficer
from taskgroups import demo as taskgroups_demo
from themes import demo as themes_demo

from . import demo, gather, render
from .models import Kind, Report

RUNS = 3


def pages(context, users) -> list[tuple[str, str, object]]:
    partnership = largest_partnership(context)
    PartnershipOfficer.objects.get_or_create(user=users["officer"], partnership=partnership)
    report, _ = Report.objects.get_or_create(
        kind=Kind.ANNUAL_UPDATE,
        partnership=partnership,
        year=2022,
        as_at=dt.date(2023, 3, 31),
        defaults={"status": Report.Status.DONE, "finished_at": timezone.now(), "progress": 100},
    )
    return [
        ("report_index", reverse("reporting:report_index"), users["officer"]),
        ("partnership_reports", reverse("reporting:partnership_reports", args=[partnership.slug]), users["officer"]),
        (
            "annual_update_preview",
            reverse("reporting:annual_update_preview", args=[partnership.slug, 2022]),
            users["officer"],
        ),
        ("report_detail", reverse("reporting:report_detail", args=[report.pk]), users["officer"]),
        ("search", reverse("search:search") + "?q=partnership+meeting", users["officer"]),
        ("search_public", reverse("search:search") + "?q=partnership+meeting", None),
    ]


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class PeakMemory:
    """The process's largest resident size while the block runs, sampled every few milliseconds."""

    def __enter__(self):
        self.before = self.peak = _rss_mb()
        self._running = True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while self._running:
            self.peak = max(self.peak, _rss_mb())
            time.sleep(0.005)

    def __exit__(self, *exc):
        self._running = False
        self._thread.join()
        self.peak = max(self.peak, _rss_mb())


def measure_report(kind: str, *, year: int, as_at: dt.date, runs: int = RUNS, **subject) -> dict:
    """Median seconds of each step over `runs`, and the peak memory of the process while making it."""
    timings: dict[str, list[float]] = {"gather": [], "html": [], "pdf": []}
    with PeakMemory() as memory:
        for _ in range(runs):
            started = time.perf_counter()
            if kind == Kind.ANNUAL_UPDATE:
                data = gather.annual_update(year=year, as_at=as_at, **subject)
            else:
                data = gather.council_review(year=year, as_at=as_at, **subject)
            gathered = time.perf_counter()
            html = render.report_html(data)
            laid_out = time.perf_counter()
            pdf = render.pdf_from_html(html)
            printed = time.perf_counter()
            timings["gather"].append(gathered - started)
            timings["html"].append(laid_out - gathered)
            timings["pdf"].append(printed - laid_out)
    medians = {step: statistics.median(values) for step, values in timings.items()}
    total = sum(medians.values())
    return {
        "gather_s": round(medians["gather"], 3),
        "html_s": round(medians["html"], 3),
        "pdf_s": round(medians["pdf"], 3),
        "total_s": round(total, 3),
        "data_and_html_share": round((medians["gather"] + medians["html"]) / total, 3) if total else 0,
        "pages": render.page_count(pdf),
        "peak_rss_mb": round(memory.peak, 1),
        "rss_growth_mb": round(memory.peak - memory.before, 1),
    }


def _seed_demonstration_data() -> dict:
    """The source documents' partnerships, every app's demonstration records and the two narratives."""
    partnerships = register_demo.seed()
    for module in (meetings_demo, themes_demo, taskgroups_demo):
        module.seed(partnerships)
    demo.seed_narratives(partnerships)
    return partnerships


def measure_request(partnership, user, *, runs: int = 5) -> dict:
    """Server time of asking for a report: the request records the job and hands it to the broker.

    The broker is Celery's in-memory one here, so the time is the web process's own, as with Redis.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from config.celery import app

    client = Client()
    client.force_login(user)
    url = reverse("reporting:partnership_reports", args=[partnership.slug])
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    timings, queries = [], 0
    try:
        for _ in range(runs):
            # A finished report does not block the next request, so each run makes a new job.
            Report.objects.filter(partnership=partnership, status__in=Report.ACTIVE).update(status=Report.Status.DONE)
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.post(url, {"year": "2022"})
                timings.append(time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            queries = len(captured)
    finally:
        app.conf.task_always_eager = eager
    return {
        "median_ms": round(statistics.median(timings) * 1000, 1),
        "max_ms": round(max(timings) * 1000, 1),
        "queries": queries,
    }


def measures(context, users) -> dict:
    partnerships = _seed_demonstration_data()
    largest = largest_partnership(context)
    PartnershipOfficer.objects.get_or_create(user=users["officer"], partnership=largest)
    return {
        "report_request_server_time": measure_request(largest, users["officer"]),
        "report_osp_annual_update_2022": measure_report(
            Kind.ANNUAL_UPDATE, partnership=partnerships["osp"], year=2022, as_at=dt.date(2023, 3, 31)
        ),
        "report_cambridge_review_2023": measure_report(
            Kind.COUNCIL_REVIEW,
            organisation=Organisation.objects.get(name="Cambridge City Council"),
            year=2023,
            as_at=dt.date(2024, 3, 31),
        ),
        "report_largest_partnership_annual_update_2022": measure_report(
            Kind.ANNUAL_UPDATE, partnership=largest, year=2022, as_at=dt.date(2023, 3, 31)
        ),
    }
