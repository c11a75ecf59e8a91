"""Recording decisions and votes by the partnership's voting rule."""

import datetime as dt

from django.db import transaction

from partnerships.models import Membership, Partnership

from .. import voting
from ..models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Vote,
)
from .errors import MeetingRuleBroken


def present_at(meeting: Meeting, item: AgendaItem | None = None) -> list[voting.Present]:
    """Who is in the room, and in what capacity, from the attendance and the item's guests."""
    present = []
    records = Attendance.objects.filter(
        meeting=meeting, status__in=[Attendance.Status.PRESENT, Attendance.Status.REPRESENTED]
    ).select_related("membership__person", "alternate__person")
    for record in records:
        seat = record.membership
        if record.status == Attendance.Status.PRESENT:
            if seat.role == Membership.Role.OBSERVER:
                capacity = voting.Capacity.OBSERVER
            elif not seat.is_voting:
                capacity = voting.Capacity.NON_VOTING_MEMBER
            elif seat.role == Membership.Role.CHAIR:
                capacity = voting.Capacity.CHAIR
            else:
                capacity = voting.Capacity.MEMBER
            present.append(voting.Present(seat.person_id, str(seat.person), capacity))
        else:
            present.append(
                voting.Present(
                    record.alternate.person_id,
                    str(record.alternate.person),
                    voting.Capacity.ALTERNATE,
                    stands_in_for=seat.person_id,
                    lead_votes=seat.is_voting,
                    stands_in_for_name=str(seat.person),
                )
            )
    if item is not None:
        in_room = {p.key for p in present}
        for guest in item.guests.all():
            if guest.pk not in in_room:
                present.append(voting.Present(guest.pk, str(guest), voting.Capacity.GUEST))
    return present


def rule_for(partnership: Partnership) -> voting.VotingRule:
    return voting.VotingRule(
        rule=voting.Rule(partnership.voting_rule),
        required_voter=partnership.required_voter_id,
        required_voter_name=str(partnership.required_voter) if partnership.required_voter_id else "",
        chair_has_casting_vote=partnership.chair_has_casting_vote,
        quorum=partnership.quorum,
    )


def _require_decisions_allowed(meeting: Meeting, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting was cancelled: no decisions can be recorded.")
    if meeting.date > today:
        raise MeetingRuleBroken("Decisions are recorded on or after the day of the meeting.")
    if meeting.minutes_are_approved:
        raise MeetingRuleBroken("The minutes of this meeting are approved: its record is closed.")


@transaction.atomic
def decision_record(
    *,
    item: AgendaItem,
    resolution: str,
    method: str,
    votes: dict[int, voting.Choice] | voting.Tally | None = None,
    casting_vote: voting.Choice | None = None,
    user=None,
    approves_minutes_of: Meeting | None = None,
    today: dt.date | None = None,
) -> Decision:
    """Record a decision; a vote is decided by the partnership's rule, or refused with the reason."""
    meeting = item.meeting
    _require_decisions_allowed(meeting, today)
    decision = Decision(
        item=item,
        resolution=resolution,
        method=method,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
        approves_minutes_of=approves_minutes_of,
    )
    if method == Decision.Method.CONSENSUS:
        decision.outcome = Decision.Outcome.AGREED
        decision.full_clean()
        decision.save()
        return decision
    if votes is None:
        raise MeetingRuleBroken("Record the votes cast, by count or by name.")
    result = voting.decide(rule_for(meeting.partnership), present_at(meeting, item), votes, casting_vote=casting_vote)
    if isinstance(result, voting.Refusal):
        raise MeetingRuleBroken(result.reason)
    decision.outcome = Decision.Outcome.CARRIED if result.carried else Decision.Outcome.LOST
    decision.votes_for, decision.votes_against, decision.abstentions = (
        result.votes_for,
        result.votes_against,
        result.abstentions,
    )
    decision.casting_vote_used = result.casting_vote_used
    decision.explanation = result.explanation[:300]
    decision.recorded_by_name = not isinstance(votes, voting.Tally)
    decision.full_clean()
    decision.save()
    if decision.recorded_by_name:
        Vote.objects.bulk_create(
            Vote(
                decision=decision,
                person_id=voter,
                choice=choice,
                on_behalf_of_id=result.seats[voter] if result.seats[voter] != voter else None,
            )
            for voter, choice in votes.items()
        )
    if result.casting_vote_used:
        chair = next(p for p in present_at(meeting) if p.capacity == voting.Capacity.CHAIR)
        Vote.objects.create(decision=decision, person_id=chair.key, choice=casting_vote, is_casting_vote=True)
    return decision
