"""What happens round the table: meetings, agendas, papers, attendance, interests, decisions, actions and packs.

One module a feature; every model is importable from here, as Django and the migrations expect."""

from .agenda import AgendaItem, Paper, PaperVersion, paper_upload_to
from .attendance import Attendance, Declaration
from .decisions import Action, ActionQuerySet, Decision, Vote
from .meetings import ANNUAL_REVIEW_HOURS, REGULAR_HOURS, Meeting, MeetingQuerySet, StandingItem
from .notes import PaperNote, PaperNoteQuerySet
from .packs import CalendarFeed, MeetingPack, pack_upload_to
from .programme import ProgrammeItem
from .subscriptions import AlertSubscription

__all__ = [
    "AlertSubscription",
    "ProgrammeItem",
    "REGULAR_HOURS",
    "ANNUAL_REVIEW_HOURS",
    "MeetingQuerySet",
    "Meeting",
    "StandingItem",
    "AgendaItem",
    "paper_upload_to",
    "Paper",
    "PaperVersion",
    "Attendance",
    "Declaration",
    "Decision",
    "Vote",
    "ActionQuerySet",
    "Action",
    "pack_upload_to",
    "MeetingPack",
    "CalendarFeed",
    "PaperNoteQuerySet",
    "PaperNote",
]
