"""The meeting pack: a tagged front sheet and agenda, then each item's papers, bookmarked and page-numbered.

The combined pack keeps the structure tree of the front sheet and of every tagged paper (pack_merge.py);
a paper without tags is in it for printing only, so the front sheet and agenda are also kept as their
own tagged PDF, and every paper stays downloadable alone. Each paper is
cleaned again as it goes in (papers stored before cleaning existed included), so no pack ever carries
JavaScript, launch actions, embedded files or form fields, and the pack is dated by its meeting, so the
same meeting and papers give the same file.
"""

import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pikepdf
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.template.loader import render_to_string
from pypdf import PdfReader

from partnerships.models import Membership
from partnerships.pdf import html_to_pdf

from .item_links import item_link_paths, item_links
from .models import AgendaItem, Meeting, MeetingPack, Paper
from .pack_merge import TaggedMerger
from .papers import clean_document, clean_pdf

# Raise when the pack's layout changes, so every stored pack is rebuilt once.
PACK_FORMAT = 3


class PackError(Exception):
    """A build that cannot finish, with the reason in words and the paper that caused it."""

    def __init__(self, message: str, paper: Paper | None = None):
        super().__init__(message)
        self.paper = paper


@dataclass
class PackPaper:
    paper: Paper
    start_page: int | None = None


@dataclass
class PackItem:
    item: AgendaItem
    papers: list[PackPaper] = field(default_factory=list)


@dataclass
class PackContents:
    meeting: Meeting
    variant: str
    seats: list[Membership]
    items: list[PackItem]
    content_hash: str = ""

    @property
    def papers(self) -> list[PackPaper]:
        return [paper for item in self.items for paper in item.papers]


def pack_contents(meeting: Meeting, variant: str) -> PackContents:
    """What goes in the pack, in order, and the hash that says whether a stored one is still right."""
    papers = Paper.objects.filter(current__isnull=False).select_related("current").order_by("position", "pk")
    items = list(
        meeting.items.select_related("presenter", "presenter__organisation", *item_link_paths())
        .prefetch_related(Prefetch("papers", queryset=papers), "guests")
        .order_by("position")
    )
    seats = list(
        Membership.objects.current(meeting.date)
        .seats()
        .filter(partnership_id=meeting.partnership_id)
        .select_related("person", "organisation")
        .order_by("person__last_name", "person__first_name")
    )
    pack_items = []
    for item in items:
        included = [p for p in item.papers.all() if variant == MeetingPack.Variant.MEMBERS or not p.is_confidential]
        pack_items.append(PackItem(item, [PackPaper(p) for p in included]))
    contents = PackContents(meeting, variant, seats, pack_items)
    manifest = {
        "format": PACK_FORMAT,
        "variant": variant,
        "partnership": [meeting.partnership.name, meeting.partnership.short_name],
        "meeting": [
            meeting.name,
            meeting.kind,
            str(meeting.date),
            str(meeting.start_time),
            str(meeting.end_time),
            meeting.venue_label,
            meeting.is_cancelled,
            meeting.cancelled_reason,
        ],
        "seats": [[s.person.display_name, s.person.job_title, str(s.organisation or ""), s.role] for s in seats],
        "items": [
            [
                entry.item.position,
                entry.item.title,
                entry.item.kind,
                entry.item.summary,
                str(entry.item.presenter or ""),
                entry.item.duration_minutes,
                sorted(str(g) for g in entry.item.guests.all()),
                *(str(link.taken(entry.item) or "") for link in item_links()),
                [[p.paper.pk, p.paper.title, p.paper.is_confidential, p.paper.current.sha256] for p in entry.papers],
            ]
            for entry in pack_items
        ],
    }
    contents.content_hash = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()
    return contents


def render_front(contents: PackContents, *, total_pages: int | None = None) -> bytes:
    html = render_to_string(
        "meetings/pack/front.html",
        {
            "contents": contents,
            "meeting": contents.meeting,
            "partnership": contents.meeting.partnership,
            "is_public": contents.variant == MeetingPack.Variant.PUBLIC,
            "total_pages": total_pages,
        },
    )
    return html_to_pdf(html, dated=contents.meeting.date)


def guess_front_pages(contents: PackContents) -> int:
    """Roughly how many pages the front sheet and agenda take: the membership, then the agenda on a new page."""
    membership_rows = len(contents.seats) + 8
    agenda_rows = sum(2 + len(entry.papers) + (1 if entry.item.summary else 0) for entry in contents.items) + 2
    return -(-membership_rows // 24) + -(-agenda_rows // 30)


def build_pack(
    contents: PackContents,
    progress: Callable[[int, str], None] | None = None,
    *,
    front_pages_guess: int | None = None,
) -> tuple[bytes, bytes, int, int]:
    """Build the pack; returns (pack PDF, tagged front sheet and agenda PDF, page count, front sheet pages)."""
    progress = progress or (lambda percent, step: None)
    readers = []
    papers = contents.papers
    for index, entry in enumerate(papers, start=1):
        paper = entry.paper
        progress(5 + 40 * index // max(1, len(papers)), f"Reading paper {index} of {len(papers)}: {paper.title}")
        try:
            with default_storage.open(paper.current.file.name, "rb") as handle:
                cleaned = clean_pdf(handle.read(), title=paper.title)
            reader = PdfReader(io.BytesIO(cleaned.data))
            page_count = len(reader.pages)
        except ValidationError as error:
            raise PackError(
                f"Item {paper.item.position}: {error.messages[0]} Then prepare the pack again.",
                paper,
            ) from None
        except FileNotFoundError:
            raise PackError(
                f"The file of the paper “{paper.title}” (item {paper.item.position}) is missing. "
                "Upload it again, then prepare the pack.",
                paper,
            ) from None
        except Exception as error:
            raise PackError(
                f"The paper “{paper.title}” (item {paper.item.position}) could not be read ({error}). "
                "Replace it with a new copy, then prepare the pack.",
                paper,
            ) from None
        readers.append((entry, reader, page_count, cleaned.data))

    progress(50, "Laying out the front sheet and agenda")
    # The agenda gives each paper's page in the pack, which depends on the front sheet's own length:
    # lay it out for the expected length, and again only if that guess was wrong.
    front_pages = front_pages_guess or guess_front_pages(contents)
    for _attempt in range(3):
        page = front_pages + 1
        for entry, _reader, count, _data in readers:
            entry.start_page = page
            page += count
        front = render_front(contents, total_pages=page - 1)
        laid_out = len(PdfReader(io.BytesIO(front)).pages)
        if laid_out == front_pages:
            break
        front_pages = laid_out

    progress(60, "Putting the papers together")
    merger = TaggedMerger(front)
    for entry, _reader, _count, data in readers:
        try:
            merger.add(data, entry.paper.title)
        except Exception as error:
            raise PackError(
                f"The paper “{entry.paper.title}” (item {entry.paper.item.position}) could not be added "
                f"to the pack ({error}). Replace it with a new copy, then prepare the pack.",
                entry.paper,
            ) from None

    progress(80, "Adding bookmarks and page numbers")
    outline = [("Front sheet and agenda", 0, [])]
    for pack_item in contents.items:
        first = next((p.start_page for p in pack_item.papers), None)
        outline.append(
            (
                f"{pack_item.item.position}. {pack_item.item.title}",
                first - 1 if first else 0,
                [(entry.paper.title, entry.start_page - 1) for entry in pack_item.papers],
            )
        )
    meeting = contents.meeting
    total = len(merger.pdf.pages)
    data = merger.finish(
        outline=outline,
        title=f"{meeting.partnership.name}: {meeting.name}, {meeting.date:%-d %B %Y} – "
        f"{dict(MeetingPack.Variant.choices)[contents.variant]}",
        author=meeting.partnership.name,
        date=f"D:{meeting.date:%Y%m%d}000000Z",
        language="en-GB",
    )
    progress(95, "Saving the pack")
    return _finish(data, meeting), front, total, front_pages


def _finish(data: bytes, meeting: Meeting) -> bytes:
    """The pack with nothing unsafe left in it, dated by its meeting and identified by its content."""
    stamp = f"D:{meeting.date:%Y%m%d}000000Z"
    with pikepdf.open(io.BytesIO(data)) as pdf:
        clean_document(pdf)
        pdf.docinfo["/CreationDate"] = stamp
        pdf.docinfo["/ModDate"] = stamp
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True, fix_metadata_version=False)
    return output.getvalue()
