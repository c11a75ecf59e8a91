"""The one error meeting services raise when a rule refuses an operation."""

from partnerships.errors import RuleBroken


class MeetingRuleBroken(RuleBroken):
    """An operation the meeting's rules refuse, with the reason a person sees."""
