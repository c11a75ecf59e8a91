"""The forward plan: the key decisions coming up, from the published agendas of meetings still to come."""

import datetime as dt

from .models import AgendaItem, Meeting


def coming_key_decisions(*, partnership, today: dt.date | None = None) -> list[AgendaItem]:
    """Key-decision items on the published agendas of the partnership's meetings from today on, soonest first.

    Only a published agenda says what a meeting will decide: a draft one may still change, and a cancelled
    meeting decides nothing.
    """
    today = today or dt.date.today()
    return list(
        AgendaItem.objects.filter(
            meeting__partnership=partnership,
            meeting__date__gte=today,
            meeting__agenda_published_at__isnull=False,
            key_decision=True,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .select_related("meeting", "meeting__host", "meeting__partnership", "presenter", "presenter__organisation")
        .order_by("meeting__date", "meeting__start_time", "position")
    )
