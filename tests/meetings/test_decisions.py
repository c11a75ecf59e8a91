"""Decisions: consensus, votes by count and by name under the partnership's rule, refusals shown."""

import pytest

from meetings.models import Decision, Vote
from meetings.services import MeetingRuleBroken, attendance_mark, decision_record
from meetings.voting import Choice, Tally
from partnerships.models import Membership
from tests.factories import MembershipFactory, PersonFactory


@pytest.fixture
def room(cast, meeting, voters):
    """Ada, Ben and Cara present with a vote; Olu the observer present without one."""
    for seat in [cast.membership, *voters]:
        attendance_mark(meeting=meeting, membership=seat, status="present")
    observer = Membership.objects.get(partnership=cast.partnership, role="observer")
    attendance_mark(meeting=meeting, membership=observer, status="present")
    return observer


def test_consensus(major_item):
    decision = decision_record(item=major_item, resolution="Noted the report", method="consensus")
    assert decision.outcome == Decision.Outcome.AGREED


def test_a_named_vote_is_carried_and_recorded_by_name(room, cast, voters, major_item):
    ada, ben, cara = cast.member_person, voters[0].person, voters[1].person
    decision = decision_record(
        item=major_item,
        resolution="Adopt",
        method="vote",
        votes={ada.pk: Choice.FOR, ben.pk: Choice.FOR, cara.pk: Choice.AGAINST},
    )
    assert decision.outcome == "carried"
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (2, 1, 0)
    assert Vote.objects.filter(decision=decision).count() == 3


def test_an_observers_vote_is_refused_with_the_reason(room, cast, major_item):
    with pytest.raises(MeetingRuleBroken, match="Olu Observer is an observer"):
        decision_record(item=major_item, resolution="Adopt", method="vote", votes={room.person_id: Choice.FOR})
    assert not Decision.objects.exists()


def test_a_guest_for_the_item_cannot_vote(room, major_item):
    guest = PersonFactory(first_name="Gita", last_name="Guest")
    major_item.guests.add(guest)
    with pytest.raises(MeetingRuleBroken, match="Gita Guest is a guest invited for this item"):
        decision_record(item=major_item, resolution="Adopt", method="vote", votes={guest.pk: Choice.FOR})


def test_an_alternate_votes_for_an_absent_lead(cast, meeting, voters, major_item):
    alternate = MembershipFactory(
        partnership=cast.partnership,
        role="alternate",
        alternate_for=cast.membership,
        organisation=cast.council,
        person=PersonFactory(first_name="Alf", last_name="Alternate"),
    )
    attendance_mark(meeting=meeting, membership=cast.membership, status="represented", alternate=alternate)
    attendance_mark(meeting=meeting, membership=voters[0], status="present")
    decision = decision_record(
        item=major_item,
        resolution="Adopt",
        method="vote",
        votes={alternate.person_id: Choice.FOR, voters[0].person_id: Choice.FOR},
    )
    assert decision.outcome == "carried"
    assert Vote.objects.get(decision=decision, person=alternate.person).on_behalf_of == cast.member_person


def test_an_inquorate_meeting_cannot_vote(room, cast, major_item):
    cast.partnership.quorum = 5
    cast.partnership.save()
    with pytest.raises(MeetingRuleBroken, match="not quorate: 3 voting members are present and the quorum is 5"):
        decision_record(item=major_item, resolution="Adopt", method="vote", votes=Tally(3, 0))


def test_the_required_members_vote_against_defeats_the_majority(room, cast, voters, major_item):
    cast.partnership.voting_rule = "majority_including_member"
    cast.partnership.required_voter = cast.member_person
    cast.partnership.save()
    decision = decision_record(
        item=major_item,
        resolution="Adopt",
        method="vote",
        votes={cast.member_person.pk: Choice.AGAINST, voters[0].person_id: Choice.FOR, voters[1].person_id: Choice.FOR},
    )
    assert decision.outcome == "lost"
    assert "must include the vote of Ada Member" in decision.explanation


def test_the_decision_page_shows_a_refusal_and_keeps_what_was_typed(officer_client, room, major_item):
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/decisions/add/",
        {"resolution": "Adopt the plan", "method": "named", f"vote_{room.person_id}": "for"},
    )
    body = response.content.decode()
    assert "Olu Observer is an observer: observers contribute to the debate but do not hold a vote" in body
    assert "Adopt the plan" in body
    assert not Decision.objects.exists()


def test_the_decision_page_records_a_vote_by_count(officer_client, room, major_item, meeting):
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/decisions/add/",
        {"resolution": "Adopt the plan", "method": "count", "votes_for": "2", "votes_against": "1", "abstentions": "0"},
    )
    assert response.status_code == 302
    assert Decision.objects.get().outcome == "carried"
    page = officer_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Carried" in page and "2 for, 1 against" in page


def test_the_decision_page_lists_only_those_with_a_vote(officer_client, room, major_item):
    body = officer_client.get(f"/agenda-items/{major_item.pk}/decisions/add/").content.decode()
    assert 'name="vote_' in body
    assert f'name="vote_{room.person_id}"' not in body
    assert "Present without a vote: Olu Observer" in body


def test_no_decisions_before_the_meeting(cast):
    import datetime as dt

    from .factories import MeetingFactory

    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date.today() + dt.timedelta(days=3))
    with pytest.raises(MeetingRuleBroken, match="on or after the day of the meeting"):
        decision_record(item=meeting.items.first(), resolution="x", method="consensus")
