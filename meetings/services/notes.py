"""Members' notes on papers: kept on the server, private unless shared, carried to each new version.

Notes are the member's own working papers: they never go into packs, reports, open data, search or the API.
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone

from partnerships.access import Level

from ..models import Meeting, Paper, PaperNote, PaperVersion
from ..paper_text import find_passage, page_texts, squash


def _version_pages(version: PaperVersion) -> list[str]:
    with default_storage.open(version.file.name, "rb") as handle:
        return page_texts(io.BytesIO(handle.read()))


def note_add(
    *,
    author,
    paper: Paper,
    level: Level,
    quote: str,
    text: str = "",
    prefix: str = "",
    suffix: str = "",
    page: int | None = None,
    is_shared: bool = False,
) -> PaperNote:
    """Note a passage of the paper's current version; the passage must be in it where its text can be read."""
    version = paper.current
    if version.text and squash(quote) not in squash(version.text):
        raise ValidationError({"quote": "That passage is not in the paper. Copy the words exactly as they appear."})
    if page is None and version.text:
        page = find_passage(_version_pages(version), quote, prefix, suffix)
    if page is not None and page > version.page_count:
        raise ValidationError({"page": f"The paper has {version.page_count} pages: enter a page from 1 to that."})
    note = PaperNote(
        author=author,
        paper=paper,
        version=version,
        quote=quote.strip(),
        prefix=prefix[-200:],
        suffix=suffix[:200],
        page=page,
        text=text.strip(),
        # Only the partnership's members can be shared with, so only they may share.
        is_shared=is_shared and level >= Level.READ,
    )
    note.full_clean()
    note.save()
    return note


def note_update(*, note: PaperNote, text: str, is_shared: bool, level: Level) -> PaperNote:
    note.text = text.strip()
    note.is_shared = is_shared and level >= Level.READ
    note.updated_at = timezone.now()
    note.full_clean()
    note.save(update_fields=["text", "is_shared", "updated_at"])
    return note


def note_delete(*, note: PaperNote) -> None:
    note.delete()


def notes_carry_over(*, paper: Paper, version: PaperVersion) -> int:
    """Move the paper's notes to its new version where their passage is still found; flag the rest.

    Returns how many were flagged. A note already flagged is tried again, as the passage may be back.
    """
    notes = list(paper.notes.exclude(version=version))
    if not notes:
        return 0
    pages = _version_pages(version)
    lost = 0
    for note in notes:
        found = find_passage(pages, note.quote, note.prefix, note.suffix)
        if found is None:
            note.lost_in = version
            lost += 1
            note.save(update_fields=["lost_in"])
        else:
            note.version, note.page, note.lost_in = version, found, None
            note.save(update_fields=["version", "page", "lost_in"])
    return lost


def notes_for_export(*, user, meeting: Meeting, level: Level):
    """A person's own notes on the meeting's papers, only those they may still read."""
    notes = PaperNote.objects.filter(author_id=user.pk, paper__item__meeting=meeting).select_related(
        "paper__item", "version", "lost_in"
    )
    if level < Level.READ:
        notes = notes.filter(paper__is_confidential=False)
    return notes.order_by("paper__item__position", "paper__position", "page", "created_at")


def notes_csv(notes) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Item", "Paper", "Version", "Page", "Passage", "Note", "Shared", "Found in latest version"])
    for note in notes:
        row = [
            f"{note.paper.item.position}. {note.paper.item.title}",
            note.paper.title,
            note.version.number,
            note.page or "",
            note.quote,
            note.text,
            "yes" if note.is_shared else "no",
            "no" if note.lost_in_id else "yes",
        ]
        # A cell a spreadsheet would run as a formula is written as text.
        writer.writerow([f"'{cell}" if str(cell)[:1] in "=+-@\t\r" else cell for cell in row])
    return out.getvalue()


def notes_markdown(notes, *, meeting: Meeting) -> str:
    lines = [f"# My notes: {meeting.partnership.name}, {meeting.name}, {meeting.date:%-d %B %Y}", ""]
    paper = None
    for note in notes:
        if note.paper_id != paper:
            paper = note.paper_id
            lines += [f"## {note.paper.item.position}. {note.paper.item.title}: {note.paper.title}", ""]
        where = f"Version {note.version.number}" + (f", page {note.page}" if note.page else "")
        if note.lost_in_id:
            where += f" (not found in version {note.lost_in.number})"
        quoted = "\n".join(f"> {line}" for line in note.quote.splitlines() or [""])
        lines += [quoted, "", f"*{where}{', shared' if note.is_shared else ''}*", ""]
        if note.text:
            lines += [note.text, ""]
    if paper is None:
        lines.append("No notes yet.")
    return "\n".join(lines).rstrip() + "\n"
