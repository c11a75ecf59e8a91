"""The minutes as a document: who came and in what capacity, what was declared, minuted, decided and given to do.

One gathering serves the page and the tagged PDF, so both always say the same. The PDF is made from the
records on request and kept in the cache under the hash of what it says: a change to the minutes
makes a new file, and asking again for the same minutes costs no second render.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Prefetch
from django.template.loader import render_to_string

from partnerships.models import Person
from partnerships.pdf import html_to_pdf

from .models import Action, AgendaItem, Attendance, Decision, Declaration, Meeting, Vote

# Raise when the document's layout changes, so no cached PDF of the old layout is served.
MINUTES_FORMAT = 1
CACHE_SECONDS = 60 * 60 * 24


@dataclass
class Guest:
    person: Person
    items: list[AgendaItem] = field(default_factory=list)


@dataclass
class MinutesDocument:
    meeting: Meeting
    present: list[Attendance]
    alternates: list[Attendance]
    apologies: list[Attendance]
    absent: list[Attendance]
    guests: list[Guest]
    declarations: list[Declaration]
    items: list[AgendaItem]
    actions: list[Action]

    @property
    def is_draft(self) -> bool:
        return not self.meeting.minutes_are_approved

    @property
    def title(self) -> str:
        meeting = self.meeting
        draft = "Draft minutes" if self.is_draft else "Minutes"
        return f"{meeting.partnership.name}: {draft} of the {meeting.name.lower()}, {meeting.date:%-d %B %Y}"


def minutes_document(*, meeting: Meeting) -> MinutesDocument:
    """Everything the minutes say, in a fixed number of queries however long the meeting."""
    attendance = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related(
            "membership__person", "membership__organisation", "alternate__person", "alternate__organisation"
        )
        .order_by("membership__person__last_name", "membership__person__first_name", "pk")
    )
    by_status: dict[str, list[Attendance]] = {status: [] for status in Attendance.Status.values}
    for row in attendance:
        by_status[row.status].append(row)
    votes = Vote.objects.select_related("person", "on_behalf_of").order_by("person__last_name", "person__first_name")
    decisions = Decision.objects.prefetch_related(Prefetch("votes", queryset=votes)).order_by("recorded_at", "pk")
    items = list(
        meeting.items.select_related("presenter")
        .prefetch_related(
            Prefetch("decisions", queryset=decisions),
            Prefetch("guests", queryset=Person.objects.select_related("organisation").order_by("last_name")),
        )
        .order_by("position")
    )
    guests: dict[int, Guest] = {}
    for item in items:
        for person in item.guests.all():
            guests.setdefault(person.pk, Guest(person)).items.append(item)
    declarations = list(
        Declaration.objects.filter(item__meeting=meeting)
        .select_related("person", "item")
        .order_by("item__position", "person__last_name", "person__first_name")
    )
    actions = list(meeting.actions.select_related("owner", "item").order_by("item__position", "due_date", "pk"))
    return MinutesDocument(
        meeting=meeting,
        present=by_status[Attendance.Status.PRESENT],
        alternates=by_status[Attendance.Status.REPRESENTED],
        apologies=by_status[Attendance.Status.APOLOGIES],
        absent=by_status[Attendance.Status.ABSENT],
        guests=sorted(guests.values(), key=lambda g: (g.person.last_name, g.person.first_name)),
        declarations=declarations,
        items=items,
        actions=actions,
    )


def _context(document: MinutesDocument) -> dict:
    return {"document": document, "meeting": document.meeting, "partnership": document.meeting.partnership}


def minutes_html(*, document: MinutesDocument) -> str:
    """The complete HTML the PDF is made from."""
    return render_to_string("meetings/minutes_document/pdf.html", _context(document))


def minutes_pdf(*, document: MinutesDocument) -> bytes:
    """The tagged PDF of the minutes, dated by the meeting, made once for each version of what they say."""
    html = minutes_html(document=document)
    digest = hashlib.sha256(f"{MINUTES_FORMAT}:{html}".encode()).hexdigest()
    key = f"minutes-pdf:{document.meeting.pk}:{digest}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html, dated=document.meeting.date)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def minutes_filename(meeting: Meeting) -> str:
    short = meeting.partnership.short_name or meeting.partnership.slug
    state = "minutes" if meeting.minutes_are_approved else "draft-minutes"
    return f"{short}-{state}-{meeting.date:%Y-%m-%d}.pdf"
