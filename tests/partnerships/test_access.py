"""One rule for every app: 404 to those who may not know a partnership exists, 403 to those who may see it."""

import datetime as dt

import pytest
from django.urls import reverse

from partnerships.models import Membership
from tests.factories import PartnershipFactory

# Themes, achievements, the plan and outcomes are part of a public partnership's published record.
PAGES = ["taskgroups:challenge_list", "partnerships:partnership_money"]


@pytest.mark.parametrize("name", PAGES)
def test_the_public_is_told_plainly_about_a_published_partnership(client, db, name):
    partnership = PartnershipFactory(is_public=True)
    response = client.get(reverse(name, args=[partnership.slug]))
    assert response.status_code == 403
    assert "You do not have permission" in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_an_unpublished_partnership_does_not_exist_for_the_public(client, db, name):
    partnership = PartnershipFactory(is_public=False)
    assert client.get(reverse(name, args=[partnership.slug])).status_code == 404


# A person's details belong to them; a private partnership's existence belongs to those who read it.


@pytest.fixture
def private_board(cast):
    """A private board the cast's officer does not run, chaired by someone the officer then adds as a guest."""
    from tests.factories import InterestFactory, MembershipFactory, PersonFactory

    board = PartnershipFactory(name="Quillfeather Board", slug="quillfeather", is_public=False)
    person = PersonFactory(first_name="Zeph", last_name="Quarrington", email="zeph@q.example", phone="01632 960447")
    InterestFactory(person=person, description="Director of Quarrington Estates")
    MembershipFactory(partnership=board, person=person, role=Membership.Role.CHAIR)
    MembershipFactory(partnership=cast.sub_group, person=person, role=Membership.Role.GUEST, is_voting=False)
    return board, person


def test_a_guest_seat_shows_the_person_but_not_their_contact_details_or_private_seats(client, cast, private_board):
    board, person = private_board
    client.force_login(cast.users["officer"])
    page = client.get(reverse("partnerships:person_detail", args=[person.pk])).content.decode()
    assert "Quarrington" in page
    assert cast.sub_group.name in page
    for secret in ("zeph@q.example", "01632 960447", "Director of Quarrington Estates", "Quillfeather"):
        assert secret not in page
    # Nor can the officer open the form that would show them.
    assert client.get(reverse("partnerships:person_edit", args=[person.pk])).status_code == 403


def test_a_current_or_recent_seat_opens_contact_details_to_its_officers(client, cast):
    from tests.factories import MembershipFactory, PersonFactory

    recent = PersonFactory(email="recent@example.org")
    MembershipFactory(partnership=cast.partnership, person=recent, end_date=dt.date.today() - dt.timedelta(days=200))
    long_gone = PersonFactory(email="gone@example.org")
    MembershipFactory(
        partnership=cast.partnership,
        person=long_gone,
        start_date=dt.date(2015, 1, 1),
        end_date=dt.date.today() - dt.timedelta(days=400),
    )
    client.force_login(cast.users["officer"])
    assert "recent@example.org" in client.get(reverse("partnerships:person_detail", args=[recent.pk])).content.decode()
    page = client.get(reverse("partnerships:person_detail", args=[long_gone.pk])).content.decode()
    assert "gone@example.org" not in page


def test_members_see_names_not_contact_details_and_people_see_their_own(client, cast):
    cast.member_person.email = "ada@example.org"
    cast.member_person.save()
    client.force_login(cast.users["observer"])
    page = client.get(reverse("partnerships:person_detail", args=[cast.member_person.pk])).content.decode()
    assert "Ada" in page and "ada@example.org" not in page
    client.force_login(cast.users["member"])
    own = client.get(reverse("partnerships:person_detail", args=[cast.member_person.pk])).content.decode()
    assert "ada@example.org" in own


def test_the_add_member_search_finds_by_name_and_organisation_only_and_names_no_seat(client, cast, private_board):
    board, person = private_board
    client.force_login(cast.users["outsider"])
    url = reverse("partnerships:membership_add", args=[cast.other_partnership.slug])
    # Part of a name finds only people the officer already reads.
    assert "Quarrington" not in client.get(url, {"q": "Quarr"}).content.decode()
    # The full name finds them, with their name and organisation and nothing else.
    found = client.get(url, {"q": "Zeph Quarrington"}).content.decode()
    assert "Quarrington" in found
    assert "Quillfeather" not in found and "zeph@q.example" not in found
    # Email is not a way in.
    assert "Quarrington" not in client.get(url, {"q": "zeph@q.example"}).content.decode()


def test_reports_to_pick_list_and_parent_labels_name_no_private_partnership(client, cast):
    hidden = PartnershipFactory(name="Quillfeather Board", slug="quillfeather", is_public=False)
    panel = PartnershipFactory(name="Quillfeather Panel", slug="quillfeather-panel", parent=hidden, is_public=True)
    cast.partnership.reports_to.add(hidden)
    client.force_login(cast.users["officer"])
    for url in (
        reverse("partnerships:partnership_edit", args=[cast.partnership.slug]),
        reverse("partnerships:partnership_create") + f"?parent={cast.partnership.slug}",
        reverse("partnerships:partnership_detail", args=[cast.partnership.slug]),
        reverse("partnerships:partnership_detail", args=[panel.slug]),
        reverse("partnerships:partnership_list"),
    ):
        assert "Quillfeather Board" not in client.get(url).content.decode(), url
    # Saving the partnership keeps the link the officer could not see.
    form = client.get(reverse("partnerships:partnership_edit", args=[cast.partnership.slug])).context["form"]
    data = {name: field.value() for name, field in ((n, form[n]) for n in form.fields) if field.value() is not None}
    data["reports_to"] = []
    saved = client.post(reverse("partnerships:partnership_edit", args=[cast.partnership.slug]), data)
    assert saved.status_code == 302, saved.context["form"].errors if saved.context else saved
    assert hidden in cast.partnership.reports_to.all()


def test_records_of_an_unread_partnership_are_404_even_when_it_is_public(client, cast):
    """A public partnership's themes and reports are for its readers: to anyone else they do not exist."""
    from reporting.models import Kind
    from tests.reporting.factories import ReportFactory, council_review
    from themes.models import Theme, ThemeReport

    cast.partnership.is_public = True
    cast.partnership.save()
    theme = Theme.objects.create(partnership=cast.partnership, title="Low carbon")
    draft = ThemeReport.objects.create(theme=theme, year=2023, half=1, due_on=dt.date(2024, 3, 1))
    report = ReportFactory(partnership=cast.partnership, kind=Kind.ANNUAL_UPDATE)
    review = council_review(cast.council)
    client.force_login(cast.users["outsider"])
    for url in (
        reverse("themes:theme_report_detail", args=[draft.pk]),
        reverse("reporting:report_detail", args=[report.pk]),
        reverse("reporting:report_detail", args=[review.pk]),
    ):
        assert client.get(url).status_code == 404, url
    # Someone who reads the partnership but may not see an unpublished report is told so.
    client.force_login(cast.users["member"])
    assert client.get(reverse("reporting:report_detail", args=[report.pk])).status_code == 403


def test_a_private_calendar_feed_carries_no_unpublished_agenda(client, cast):
    from meetings.models import AgendaItem, CalendarFeed
    from meetings.services import agenda_item_add
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date.today() + dt.timedelta(days=10))
    agenda_item_add(item=AgendaItem(meeting=meeting, title="Quillfeather settlement"))
    feed = CalendarFeed.objects.create(user=cast.users["member"], token=CalendarFeed.new_token())
    body = client.get(reverse("meetings:private_feed", args=[feed.token])).content.decode()
    assert "BEGIN:VEVENT" in body
    assert "Quillfeather settlement" not in body
