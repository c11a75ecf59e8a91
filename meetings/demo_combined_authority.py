"""The Combined Authority Board's meetings named in two public documents, with their papers as small PDFs.

"Cambridge City Council, Annual Review of Strategic Partnerships 2024" attaches the decision sheets of the
Board's meetings of 20 March and 5 June 2024 (its Appendices A and B) and the Chief Executive's Highlight
Report to the 5 June meeting (Appendix C); it does not reproduce what they say, so neither do these papers.
"Shared Ambition for Cambridgeshire & Peterborough, CA Board 16 October 2024" is the decision paper of the
16 October 2024 meeting: its recommendations A to C are recorded as the meeting's decisions.
"""

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader

from partnerships.models import Person
from partnerships.pdf import html_to_pdf

from .models import AgendaItem, Decision, Meeting, Paper, PaperVersion
from .services import decision_record, meeting_create

REVIEW = "Cambridge City Council, Annual Review of Strategic Partnerships 2024"
NOT_REPRODUCED = (
    f"Generated for the demonstration of Roundtable. {REVIEW} attaches this paper as its {{appendix}}; it does "
    "not reproduce what the paper says, so its content is not given here."
)

VOTING = (
    "Simple majority of voting Members, subject to that majority including the vote of the Mayor, or the Deputy "
    "mayor acting in place of the Mayor"
)
RECOMMENDATIONS = [
    (
        "A",
        "To note the significant engagement and work with partners and stakeholders across the region to develop "
        "the Shared Ambition for Cambridgeshire & Peterborough.",
    ),
    ("B", "To approve the Shared Ambition for Cambridgeshire & Peterborough."),
    ("C", "To approve the approach to the implementation and monitoring of delivery of the Shared Ambition."),
]
SHARED_AMBITION_PURPOSE = (
    "This paper introduces a new Shared Ambition for Cambridgeshire and Peterborough which is the culmination of "
    "many months of engagement with constituent Councils, residents, stakeholders and elected representatives. It "
    "provides an overview of the Shared Ambition, how it has been developed, how it will be implemented and "
    "progress monitored. The Shared Ambition is designed as a strategic framework to 2050, with the delivery of "
    "agreed outcomes being taken forward through a range of new or refreshed strategies and plans."
)

# (date, [(item title, presenter, summary, [(paper title, appendix in the review or None)])])
MEETINGS = [
    (dt.date(2024, 3, 20), [("Decision Sheet", None, "", [("Decision Sheet", "Appendix A")])]),
    (
        dt.date(2024, 6, 5),
        [
            (
                "Chief Executive's Highlight Report",
                None,
                "",
                [("Chief Executive's Highlight Report", "Appendix C")],
            ),
            ("Decision Sheet", None, "", [("Decision Sheet", "Appendix B")]),
        ],
    ),
    (
        dt.date(2024, 10, 16),
        [
            (
                "Shared Ambition for Cambridgeshire & Peterborough",
                ("Sarah", "Conboy"),
                f"{SHARED_AMBITION_PURPOSE} Voting arrangements: {VOTING}.",
                [("Shared Ambition for Cambridgeshire & Peterborough", None)],
            )
        ],
    ),
]


def _paper_pdf(meeting: Meeting, title: str, appendix: str | None) -> bytes:
    if appendix:
        context = {"fields": [], "sections": [], "note": NOT_REPRODUCED.format(appendix=appendix)}
    else:
        context = {
            "fields": [
                ("Title:", title),
                ("Report of:", "Kate McFarlane, Director of Policy & Engagement"),
                ("Lead Member:", "Cllr Sarah Conboy, Lead Member for Devolution & Place"),
                ("Public Report:", "Yes"),
                ("Key Decision:", "Yes"),
                ("Voting Arrangements:", VOTING),
            ],
            "sections": [
                ("Recommendations", [f"{letter}. {text}" for letter, text in RECOMMENDATIONS]),
                ("1. Purpose", [SHARED_AMBITION_PURPOSE]),
                (
                    "Financial Implications",
                    [
                        "There are no direct financial implications of the report, the work on the Shared Ambition "
                        "is funded from a £170k drawdown from the Programme Response Fund approved by the Combined "
                        "Authority Board in July 2023."
                    ],
                ),
            ],
            "note": "Generated for the demonstration of Roundtable from the first pages of the paper.",
        }
    html = render_to_string("meetings/demo_board_paper.html", {"meeting": meeting, "title": title, **context})
    return html_to_pdf(html)


def _attach(meeting: Meeting, item: AgendaItem, title: str, appendix: str | None, position: int) -> None:
    paper, _ = Paper.objects.update_or_create(
        item=item, title=title, defaults={"is_confidential": False, "position": position}
    )
    if paper.current_id is not None:
        return
    data = _paper_pdf(meeting, title, appendix)
    version = PaperVersion(
        paper=paper,
        number=1,
        original_name=f"{title.lower().replace(' ', '-').replace(chr(39), '')}.pdf",
        size=len(data),
        page_count=len(PdfReader(ContentFile(data)).pages),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    version.file.save("paper.pdf", ContentFile(data), save=False)
    version.save()
    paper.current = version
    paper.save(update_fields=["current"])


def seed(partnerships: dict) -> None:
    """The Board's three meetings, their papers and the 16 October 2024 decisions; idempotent."""
    ca = partnerships["ca"]
    meetings = {}
    for date, items in MEETINGS:
        meeting = Meeting.objects.filter(partnership=ca, date=date).first() or meeting_create(
            meeting=Meeting(partnership=ca, date=date, kind=Meeting.Kind.REGULAR)
        )
        top = max([i.position for i in meeting.items.all()] + [0])
        for index, (title, presenter, summary, papers) in enumerate(items, start=1):
            item = meeting.items.filter(title=title).first() or AgendaItem.objects.create(
                meeting=meeting, title=title, kind=AgendaItem.Kind.MAJOR, position=top + index
            )
            item.summary = summary
            item.presenter = (
                Person.objects.filter(first_name=presenter[0], last_name=presenter[1]).first() if presenter else None
            )
            item.save()
            for position, (paper_title, appendix) in enumerate(papers, start=1):
                _attach(meeting, item, paper_title, appendix, position)
        Meeting.objects.filter(pk=meeting.pk, agenda_published_at__isnull=True).update(
            agenda_published_at=timezone.make_aware(dt.datetime.combine(date - dt.timedelta(days=7), dt.time(9))),
            agenda_open=False,
            status=Meeting.Status.HELD,
        )
        meetings[date] = meeting
    item = meetings[dt.date(2024, 10, 16)].items.get(title="Shared Ambition for Cambridgeshire & Peterborough")
    for letter, text in RECOMMENDATIONS:
        resolution = f"Recommendation {letter}: {text}"
        if not Decision.objects.filter(item=item, resolution=resolution).exists():
            decision_record(item=item, resolution=resolution, method=Decision.Method.CONSENSUS)
