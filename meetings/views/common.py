"""Helpers shared by the meeting views."""

import datetime as dt

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.shortcuts import redirect

from partnerships.access import Level

from ..item_links import item_link_paths
from ..models import Action, Attendance, Decision, Declaration, MeetingPack, Paper
from ..services import minutes_awaiting_approval


def page_flags(level: Level, meeting) -> dict:
    """What this reader may see of a meeting: the public sees the published agenda and the approved record."""
    return {
        "can_edit": level >= Level.EDIT,
        "can_read": level >= Level.READ,
        "show_agenda": level >= Level.READ or meeting.agenda_is_published,
        "show_record": level >= Level.READ or meeting.minutes_are_approved,
    }


def refuse(request, error, to):
    """Show a refused operation's reason and go back to where the officer was."""
    messages.error(request, str(error))
    return redirect(to)


def meeting_page_context(meeting, access, level) -> dict:
    """Everything the meeting page shows this reader: the agenda, its papers, and the record if they may see it."""
    papers = Paper.objects.filter(current__isnull=False).select_related("current")
    if level < Level.READ:
        # A guest also sees the papers of the items they are invited to.
        papers = papers.filter(Q(is_confidential=False) | Q(item__guests__pk=access.person_id or 0)).distinct()
    items = list(
        meeting.items.select_related("presenter", *item_link_paths())
        .prefetch_related(
            Prefetch("papers", queryset=papers.order_by("position", "pk")),
            "guests",
            Prefetch("decisions", queryset=Decision.objects.order_by("recorded_at")),
            Prefetch("declarations", queryset=Declaration.objects.select_related("person")),
        )
        .order_by("position")
    )
    flags = page_flags(level, meeting)
    context = {
        "meeting": meeting,
        "partnership": meeting.partnership,
        "items": items,
        "level": level,
        **flags,
    }
    if flags["show_agenda"] and not meeting.is_cancelled:
        # Which packs are being rebuilt, so the page can say the link gives the last version meanwhile.
        context["packs_updating"] = set(meeting.packs.filter(MeetingPack.active_q()).values_list("variant", flat=True))
    if flags["show_record"]:
        attendance = list(
            Attendance.objects.filter(meeting=meeting).select_related("membership__person", "alternate__person")
        )
        context["present"] = [a for a in attendance if a.status == Attendance.Status.PRESENT]
        context["represented"] = [a for a in attendance if a.status == Attendance.Status.REPRESENTED]
        context["apologies"] = [a for a in attendance if a.status == Attendance.Status.APOLOGIES]
        context["matters_arising"] = list(Action.objects.open_at(meeting).select_related("owner", "raised_at"))
        context["actions"] = list(meeting.actions.select_related("owner", "item"))
        context["approval"] = getattr(meeting, "approval_decision", None) if meeting.minutes_are_approved else None
    if access.person_id and meeting.date >= dt.date.today() and not meeting.is_cancelled:
        mine = Attendance.objects.filter(meeting=meeting, membership__person_id=access.person_id).first()
        sits = meeting.partnership.memberships.current(meeting.date).seats().filter(person_id=access.person_id)
        context["my_seat"] = sits.exists()
        context["my_attendance"] = mine
    if flags["can_edit"]:
        context["approvable"] = list(minutes_awaiting_approval(meeting)[:3])
    return context
