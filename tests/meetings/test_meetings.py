"""Meetings: standing items, scheduling a year from the pattern, status changes, the calendar."""

import datetime as dt

import pytest

from meetings.models import AgendaItem, Meeting
from meetings.services import (
    MeetingRuleBroken,
    meeting_cancel,
    meeting_mark_held,
    meeting_schedule_year,
    schedule_dates,
)
from tests.factories import OrganisationFactory, PartnershipFactory

from .factories import MeetingFactory


def test_a_new_meeting_starts_from_the_standing_items(cast):
    meeting = MeetingFactory(partnership=cast.partnership)
    kinds = list(meeting.items.order_by("position").values_list("kind", flat=True))
    assert kinds == ["apologies", "declarations", "minutes", "matters_arising", "aob"]


def test_the_partnerships_own_standing_items_are_used(cast):
    from meetings.models import StandingItem

    StandingItem.objects.create(partnership=cast.partnership, position=1, title="Welcome", kind="other")
    meeting = MeetingFactory(partnership=cast.partnership)
    assert [i.title for i in meeting.items.all()] == ["Welcome"]


@pytest.mark.django_db
def test_a_year_of_quarterly_meetings_with_the_november_review():
    """The OSP Terms of Reference Appendix D: quarterly meetings plus the annual planning and review meeting in November."""
    osp = PartnershipFactory(meeting_frequency="quarterly", annual_review_month=11, fallback_venue="Oxford Town Hall")
    first = dt.date(2024, 1, 9)  # the second Tuesday
    dates = schedule_dates(osp, first)
    assert dates == [
        (dt.date(2024, 1, 9), "regular"),
        (dt.date(2024, 4, 9), "regular"),
        (dt.date(2024, 7, 9), "regular"),
        (dt.date(2024, 10, 8), "regular"),
        (dt.date(2024, 11, 12), "annual_review"),
    ]
    created = meeting_schedule_year(partnership=osp, first_date=first)
    assert len(created) == 5
    review = Meeting.objects.get(partnership=osp, kind="annual_review")
    assert (review.start_time, review.end_time) == (dt.time(9, 30), dt.time(14, 0))
    assert review.venue_label == "Oxford Town Hall"
    # Scheduling again adds nothing: the dates are taken.
    assert meeting_schedule_year(partnership=osp, first_date=first) == []


@pytest.mark.django_db
def test_a_regular_meeting_in_the_review_month_becomes_the_review():
    group = PartnershipFactory(meeting_frequency="quarterly", annual_review_month=11)
    kinds = dict(schedule_dates(group, dt.date(2024, 2, 6)))
    assert kinds[dt.date(2024, 11, 5)] == "annual_review"
    assert len(kinds) == 4


@pytest.mark.django_db
def test_as_needed_partnerships_cannot_schedule_a_year():
    group = PartnershipFactory(meeting_frequency="as_needed")
    with pytest.raises(MeetingRuleBroken, match="add its meetings one at a time"):
        schedule_dates(group, dt.date(2024, 1, 1))


def test_the_host_must_sit_on_the_partnership(cast):
    meeting = Meeting(
        partnership=cast.partnership, date=dt.date(2024, 3, 1), host=OrganisationFactory(name="Elsewhere")
    )
    with pytest.raises(Exception, match="does not sit on"):
        meeting.full_clean()
    meeting.host = cast.council
    meeting.full_clean()
    assert meeting.venue_label == "Riverside City Council"


def test_a_meeting_ends_after_it_starts(cast):
    meeting = Meeting(
        partnership=cast.partnership, date=dt.date(2024, 3, 1), start_time=dt.time(11), end_time=dt.time(10)
    )
    with pytest.raises(Exception, match="must end after it starts"):
        meeting.full_clean()


def test_cancelling_needs_a_reason_and_a_held_meeting_cannot_be_cancelled(cast):
    meeting = MeetingFactory(partnership=cast.partnership)
    with pytest.raises(Exception, match="Enter why"):
        meeting_cancel(meeting=meeting, reason="  ")
    meeting.refresh_from_db()
    meeting_mark_held(meeting=meeting, today=dt.date(2024, 6, 1))
    with pytest.raises(MeetingRuleBroken, match="has been held"):
        meeting_cancel(meeting=meeting, reason="Snow")


def test_a_future_meeting_cannot_be_marked_held(cast):
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date(2030, 1, 1))
    with pytest.raises(MeetingRuleBroken, match="can be marked as held from that day"):
        meeting_mark_held(meeting=meeting, today=dt.date(2029, 1, 1))


def test_officer_schedules_a_year_through_the_page(officer_client, cast):
    url = f"/partnerships/{cast.partnership.slug}/meetings/schedule/"
    data = {"first_date_day": "14", "first_date_month": "5", "first_date_year": "2024"}
    preview = officer_client.post(url, data)
    assert preview.status_code == 200
    assert "Schedule these meetings" in preview.content.decode()
    assert not Meeting.objects.exists()
    done = officer_client.post(url, {**data, "confirm": "1"})
    assert done.status_code == 302
    assert Meeting.objects.filter(partnership=cast.partnership).count() == 4


def test_officer_adds_a_meeting_and_sees_errors_beside_fields(officer_client, cast):
    url = f"/partnerships/{cast.partnership.slug}/meetings/new/"
    bad = officer_client.post(
        url,
        {
            "kind": "regular",
            "date_day": "31",
            "date_month": "2",
            "date_year": "2024",
            "start_time": "10:30",
            "end_time": "09:00",
            "venue": "Room 1",
        },
    )
    body = bad.content.decode()
    assert "Enter a real date" in body
    assert 'value="Room 1"' in body
    good = officer_client.post(
        url,
        {
            "kind": "workshop",
            "date_day": "1",
            "date_month": "3",
            "date_year": "2024",
            "start_time": "10:30",
            "end_time": "13:00",
        },
    )
    meeting = Meeting.objects.get()
    assert good["Location"] == f"/meetings/{meeting.pk}/"
    assert meeting.items.filter(kind=AgendaItem.Kind.APOLOGIES).exists()


def test_calendar_lists_upcoming_meetings_the_reader_may_see(client, cast):
    public = PartnershipFactory(name="Open Partnership", is_public=True)
    MeetingFactory(partnership=public, date=dt.date.today() + dt.timedelta(days=5))
    MeetingFactory(partnership=cast.partnership, date=dt.date.today() + dt.timedelta(days=5))
    body = client.get("/meetings/").content.decode()
    assert "Open Partnership" in body
    assert "Riverside Strategic" not in body
    cast.client_for(client, "member")
    assert "Riverside Strategic" in client.get("/meetings/").content.decode()


def test_officers_see_who_changed_a_meeting(officer_client, cast):
    meeting = MeetingFactory(partnership=cast.partnership)
    officer_client.post(
        f"/meetings/{meeting.pk}/edit/",
        {
            "kind": "regular",
            "date_day": "13",
            "date_month": "3",
            "date_year": "2024",
            "start_time": "10:30",
            "end_time": "13:00",
            "version": meeting.version,
        },
    )
    page = officer_client.get(f"/meetings/{meeting.pk}/history/").content.decode()
    assert "officer@example.org" in page
    assert "Date: 12 Mar 2024 → 13 Mar 2024" in page


def test_officers_keep_the_partnerships_standing_items(officer_client, cast):
    url = f"/partnerships/{cast.partnership.slug}/standing-items/"
    assert "Matters arising" in officer_client.get(url).content.decode()
    officer_client.post(url, {"title": "Chair's welcome", "kind": "other", "duration_minutes": "5"})
    apologies = cast.partnership.standing_items.get(title="Apologies")
    officer_client.post(url, {"remove": apologies.pk})
    meeting = MeetingFactory(partnership=cast.partnership)
    titles = list(meeting.items.order_by("position").values_list("title", flat=True))
    assert titles[0] != "Apologies" and "Chair's welcome" in titles and titles[-1] == "Any other business"
    assert "Enter the standing item" in officer_client.post(url, {"title": ""}).content.decode()
