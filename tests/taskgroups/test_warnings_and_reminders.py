"""What falls due: warnings on the partnership page and the overview, and reminders that go once."""

import datetime as dt
import smtplib
import time
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from partnerships.services import partnership_all_warnings
from taskgroups import tasks
from taskgroups.models import Milestone, Reminder, TaskGroup
from taskgroups.services import milestone_done, milestone_save, reminder_send, reminders_due, task_group_warnings
from tests.factories import MembershipFactory, PersonFactory

from .factories import AgreedGroupFactory, GroupReportFactory, MilestoneFactory, TaskGroupFactory

TODAY = dt.date(2023, 6, 15)


def _warnings(group, today=TODAY):
    return task_group_warnings(groups=TaskGroup.objects.filter(pk=group.pk), today=today)


def test_a_group_past_its_end_date_is_warned_about(cast):
    group = AgreedGroupFactory(partnership=cast.partnership, end_date=dt.date(2023, 6, 14))
    assert [w.message for w in _warnings(group) if w.kind == "group_end"] == [
        f"The task-and-finish group “{group.name}” passed its required end date of 14 June 2023 and has not closed."
    ]
    assert not [w for w in _warnings(group, today=dt.date(2023, 6, 14)) if w.kind == "group_end"]


def test_a_closed_group_is_never_warned_about(cast):
    group = AgreedGroupFactory(
        partnership=cast.partnership,
        end_date=dt.date(2023, 5, 1),
        status="closed",
        outcomes="Done",
        outcomes_reviewed_on=dt.date(2023, 5, 1),
        closed_on=dt.date(2023, 5, 1),
    )
    MilestoneFactory(group=group, due_on=dt.date(2023, 4, 1))
    assert _warnings(group) == []


def test_overdue_milestones_are_those_past_due_and_not_finished(cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    late = MilestoneFactory(group=group, title="Scope the study", due_on=dt.date(2023, 6, 14))
    MilestoneFactory(group=group, title="Due today", due_on=TODAY)
    MilestoneFactory(group=group, title="Dropped", due_on=dt.date(2023, 5, 1), status="dropped")
    MilestoneFactory(
        group=group, title="Done", due_on=dt.date(2023, 5, 1), status="done", completed_on=dt.date(2023, 5, 1)
    )
    assert late.is_overdue(TODAY) and not Milestone.objects.get(title="Due today").is_overdue(TODAY)
    milestone_warnings = [w.message for w in _warnings(group) if w.kind == "milestone"]
    assert milestone_warnings == [
        f"The milestone “Scope the study” of “{group.name}” was due on 14 June 2023 and is not done."
    ]


def test_a_report_to_the_steering_group_falls_due_at_the_groups_cadence(cast):
    group = AgreedGroupFactory(partnership=cast.partnership, start_date=dt.date(2023, 2, 1), report_every_months=3)
    assert group.next_report_due() == dt.date(2023, 5, 1)
    assert [w.message for w in _warnings(group) if w.kind == "group_report"] == [
        f"“{group.name}” was due to report to the steering group on 1 May 2023."
    ]
    GroupReportFactory(group=group, presented_on=dt.date(2023, 5, 10))
    group = TaskGroup.objects.get(pk=group.pk)
    assert group.next_report_due() == dt.date(2023, 8, 10)
    assert not [w for w in _warnings(group) if w.kind == "group_report"]
    soon = [w.message for w in _warnings(group, today=dt.date(2023, 8, 1)) if w.kind == "group_report"]
    assert soon == [f"“{group.name}” is due to report to the steering group by 10 August 2023."]


def test_a_proposed_group_is_not_yet_due_to_report(cast):
    group = TaskGroupFactory(partnership=cast.partnership)
    assert group.next_report_due() is None


def test_a_link_member_who_has_left_the_steering_group_is_warned_about(cast):
    seat = MembershipFactory(partnership=cast.partnership)
    group = AgreedGroupFactory(partnership=cast.partnership, link_member=seat.person)
    assert not [w for w in _warnings(group) if w.kind == "link_member"]
    seat.end_date = dt.date(2023, 6, 1)
    seat.save()
    assert [w.kind for w in _warnings(group)].count("link_member") == 1


def test_the_partnership_page_shows_the_warnings(officer_client, cast):
    group = AgreedGroupFactory(partnership=cast.partnership, end_date=dt.date.today() - dt.timedelta(days=1))
    page = officer_client.get(cast.partnership.get_absolute_url()).content.decode()
    assert f"The task-and-finish group “{group.name}” passed its required end date" in page
    warnings = partnership_all_warnings(partnership=cast.partnership, memberships=[])
    assert any(w.kind == "group_end" for w in warnings)


def test_the_partnership_page_keeps_its_query_count_as_groups_grow(officer_client, cast, django_assert_num_queries):
    """Guards against a query per group or milestone in the warnings the partnership page shows."""
    url = cast.partnership.get_absolute_url()
    AgreedGroupFactory(partnership=cast.partnership, link_member=cast.member_person)
    officer_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # each count is of the page worked out afresh, not served from the cache
    with CaptureQueriesContext(connection) as before:
        officer_client.get(url)
    for _ in range(5):
        group = AgreedGroupFactory(
            partnership=cast.partnership, link_member=cast.member_person, end_date=dt.date(2023, 3, 1)
        )
        MilestoneFactory.create_batch(3, group=group, due_on=dt.date(2023, 2, 20))
    cache.clear()
    with django_assert_num_queries(len(before)):
        officer_client.get(url)


def test_the_overview_shows_warnings_across_the_officers_partnerships(officer_client, cast):
    AgreedGroupFactory(partnership=cast.sub_group, name="Sub-group sprint", end_date=dt.date(2023, 3, 1))
    AgreedGroupFactory(partnership=cast.other_partnership, name="Not theirs", end_date=dt.date(2023, 3, 1))
    page = officer_client.get(reverse("taskgroups:overview")).content.decode()
    assert "Sub-group sprint" in page and "Not theirs" not in page


def test_the_overview_keeps_its_query_count_as_groups_grow(officer_client, cast, django_assert_num_queries):
    """Guards against a query per group, milestone or warning on the officer's overview."""
    url = reverse("taskgroups:overview")
    group = AgreedGroupFactory(partnership=cast.partnership, end_date=dt.date.today() + dt.timedelta(days=20))
    MilestoneFactory(group=group, due_on=dt.date.today() + dt.timedelta(days=3))
    officer_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # each count is of the page worked out afresh, not served from the cache
    with CaptureQueriesContext(connection) as before:
        officer_client.get(url)
    for partnership in (cast.partnership, cast.sub_group):
        for _ in range(4):
            group = AgreedGroupFactory(partnership=partnership, end_date=dt.date.today() + dt.timedelta(days=20))
            MilestoneFactory(group=group, due_on=dt.date.today() + dt.timedelta(days=3))
            MilestoneFactory(group=group, due_on=dt.date.today() - dt.timedelta(days=3))
    cache.clear()
    with django_assert_num_queries(len(before)):
        officer_client.get(url)


def test_a_milestone_must_fall_within_the_groups_dates(cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        milestone_save(milestone=Milestone(group=group, title="Late", due_on=dt.date(2024, 1, 31)))
    assert "by the group's required end date, 31 December 2023" in error.value.message_dict["due_on"][0]
    with pytest.raises(ValidationError) as error:
        milestone_save(milestone=Milestone(group=group, title="Early", due_on=dt.date(2023, 1, 1)))
    assert "before the group starts on 1 February 2023" in error.value.message_dict["due_on"][0]


def test_marking_a_milestone_done_with_htmx_swaps_its_row(officer_client, cast):
    group = AgreedGroupFactory(partnership=cast.partnership, end_date=dt.date.today() + dt.timedelta(days=60))
    milestone = MilestoneFactory(group=group, due_on=dt.date.today() + dt.timedelta(days=5))
    response = officer_client.post(
        reverse("taskgroups:milestone_done", args=[milestone.pk]), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr class="govuk-table__row" id="milestone-{milestone.pk}"')
    assert "Done" in html
    milestone.refresh_from_db()
    assert milestone.status == "done" and milestone.completed_on == dt.date.today()


# Reminders ------------------------------------------------------------------------------------------------------------


@pytest.fixture
def due_soon(cast):
    lead = PersonFactory(first_name="Lee", last_name="Lead", email="lee@example.org")
    group = AgreedGroupFactory(
        partnership=cast.partnership,
        lead_person=lead,
        start_date=dt.date(2023, 1, 1),
        end_date=dt.date(2023, 6, 25),
        report_every_months=6,
    )
    MilestoneFactory(group=group, title="Draft the feasibility study", due_on=dt.date(2023, 6, 20))
    MilestoneFactory(group=group, title="Much later", due_on=dt.date(2023, 6, 24) + dt.timedelta(days=30))
    return group


def test_reminders_are_scheduled_for_what_falls_due_within_two_weeks(due_soon):
    pks = reminders_due(today=TODAY)
    reminders = Reminder.objects.filter(pk__in=pks)
    assert sorted((r.kind, r.due_on) for r in reminders) == [
        ("end", dt.date(2023, 6, 25)),
        ("milestone", dt.date(2023, 6, 20)),
    ]
    assert all(r.recipient == "lee@example.org" for r in reminders)


def test_the_daily_task_emails_the_lead_and_never_sends_the_same_reminder_twice(
    due_soon, django_capture_on_commit_callbacks
):
    with time_machine.travel(dt.datetime(2023, 6, 15, 7, 0), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.queue_reminders.delay().get() == 2
        assert len(mail.outbox) == 2
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.queue_reminders.delay().get() == 0
    assert len(mail.outbox) == 2
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects[0].startswith("Reminder: the group's required end date for")
    assert "the milestone “Draft the feasibility study”" in subjects[1]
    assert mail.outbox[0].to == ["lee@example.org"]
    assert set(Reminder.objects.values_list("status", flat=True)) == {"done"}


def test_sending_a_reminder_again_does_nothing(due_soon):
    pk = reminders_due(today=TODAY)[0]
    reminder_send(reminder_pk=pk)
    reminder_send(reminder_pk=pk)
    assert len(mail.outbox) == 1


def test_a_moved_milestone_is_reminded_again_for_its_new_date(due_soon):
    reminders_due(today=TODAY)
    milestone = due_soon.milestones.get(title="Draft the feasibility study")
    milestone.due_on = dt.date(2023, 6, 22)
    milestone.save()
    reminders_due(today=TODAY)
    assert milestone.reminders.count() == 2


def test_a_done_milestone_is_not_reminded(due_soon):
    milestone_done(milestone=due_soon.milestones.get(title="Draft the feasibility study"), on=TODAY)
    reminders_due(today=TODAY)
    assert not Reminder.objects.filter(kind="milestone").exists()


def test_a_lead_without_an_email_is_a_failure_someone_can_act_on(due_soon):
    due_soon.lead_person.email = ""
    due_soon.lead_person.save()
    pk = reminders_due(today=TODAY)[0]
    reminder = reminder_send(reminder_pk=pk)
    assert reminder.status == "failed"
    assert "Lee Lead has no email address in the register" in reminder.error
    # It is tried again on the next run, once someone has added the address.
    due_soon.lead_person.email = "lee@example.org"
    due_soon.lead_person.save()
    assert pk in reminders_due(today=TODAY)
    assert reminder_send(reminder_pk=pk).status == "done"


def test_a_mail_server_failure_is_stored_and_retried(due_soon):
    pk = reminders_due(today=TODAY)[0]
    failing = mock.patch("taskgroups.services.send_mail", side_effect=smtplib.SMTPServerDisconnected("gone"))
    with failing, pytest.raises(smtplib.SMTPException):
        reminder_send(reminder_pk=pk)
    reminder = Reminder.objects.get(pk=pk)
    assert reminder.status == "failed" and "did not accept the reminder" in reminder.error
    assert reminder_send(reminder_pk=pk).status == "done"
    assert len(mail.outbox) == 1


def test_the_reminders_run_every_morning():
    from config.celery import app

    entry = app.conf.beat_schedule["taskgroups-reminders"]
    assert entry["task"] == "taskgroups.tasks.queue_reminders"


@pytest.mark.celery_worker
def test_a_real_worker_sends_each_reminder_once(celery_worker_on_redis, due_soon):
    pks = reminders_due(today=TODAY)
    for pk in pks + pks:
        tasks.send_reminder.delay(pk)
    # No result backend is kept: the reminders' own state, and the emptied queue, say when the worker is done.
    redis = celery_worker_on_redis.connection_for_write().default_channel.client
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        Reminder.objects.filter(pk__in=pks).exclude(status=Reminder.Status.DONE).exists() or redis.llen("celery")
    ):
        time.sleep(0.2)
    time.sleep(1)
    assert set(Reminder.objects.filter(pk__in=pks).values_list("status", flat=True)) == {Reminder.Status.DONE}
    assert len(mail.outbox) == len(pks)
