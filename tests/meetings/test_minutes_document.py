"""The minutes as a page and a tagged PDF: everyone who came and how, declarations, minutes, votes, actions."""

import io

import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from meetings.minutes_document import minutes_document, minutes_pdf
from meetings.models import Attendance, Decision, Declaration, Meeting, Vote
from partnerships.models import Membership
from tests.factories import MembershipFactory, PersonFactory
from tests.pdfcheck import check_structure

from .factories import ActionFactory, AgendaItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(cast, meeting):
    """A held meeting: a member present, a lead represented by an alternate, apologies, a guest, a named vote."""
    lead = MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Lena", last_name="Lead"))
    alternate = MembershipFactory(
        partnership=cast.partnership,
        person=PersonFactory(first_name="Alf", last_name="Alternate"),
        role=Membership.Role.ALTERNATE,
        alternate_for=lead,
    )
    sorry = MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Sam", last_name="Sorry"))
    Attendance.objects.create(meeting=meeting, membership=cast.membership, status=Attendance.Status.PRESENT)
    Attendance.objects.create(
        meeting=meeting, membership=lead, status=Attendance.Status.REPRESENTED, alternate=alternate
    )
    Attendance.objects.create(meeting=meeting, membership=sorry, status=Attendance.Status.APOLOGIES)
    item = AgendaItemFactory(meeting=meeting, title="Bus franchising", minutes="The board discussed the options.")
    item.guests.add(PersonFactory(first_name="Greta", last_name="Guest"))
    Declaration.objects.create(item=item, person=cast.member_person, nature="an interest as a bus user")
    decision = Decision.objects.create(
        item=item,
        resolution="To consult on franchising.",
        method=Decision.Method.VOTE,
        outcome=Decision.Outcome.CARRIED,
        votes_for=2,
        votes_against=0,
        abstentions=0,
        recorded_by_name=True,
    )
    Vote.objects.create(decision=decision, person=cast.member_person, choice=Vote.Choice.FOR)
    Vote.objects.create(decision=decision, person=alternate.person, choice=Vote.Choice.FOR, on_behalf_of=lead.person)
    ActionFactory(raised_at=meeting, item=item, description="Write to the operators")
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.APPROVED)
    meeting.refresh_from_db()
    return meeting


def test_the_page_says_who_came_in_what_capacity_and_how_each_voted(client, cast, held):
    cast.partnership.is_public = True
    cast.partnership.save()
    page = client.get(reverse("meetings:minutes_document", args=[held.pk])).content.decode()
    for words in (
        "Ada Member",
        "Alf Alternate, ",
        "acting for Lena Lead",
        "Sam Sorry",
        "Greta Guest",
        "an interest as a bus user",
        "The board discussed the options.",
        "To consult on franchising.",
        "alternate for Lena Lead",
        "Write to the operators",
    ):
        assert words in page, words


def test_the_pdf_is_tagged_and_says_the_same(held):
    data = minutes_pdf(document=minutes_document(meeting=held))
    assert check_structure(data) == []
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "acting for Lena Lead" in text and "To consult on franchising." in text


def test_the_same_minutes_give_the_same_file(held):
    assert minutes_pdf(document=minutes_document(meeting=held)) == minutes_pdf(document=minutes_document(meeting=held))


def test_draft_minutes_are_marked_draft_and_kept_from_shared_caches(client, cast, held):
    Meeting.objects.filter(pk=held.pk).update(minutes_status=Meeting.MinutesStatus.CIRCULATED)
    client.force_login(cast.users["member"])
    response = client.get(reverse("meetings:minutes_pdf", args=[held.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "draft-minutes" in response["Content-Disposition"]
    assert "Draft minutes" in client.get(reverse("meetings:minutes_document", args=[held.pk])).content.decode()


def test_the_page_costs_the_same_queries_however_long_the_meeting(client, cast, held, django_assert_num_queries):
    """Guards against a query per item, decision, vote or attendance row."""
    client.force_login(cast.users["member"])
    url = reverse("meetings:minutes_document", args=[held.pk])
    client.get(url)
    # Both counts are taken cold, so the reader's cached access cannot make the second look cheaper.
    cache.clear()
    with django_assert_num_queries(14) as first:
        client.get(url)
    for n in range(4):
        item = AgendaItemFactory(meeting=held, title=f"Item {n}")
        decision = Decision.objects.create(
            item=item,
            resolution="Noted.",
            method=Decision.Method.VOTE,
            outcome=Decision.Outcome.CARRIED,
            votes_for=1,
            votes_against=0,
            abstentions=0,
            recorded_by_name=True,
        )
        Vote.objects.create(decision=decision, person=cast.member_person, choice=Vote.Choice.FOR)
        item.guests.add(PersonFactory())
        ActionFactory(raised_at=held, item=item)
    cache.clear()
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url)
