"""Reminder emails before a report is due and on the day it becomes overdue, sent once each."""

import datetime as dt

import pytest
from django.core import mail

from tests.factories import PersonFactory, make_officer
from themes.models import ThemeReport, ThemeReportReminder
from themes.services import theme_report_reminders_send
from themes.tasks import send_theme_report_reminders

from .factories import ThemeFactory, ThemeReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    lead = PersonFactory(first_name="Mai", last_name="Jarvis", email="mai@example.org")
    return ThemeFactory(title="Low Carbon City", lead_officer=lead)


def test_a_reminder_goes_when_the_report_comes_within_the_reminder_period(theme):
    assert theme_report_reminders_send(today=dt.date(2023, 10, 16)) == []  # 15 days before 31 October
    sent = theme_report_reminders_send(today=dt.date(2023, 10, 17))
    assert [r.kind for r in sent] == [ThemeReportReminder.Kind.DUE_SOON]
    assert mail.outbox[0].to == ["mai@example.org"]
    assert mail.outbox[0].subject == "Due 31 October: Low Carbon City report for 2023/24 H1"
    assert "is due on 31 October 2023" in mail.outbox[0].body


def test_the_overdue_email_goes_on_the_first_day_overdue_and_never_twice(theme):
    theme_report_reminders_send(today=dt.date(2023, 10, 17))
    assert theme_report_reminders_send(today=dt.date(2023, 10, 31)) == []
    sent = theme_report_reminders_send(today=dt.date(2023, 11, 1))
    assert [r.kind for r in sent] == [ThemeReportReminder.Kind.OVERDUE]
    assert mail.outbox[-1].subject == "Overdue: Low Carbon City report for 2023/24 H1"
    assert theme_report_reminders_send(today=dt.date(2023, 11, 1)) == []
    assert theme_report_reminders_send(today=dt.date(2023, 11, 2)) == []
    assert len(mail.outbox) == 2


def test_a_missed_day_is_caught_up(theme):
    sent = theme_report_reminders_send(today=dt.date(2023, 11, 3))
    assert [r.kind for r in sent] == [ThemeReportReminder.Kind.OVERDUE]


def test_a_submitted_report_is_not_chased(theme):
    ThemeReportFactory(
        theme=theme,
        year=2023,
        half=1,
        due_on=dt.date(2023, 10, 31),
        status=ThemeReport.Status.SUBMITTED,
        submitted_at="2023-10-10T09:00Z",
    )
    assert theme_report_reminders_send(today=dt.date(2023, 10, 20)) == []
    assert theme_report_reminders_send(today=dt.date(2023, 11, 1)) == []


def test_without_a_lead_officer_the_partnership_officers_are_told():
    theme = ThemeFactory(lead_officer=None)
    make_officer(theme.partnership, username="officer@example.org")
    theme_report_reminders_send(today=dt.date(2023, 10, 20))
    assert mail.outbox[0].to == ["officer@example.org"]


def test_the_daily_task_takes_a_date_and_counts_what_it_sent(theme):
    assert send_theme_report_reminders.delay("2023-10-20").get() == 1
    assert send_theme_report_reminders.delay("2023-10-20").get() == 0


def test_the_job_is_on_the_beat_schedule():
    from config.celery import app

    assert app.conf.beat_schedule["theme-report-reminders"]["task"] == "themes.tasks.send_theme_report_reminders"


def test_every_scheduled_job_is_declared_in_settings_alone():
    from pathlib import Path

    from django.conf import settings

    assert {"jobs-sweep", "taskgroups-reminders", "theme-report-reminders"} <= set(settings.CELERY_BEAT_SCHEDULE)
    pushed = [p.name for p in Path(settings.BASE_DIR).glob("*/tasks.py") if "beat_schedule" in p.read_text()]
    assert not pushed, pushed
