"""Meetings for the synthetic register: a year of meetings per partnership, grown with the scale."""

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from partnerships.models import Membership

from .models import Action, AgendaItem, Attendance, Decision, Meeting, Paper, PaperVersion
from .services import DEFAULT_STANDING_ITEMS

MEETINGS_PER_PARTNERSHIP = 8
MAJOR_ITEMS = 3


def _pdf() -> tuple[str, bytes]:
    from io import BytesIO

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=595, height=842)
    out = BytesIO()
    writer.write(out)
    data = out.getvalue()
    # One stored file shared by every generated paper: the pages measure queries, not storage.
    name = default_storage.save("meetings/papers/dataset-paper.pdf", ContentFile(data))
    return name, data


@transaction.atomic
def generate(context: dict) -> None:
    rng = context["rng"]
    today = dt.date.today()
    partnerships = context["partnerships"]
    name, data = _pdf()
    digest = hashlib.sha256(data).hexdigest()

    meetings = []
    for index, partnership in enumerate(partnerships):
        for n in range(MEETINGS_PER_PARTNERSHIP):
            # Half the year behind, half ahead, every six weeks or so.
            day = today + dt.timedelta(days=42 * (n - MEETINGS_PER_PARTNERSHIP // 2) + index % 7)
            past = day < today
            meetings.append(
                Meeting(
                    partnership=partnership,
                    date=day,
                    kind=Meeting.Kind.ANNUAL_REVIEW if n == 3 else Meeting.Kind.REGULAR,
                    status=Meeting.Status.HELD if past else Meeting.Status.PUBLISHED,
                    agenda_open=False,
                    agenda_published_at=None,
                    minutes_status=Meeting.MinutesStatus.CIRCULATED if past else Meeting.MinutesStatus.NONE,
                )
            )
    meetings = Meeting.objects.bulk_create(meetings)
    Meeting.objects.filter(pk__in=[m.pk for m in meetings]).update(agenda_published_at=dt.datetime.now(dt.UTC))

    items = []
    for meeting in meetings:
        position = 0
        for title, kind, minutes, at_end in DEFAULT_STANDING_ITEMS:
            if at_end:
                continue
            position += 1
            items.append(
                AgendaItem(meeting=meeting, position=position, title=title, kind=kind, duration_minutes=minutes)
            )
        for k in range(MAJOR_ITEMS):
            position += 1
            items.append(AgendaItem(meeting=meeting, position=position, title=f"Major item {k + 1}", kind="major"))
        items.append(AgendaItem(meeting=meeting, position=position + 1, title="Any other business", kind="aob"))
    items = AgendaItem.objects.bulk_create(items)

    majors = [item for item in items if item.kind == "major"]
    papers = Paper.objects.bulk_create(
        Paper(item=item, title=f"Paper for {item.title}", is_confidential=rng.random() < 0.2, position=1)
        for item in majors
    )
    versions = PaperVersion.objects.bulk_create(
        PaperVersion(
            paper=paper, number=1, file=name, original_name="paper.pdf", size=len(data), page_count=2, sha256=digest
        )
        for paper in papers
    )
    for paper, version in zip(papers, versions, strict=True):
        paper.current = version
    Paper.objects.bulk_update(papers, ["current"], batch_size=1000)
    Decision.objects.bulk_create(
        Decision(item=item, resolution="The partnership noted the report.", method="consensus", outcome="agreed")
        for item in majors
        if item.meeting.date < today
    )

    seats: dict[int, list[Membership]] = {}
    for seat in Membership.objects.seats().filter(end_date__isnull=True).only("pk", "partnership_id"):
        seats.setdefault(seat.partnership_id, []).append(seat)
    attendance = []
    actions = []
    statuses = [Attendance.Status.PRESENT] * 8 + [Attendance.Status.APOLOGIES, Attendance.Status.ABSENT]
    for meeting in meetings:
        if meeting.date >= today:
            continue
        for seat in seats.get(meeting.partnership_id, []):
            attendance.append(Attendance(meeting=meeting, membership=seat, status=rng.choice(statuses)))
        for k in range(2):
            done = rng.random() < 0.5
            actions.append(
                Action(
                    partnership_id=meeting.partnership_id,
                    raised_at=meeting,
                    description=f"Action {k + 1} from the meeting of {meeting.date:%-d %B %Y}",
                    due_date=meeting.date + dt.timedelta(days=60),
                    status=Action.Status.DONE if done else Action.Status.OPEN,
                    completed_on=meeting.date + dt.timedelta(days=30) if done else None,
                )
            )
    Attendance.objects.bulk_create(attendance, batch_size=2000)
    Action.objects.bulk_create(actions, batch_size=2000)
    context["meetings"] = meetings
