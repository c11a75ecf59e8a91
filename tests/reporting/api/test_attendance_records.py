"""Each member's yearly attendance, as a table of cases: cancelled, substitute, apologies, alternate acting."""

import datetime as dt

import pytest
from django.utils import timezone

from meetings.models import Attendance, Meeting
from partnerships.access import get_access
from partnerships.models import Membership
from reporting.opendata.attendance import attendance_records
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _meeting(partnership, day, **kwargs):
    fields = {
        "status": Meeting.Status.MINUTES_APPROVED,
        "minutes_status": Meeting.MinutesStatus.APPROVED,
        "agenda_published_at": timezone.now(),
        **kwargs,
    }
    return MeetingFactory(partnership=partnership, date=day, **fields)


def _mark(meeting, seat, status, alternate=None):
    Attendance.objects.create(meeting=meeting, membership=seat, status=status, alternate=alternate)


@pytest.fixture
def year(db):
    partnership = PartnershipFactory(slug="eastgate", is_public=True)
    council = CouncilFactory()
    lead = MembershipFactory(
        partnership=partnership,
        person=PersonFactory(last_name="Lead", organisation=council),
        is_lead_representative=True,
    )
    alternate = MembershipFactory(
        partnership=partnership,
        person=PersonFactory(last_name="Alternate", organisation=council),
        role=Membership.Role.ALTERNATE,
        alternate_for=lead,
    )
    member = MembershipFactory(partnership=partnership, person=PersonFactory(last_name="Member"))
    observer = MembershipFactory(
        partnership=partnership, person=PersonFactory(last_name="Observer"), role=Membership.Role.OBSERVER
    )
    # The member also chaired for the autumn: two seats, expected once at each meeting.
    MembershipFactory(
        partnership=partnership,
        person=member.person,
        role=Membership.Role.CHAIR,
        start_date=dt.date(2022, 9, 1),
        end_date=dt.date(2022, 12, 31),
    )
    late = MembershipFactory(
        partnership=partnership, person=PersonFactory(last_name="Latecomer"), start_date=dt.date(2022, 9, 1)
    )
    june = _meeting(partnership, dt.date(2022, 6, 14))
    _mark(june, lead, "represented", alternate)
    _mark(june, member, "present")
    _mark(june, observer, "apologies")
    cancelled = _meeting(partnership, dt.date(2022, 9, 13), status=Meeting.Status.CANCELLED, cancelled_reason="Snow")
    _mark(cancelled, lead, "present")
    _mark(cancelled, member, "present")
    december = _meeting(partnership, dt.date(2022, 12, 13))
    _mark(december, lead, "apologies")
    _mark(december, member, "absent")
    _mark(december, late, "present")
    # Planned but not held, and the next council year: neither counts in 2022/23.
    _meeting(partnership, dt.date(2023, 3, 14), status=Meeting.Status.PUBLISHED, minutes_status="none")
    next_year = _meeting(partnership, dt.date(2023, 4, 11))
    _mark(next_year, member, "present")
    return partnership, december


# person: expected, attended, apologies, represented, absent, not recorded, attended as an alternate
CASES = {
    "Lead": (2, 0, 1, 1, 0, 0, 0),  # represented in June; apologies in December; the cancelled meeting is left out
    "Alternate": (0, 0, 0, 0, 0, 0, 1),  # stood in once, counted apart and on their own line
    "Member": (2, 1, 0, 0, 1, 0, 0),
    "Observer": (2, 0, 1, 0, 0, 1, 0),  # an observer's seat is expected too; December has no record
    "Latecomer": (1, 1, 0, 0, 0, 0, 0),  # the seat began after June
}


def _table(records):
    return {
        r.person.last_name: (
            r.expected,
            r.attended,
            r.apologies,
            r.represented,
            r.absent,
            r.not_recorded,
            r.as_substitute,
        )
        for r in records
    }


@pytest.mark.parametrize("name", CASES)
def test_each_members_year_adds_up(year, name):
    partnership, _ = year
    records = attendance_records(access=get_access(None), partnership=partnership, year=2022)
    assert _table(records)[name] == CASES[name]
    assert all(record.adds_up for record in records)


def test_the_public_counts_only_meetings_whose_record_is_public(year):
    partnership, december = year
    december.minutes_status = Meeting.MinutesStatus.DRAFT
    december.save()
    table = _table(attendance_records(access=get_access(None), partnership=partnership, year=2022))
    assert table["Member"] == (1, 1, 0, 0, 0, 0, 0)
    assert "Latecomer" not in table


def test_the_api_and_the_page_show_the_same_figures(client, year):
    response = client.get("/api/attendance-records/?partnership=eastgate&year=2022")
    assert response.status_code == 200
    lead = next(row for row in response.json() if row["person"]["name"].endswith("Lead"))
    assert (lead["expected"], lead["represented"], lead["apologies"]) == (2, 1, 1)
    page = client.get("/open-data/partnerships/eastgate/attendance/?year=2022").content.decode()
    assert "Attendance, 2022/23" in page
    assert client.get("/open-data/partnerships/eastgate/attendance/?year=banana").status_code == 200


def test_the_api_asks_for_a_partnership_and_a_year(client, year, cast):
    assert client.get("/api/attendance-records/?partnership=eastgate").status_code == 400
    assert client.get("/api/attendance-records/?partnership=eastgate&year=20222").status_code == 400
    assert client.get("/api/attendance-records/?partnership=riverside&year=2022").status_code == 404
    assert client.get("/open-data/partnerships/riverside/attendance/").status_code == 404
