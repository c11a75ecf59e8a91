"""Taking part without a named person: seats held by an office, vacant seats and member organisations."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnerships.models import Participation
from partnerships.services import partnership_all_warnings
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return PartnershipFactory(name="Riverside Business Board", is_public=True)


@pytest.fixture
def council():
    return CouncilFactory(name="Riverside City Council")


def seat(board, council, **fields):
    return Participation(partnership=board, organisation=council, **fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "office", "office": ""},
        {"kind": "member_organisation", "office": "the Leader"},
        {"kind": "member_organisation", "role": "chair"},
        {"kind": "vacant", "is_voting": True},
        {"kind": "office", "office": "the Leader", "role": "observer", "is_voting": True},
        {"kind": "office", "office": "the Leader", "role": "alternate"},
        {"kind": "office", "office": "the Leader", "start_date": dt.date(2024, 1, 1), "end_date": dt.date(2023, 1, 1)},
    ],
)
def test_the_database_refuses_a_seat_that_breaks_the_rules(board, council, fields):
    with pytest.raises(ValidationError):
        seat(board, council, **fields).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        seat(board, council, **fields).save()


def test_an_office_seat_and_a_member_organisation_are_accepted(board, council):
    for fields in ({"kind": "office", "office": "the Leader", "is_voting": True}, {"kind": "member_organisation"}):
        found = seat(board, council, **fields)
        found.full_clean()
        found.save()
    assert [p.label for p in Participation.objects.order_by("kind")] == [
        "Member organisation",
        "Seat held by the Leader",
    ]


def test_one_open_seat_per_office(board, council):
    seat(board, council, kind="office", office="the Leader").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        seat(board, council, kind="office", office="the Leader").save()
    seat(board, council, kind="office", office="the Leader", end_date=dt.date(2020, 1, 1)).save()


def test_a_vacant_seat_is_a_governance_warning_and_an_office_seat_is_not(board, council):
    seat(board, council, kind="vacant", office="the council's officer", start_date=dt.date(2024, 4, 1)).save()
    seat(board, council, kind="office", office="the Leader").save()
    messages = [w.message for w in partnership_all_warnings(partnership=board, memberships=[])]
    assert messages == ["Riverside City Council's seat for the council's officer is vacant since 1 April 2024."]


def test_the_partnership_page_and_register_show_seats_with_no_person_named(client, board, council):
    MembershipFactory(partnership=board)
    seat(board, council, kind="office", office="the Executive Councillor for Economy & Skills").save()
    seat(board, council, kind="vacant").save()
    seat(board, CouncilFactory(name="Hillside District Council"), kind="member_organisation").save()
    client.force_login(make_officer(board))
    page = client.get(reverse("partnerships:partnership_detail", args=[board.slug])).content.decode()
    assert "Members (3)" in page
    assert "The Executive Councillor for Economy &amp; Skills" in page and "Held by office" in page
    assert "Vacant" in page and "Riverside City Council&#x27;s seat is vacant." in page
    assert "Hillside District Council: member organisation" in page
    register = client.get(reverse("partnerships:membership_list", args=[board.slug])).content.decode()
    assert "Membership as at" in register and "(4)" in register
    assert "Held by office, no person named" in register
    earlier = client.get(reverse("partnerships:membership_list", args=[board.slug]) + "?as_at=2000-01-01")
    assert "Held by office" in earlier.content.decode()  # no start date: counted as held
    organisation = client.get(reverse("partnerships:organisation_detail", args=[council.slug])).content.decode()
    assert "(held by office)" in organisation and "Vacant" in organisation


def test_an_ended_seat_is_not_shown_today(client, board, council):
    seat(board, council, kind="office", office="the Leader", end_date=dt.date(2020, 3, 31)).save()
    client.force_login(make_officer(board))
    page = client.get(reverse("partnerships:partnership_detail", args=[board.slug])).content.decode()
    assert "The Leader" not in page
    then = client.get(reverse("partnerships:membership_list", args=[board.slug]) + "?as_at=2019-06-01")
    assert "The Leader" in then.content.decode()


def test_an_officer_adds_a_seat_held_by_office_and_ends_it(client, board, council):
    client.force_login(make_officer(board))
    url = reverse("partnerships:participation_add", args=[board.slug])
    assert client.get(url).status_code == 200
    answer = client.post(
        url, {"version": 1, "organisation": council.pk, "kind": "office", "office": "", "role": "member"}
    )
    assert answer.status_code == 200
    page = answer.content.decode()
    assert 'id="id_office_error"' in page and "Name the office that holds the seat" in page
    assert not Participation.objects.exists()
    answer = client.post(
        url,
        {
            "version": 1,
            "organisation": council.pk,
            "kind": "office",
            "office": "the Leader",
            "role": "member",
            "is_voting": "on",
        },
    )
    assert answer.status_code == 302
    seat = Participation.objects.get()
    assert (seat.office, seat.is_voting) == ("the Leader", True)
    edit = reverse("partnerships:participation_edit", args=[seat.pk])
    answer = client.post(
        edit,
        {
            "version": seat.version,
            "organisation": council.pk,
            "kind": "office",
            "office": "the Leader",
            "role": "member",
            "is_voting": "on",
            "end_date_day": "31",
            "end_date_month": "3",
            "end_date_year": "2024",
            "end_reason": "The board was wound up",
        },
    )
    assert answer.status_code == 302
    seat.refresh_from_db()
    assert seat.end_date == dt.date(2024, 3, 31) and Participation.objects.count() == 1


def test_only_an_editor_may_add_or_change_a_seat(client, board, council):
    seat(board, council, kind="vacant").save()
    found = Participation.objects.get()
    client.force_login(make_officer(PartnershipFactory(name="Another Board")))
    assert client.get(reverse("partnerships:participation_add", args=[board.slug])).status_code == 403
    assert client.get(reverse("partnerships:participation_edit", args=[found.pk])).status_code == 403
    private = PartnershipFactory(name="Private Board", is_public=False)
    assert client.get(reverse("partnerships:participation_add", args=[private.slug])).status_code == 404
    assert client.get(reverse("partnerships:participation_edit", args=[found.pk + 99])).status_code == 404
