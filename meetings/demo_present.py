"""The demonstration meetings carried on from the documents' year to today, and the coming year scheduled.

The OSP meets on its pattern (the OSP Terms of Reference Appendix D: quarterly, with the annual planning and
review meeting in November); its sub-groups meet quarterly too. Meetings before today were held, with
attendance, a decision or two, actions and minutes approved at the next meeting; the last one's minutes
await approval. The coming year is scheduled and the next meeting's agenda is published. Topics come from
the Chair's forward programme in the OSP annual update to Council (March 2023); dates and who sent
apologies are illustrative and computed from the day the demonstration is loaded.
"""

import datetime as dt

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from partnerships.models import Membership, Partnership, financial_year_of

from . import demo
from .models import Action, AgendaItem, Attendance, Meeting
from .services import minutes_approve, minutes_save, schedule_dates

# (title, presenter): two a meeting, in turn.
OSP_TOPICS = [
    ("Corporate Strategy development", ("Mish", "Tullar")),
    ("Local Plan 2040", ("Mish", "Tullar")),
    ("Thriving Communities Strategy: progress", ("Daniella", "Granito")),
    ("Housing delivery", ("Caroline", "Green")),
    ("Integrated Care Strategy: what partners are doing", ("Rebecca", "Cullen")),
    ("Cost of living: support for communities", ("Emily", "Lewis-Edwards")),
    ("Oxford Economic Strategy: annual progress", ("Jeremy", "Long")),
    ("Zero carbon by 2040: the city's route map", ("Susan", "Brown")),
    ("Community safety priorities", ("Bruce", "Riddell")),
    ("Skills and apprenticeships across the city", ("Simonetta", "Manfredi")),
]
REVIEW_TOPIC = ("The OSP's year: impact, and the programme of work for next year", ("Paul", "James"))
OSP_HOSTS = [
    "Oxford Brookes University",
    "University of Oxford",
    "Oxford University Hospitals NHS Foundation Trust",
    "Land Securities",
    "Unipart Group",
]
SUB_GROUP_TOPIC = ("Work plan: progress and next steps", None)
# The OSP's documented meetings end on 11 April 2023.
OSP_CARRIED_AFTER = dt.date(2023, 4, 11)
SUB_GROUPS = [("egsb", 2, 2), ("stronger", 3, 3), ("zcop", 1, 4), ("oscp", 3, 1)]  # key, weekday, week


def _first_in_april(year: int, weekday: int, week: int) -> dt.date:
    """The year's first meeting: the week-th given weekday of April (the 2nd Tuesday for the OSP)."""
    first = dt.date(year, 4, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


def _dates(partnership: Partnership, after: dt.date, until: dt.date, weekday: int, week: int):
    found = {}
    for year in range(financial_year_of(after), financial_year_of(until) + 1):
        for day, kind in schedule_dates(partnership, _first_in_april(year, weekday, week)):
            if after < day <= until:
                found[day] = kind
    return sorted(found.items())


def _add_items(meeting: Meeting, items) -> None:
    """Items of a new meeting, after its opening standing items and before any other business, in one write."""
    if any(papers for _title, _kind, _presenter, _summary, papers, *_ in items):
        demo._items(meeting, items)  # papers are made one by one, with their files
        return
    existing = list(meeting.items.order_by("position"))
    closing = [item for item in existing if item.kind == AgendaItem.Kind.ANY_OTHER_BUSINESS]
    start = max([item.position for item in existing if item not in closing] + [0])
    for offset, item in enumerate(closing, start=1):
        AgendaItem.objects.filter(pk=item.pk).update(position=start + len(items) + offset)
    people = {}
    added = []
    for position, (title, kind, presenter, summary, _papers) in enumerate(items, start=start + 1):
        if presenter and presenter not in people:
            people[presenter] = demo._person(presenter)
        added.append(
            AgendaItem(
                meeting=meeting,
                position=position,
                title=title,
                kind=kind,
                presenter=people.get(presenter),
                summary=summary,
                duration_minutes=40,
            )
        )
    bulk_create_with_history(added, AgendaItem)


def _agenda(meeting: Meeting, index: int, osp: bool, papers: bool) -> None:
    if not osp:
        title, presenter = SUB_GROUP_TOPIC
        _add_items(meeting, [(title, AgendaItem.Kind.MAJOR, presenter, "", [])])
        return
    if meeting.kind == Meeting.Kind.ANNUAL_REVIEW:
        chosen = [REVIEW_TOPIC, OSP_TOPICS[index % len(OSP_TOPICS)]]
    else:
        chosen = [OSP_TOPICS[(2 * index) % len(OSP_TOPICS)], OSP_TOPICS[(2 * index + 1) % len(OSP_TOPICS)]]
    items = [
        (
            title,
            AgendaItem.Kind.MAJOR,
            presenter,
            f"{title}: an update for partners and the ask of the partnership.",
            [(f"{title}: briefing for partners", False)] if papers and position == 0 else [],
        )
        for position, (title, presenter) in enumerate(chosen)
    ]
    _add_items(meeting, items)


def _apologies(meeting: Meeting) -> list[str]:
    """Two members a meeting send apologies, a different two each time."""
    names = sorted(
        Membership.objects.current(meeting.date)
        .seats()
        .filter(partnership=meeting.partnership)
        .values_list("person__last_name", flat=True)
    )
    if len(names) < 4:
        return []
    step = meeting.date.toordinal()
    return [names[step % len(names)], names[(step * 7 + 3) % len(names)]]


def _attendance(meeting: Meeting) -> None:
    """Each seat's attendance, written at once for a meeting that has none yet."""
    if meeting.attendance.exists():
        return
    apologies = _apologies(meeting)
    seats = Membership.objects.current(meeting.date).seats().filter(partnership=meeting.partnership)
    bulk_create_with_history(
        [
            Attendance(
                meeting=meeting,
                membership=seat,
                status=Attendance.Status.APOLOGIES if seat.person.last_name in apologies else Attendance.Status.PRESENT,
            )
            for seat in seats.select_related("person")
        ],
        Attendance,
    )


def _held(meeting: Meeting, today: dt.date) -> None:
    _attendance(meeting)
    Meeting.objects.filter(pk=meeting.pk, status__in=[Meeting.Status.PLANNED, Meeting.Status.PUBLISHED]).update(
        status=Meeting.Status.HELD
    )
    meeting.refresh_from_db()
    item = meeting.items.filter(kind=AgendaItem.Kind.MAJOR).order_by("position").first()
    if item is None:
        return
    due = meeting.date + dt.timedelta(weeks=6)
    Action.objects.update_or_create(
        raised_at=meeting,
        description=f"Circulate the notes on {item.title[0].lower() + item.title[1:]} to partners",
        defaults={
            "partnership": meeting.partnership,
            "item": item,
            "owner": item.presenter,
            "due_date": due,
            "status": Action.Status.DONE if due < today else Action.Status.IN_PROGRESS,
            "completed_on": due - dt.timedelta(days=3) if due < today else None,
        },
    )
    if meeting.kind == Meeting.Kind.ANNUAL_REVIEW:
        demo._decide(
            meeting,
            item.title,
            f"The partnership agreed its programme of work for {meeting.date.year + 1}.",
        )


def _publish(meeting: Meeting, today: dt.date) -> None:
    published = min(meeting.date - dt.timedelta(days=7), today - dt.timedelta(days=1))
    Meeting.objects.filter(pk=meeting.pk, agenda_published_at__isnull=True).update(
        agenda_published_at=timezone.make_aware(dt.datetime.combine(published, dt.time(9))),
        agenda_open=False,
        status=Meeting.Status.PUBLISHED,
    )


def _minutes(meetings: list[Meeting]) -> None:
    """Minutes of each held meeting, approved at the next; the last held meeting's are circulated only."""
    for meeting, following in zip(meetings, meetings[1:] + [None], strict=False):
        meeting.refresh_from_db()
        if meeting.minutes_status == Meeting.MinutesStatus.APPROVED:
            continue
        if meeting.minutes_status != Meeting.MinutesStatus.CIRCULATED:
            minutes_save(
                meeting=meeting,
                minutes={
                    item.pk: f"The partnership discussed {item.title[0].lower() + item.title[1:]}."
                    for item in meeting.items.all()
                    if item.kind in (AgendaItem.Kind.MAJOR, AgendaItem.Kind.THEME_UPDATE)
                },
            )
            Meeting.objects.filter(pk=meeting.pk).update(
                minutes_status=Meeting.MinutesStatus.CIRCULATED,
                minutes_circulated_at=timezone.make_aware(
                    dt.datetime.combine(meeting.date + dt.timedelta(days=10), dt.time(17))
                ),
            )
            meeting.refresh_from_db()
        if following is not None:
            minutes_approve(recorded=meeting, at=following, today=following.date)


def _carry_on(partnership: Partnership, after: dt.date, today: dt.date, *, osp: bool, weekday=1, week=2) -> None:
    until = today + dt.timedelta(days=365)
    held, upcoming = [], []
    for index, (day, kind) in enumerate(_dates(partnership, after, until, weekday, week)):
        host = OSP_HOSTS[index % len(OSP_HOSTS)] if osp and kind == Meeting.Kind.REGULAR else None
        meeting = demo._meeting(partnership, day, kind, host)
        planned = meeting.items.filter(kind=AgendaItem.Kind.MAJOR).exists()
        if day < today:
            if not planned:
                _agenda(meeting, index, osp, papers=False)
            _held(meeting, today)
            held.append(meeting)
        else:
            if not upcoming and not planned:
                _agenda(meeting, index, osp, papers=osp)
            if not upcoming:
                _publish(meeting, today)
            upcoming.append(meeting)
    earlier = (
        Meeting.objects.filter(
            partnership=partnership, date__lte=after, minutes_status=Meeting.MinutesStatus.CIRCULATED
        )
        .order_by("-date")
        .first()
    )
    _minutes([earlier, *held] if earlier else held)


def seed(partnerships: dict, *, today: dt.date) -> None:
    _carry_on(partnerships["osp"], OSP_CARRIED_AFTER, today, osp=True)
    for key, weekday, week in SUB_GROUPS:
        # The sub-groups' records begin half a year back: their last two meetings held, the coming year planned.
        _carry_on(partnerships[key], today - dt.timedelta(days=183), today, osp=False, weekday=weekday, week=week)
