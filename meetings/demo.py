"""A year of OSP meetings from the OSP annual update to Council (March 2023) and the OSP Terms of Reference, with papers generated as small PDFs.

Topics come from the OSP annual update to Council (March 2023) paragraph 36 ("Other areas covered by the OSP over the last 12 months"),
the annual review from paragraph 37 and the 2023 workshops from paragraph 38. The meeting pattern,
hours and fallback venue are the OSP Terms of Reference Appendix D's. Dates are illustrative: the documents give the
year's topics, not the day each was taken. Every person named is an OSP member in the OSP annual update to Council (March 2023) Appendix 1.
"""

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader

from partnerships.models import Membership, Organisation, Person
from partnerships.pdf import html_to_pdf

from .models import (
    ANNUAL_REVIEW_HOURS,
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Paper,
    PaperVersion,
    ProgrammeItem,
)
from .paper_text import extract_text
from .services import (
    agenda_renumber,
    decision_record,
    meeting_create,
    minutes_approve,
    minutes_save,
)
from .voting import Tally

# The Chair's programme of work for 2023 and the initial future workshop agenda items, in the words of
# "The Oxford Strategic Partnership, annual update to Council, March 2023" (§37-38).
FORWARD_PROGRAMME = [
    "Revisiting the clarity of purpose for the OSP",
    "'Do less better'",
    "Focus on significant complex issues",
    "Think 'up-stream' (longer term)",
    "Stay connected to 'City Strategy'",
    "Early programming of topics",
    "Get the right people around the table",
    "Meeting management (e.g. some face to face, and rotation of days to allow all partnerships to attend)",
    "What could be better – provide clarity to partners of 'what is the ask'",
    "OSP can and should hold partners to account",
    "Focus on impact (rather than activity)",
    "OSP holding itself to account on impact of action over time",
]
WORKSHOP_ITEMS = [
    "Corporate Strategy development",
    "Local Plan 2040",
    "Thriving Communities Strategy, 2023/27",
    "Housing delivery",
]

ILLUSTRATIVE = "Dates are illustrative: the OSP annual update to Council (March 2023) lists the year's topics, not the day each was discussed."

# (date, kind, host, [(item title, kind, presenter, summary, [(paper title, confidential)])])
MEETINGS = [
    (
        dt.date(2022, 4, 12),
        Meeting.Kind.REGULAR,
        "Oxford Brookes University",
        [
            (
                "Oxford Local Plan 2040",
                AgendaItem.Kind.MAJOR,
                ("Mish", "Tullar"),
                "The emerging Local Plan 2040 and how partners can respond to the consultation.",
                [("Oxford Local Plan 2040: briefing for partners", False)],
            ),
            (
                "Cost of Living Crisis",
                AgendaItem.Kind.MAJOR,
                ("Daniella", "Granito"),
                "How partners are responding to the rising cost of living in the city.",
                [("Cost of living: what partners are doing", False)],
            ),
        ],
    ),
    (
        dt.date(2022, 7, 12),
        Meeting.Kind.REGULAR,
        "University of Oxford",
        [
            (
                "Shared prosperity funding",
                AgendaItem.Kind.MAJOR,
                ("Caroline", "Green"),
                "The UK Shared Prosperity Fund allocation for Oxford and the partners' priorities for it.",
                [
                    ("Shared prosperity funding: overview", False),
                    ("Shared prosperity funding: draft allocations", True),
                ],
            ),
            (
                "Homes for Ukraine Scheme and local response",
                AgendaItem.Kind.MAJOR,
                ("Emily", "Lewis-Edwards"),
                "The local response to the Homes for Ukraine Scheme.",
                [("Homes for Ukraine: the local response", False)],
            ),
        ],
    ),
    (
        dt.date(2022, 10, 11),
        Meeting.Kind.REGULAR,
        "Oxford University Hospitals NHS Foundation Trust",
        [
            (
                "Integrated Care Strategy",
                AgendaItem.Kind.MAJOR,
                ("Rebecca", "Cullen"),
                "The emerging Integrated Care Strategy and the part partners play in it.",
                [("Integrated Care Strategy: summary", False)],
            ),
            (
                "Oxford Transport Plans",
                AgendaItem.Kind.MAJOR,
                ("Claire", "Taylor"),
                "Oxfordshire County Council's core transport schemes for the city.",
                [],
            ),
        ],
    ),
    (
        dt.date(2022, 11, 8),
        Meeting.Kind.ANNUAL_REVIEW,
        None,
        [
            (
                "Revisiting the clarity of purpose for the OSP",
                AgendaItem.Kind.MAJOR,
                ("Paul", "James"),
                "The Chair's proposals: 'do less better', focus on significant complex issues, think up-stream, "
                "and hold partners and the OSP itself to account on impact.",
                [("Refreshing the OSP agenda for 2023", False)],
            ),
            (
                "Oxford's Thriving Communities Strategy",
                AgendaItem.Kind.MAJOR,
                ("Mish", "Tullar"),
                "The draft Thriving Communities Strategy for 2023 to 2027.",
                [],
            ),
        ],
    ),
    (
        dt.date(2023, 1, 10),
        Meeting.Kind.REGULAR,
        "Land Securities",
        [
            (
                "New housing delivery in Oxford",
                AgendaItem.Kind.MAJOR,
                ("Caroline", "Green"),
                "Progress on delivering new homes in the city.",
                [("New housing delivery: progress report", False)],
            ),
            (
                "Community First Oxfordshire update",
                AgendaItem.Kind.MAJOR,
                ("Emily", "Lewis-Edwards"),
                "An update from Community First Oxfordshire.",
                [],
            ),
        ],
    ),
    (
        # The OSP annual update to Council (March 2023) paragraph 38: initial future workshop agenda items.
        dt.date(2023, 4, 11),
        Meeting.Kind.WORKSHOP,
        None,
        [
            ("Corporate Strategy development", AgendaItem.Kind.MAJOR, ("Mish", "Tullar"), "", []),
            ("Local Plan 2040", AgendaItem.Kind.MAJOR, ("Mish", "Tullar"), "", []),
            ("Thriving Communities Strategy, 2023/27", AgendaItem.Kind.MAJOR, ("Daniella", "Granito"), "", []),
            ("Housing delivery", AgendaItem.Kind.MAJOR, ("Caroline", "Green"), "", []),
        ],
    ),
]

# Whose apologies each meeting records, by last name, so attendance varies as it does in life.
APOLOGIES = {
    dt.date(2022, 4, 12): ["Hattam", "Nolan"],
    dt.date(2022, 7, 12): ["Long", "Phillips", "Venables"],
    dt.date(2022, 10, 11): ["Aziz", "Riddell"],
    dt.date(2022, 11, 8): ["Nigriello"],
    dt.date(2023, 1, 10): ["Manfredi", "Wilkinson", "Hattam"],
    dt.date(2023, 4, 11): ["Brown"],
}

ACTIONS = [
    # meeting date, item title, description, owner, due, completed on
    (
        dt.date(2022, 4, 12),
        "Oxford Local Plan 2040",
        "Circulate the city council's Local Plan 2040 consultation timetable to partners",
        ("Mish", "Tullar"),
        dt.date(2022, 5, 31),
        dt.date(2022, 5, 20),
    ),
    (
        dt.date(2022, 7, 12),
        "Homes for Ukraine Scheme and local response",
        "Share the community response update with the Stronger Communities sub-group",
        ("Emily", "Lewis-Edwards"),
        dt.date(2022, 9, 30),
        dt.date(2022, 10, 3),
    ),
    (
        dt.date(2022, 11, 8),
        "Revisiting the clarity of purpose for the OSP",
        "Draft the 2023 programme of workshop topics for the January meeting",
        ("Daniella", "Granito"),
        dt.date(2022, 12, 16),
        dt.date(2022, 12, 14),
    ),
    (
        dt.date(2023, 1, 10),
        "New housing delivery in Oxford",
        "Report back on housing delivery to the workshop on housing",
        ("Caroline", "Green"),
        dt.date(2023, 7, 1),
        None,
    ),
]


def _paper_pdf(meeting: Meeting, item: AgendaItem, title: str, confidential: bool) -> bytes:
    html = render_to_string(
        "meetings/demo_paper.html",
        {"meeting": meeting, "item": item, "title": title, "confidential": confidential, "note": ILLUSTRATIVE},
    )
    return html_to_pdf(html)


def _person(name) -> Person | None:
    return Person.objects.filter(first_name=name[0], last_name=name[1]).first() if name else None


def _meeting(osp, date, kind, host_name) -> Meeting:
    meeting = Meeting.objects.filter(partnership=osp, date=date).first()
    host = Organisation.objects.filter(name=host_name).first() if host_name else None
    if meeting is None:
        hours = {"start_time": ANNUAL_REVIEW_HOURS[0], "end_time": ANNUAL_REVIEW_HOURS[1]}
        meeting = meeting_create(
            meeting=Meeting(
                partnership=osp, date=date, kind=kind, host=host, **(hours if kind == "annual_review" else {})
            )
        )
    Meeting.objects.filter(pk=meeting.pk).update(kind=kind, host=host)
    meeting.refresh_from_db()
    return meeting


def _items(meeting: Meeting, items) -> None:
    standing = list(meeting.items.order_by("position"))
    closing = [i.pk for i in standing if i.kind == AgendaItem.Kind.ANY_OTHER_BUSINESS]
    opening = [i.pk for i in standing if i.kind in AgendaItem.STANDING_KINDS]
    added = []
    top = max([i.position for i in standing] + [0])
    for index, (title, kind, presenter, summary, papers) in enumerate(items, start=1):
        item, _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            title=title,
            defaults={
                "kind": kind,
                "presenter": _person(presenter),
                "summary": summary,
                "duration_minutes": 40,
                "position": AgendaItem.objects.filter(meeting=meeting, title=title)
                .values_list("position", flat=True)
                .first()
                or top + 100 + index,
            },
        )
        added.append(item.pk)
        for position, (paper_title, confidential) in enumerate(papers, start=1):
            paper, _ = Paper.objects.update_or_create(
                item=item, title=paper_title, defaults={"is_confidential": confidential, "position": position}
            )
            if paper.current_id is None:
                data = _paper_pdf(meeting, item, paper_title, confidential)
                version = PaperVersion(
                    paper=paper,
                    number=1,
                    original_name=f"{paper_title.lower().replace(' ', '-').replace(':', '')}.pdf",
                    size=len(data),
                    page_count=len(PdfReader(ContentFile(data)).pages),
                    sha256=hashlib.sha256(data).hexdigest(),
                    text=extract_text(ContentFile(data)),
                )
                version.file.save("paper.pdf", ContentFile(data), save=False)
                version.save()
                paper.current = version
                paper.save(update_fields=["current"])
    agenda_renumber(meeting=meeting, ordered_ids=[*opening, *added, *closing])


def _attendance(meeting: Meeting, apologies: list[str]) -> None:
    seats = Membership.objects.current(meeting.date).seats().filter(partnership=meeting.partnership)
    for seat in seats.select_related("person"):
        status = Attendance.Status.APOLOGIES if seat.person.last_name in apologies else Attendance.Status.PRESENT
        Attendance.objects.update_or_create(meeting=meeting, membership=seat, defaults={"status": status})


def _decide(meeting: Meeting, title: str, resolution: str, *, tally: bool = False) -> None:
    item = meeting.items.get(title=title)
    if Decision.objects.filter(item=item, resolution=resolution).exists():
        return
    if not tally:
        decision_record(item=item, resolution=resolution, method=Decision.Method.CONSENSUS)
        return
    voters = Attendance.objects.filter(
        meeting=meeting, status=Attendance.Status.PRESENT, membership__is_voting=True
    ).count()
    decision_record(
        item=item, resolution=resolution, method=Decision.Method.VOTE, votes=Tally(voters - 2, 0, abstentions=2)
    )


def _programme(osp) -> None:
    """The Chair's programme of work for 2023 and the workshop topics, as agreed at the meetings that set them."""
    for kind, added_on, items in (
        (ProgrammeItem.Kind.PROGRAMME, dt.date(2022, 11, 8), FORWARD_PROGRAMME),
        (ProgrammeItem.Kind.WORKSHOP, dt.date(2023, 1, 10), WORKSHOP_ITEMS),
    ):
        for position, text in enumerate(items, start=1):
            ProgrammeItem.objects.update_or_create(
                partnership=osp,
                year=2023,
                kind=kind,
                text=text,
                defaults={"position": position, "added_on": added_on},
            )


def seed(partnerships: dict) -> None:
    osp = partnerships["osp"]
    meetings = []
    for date, kind, host, items in MEETINGS:
        meeting = _meeting(osp, date, kind, host)
        _items(meeting, items)
        Meeting.objects.filter(pk=meeting.pk, agenda_published_at__isnull=True).update(
            agenda_published_at=timezone.make_aware(dt.datetime.combine(date - dt.timedelta(days=7), dt.time(9))),
            agenda_open=False,
            status=Meeting.Status.PUBLISHED,
        )
        meeting.refresh_from_db()
        meetings.append(meeting)
    held = [m for m in meetings if m.date in APOLOGIES]
    for meeting in held:
        _attendance(meeting, APOLOGIES[meeting.date])
        if meeting.status == Meeting.Status.PUBLISHED:
            Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
            meeting.refresh_from_db()

    by_date = {m.date: m for m in meetings}
    _decide(
        by_date[dt.date(2022, 7, 12)],
        "Shared prosperity funding",
        "The partnership supported the proposed priorities for the city's Shared Prosperity Fund allocation.",
    )
    _decide(
        by_date[dt.date(2022, 11, 8)],
        "Revisiting the clarity of purpose for the OSP",
        "The partnership agreed to refresh its agenda for 2023: do less better, focus on significant complex "
        "issues, and hold itself to account on the impact of its actions over time.",
    )
    _decide(
        by_date[dt.date(2023, 1, 10)],
        "New housing delivery in Oxford",
        "The partnership agreed the 2023 workshop programme: Corporate Strategy development, Local Plan 2040, "
        "the Thriving Communities Strategy 2023/27 and housing delivery.",
        tally=True,
    )

    _programme(osp)

    for date, item_title, description, owner, due, done in ACTIONS:
        meeting = by_date[date]
        Action.objects.update_or_create(
            raised_at=meeting,
            description=description,
            defaults={
                "partnership": osp,
                "item": meeting.items.filter(title=item_title).first(),
                "owner": _person(owner),
                "due_date": due,
                "status": Action.Status.DONE if done else Action.Status.IN_PROGRESS,
                "completed_on": done,
            },
        )

    # Minutes of each held meeting, approved at the next; the last held meeting's are circulated only.
    for meeting, following in zip(held, held[1:] + [None], strict=False):
        if meeting.minutes_status == Meeting.MinutesStatus.APPROVED:
            continue
        minutes_save(
            meeting=meeting,
            minutes={
                item.pk: f"The partnership discussed {item.title[0].lower() + item.title[1:]}."
                if item.kind == AgendaItem.Kind.MAJOR
                else ""
                for item in meeting.items.all()
            },
        )
        Meeting.objects.filter(pk=meeting.pk).update(
            minutes_status=Meeting.MinutesStatus.CIRCULATED,
            minutes_circulated_at=timezone.make_aware(dt.datetime.combine(meeting.date, dt.time(17))),
        )
        meeting.refresh_from_db()
        if following is not None:
            minutes_approve(recorded=meeting, at=following)

    from . import demo_combined_authority

    demo_combined_authority.seed(partnerships)
