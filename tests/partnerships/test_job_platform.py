"""One job flow: asked for with the transaction, sent after commit, claimed once, swept when its worker vanishes."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from meetings.models import MeetingPack
from meetings.services import agenda_publish
from partnerships import jobs
from partnerships.jobs import jobs_dispatch_pending, jobs_sweep
from partnerships.outbox import OutboundEmail, email_queue
from partnerships.tasks import send_email
from reporting import tasks as report_tasks
from reporting.models import Kind, Report
from reporting.services import report_request, report_retry
from tests.factories import PartnershipFactory
from tests.meetings.factories import MeetingFactory

AS_AT = dt.date(2023, 3, 31)
LONG_AGO = dt.timedelta(minutes=10)


@pytest.fixture
def partnership(db):
    return PartnershipFactory(name="Estuary Partnership", short_name="EP")


def _ask(partnership, **kwargs):
    return report_request(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT, **kwargs)


@pytest.fixture
def meeting(cast):
    return MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 3, 12))


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(report_tasks.render_report, "apply_async", refuse)
    return monkeypatch


def test_with_the_broker_down_the_request_succeeds_and_the_dispatcher_sends_it_later(
    partnership, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report, queued = _ask(partnership)
    report.refresh_from_db()
    assert queued and report.status == Report.Status.QUEUED and report.dispatched_at is None
    assert report.step == "Queued: it will start when the service is back"
    assert jobs_dispatch_pending() == 0  # still down: nothing is lost, nothing is marked sent
    broker_down.undo()
    assert jobs_dispatch_pending() == 1
    report.refresh_from_db()
    assert report.status == Report.Status.DONE and report.dispatched_at is not None and report.attempts == 1
    assert jobs_dispatch_pending() == 0


def test_the_page_says_a_job_waits_for_the_service(
    officer_client, cast, broker_down, django_capture_on_commit_callbacks
):
    url = reverse("reporting:partnership_reports", args=[cast.partnership.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"year": "2022"}, follow=True)
    assert response.status_code == 200
    assert "Queued: it will start when the service is back" in response.content.decode()


def test_a_message_delivered_again_after_its_worker_died_runs_the_job_once(partnership):
    report, _ = _ask(partnership)
    assert report.claim(token="task-1")
    # The worker's pool process was killed; the broker gives the same message back.
    again = Report.objects.get(pk=report.pk)
    assert again.claim(token="task-1")
    assert again.stalls == 1 and again.attempts == 2 and again.step == jobs.STALLED
    # A second message for a job a live worker holds is refused.
    assert not Report.objects.get(pk=report.pk).claim(token="task-2")
    again.finish()
    assert not Report.objects.get(pk=report.pk).claim(token="task-1")


def test_the_sweep_requeues_a_job_whose_worker_vanished_and_fails_it_after_too_many_stalls(
    partnership, settings, django_capture_on_commit_callbacks
):
    settings.JOBS_MAX_STALLS = 2
    report, _ = _ask(partnership)
    report.claim(token="task-1")
    Report.objects.filter(pk=report.pk).update(heartbeat_at=timezone.now() - LONG_AGO)
    report.refresh_from_db()
    assert report.is_stuck and report.may_retry
    with django_capture_on_commit_callbacks(execute=True):
        counts = jobs_sweep()
    assert counts["requeued"] == 1
    report.refresh_from_db()
    # Re-queued and sent again; in-process jobs run at once.
    assert report.status == Report.Status.DONE and report.stalls == 1

    second = Report.objects.create(
        kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=AS_AT.replace(day=30), stalls=1
    )
    second.claim(token="task-9")
    Report.objects.filter(pk=second.pk).update(heartbeat_at=timezone.now() - LONG_AGO)
    assert jobs_sweep()["failed"] == 1
    second.refresh_from_db()
    assert second.status == Report.Status.FAILED and "The worker stopped 2 times" in second.error


def test_asking_again_for_a_stuck_job_starts_it_again(partnership, django_capture_on_commit_callbacks):
    report, _ = _ask(partnership)
    report.claim(token="task-1")
    Report.objects.filter(pk=report.pk).update(heartbeat_at=timezone.now() - LONG_AGO)
    with django_capture_on_commit_callbacks(execute=True):
        again, queued = _ask(partnership)
    assert again == report and not queued
    report.refresh_from_db()
    assert report.status == Report.Status.DONE


def test_a_person_may_retry_a_stuck_report_and_the_page_says_the_worker_stopped(
    officer_client, cast, django_capture_on_commit_callbacks
):
    report, _ = report_request(kind=Kind.ANNUAL_UPDATE, partnership=cast.partnership, year=2022, as_at=AS_AT)
    report.claim(token="task-1")
    Report.objects.filter(pk=report.pk).update(heartbeat_at=timezone.now() - LONG_AGO)
    page = officer_client.get(report.get_absolute_url()).content.decode()
    assert "has stopped" in page and "Try again now" in page
    with django_capture_on_commit_callbacks(execute=True):
        report_retry(report=Report.objects.get(pk=report.pk))
    report.refresh_from_db()
    assert report.status == Report.Status.DONE


def test_a_rerun_replaces_its_own_file_and_never_leaves_a_second(partnership, settings):
    report, _ = _ask(partnership)
    first = report.store_file("file", report.download_name, b"%PDF-1.4 first")
    second = report.store_file("file", report.download_name, b"%PDF-1.4 second")
    assert first == second
    folder = settings.MEDIA_ROOT / first.rsplit("/", 1)[0]
    assert [path.read_bytes() for path in folder.iterdir()] == [b"%PDF-1.4 second"]


def test_an_email_is_recorded_once_per_key_and_sent_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email, created = email_queue(key="notice:1:ada", to="ada@example.org", subject="Notice", body="Hello")
        twin, created_again = email_queue(key="notice:1:ada", to="ada@example.org", subject="Notice", body="Hello")
    assert created and not created_again and twin == email
    assert send_email.apply(args=[email.pk]).get() == "done"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@example.org"]
    email.refresh_from_db()
    assert email.sent_at is not None and OutboundEmail.objects.count() == 1


def test_an_email_whose_worker_stopped_is_not_sent_again(db):
    email, _ = email_queue(key="notice:2:ada", to="ada@example.org", subject="Notice", body="Hello")
    email.claim(token="task-1")
    assert send_email.apply(args=[email.pk], task_id="task-1").get() == "failed"
    email.refresh_from_db()
    assert mail.outbox == [] and "not sent again, so that no one gets it twice" in email.error


def test_publishing_records_the_emails_and_packs_with_the_meeting_and_sends_after_commit(
    meeting, cast, django_capture_on_commit_callbacks
):
    cast.member_person.email = "ada@example.org"
    cast.member_person.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        agenda_publish(meeting=meeting)
    # Nothing has gone yet: the emails and packs are rows waiting for the commit.
    assert mail.outbox == [] and OutboundEmail.objects.count() == 2
    assert set(MeetingPack.objects.values_list("status", flat=True)) == {"queued"}
    for callback in callbacks:
        callback()
    for callback in callbacks:
        callback()  # a second dispatch of the same rows sends nothing more
    assert len(mail.outbox) == 2
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"done"}


def test_a_second_pack_request_while_one_is_in_flight_gets_the_first(meeting, cast):
    from meetings.services import pack_request

    first = pack_request(meeting=meeting, variant="members")
    second = pack_request(meeting=meeting, variant="members")
    assert first == second and MeetingPack.objects.count() == 1
