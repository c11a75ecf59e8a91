"""With a real Celery worker on Redis: queued to done, a forced failure reported, a retry that succeeds."""

import datetime as dt
import time

import pytest

from reporting import render
from reporting.models import Kind, Report
from reporting.services import report_request, report_retry
from tests.factories import PartnershipFactory


def _wait(report: Report, timeout: float = 60) -> Report:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.is_finished:
            return report
        time.sleep(0.2)
    raise AssertionError(f"Report {report.pk} still {report.status} after {timeout} s")


@pytest.mark.celery_worker
def test_a_real_worker_makes_the_report_reports_a_failure_and_retries(celery_worker_on_redis, monkeypatch):
    partnership = PartnershipFactory(name="Worker Test Partnership", short_name="WTP")
    report, queued = report_request(
        kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=dt.date(2023, 3, 31)
    )
    assert queued and report.status == Report.Status.QUEUED
    assert _wait(report).status == Report.Status.DONE
    assert report.page_count >= 1 and report.file

    # The worker runs in this process, so breaking the PDF engine here breaks it there.
    def broken(html):
        raise RuntimeError("the PDF engine is not available")

    partnership.vision = "Something new, so the report must be made again."
    partnership.save()
    monkeypatch.setattr(render, "pdf_from_html", broken)
    failing, queued = report_request(
        kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=dt.date(2023, 3, 31)
    )
    assert queued
    assert _wait(failing).status == Report.Status.FAILED
    assert "the PDF engine is not available" in failing.error

    monkeypatch.undo()
    report_retry(report=failing)
    assert _wait(failing).status == Report.Status.DONE
    assert failing.error == "" and failing.attempts == 2
