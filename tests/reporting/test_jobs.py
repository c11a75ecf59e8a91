"""Asking for a report, the job that makes it, a failure and its retry, publishing, never rendering twice."""

import datetime as dt

import pytest
from django.urls import reverse

from reporting import render, services
from reporting.models import Kind, Report
from reporting.services import ReportRefused, report_publish, report_request, report_retry
from reporting.tasks import render_report
from tests.factories import BudgetFactory, PartnershipFactory, UserFactory

from .conftest import pdf_text

AS_AT = dt.date(2023, 3, 31)


@pytest.fixture
def partnership(db):
    partnership = PartnershipFactory(name="Harbour Partnership", short_name="HP")
    BudgetFactory(partnership=partnership, year=2022)
    return partnership


def _ask(partnership, user=None, **kwargs):
    return report_request(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT, user=user, **kwargs)


def test_a_request_queues_a_job_that_makes_the_pdf(partnership, django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        report, queued = _ask(partnership, user)
    assert queued
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.progress == 100 and report.requested_by == user and report.as_at == AS_AT
    assert report.page_count >= 2 and len(report.fingerprint) == 64
    with report.file.open("rb") as handle:
        assert "Harbour Partnership" in pdf_text(handle.read())


def test_the_same_report_for_unchanged_data_is_not_rendered_twice(
    partnership, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = _ask(partnership)
    first.refresh_from_db()
    calls = []
    real = render.pdf_from_html
    monkeypatch.setattr(render, "pdf_from_html", lambda html: calls.append(html) or real(html))
    with django_capture_on_commit_callbacks(execute=True):
        again, queued = _ask(partnership)
    again.refresh_from_db()
    # The request only records the job; the worker finds the records unchanged and keeps the first PDF.
    assert queued and again.status == Report.Status.DONE and calls == []
    assert again.file.name == first.file.name and again.reused_from == first
    assert again.fingerprint == first.fingerprint

    BudgetFactory(partnership=partnership, year=2023)  # another year's budget: this report is unchanged
    with django_capture_on_commit_callbacks(execute=True):
        unchanged, _ = _ask(partnership)
    unchanged.refresh_from_db()
    assert unchanged.reused_from == first and calls == []
    # An edit made after the report's as-at date does not reach it: the report says what was so then.
    partnership.vision = "A harbour for everyone."
    partnership.save()
    with django_capture_on_commit_callbacks(execute=True):
        later, _ = _ask(partnership)
    later.refresh_from_db()
    with first.file.open("rb") as before, later.file.open("rb") as after:
        assert after.read() == before.read()
    printed = len(calls)
    partnership.budgets.filter(year=2022).update(amount=12345)
    with django_capture_on_commit_callbacks(execute=True):
        changed, _ = _ask(partnership)
    changed.refresh_from_db()
    assert len(calls) == printed + 1 and changed.reused_from is None
    assert changed.fingerprint != first.fingerprint and changed.file.name != first.file.name


def test_asking_gathers_nothing_in_the_request(partnership, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(services, "report_data", lambda **kwargs: pytest.fail("gathered in the request"))
    with django_assert_max_num_queries(3):
        report, queued = _ask(partnership)
    assert queued and report.status == Report.Status.QUEUED and report.fingerprint == ""


def test_two_requests_at_once_give_one_job_by_the_constraint(partnership):
    first, queued = _ask(partnership)
    second, queued_again = _ask(partnership)
    assert queued and not queued_again and second == first
    assert Report.objects.count() == 1
    # Another date is another report; a finished report does not block a new one.
    other, queued = report_request(
        kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT.replace(day=30)
    )
    assert queued and other != first
    first.finish()
    assert _ask(partnership)[1] is True


def test_the_fingerprint_is_of_the_records_and_stable(partnership):
    data = services.report_data(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT)
    again = services.report_data(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT)
    assert render.fingerprint(data) == render.fingerprint(again)
    partnership.budgets.filter(year=2022).update(amount=12345)
    changed = services.report_data(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT)
    assert render.fingerprint(changed) != render.fingerprint(data)


def test_a_job_that_finds_an_identical_pdf_keeps_it_instead(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = _ask(partnership)
    # A second job for the same data (two people asked at once) reuses the first PDF.
    twin = Report.objects.create(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT)
    services.report_render(report=twin)
    twin.refresh_from_db()
    first.refresh_from_db()
    assert twin.status == Report.Status.DONE and twin.file.name == first.file.name


def test_a_failure_is_stored_with_its_reason_and_a_retry_succeeds(
    partnership, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(html):
        raise ValueError("the page layout ran out of memory")

    monkeypatch.setattr(render, "pdf_from_html", broken)
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = _ask(partnership)
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert "The PDF could not be made: the page layout ran out of memory. Try again" in report.error
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        report_retry(report=report)
    report.refresh_from_db()
    assert report.status == Report.Status.DONE and report.error == "" and report.attempts == 2


def test_only_a_failed_report_is_retried_and_only_a_finished_one_published(partnership):
    report = Report.objects.create(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT)
    with pytest.raises(ReportRefused, match="Only a report that failed, or whose worker stopped, can be tried again."):
        report_retry(report=report)
    with pytest.raises(ReportRefused, match="Only a finished report can be published."):
        report_publish(report=report, user=None)


def test_the_task_is_idempotent_and_ignores_a_report_that_is_gone(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = _ask(partnership)
    report.refresh_from_db()
    finished = report.finished_at
    assert render_report.apply(args=[report.pk]).get() == "done"
    report.refresh_from_db()
    assert report.finished_at == finished and report.attempts == 1
    assert render_report.apply(args=[987654]).get() == "gone"


def test_transient_database_errors_are_raised_for_celery_to_retry(partnership, monkeypatch):
    from django.db import OperationalError

    report = Report.objects.create(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT)
    monkeypatch.setattr(services, "report_data", lambda **kwargs: (_ for _ in ()).throw(OperationalError("locked")))
    with pytest.raises(OperationalError):
        services.report_render(report=report)


@pytest.mark.parametrize(
    ("as_at", "message"),
    [
        (dt.date(2022, 3, 31), "on or after 1 April 2022"),
        (dt.date.today() + dt.timedelta(days=2), "cannot be in the future"),
    ],
)
def test_the_as_at_date_must_fall_in_or_after_the_year(partnership, as_at, message):
    with pytest.raises(ReportRefused, match=message):
        report_request(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=as_at)


def test_publishing_lets_members_read_and_withdrawing_stops_them(client, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_request(kind=Kind.ANNUAL_UPDATE, partnership=cast.partnership, year=2022, as_at=AS_AT)
    client.force_login(cast.users["member"])
    response = client.get(reverse("reporting:report_download", args=[report.pk]))
    assert response.status_code == 403
    assert "has not been published yet" in response.content.decode()
    report.refresh_from_db()
    report_publish(report=report, user=cast.users["officer"])
    response = client.get(reverse("reporting:report_download", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "riverside-strategic-partnership-annual-update-2022-23.pdf" in response["Content-Disposition"]
    listing = client.get(reverse("reporting:partnership_reports", args=[cast.partnership.slug]))
    assert "Download PDF" in listing.content.decode()
    report_publish(report=report, user=cast.users["officer"], publish=False)
    assert client.get(reverse("reporting:report_download", args=[report.pk])).status_code == 403


def test_the_bench_times_the_request_alone_without_making_the_report(partnership, monkeypatch):
    from reporting import bench
    from tests.factories import make_officer

    monkeypatch.setattr(render, "pdf_from_html", lambda html: pytest.fail("rendered in the request"))
    figures = bench.measure_request(partnership, make_officer(partnership), runs=2)
    assert figures["median_ms"] > 0 and figures["queries"] <= 12
    assert Report.objects.filter(partnership=partnership, status=Report.Status.QUEUED).count() == 1
