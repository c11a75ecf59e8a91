"""Getting things done: the challenges programme and task-and-finish groups (the OSP Terms of Reference).

A challenge moves round the cycle of the OSP Terms of Reference 'How the OSP will achieve its aims'; a
task-and-finish group (the OSP Terms of Reference Appendix C) is established for one and reviews its outcomes.

One module a feature; every model is importable from here, as Django and the migrations expect."""

from .challenges import Challenge, ChallengeQuerySet, ChallengeStageChange
from .groups import Milestone, Reminder, TaskGroup, TaskGroupMember, TaskGroupQuerySet
from .reports import GroupReport, GroupReportItem

__all__ = [
    "ChallengeQuerySet",
    "Challenge",
    "ChallengeStageChange",
    "TaskGroupQuerySet",
    "TaskGroup",
    "TaskGroupMember",
    "Milestone",
    "Reminder",
    "GroupReport",
    "GroupReportItem",
]
