"""The partnership's voting rule applied to one vote: a pure function, with no database.

Sources: the OSP Terms of Reference 'Membership of the OSP' (the observer is welcome to contribute to the debate but
does not hold a vote; a lead representative may send an alternate; guests come for named agenda
items) and the Shared Ambition paper (CA Board, 16 October 2024) 'Voting arrangements' ("Simple majority of voting Members, subject to that
majority including the vote of the Mayor, or the Deputy Mayor acting in place of the Mayor").
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Capacity(StrEnum):
    """In what capacity a person is in the room."""

    CHAIR = "chair"
    MEMBER = "member"  # a seat with a vote: member or deputy chair
    NON_VOTING_MEMBER = "non_voting_member"
    OBSERVER = "observer"
    ALTERNATE = "alternate"  # attending in place of a lead representative
    GUEST = "guest"
    SUPPORTING_OFFICER = "supporting_officer"


class Choice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class Rule(StrEnum):
    SIMPLE_MAJORITY = "simple_majority"
    MAJORITY_INCLUDING_MEMBER = "majority_including_member"
    CONSENSUS = "consensus"


@dataclass(frozen=True)
class Present:
    """Someone in the room. For an alternate, `stands_in_for` is the lead's key and `lead_votes` their seat's vote."""

    key: int
    name: str
    capacity: Capacity
    stands_in_for: int | None = None
    lead_votes: bool = False
    stands_in_for_name: str = ""


@dataclass(frozen=True)
class VotingRule:
    rule: Rule = Rule.SIMPLE_MAJORITY
    required_voter: int | None = None
    required_voter_name: str = ""
    chair_has_casting_vote: bool = False
    quorum: int = 0


@dataclass(frozen=True)
class Tally:
    """Votes recorded by count. With a required voter, say how that member (or their alternate) voted."""

    votes_for: int
    votes_against: int
    abstentions: int = 0
    required_voter_choice: Choice | None = None


@dataclass(frozen=True)
class Result:
    carried: bool
    votes_for: int
    votes_against: int
    abstentions: int
    casting_vote_used: bool
    explanation: str
    # Whose seat each named vote counts for: voter key -> seat key (differs for an alternate).
    seats: Mapping[int, int] | None = None


@dataclass(frozen=True)
class Refusal:
    reason: str


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def voters(present: list[Present]) -> dict[int, int]:
    """Who may vote, mapped to the seat their vote counts for.

    A voting member votes for their own seat; an alternate votes for the lead they stand in for,
    only when that lead is absent and the lead's seat has a vote.
    """
    in_room = {person.key for person in present}
    seats: dict[int, int] = {}
    for person in present:
        if person.capacity in (Capacity.CHAIR, Capacity.MEMBER):
            seats[person.key] = person.key
        elif (
            person.capacity == Capacity.ALTERNATE
            and person.lead_votes
            and person.stands_in_for is not None
            and person.stands_in_for not in in_room
        ):
            seats[person.key] = person.stands_in_for
    return seats


def _why_not(person: Present | None, key: int, present: list[Present]) -> str:
    if person is None:
        return "is not recorded as present at this meeting, so cannot vote"
    if person.capacity == Capacity.OBSERVER:
        return "is an observer: observers contribute to the debate but do not hold a vote"
    if person.capacity == Capacity.GUEST:
        return "is a guest invited for this item: guests do not vote"
    if person.capacity == Capacity.SUPPORTING_OFFICER:
        return "is a supporting officer and does not vote"
    if person.capacity == Capacity.NON_VOTING_MEMBER:
        return "holds a seat without a vote"
    if person.capacity == Capacity.ALTERNATE:
        if not person.lead_votes:
            return f"stands in for {person.stands_in_for_name or 'a lead representative'}, whose seat has no vote"
        return (
            f"cannot vote in place of {person.stands_in_for_name or 'their lead representative'}, "
            "who is present and votes for that seat"
        )
    return "cannot vote"


@dataclass(frozen=True)
class _Count:
    """The votes as counted, before the rule is applied."""

    votes_for: int
    votes_against: int
    abstentions: int
    required_choice: Choice | None
    named_seats: dict[int, int] | None

    @property
    def words(self) -> str:
        return (
            f"{self.votes_for} for, {self.votes_against} against, "
            f"{_plural(self.abstentions, 'abstention', 'abstentions')}"
        )


def _refusal_before_counting(rule: VotingRule, seats: dict[int, int]) -> Refusal | None:
    """Why no vote can be taken at all: consensus, an inquorate meeting, or a rule missing its named member."""
    if rule.rule == Rule.CONSENSUS:
        return Refusal(
            "This partnership decides by consensus and does not take votes. Record the decision by consensus."
        )
    # Quorum is counted before anything else: an inquorate meeting cannot vote at all.
    if rule.quorum and len(seats) < rule.quorum:
        return Refusal(
            f"The meeting is not quorate: {_plural(len(seats), 'voting member is', 'voting members are')} present "
            f"and the quorum is {rule.quorum}. No vote can be taken."
        )
    if rule.rule == Rule.MAJORITY_INCLUDING_MEMBER and rule.required_voter is None:
        return Refusal("The partnership's rule needs a named member whose vote the majority must include.")
    return None


def _count_tally(rule: VotingRule, seats: dict[int, int], votes: Tally, required_present: bool) -> _Count | Refusal:
    """Votes recorded by count, checked against who could have cast them."""
    if min(votes.votes_for, votes.votes_against, votes.abstentions) < 0:
        return Refusal("Vote counts cannot be negative.")
    cast = votes.votes_for + votes.votes_against + votes.abstentions
    if cast > len(seats):
        return Refusal(
            f"{_plural(cast, 'vote was', 'votes were')} recorded but only "
            f"{_plural(len(seats), 'person present has', 'people present have')} a vote."
        )
    required_choice = None
    if rule.rule == Rule.MAJORITY_INCLUDING_MEMBER and required_present:
        if votes.required_voter_choice is None:
            return Refusal(f"Say how {rule.required_voter_name or 'the named member'} voted: the rule needs it.")
        required_choice = votes.required_voter_choice
    return _Count(votes.votes_for, votes.votes_against, votes.abstentions, required_choice, None)


def _count_named(
    rule: VotingRule, seats: dict[int, int], votes: Mapping[int, Choice], present: list[Present]
) -> _Count | Refusal:
    """Votes recorded by name, each checked against the voter's right to vote."""
    by_key = {person.key: person for person in present}
    refused = []
    for key in votes:
        if key not in seats:
            person = by_key.get(key)
            name = person.name if person else "Someone"
            refused.append(f"{name} {_why_not(person, key, present)}")
    if refused:
        return Refusal(". ".join(refused) + ".")
    choices = list(votes.values())
    required_choice = None
    for voter, choice in votes.items():
        if seats[voter] == rule.required_voter:
            required_choice = choice
    return _Count(
        choices.count(Choice.FOR),
        choices.count(Choice.AGAINST),
        choices.count(Choice.ABSTAIN),
        required_choice,
        {voter: seats[voter] for voter in votes},
    )


def _outcome(
    rule: VotingRule, present: list[Present], count: _Count, casting_vote: Choice | None
) -> tuple[bool, bool, str] | Result | Refusal:
    """Carried or lost on the votes cast (carried, casting vote used, explanation), breaking a tie if the rule allows."""
    counts = count.words
    if count.votes_for != count.votes_against:
        carried = count.votes_for > count.votes_against
        return carried, False, f"{'Carried' if carried else 'Lost'} by a simple majority of votes cast ({counts})."
    if count.votes_for == 0:
        return Result(False, 0, 0, count.abstentions, False, f"Lost: no votes were cast for or against ({counts}).")
    if not rule.chair_has_casting_vote:
        return Result(
            False,
            count.votes_for,
            count.votes_against,
            count.abstentions,
            False,
            f"Lost: the votes were tied ({counts}) and the chair has no casting vote.",
        )
    if not any(person.capacity == Capacity.CHAIR for person in present):
        return Refusal(f"The votes are tied ({counts}), but no chair is recorded as present to give a casting vote.")
    if casting_vote not in (Choice.FOR, Choice.AGAINST):
        return Refusal(f"The votes are tied ({counts}). Record the chair's casting vote, for or against.")
    carried = casting_vote == Choice.FOR
    return carried, True, f"{'Carried' if carried else 'Lost'} on the chair's casting vote {casting_vote} ({counts})."


def _without_required_voter(rule: VotingRule, count: _Count, required_present: bool) -> str:
    """Why a majority fails for want of the named member's vote."""
    who = rule.required_voter_name or "the named member"
    choice = count.required_choice
    if not required_present:
        why = f"{who} was not present (nor anyone acting in their place) to vote"
    elif choice is None:
        why = f"{who} did not vote"
    else:
        why = f"{who} voted {choice.value}" if choice == Choice.AGAINST else f"{who} abstained"
    return f"Lost: the majority must include the vote of {who}, and {why} ({count.words})."


def decide(
    rule: VotingRule,
    present: list[Present],
    votes: Mapping[int, Choice] | Tally,
    *,
    casting_vote: Choice | None = None,
) -> Result | Refusal:
    """Apply the partnership's rule to one vote, or refuse it with the reason in words.

    `votes` is either named (person key -> choice) or a Tally by count. `casting_vote` is the chair's,
    used only on a tie where the partnership gives the chair one.
    """
    seats = voters(present)
    if refusal := _refusal_before_counting(rule, seats):
        return refusal
    needs_member = rule.rule == Rule.MAJORITY_INCLUDING_MEMBER
    required_present = needs_member and rule.required_voter in seats.values()

    if isinstance(votes, Tally):
        count = _count_tally(rule, seats, votes, required_present)
    else:
        count = _count_named(rule, seats, votes, present)
    if isinstance(count, Refusal):
        return count

    outcome = _outcome(rule, present, count, casting_vote)
    if isinstance(outcome, (Result, Refusal)):
        return outcome
    carried, casting_used, explanation = outcome

    if carried and needs_member and count.required_choice != Choice.FOR:
        carried, explanation = False, _without_required_voter(rule, count, required_present)
    return Result(
        carried,
        count.votes_for,
        count.votes_against,
        count.abstentions,
        casting_used,
        explanation,
        count.named_seats,
    )
