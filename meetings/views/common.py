"""Helpers shared by the meeting views."""

from django.contrib import messages
from django.shortcuts import redirect

from partnerships.access import Level


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
