"""The one error a service raises when a rule refuses what was asked; each app names its own kind."""


class RuleBroken(Exception):
    """An operation a rule refuses, with the reason in words for the person who asked."""
