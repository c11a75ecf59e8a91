"""Who may see and change a meeting and its records, decided by the meeting's partnership.

Members of the partnership, its officers, clerks of an organisation sitting on it and administrators
read everything, confidential papers included. The public reads a public partnership's meeting dates,
published agendas, public papers and approved minutes, and nothing confidential.

An alternate reads a meeting in full only where they act for their lead; a guest sees the meeting and
the papers of the items they are invited to, and no more.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from partnerships.access import Access, Level, get_access
from partnerships.fragments import record_or_404

from .models import Action, AgendaItem, Attendance, Meeting, MeetingPack, Paper, PaperNote, PaperVersion

DENIED = "You can see this meeting but you do not have permission to do that."
# The tables a meeting's row is read from: its own, its partnership's and its host's.
MEETING_ROW = ("meetings.meeting", "partnerships.partnership", "partnerships.organisation")


def meeting_level(access: Access, meeting: Meeting) -> Level:
    """The partnership's level, raised for an alternate acting at this meeting or a guest invited to it."""
    level = access.level(meeting.partnership)
    if level >= Level.READ or access.person_id is None or meeting.partnership_id not in access.attendee_ids:
        return level
    acting = Attendance.objects.filter(
        meeting=meeting, status=Attendance.Status.REPRESENTED, alternate__person_id=access.person_id
    )
    if acting.exists():
        return Level.READ
    if level < Level.PUBLIC and is_guest_at(access, meeting):
        return Level.PUBLIC
    return level


def is_guest_at(access: Access, meeting: Meeting) -> bool:
    return access.person_id is not None and meeting.items.filter(guests__pk=access.person_id).exists()


def _level(access: Access, meeting: Meeting, *, write: bool, full: bool) -> Level:
    need = Level.EDIT if write else Level.READ if full else Level.PUBLIC
    level = meeting_level(access, meeting)
    if level >= need:
        return level
    if level == Level.NONE:
        raise Http404("Not found.")
    raise PermissionDenied(DENIED)


def get_meeting_for_user(user, pk: int, *, write: bool = False, full: bool = False) -> tuple[Meeting, Access, Level]:
    """A meeting the user may see (full=True: read in full; write=True: change)."""
    meeting = record_or_404(
        "meeting", Meeting.objects.with_partnership_and_host_named(), depends=MEETING_ROW, to_change=write, pk=pk
    )
    access = get_access(user)
    return meeting, access, _level(access, meeting, write=write, full=full)


def get_minutes_for_user(user, pk: int) -> tuple[Meeting, Access, Level]:
    """A meeting whose minutes the user may read: draft to its officers, circulated to its members,
    approved to everyone who reads the meeting.
    """
    meeting, access, level = get_meeting_for_user(user, pk)
    if meeting.minutes_are_approved or level >= Level.EDIT:
        return meeting, access, level
    if level < Level.READ:
        raise PermissionDenied("The minutes of this meeting are published once they are approved.")
    if meeting.minutes_status != Meeting.MinutesStatus.CIRCULATED:
        raise PermissionDenied("The minutes of this meeting have not been circulated yet.")
    return meeting, access, level


def get_item_for_user(user, pk: int, *, write: bool = False) -> tuple[AgendaItem, Access, Level]:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__partnership", "meeting__host"), pk=pk)
    access = get_access(user)
    level = _level(access, item.meeting, write=write, full=False)
    if level == Level.PUBLIC and not item.meeting.agenda_is_published:
        raise Http404("No agenda item found.")
    return item, access, level


def get_action_for_user(user, pk: int, *, write: bool = False) -> tuple[Action, Access]:
    action = get_object_or_404(Action.objects.select_related("raised_at__partnership", "partnership"), pk=pk)
    access = get_access(user)
    _level(access, action.raised_at, write=write, full=True)
    return action, access


def can_read_paper(level: Level, paper: Paper, meeting: Meeting) -> bool:
    """Confidential papers only to those who read the partnership in full; public ones once the agenda is out."""
    if level >= Level.READ:
        return True
    return level >= Level.PUBLIC and not paper.is_confidential and meeting.agenda_is_published


def get_paper_for_user(user, pk: int, *, write: bool = False) -> tuple[Paper, Access, Level]:
    paper = get_object_or_404(
        Paper.objects.select_related("item__meeting__partnership", "current"), pk=pk, current__isnull=False
    )
    access = get_access(user)
    meeting = paper.item.meeting
    level = meeting_level(access, meeting)
    if write:
        _level(access, meeting, write=True, full=False)
    elif level < Level.READ and paper.item.guests.filter(pk=access.person_id or 0).exists():
        # A guest reads the papers of the items they are invited to, confidential ones included.
        return paper, access, level
    elif not can_read_paper(level, paper, meeting):
        # The public may not know a confidential paper exists.
        raise Http404("No paper found.")
    return paper, access, level


def get_paper_version_for_user(user, pk: int, number: int) -> tuple[PaperVersion, Access]:
    """Earlier versions are for those who read the partnership in full."""
    paper, access, level = get_paper_for_user(user, pk)
    if level < Level.READ:
        raise Http404("No earlier version found.")
    return get_object_or_404(paper.versions, number=number), access


def can_read_pack(level: Level, variant: str, meeting: Meeting) -> bool:
    if variant == MeetingPack.Variant.MEMBERS:
        return level >= Level.READ
    return level >= Level.READ or (level >= Level.PUBLIC and meeting.agenda_is_published)


def get_pack_for_user(user, pk: int) -> tuple[MeetingPack, Access, Level]:
    pack = get_object_or_404(MeetingPack.objects.select_related("meeting__partnership", "meeting__host"), pk=pk)
    access = get_access(user)
    level = meeting_level(access, pack.meeting)
    if not can_read_pack(level, pack.variant, pack.meeting):
        raise Http404("No meeting pack found.")
    return pack, access, level


def get_note_for_user(user, pk: int, *, write: bool = False) -> tuple[PaperNote, Paper, Level]:
    """A note through its paper: its author, or a member it is shared with, while they may read the paper."""
    note = get_object_or_404(PaperNote.objects.select_related("version", "lost_in", "author"), pk=pk)
    paper, access, level = get_paper_for_user(user, note.paper_id)
    if note.author_id != user.pk:
        if not (note.is_shared and level >= Level.READ):
            raise Http404("No note found.")
        if write:
            raise PermissionDenied("Only the person who wrote a note may change it.")
    return note, paper, level
