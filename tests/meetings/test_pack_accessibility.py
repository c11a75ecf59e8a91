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
    assert "a paper saved without it is in the pack for printing only" in page
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


def _tagged_paper(title: str) -> bytes:
    from partnerships.pdf import html_to_pdf

    return html_to_pdf(
        f'<html lang="en-GB"><title>{title}</title><h1>{title}</h1><p>Text.</p>'
        "<table><thead><tr><th>Year</th><th>Amount</th></tr></thead><tbody><tr><td>2023</td><td>£14,000</td></tr>"
        "</tbody></table><h2>Recommendation</h2><p>Agree the budget.</p></html>"
    )


def test_the_combined_pack_keeps_the_structure_of_the_front_sheet_and_of_each_tagged_paper(meeting, major_item):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.services import paper_add

    paper_add(
        item=major_item,
        title="Budget 2023",
        is_confidential=False,
        upload=SimpleUploadedFile("budget.pdf", _tagged_paper("Budget 2023")),
    )
    pack = _build(meeting)
    assert pack.status == MeetingPack.Status.DONE, pack.error
    with pack.file.open("rb") as handle:
        data = handle.read()
    assert check_structure(data) == []
    from tests.pdfcheck import structure_tree

    tree, language = structure_tree(data)
    assert language == "en-GB"
    assert [e.role for e in tree.children] == ["Document"]
    headings = [e for e in tree.walk() if e.role in ("H1", "H2")]
    assert len([h for h in headings if h.role == "H1"]) == 2  # the front sheet's and the paper's
    assert any(e.role == "Table" for e in tree.walk())
    import pikepdf

    document = pikepdf.open(io.BytesIO(data))
    pages = {page.objgen for page in document.pages}
    keys = [int(page.obj.StructParents) for page in document.pages if "/StructParents" in page.obj]
    assert len(keys) == len(set(keys))
    nums = list(document.Root.StructTreeRoot.ParentTree.Nums)
    assert sorted(int(k) for k in nums[::2]) == sorted(int(k) for k in nums[::2])
    assert set(keys) <= {int(k) for k in nums[::2]}
    for element in document.Root.StructTreeRoot.K[0].K:
        if "/Pg" in element:
            assert element.Pg.objgen in pages
    reader = PdfReader(io.BytesIO(data))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()


def test_every_font_in_the_pack_is_embedded_the_page_numbers_included(meeting, papers):
    from tests.pdfcheck import unembedded_fonts

    pack = _build(meeting)
    with pack.file.open("rb") as handle:
        data = handle.read()
    assert unembedded_fonts(data) == set()
    import pikepdf

    for page in pikepdf.open(io.BytesIO(data)).pages:
        names = {str(font.BaseFont) for font in page.resources.Font.values()}
        assert "/RTPGNO+NotoSans-Regular" in names


def test_the_font_check_finds_a_font_that_is_only_named():
    import pikepdf

    from tests.pdfcheck import unembedded_fonts

    pdf = pikepdf.new()
    pdf.add_blank_page()
    helvetica = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    pdf.pages[0].add_resource(pdf.make_indirect(helvetica), pikepdf.Name.Font, pikepdf.Name.F1)
    output = io.BytesIO()
    pdf.save(output)
    assert unembedded_fonts(output.getvalue()) == {"Helvetica"}
