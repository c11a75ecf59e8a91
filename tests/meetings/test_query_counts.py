"""Query counts on the meeting page and "My meetings" stay the same as the data grows."""

import datetime as dt

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Action, AgendaItem, Meeting
from meetings.services import action_save, agenda_item_add, agenda_publish, attendance_mark, decision_record
from tests.factories import MembershipFactory

from .factories import MeetingFactory, add_paper


def _count(client, url):
    client.get(url)  # warm the per-request caches' first-time costs out of the measure
    cache.clear()  # the page worked out afresh, not served from the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grow(cast, meeting, n):
    Meeting.objects.filter(pk=meeting.pk).update(agenda_open=True)
    meeting.refresh_from_db()
    for i in range(n):
        item = agenda_item_add(item=AgendaItem(meeting=meeting, title=f"Item {i}"))
        add_paper(item, f"Paper {i}")
        add_paper(item, f"Secret {i}", confidential=True)
        decision_record(item=item, resolution="Noted", method="consensus")
        seat = MembershipFactory(partnership=cast.partnership)
        attendance_mark(meeting=meeting, membership=seat, status="present")
        action_save(action=Action(raised_at=meeting, description=f"Action {i}"))
        MeetingFactory(partnership=cast.partnership, date=dt.date(2023, 1, 1) + dt.timedelta(days=i))
        MeetingFactory(partnership=cast.partnership, date=dt.date.today() + dt.timedelta(days=i + 1))
    Meeting.objects.filter(pk=meeting.pk).update(agenda_open=False)


def test_meeting_page_query_count_is_constant(client, cast, meeting):
    """Guards against an N+1 over items, papers, decisions, declarations and attendance."""
    agenda_publish(meeting=meeting)
    later = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 9, 1))
    for role in ("member", "officer"):
        cast.client_for(client, role)
        _grow(cast, meeting, 1)
        small = (_count(client, f"/meetings/{meeting.pk}/"), _count(client, f"/meetings/{later.pk}/"))
        _grow(cast, meeting, 6)
        assert (_count(client, f"/meetings/{meeting.pk}/"), _count(client, f"/meetings/{later.pk}/")) == small


def test_my_meetings_query_count_is_constant(client, cast, meeting):
    """Guards against an N+1 over meetings and the member's own attendance."""
    cast.client_for(client, "member")
    _grow(cast, meeting, 1)
    small = _count(client, "/my-meetings/")
    _grow(cast, meeting, 8)
    assert _count(client, "/my-meetings/") == small


def test_calendar_and_meeting_list_query_counts_are_constant(client, cast, meeting):
    cast.client_for(client, "member")
    _grow(cast, meeting, 1)
    small = (_count(client, "/meetings/"), _count(client, f"/partnerships/{cast.partnership.slug}/meetings/"))
    _grow(cast, meeting, 8)
    assert (_count(client, "/meetings/"), _count(client, f"/partnerships/{cast.partnership.slug}/meetings/")) == small
