"""Packs a screen reader can use: the tagged front sheet and agenda beside the pack, each paper on its own."""

import datetime as dt
import io

from pypdf import PdfReader

from meetings.models import MeetingPack
from meetings.services import pack_build, pack_request
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory
from tests.pdfcheck import characters_printed_as_boxes, check_structure
from tests.reporting.test_pdf_fonts import NAMES


def _build(meeting, variant=MeetingPack.Variant.MEMBERS):
    return pack_build(pack_pk=pack_request(meeting=meeting, variant=variant).pk)


def test_the_meeting_page_offers_the_accessible_agenda_and_each_paper_beside_the_pack(officer_client, meeting, papers):
    page = officer_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"/meetings/{meeting.pk}/pack/members/agenda/" in page
    assert "Front sheet and agenda, members' version (accessible PDF)" in page
    assert "The combined pack is for printing" in page
    for paper in papers:
        assert f"/papers/{paper.pk}/" in page


def test_the_accessible_agenda_is_served_once_the_pack_is_built(officer_client, meeting, papers):
    address = f"/meetings/{meeting.pk}/pack/members/agenda/"
    waiting = officer_client.get(address)
    assert waiting.status_code == 200 and waiting["Content-Type"].startswith("text/html")
    pack = _build(meeting)
    response = officer_client.get(address)
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    served = b"".join(response.streaming_content)
    with pack.agenda_file.open("rb") as handle:
        assert served == handle.read()


def test_the_front_sheet_and_agenda_have_headings_in_order_table_headers_and_a_language(meeting, papers):
    pack = _build(meeting)
    with pack.agenda_file.open("rb") as handle:
        front = handle.read()
    assert check_structure(front) == []
    assert PdfReader(io.BytesIO(front)).trailer["/Root"]["/Lang"] == "en-GB"


def test_every_name_on_the_front_sheet_prints_with_a_real_glyph(cast, meeting, papers):
    for first, last, organisation in NAMES:
        person = PersonFactory(first_name=first, last_name=last, organisation=OrganisationFactory(name=organisation))
        MembershipFactory(partnership=cast.partnership, person=person, start_date=dt.date(2022, 4, 1))
    pack = _build(meeting)
    with pack.agenda_file.open("rb") as handle:
        front = handle.read()
    assert characters_printed_as_boxes(front, " ".join(" ".join(name) for name in NAMES)) == []
