"""The meeting pack: bookmarks, page numbers across the pack, variants, the content hash, failures."""

import io

import pytest
from pypdf import PdfReader

from meetings.models import MeetingPack
from meetings.pack import pack_contents
from meetings.services import pack_build, pack_current, pack_request, paper_replace

from .factories import add_paper, pdf_upload


def _build(meeting, variant):
    pack = pack_request(meeting=meeting, variant=variant)
    return pack_build(pack_pk=pack.pk)


def _reader(pack):
    with pack.file.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def _text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def test_members_pack_has_every_paper_bookmarked_and_numbered(meeting, papers):
    pack = _build(meeting, MeetingPack.Variant.MEMBERS)
    assert pack.status == MeetingPack.Status.DONE, pack.error
    reader = _reader(pack)
    front_pages = pack.page_count - 5
    assert pack.page_count == len(reader.pages)
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert titles[0] == "Front sheet and agenda"
    assert any("Local Plan 2040" in title for title in titles)
    children = next(entry for entry in reader.outline if isinstance(entry, list))
    assert [child.title for child in children] == ["Local Plan consultation", "Site options (confidential)"]
    assert reader.get_destination_page_number(children[1]) == front_pages + 2
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()
    assert "Site options (confidential)" in _text(reader)
    assert reader.metadata.title.startswith("Riverside Strategic Partnership")


def test_public_pack_leaves_confidential_papers_out(meeting, papers):
    pack = _build(meeting, MeetingPack.Variant.PUBLIC)
    reader = _reader(pack)
    text = _text(reader)
    assert "Site options" not in text
    # Not even the existence of a confidential paper is told to the public.
    assert "for members only" not in text and "(confidential)" not in text
    assert pack.page_count == len(reader.pages)
    members = _build(meeting, MeetingPack.Variant.MEMBERS)
    assert members.page_count == pack.page_count + 3


def test_the_front_sheet_and_agenda_are_a_tagged_pdf(meeting, papers):
    pack = _build(meeting, MeetingPack.Variant.MEMBERS)
    with pack.agenda_file.open("rb") as handle:
        front = PdfReader(io.BytesIO(handle.read()))
    assert "/StructTreeRoot" in front.trailer["/Root"]
    assert "Local Plan consultation, page" in _text(front)


def test_an_unchanged_pack_is_served_from_the_stored_file(meeting, papers, django_assert_max_num_queries):
    first = _build(meeting, MeetingPack.Variant.MEMBERS)
    again = pack_request(meeting=meeting, variant=MeetingPack.Variant.MEMBERS)
    assert again.pk == first.pk
    assert MeetingPack.objects.count() == 1


def test_a_changed_paper_changes_the_hash_and_a_new_pack_is_built(meeting, papers):
    public, _secret = papers
    first = _build(meeting, MeetingPack.Variant.PUBLIC)
    paper_replace(paper=public, upload=pdf_upload("v2.pdf", pages=4))
    assert pack_current(meeting=meeting, variant="public") is None
    second = _build(meeting, MeetingPack.Variant.PUBLIC)
    assert second.pk != first.pk
    assert second.page_count == first.page_count + 2


def test_a_confidential_change_does_not_touch_the_public_pack(meeting, papers):
    _public, secret = papers
    before = pack_contents(meeting, "public").content_hash
    paper_replace(paper=secret, upload=pdf_upload("v2.pdf", pages=4))
    assert pack_contents(meeting, "public").content_hash == before


def test_a_broken_paper_fails_the_build_and_is_named(meeting, major_item):
    paper = add_paper(major_item, "Budget report")
    with paper.current.file.open("wb") as handle:
        handle.write(b"%PDF-1.7\nnot really\n%%EOF")
    pack = _build(meeting, MeetingPack.Variant.MEMBERS)
    assert pack.status == MeetingPack.Status.FAILED
    assert "Budget report" in pack.error
    assert pack.failed_paper == paper


@pytest.mark.celery_worker
def test_a_real_worker_builds_the_pack_through_redis(celery_worker_on_redis, cast):
    """The pack is queued on Redis and built by a Celery worker, as in production."""
    import time

    from .factories import MeetingFactory

    meeting = MeetingFactory(partnership=cast.partnership)
    item = meeting.items.first()
    add_paper(item, "Apologies received", pages=2)
    pack = pack_request(meeting=meeting, variant=MeetingPack.Variant.MEMBERS)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pack.refresh_from_db()
        if pack.is_finished:
            break
        time.sleep(0.2)
    assert pack.status == MeetingPack.Status.DONE, pack.error
    assert pack.page_count >= 3
