"""The voting rules as a table of cases (the OSP Terms of Reference observers, alternates and guests; the Shared Ambition paper (CA Board, 16 October 2024) the Mayor)."""

import pytest

from meetings.voting import Capacity, Choice, Present, Refusal, Result, Rule, Tally, VotingRule, decide

FOR, AGAINST, ABSTAIN = Choice.FOR, Choice.AGAINST, Choice.ABSTAIN

CHAIR = Present(1, "Paul James", Capacity.CHAIR)
ANNA = Present(2, "Anna Smith", Capacity.MEMBER)
BEN = Present(3, "Ben Jones", Capacity.MEMBER)
CARA = Present(4, "Cara Patel", Capacity.MEMBER)
OBSERVER = Present(5, "Cllr Chris Smowton", Capacity.OBSERVER)
GUEST = Present(6, "Gita Guest", Capacity.GUEST)
MAYOR = Present(7, "Mayor Nik Johnson", Capacity.CHAIR)
# The Deputy Mayor acting in place of the Mayor (the Shared Ambition paper (CA Board, 16 October 2024)), and an alternate for Ben.
DEPUTY_FOR_MAYOR = Present(8, "Deputy Mayor", Capacity.ALTERNATE, stands_in_for=7, lead_votes=True)
ALT_FOR_BEN = Present(
    9, "Dana Alternate", Capacity.ALTERNATE, stands_in_for=3, lead_votes=True, stands_in_for_name="Ben Jones"
)
NON_VOTING = Present(10, "Nell Seat", Capacity.NON_VOTING_MEMBER)

SIMPLE = VotingRule(Rule.SIMPLE_MAJORITY)
CASTING = VotingRule(Rule.SIMPLE_MAJORITY, chair_has_casting_vote=True)
MAYOR_RULE = VotingRule(Rule.MAJORITY_INCLUDING_MEMBER, required_voter=7, required_voter_name="the Mayor")

ROOM = [CHAIR, ANNA, BEN, CARA]
CA_ROOM = [MAYOR, ANNA, BEN, CARA]

CASES = [
    # id, rule, present, votes, casting vote, carried (or None for a refusal), words in the explanation
    ("majority carries", SIMPLE, ROOM, {1: FOR, 2: FOR, 3: AGAINST}, None, True, "simple majority"),
    ("majority against loses", SIMPLE, ROOM, {1: AGAINST, 2: AGAINST, 3: FOR}, None, False, "Lost"),
    (
        "abstentions do not count",
        SIMPLE,
        ROOM,
        {1: FOR, 2: ABSTAIN, 3: ABSTAIN, 4: ABSTAIN},
        None,
        True,
        "3 abstentions",
    ),
    (
        "tie without casting vote is lost",
        SIMPLE,
        ROOM,
        {1: FOR, 2: FOR, 3: AGAINST, 4: AGAINST},
        None,
        False,
        "no casting vote",
    ),
    ("tie with casting vote for", CASTING, ROOM, {1: FOR, 2: FOR, 3: AGAINST, 4: AGAINST}, FOR, True, "casting vote"),
    (
        "tie with casting vote against",
        CASTING,
        ROOM,
        {1: FOR, 2: FOR, 3: AGAINST, 4: AGAINST},
        AGAINST,
        False,
        "casting vote",
    ),
    (
        "tie needs the casting vote recorded",
        CASTING,
        ROOM,
        {1: FOR, 2: AGAINST},
        None,
        None,
        "Record the chair's casting vote",
    ),
    ("required member votes for", MAYOR_RULE, CA_ROOM, {7: FOR, 2: FOR, 3: AGAINST}, None, True, "simple majority"),
    (
        "required member voting against defeats a majority",
        MAYOR_RULE,
        CA_ROOM,
        {7: AGAINST, 2: FOR, 3: FOR, 4: FOR},
        None,
        False,
        "must include the vote of the Mayor",
    ),
    (
        "required member abstaining defeats a majority",
        MAYOR_RULE,
        CA_ROOM,
        {7: ABSTAIN, 2: FOR, 3: FOR},
        None,
        False,
        "abstained",
    ),
    (
        "required member absent: no majority can include them",
        MAYOR_RULE,
        ROOM,
        {2: FOR, 3: FOR},
        None,
        False,
        "was not present",
    ),
    (
        "deputy acting for the required member carries",
        MAYOR_RULE,
        [DEPUTY_FOR_MAYOR, ANNA, BEN],
        {8: FOR, 2: FOR, 3: AGAINST},
        None,
        True,
        "simple majority",
    ),
    (
        "inquorate vote is refused",
        VotingRule(Rule.SIMPLE_MAJORITY, quorum=5),
        ROOM,
        {1: FOR},
        None,
        None,
        "not quorate: 4 voting members are present and the quorum is 5",
    ),
    (
        "observers do not count towards quorum",
        VotingRule(Rule.SIMPLE_MAJORITY, quorum=5),
        [*ROOM, OBSERVER],
        {1: FOR},
        None,
        None,
        "not quorate",
    ),
    ("quorate vote goes ahead", VotingRule(Rule.SIMPLE_MAJORITY, quorum=4), ROOM, {1: FOR}, None, True, "Carried"),
    (
        "observer voting is refused",
        SIMPLE,
        [*ROOM, OBSERVER],
        {1: FOR, 5: FOR},
        None,
        None,
        "Cllr Chris Smowton is an observer: observers contribute to the debate but do not hold a vote",
    ),
    (
        "guest voting is refused",
        SIMPLE,
        [*ROOM, GUEST],
        {6: AGAINST},
        None,
        None,
        "Gita Guest is a guest invited for this item: guests do not vote",
    ),
    (
        "member without a vote is refused",
        SIMPLE,
        [*ROOM, NON_VOTING],
        {10: FOR},
        None,
        None,
        "holds a seat without a vote",
    ),
    ("someone not present is refused", SIMPLE, ROOM, {99: FOR}, None, None, "not recorded as present"),
    (
        "alternate votes for an absent lead",
        SIMPLE,
        [CHAIR, ANNA, ALT_FOR_BEN],
        {1: AGAINST, 2: FOR, 9: FOR},
        None,
        True,
        "2 for, 1 against",
    ),
    (
        "alternate cannot vote when the lead is present",
        SIMPLE,
        [*ROOM, ALT_FOR_BEN],
        {9: FOR},
        None,
        None,
        "cannot vote in place of Ben Jones, who is present",
    ),
    (
        "consensus partnerships do not vote",
        VotingRule(Rule.CONSENSUS),
        ROOM,
        {1: FOR},
        None,
        None,
        "decides by consensus",
    ),
    (
        "count: more votes than voters is refused",
        SIMPLE,
        ROOM,
        Tally(4, 1),
        None,
        None,
        "5 votes were recorded but only 4 people present have a vote",
    ),
    ("count: majority carries", SIMPLE, ROOM, Tally(3, 1), None, True, "3 for, 1 against"),
    (
        "count: required member's vote must be given",
        MAYOR_RULE,
        CA_ROOM,
        Tally(3, 1),
        None,
        None,
        "Say how the Mayor voted",
    ),
    (
        "count: required member against defeats",
        MAYOR_RULE,
        CA_ROOM,
        Tally(3, 1, required_voter_choice=AGAINST),
        None,
        False,
        "voted against",
    ),
    ("count: tie with casting vote", CASTING, ROOM, Tally(2, 2), FOR, True, "casting vote"),
    ("nobody votes for or against", SIMPLE, ROOM, {1: ABSTAIN}, None, False, "no votes were cast"),
]


@pytest.mark.parametrize(
    ("rule", "present", "votes", "casting", "carried", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_voting_rule(rule, present, votes, casting, carried, words):
    result = decide(rule, present, votes, casting_vote=casting)
    if carried is None:
        assert isinstance(result, Refusal), result
        assert words in result.reason
    else:
        assert isinstance(result, Result), result
        assert result.carried is carried
        assert words in result.explanation


def test_an_alternates_vote_counts_for_the_lead_seat():
    result = decide(SIMPLE, [CHAIR, ALT_FOR_BEN], {9: FOR, 1: FOR})
    assert result.seats == {9: 3, 1: 1}


def test_a_tie_with_no_chair_present_cannot_be_settled():
    result = decide(CASTING, [ANNA, BEN], {2: FOR, 3: AGAINST}, casting_vote=FOR)
    assert isinstance(result, Refusal)
    assert "no chair is recorded as present" in result.reason
