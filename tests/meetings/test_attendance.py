"""Attendance in one click per person, members' own apologies, declarations beside the register."""

import datetime as dt

import pytest

from meetings.models import Attendance, Declaration
from meetings.services import MeetingRuleBroken, apologies_send, attendance_mark
from partnerships.models import Membership
from tests.factories import InterestFactory, MembershipFactory, PersonFactory

from .factories import MeetingFactory


@pytest.fixture
def alternate(cast):
    return MembershipFactory(
        partnership=cast.partnership,
        role=Membership.Role.ALTERNATE,
        alternate_for=cast.membership,
        organisation=cast.council,
        person=PersonFactory(first_name="Alf", last_name="Alternate", organisation=cast.council),
    )


def test_one_click_marks_a_person_present_and_returns_their_row(officer_client, meeting, cast):
    url = f"/meetings/{meeting.pk}/attendance/{cast.membership.pk}/"
    response = officer_client.post(url, {"status": "present"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="attendance-{cast.membership.pk}"' in body and "<html" not in body
    assert 'aria-pressed="true">Present' in body
    assert Attendance.objects.get(meeting=meeting, membership=cast.membership).status == "present"
    officer_client.post(url, {"status": "apologies"}, HTTP_HX_REQUEST="true")
    assert Attendance.objects.get(meeting=meeting, membership=cast.membership).status == "apologies"


def test_represented_by_a_named_alternate(officer_client, meeting, cast, alternate):
    url = f"/meetings/{meeting.pk}/attendance/{cast.membership.pk}/"
    page = officer_client.get(f"/meetings/{meeting.pk}/attendance/").content.decode()
    assert "Alf Alternate" in page
    officer_client.post(url, {"status": "represented", "alternate": alternate.pk}, HTTP_HX_REQUEST="true")
    record = Attendance.objects.get(meeting=meeting, membership=cast.membership)
    assert record.alternate == alternate


def test_an_alternate_for_someone_else_is_refused(officer_client, meeting, cast, alternate):
    other = MembershipFactory(partnership=cast.partnership, is_lead_representative=True)
    response = officer_client.post(
        f"/meetings/{meeting.pk}/attendance/{other.pk}/",
        {"status": "represented", "alternate": alternate.pk},
        HTTP_HX_REQUEST="true",
    )
    assert "Choose the alternate attending in" in response.content.decode()
    assert not Attendance.objects.filter(membership=other).exists()


def test_the_attendance_list_shows_the_seats_on_the_meeting_date(officer_client, cast):
    MembershipFactory(
        partnership=cast.partnership,
        person__last_name="Leftearly",
        start_date=dt.date(2020, 1, 1),
        end_date=dt.date(2021, 1, 1),
    )
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 3, 12))
    page = officer_client.get(f"/meetings/{meeting.pk}/attendance/").content.decode()
    assert "Ada Member" in page and "Olu Observer" in page
    assert "Leftearly" not in page


def test_a_member_sends_and_withdraws_their_own_apologies(client, cast):
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date.today() + dt.timedelta(days=10))
    cast.client_for(client, "member")
    assert "Send my apologies" in client.get(f"/meetings/{meeting.pk}/").content.decode()
    client.post(f"/meetings/{meeting.pk}/apologies/")
    record = Attendance.objects.get(meeting=meeting, membership=cast.membership)
    assert record.status == "apologies" and record.sent_by_member
    assert "You have sent your apologies" in client.get(f"/meetings/{meeting.pk}/").content.decode()
    client.post(f"/meetings/{meeting.pk}/apologies/", {"withdraw": "1"})
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_apologies_for_a_past_meeting_are_refused(cast, meeting):
    with pytest.raises(MeetingRuleBroken, match="already taken place"):
        apologies_send(meeting=meeting, person=cast.member_person, today=dt.date(2024, 6, 1))


def test_a_cancelled_meeting_records_no_attendance(cast, meeting):
    meeting.status, meeting.cancelled_reason = "cancelled", "Snow"
    meeting.save()
    with pytest.raises(MeetingRuleBroken, match="cancelled"):
        attendance_mark(meeting=meeting, membership=cast.membership, status="present")


def test_declarations_are_shown_beside_the_register_of_interests(officer_client, client, cast, meeting, major_item):
    InterestFactory(
        person=cast.member_person, description="Trustee of Riverside Housing Trust", registered_on=dt.date(2023, 1, 1)
    )
    InterestFactory(
        person=cast.member_person,
        description="An interest that ended",
        registered_on=dt.date(2020, 1, 1),
        ended_on=dt.date(2021, 1, 1),
    )
    response = officer_client.post(
        f"/meetings/{meeting.pk}/interests/",
        {
            "person": cast.member_person.pk,
            "item": major_item.pk,
            "nature": "Trustee of a housing trust bidding for a site",
            "left_the_room": "on",
        },
    )
    assert response.status_code == 302
    page = officer_client.get(f"/meetings/{meeting.pk}/interests/").content.decode()
    assert "Trustee of a housing trust bidding" in page
    assert "Trustee of Riverside Housing Trust" in page
    assert "An interest that ended" not in page
    assert Declaration.objects.get().left_the_room


def test_a_member_declares_only_their_own_interest(client, cast, meeting, major_item, voters):
    cast.client_for(client, "member")
    other = voters[0].person
    client.post(
        f"/meetings/{meeting.pk}/interests/",
        {"person": other.pk, "item": major_item.pk, "nature": "Director of a bidder"},
    )
    assert Declaration.objects.get().person == cast.member_person


def test_an_empty_declaration_shows_the_error_and_keeps_the_item(officer_client, meeting, major_item):
    response = officer_client.post(f"/meetings/{meeting.pk}/interests/", {"item": major_item.pk, "nature": ""})
    body = response.content.decode()
    assert "Describe the interest." in body and "Choose who is declaring the interest." in body
    assert f'value="{major_item.pk}" selected' in body
