"""The one error meeting services raise when a rule refuses an operation."""


class MeetingRuleBroken(Exception):
    """An operation the meeting's rules refuse, with the reason a person sees."""
