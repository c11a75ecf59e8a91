"""The PDFs hold what the records hold, tagged for accessibility, text in reading order ."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from partnerships.models import Membership, Organisation, Partnership
from reporting import gather
from reporting.models import Kind
from reporting.services import report_pdf
from tests.factories import (
    BudgetFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)

from .conftest import flat, pdf_text

# The OSP annual update to Council (March 2023) Appendix 1, name and what follows it in the same row.
APPENDIX_1 = [
    ("Paul James (Chair)", "Chief Executive, River Learning Trust"),
    ("Gillian Aitken", "Registrar, University of Oxford"),
    ("Cllr Susan Brown", "Leader, Oxford City Council"),
    ("Cllr Shaista Aziz", "Oxford City Council"),
    ("Cllr Chris Smowton (Observer, no vote)", "Liberal Democrat Group Leader, Oxford City Council"),
    ("Rebecca Cullen", "Deputy Director of Strategy & Partnerships, Oxford University Hospitals NHS Foundation Trust"),
    ("Daniella Granito", "Policy and Partnership Team Manager, Oxford City Council"),
    ("Caroline Green", "Chief Executive, Oxford City Council"),
    ("Ian Green", "Chair, Oxford Civic Society"),
    ("Brendan Hattam", "Chair of Town Team and General Manager of Westgate, Land Securities"),
    ("Emily Lewis-Edwards", "Co-director, Community First Oxfordshire"),
    ("Jeremy Long", "Chair, Oxfordshire Local Enterprise Partnership"),
    ("Prof Simonetta Manfredi", "Associate Dean for Research & Knowledge Exchange, Oxford Brookes University"),
    ("David Munday", "Deputy Director Public Health, Oxfordshire County Council"),
    ("Frank Nigriello", "Director of Corporate Affairs, Unipart Group"),
    ("Bruce Riddell", "Superintendent, Thames Valley Police"),
    ("Peter Nolan", "Chairman and founder, OcQuila Therapeutics"),
    ("Cllr Glynis Phillips", "Oxfordshire County Council"),
    ("Claire Taylor", "Corporate Director, Communications and Organisational Development, Oxfordshire County Council"),
    ("Mish Tullar", "Head of Corporate Strategy, Oxford City Council"),
    ("Richard Venables", "Director, VSL and Partners"),
    ("Stuart Wilkinson", "Head of Knowledge, University of Oxford"),
]

OSP_HEADINGS = [
    "Summary and recommendations",
    "Introduction and background",
    "OSP Vision",
    "OSP Aims",
    "OSP Steering Group",
    "OSP Sub-Groups",
    "Activity and achievements over the last 12 months",
    "Other OSP activities",
    "Forward Planning",
    "Financial implications",
    "Legal issues",
    "Level of risk",
    "Equalities impact",
    "Conclusion",
    "Report author",
    "Appendix 1: Oxford Strategic Partnership Membership – March 2023",
]


@pytest.fixture
def osp_pdf(demo_data):
    return report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=demo_data["osp"], year=2022, as_at=dt.date(2023, 3, 31))


@pytest.fixture
def cambridge_pdf(demo_data):
    return report_pdf(
        kind=Kind.COUNCIL_REVIEW,
        organisation=Organisation.objects.get(name="Cambridge City Council"),
        year=2023,
        as_at=dt.date(2024, 3, 31),
    )


def test_osp_report_lists_all_22_members_of_appendix_1_with_the_chair_marked(osp_pdf):
    text = flat(pdf_text(osp_pdf))
    appendix = text[text.index("Appendix 1: Oxford Strategic Partnership Membership – March 2023") :]
    for name, position in APPENDIX_1:
        assert f"{name} {position}" in appendix, name
    assert appendix.count("(Chair)") == 1
    assert appendix.index("Paul James (Chair)") < appendix.index("Gillian Aitken")


def test_osp_report_has_the_sections_of_the_annual_update_to_council_in_order(osp_pdf):
    text = flat(pdf_text(osp_pdf))
    positions = [text.index(heading) for heading in OSP_HEADINGS]
    assert positions == sorted(positions)


def test_osp_report_names_the_sub_groups_their_support_officers_and_the_budget(osp_pdf):
    text = flat(pdf_text(osp_pdf))
    for line in [
        "The EGSB is supported by Clayton Lavallin – Principal Regeneration and Economic Development Officer",
        "The Stronger Communities Board is supported by Ian Brooke – Head of Community Services",
        "The ZCOP is supported by Mai Jarvis – Environmental Sustainability Lead",
        "The OSCP is supported by Richard Adams – Community Safety Manager",
        "It is chaired by Cllr Susan Brown – Leader, Oxford City Council",
        "an assigned budget of £14,000 for 2022/23",
    ]:
        assert line in text, line
    # ZCOP's funding is ZCOP's: told in its part of the activity, not in the OSP's own money.
    activity = text[text.index("Activity and achievements") : text.index("Other OSP activities")]
    assert "The ZCOP was awarded £75,000 by Innovate UK" in activity
    assert "with £20,000 of match funding" in activity
    money = text[text.index("Financial implications") : text.index("Legal issues")]
    assert "£75,000" not in money and "Innovate UK" not in money and "£20,000" not in money


def test_osp_report_tells_the_chairs_story_as_the_annual_update_paragraph_7_does(osp_pdf):
    text = flat(pdf_text(osp_pdf))
    assert (
        "Paul James – Chief Executive, River Learning Trust took on the role of Chair in October 2022 from the "
        "interim Chair Caroline Green – Chief Executive, Oxford City Council who had chaired meetings following "
        "the previous Chair, Baroness Jan Royall standing down."
    ) in text


def test_osp_report_carries_the_cover_the_officers_paragraphs_and_the_author(osp_pdf):
    text = flat(pdf_text(osp_pdf))
    for line in [
        "To: Council",
        "Date: March 2023",
        "Report of: Head of Corporate Strategy",
        "Cabinet Member with responsibility: Councillor Brown, Leader",
        "Key decision: No",
        "There are no legal implications.",
        "Report author Mish Tullar",
        "Job title Head of Corporate Strategy",
        "Telephone 07483 010499",
        "mtullar@oxford.gov.uk",
    ]:
        assert line in text, line


def test_paragraphs_are_numbered_through_the_report(osp_pdf):
    text = pdf_text(osp_pdf)
    assert "1. The Oxford Strategic Partnership brings together" in flat(text)
    text = text[text.index("Introduction and background") :]
    # List markers are drawn after a page's text; a paragraph's number starts a line and text follows it.
    numbers = [int(match[1]) for match in re.finditer(r"^(\d+)\. +[^\s•]", text, flags=re.MULTILINE)]
    assert numbers[:5] == [1, 2, 3, 4, 5]
    assert numbers == sorted(numbers)


def test_the_pdf_is_tagged_with_bookmarks_page_numbers_and_a_running_header(osp_pdf):
    reader = PdfReader(io.BytesIO(osp_pdf))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en-GB"
    assert reader.metadata.title == "Oxford Strategic Partnership: annual update report 2022/23"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Financial implications" in titles and "OSP Sub-Groups" in titles
    pages = [page.extract_text() for page in reader.pages]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "Oxford Strategic Partnership: annual update report 2022/23" in pages[1]


def test_tables_have_header_cells_in_the_structure_tree(osp_pdf):
    reader = PdfReader(io.BytesIO(osp_pdf))
    tags = set()

    def walk(node, depth=0):
        node = node.get_object()
        if "/S" in node:
            tags.add(node["/S"])
        kids = node.get("/K")
        if kids is None or depth > 60:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                walk(kid, depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert {"/Table", "/TH", "/TD", "/H1", "/H2", "/P", "/L"} <= tags


def test_cambridge_review_lists_its_partnerships_and_contributions(cambridge_pdf):
    text = flat(pdf_text(cambridge_pdf))
    for heading in [
        "1. Executive Summary",
        "2. Recommendations",
        "3. Background",
        "4. Implications",
        "a) Financial Implications",
        "8. Inspection of papers",
    ]:
        assert heading in text
    for partnership in [
        "Cambridge Community Safety Partnership (CSP)",
        "Cambridgeshire & Peterborough Combined Authority Board (CPCA)",
        "Fast Growth Cities group",
        "Innovate Cambridge",
        "Oxford to Cambridge Partnership (PRP)",
    ]:
        assert partnership in text
    assert (
        "Cambridge City Council is one of seven member organisations of the CPCA, and is represented by Cllr Anna Smith."
        in text
    )
    assert "Fast Growth Cities group £5,000" in text
    assert "Oxford to Cambridge Partnership £10,000" in text
    assert "Innovate Cambridge £50,000" in text
    assert "Total £65,000" in text
    assert "Andrew Limb, Assistant Chief Executive" in text
    assert text.index("3.3") < text.index("4.1")


def test_a_partnership_with_nothing_that_year_still_makes_a_report(db):
    empty = PartnershipFactory(name="Quiet Valley Partnership", short_name="QVP")
    pdf = report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=empty, year=2022, as_at=dt.date(2023, 3, 31))
    text = flat(pdf_text(pdf))
    assert "The QVP had no chair on the date of this report." in text
    assert "The QVP has no sub-groups." in text
    assert "No budget is recorded for the QVP for 2022/23." in text
    assert "The Quiet Valley Partnership had no members on 31 March 2023." in text
    assert "No text has been written for this section." in text


def test_an_organisation_with_no_partnerships_makes_a_review(db):
    council = OrganisationFactory(name="Little Shire Council", is_council=True)
    pdf = report_pdf(kind=Kind.COUNCIL_REVIEW, organisation=council, year=2023, as_at=dt.date(2024, 3, 31))
    text = flat(pdf_text(pdf))
    assert "Little Shire Council sat on, hosted and contributed to no partnership in 2023/24." in text
    assert "Little Shire Council made no contributions to strategic partnerships in 2023/24." in text


def test_names_with_accents_and_other_scripts_survive_into_the_pdf(db):
    partnership = PartnershipFactory(name="Partneriaeth Caerdydd", short_name="PC")
    organisation = OrganisationFactory(name="Cyngor Sir Ynys Môn")
    for first, last in [("Siân", "Llŷr"), ("Zoë", "Brontë"), ("Łukasz", "Żółć"), ("Ngozi", "Ọkọnkwọ")]:
        MembershipFactory(
            partnership=partnership,
            person=PersonFactory(first_name=first, last_name=last, organisation=organisation),
            start_date=dt.date(2020, 1, 1),
        )
    BudgetFactory(partnership=partnership, year=2022, amount=Decimal("1234.50"))
    text = flat(
        pdf_text(report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=dt.date(2023, 3, 31)))
    )
    for name in ["Siân Llŷr", "Zoë Brontë", "Łukasz Żółć", "Ngozi Ọkọnkwọ", "Cyngor Sir Ynys Môn"]:
        assert name in text
    assert "£1,234.50" in text


def test_the_membership_appendix_is_as_at_the_report_date(db):
    partnership = PartnershipFactory(short_name="RP")
    MembershipFactory(
        partnership=partnership, person__first_name="Early", person__last_name="Leaver", end_date=dt.date(2022, 6, 1)
    )
    MembershipFactory(partnership=partnership, person__first_name="Still", person__last_name="Here")
    MembershipFactory(
        partnership=partnership,
        person__first_name="Late",
        person__last_name="Joiner",
        start_date=dt.date(2023, 6, 1),
    )
    data = gather.annual_update(partnership=partnership, year=2022, as_at=dt.date(2023, 3, 31))
    assert [seat.name for seat in data.appendix] == ["Still Here"]


def test_ended_seats_of_the_year_do_not_appear_among_current_representatives(db):
    council = OrganisationFactory(name="Riverbank Council", is_council=True)
    partnership = PartnershipFactory(name="Riverbank Growth Board")
    MembershipFactory(
        partnership=partnership,
        organisation=council,
        person=PersonFactory(first_name="Former", last_name="Rep", organisation=council),
        end_date=dt.date(2023, 9, 30),
    )
    MembershipFactory(
        partnership=partnership,
        organisation=council,
        person=PersonFactory(first_name="Current", last_name="Rep", organisation=council),
        role=Membership.Role.OBSERVER,
    )
    review = gather.council_review(organisation=council, year=2023, as_at=dt.date(2024, 3, 31))
    (item,) = review.partnerships
    assert [(s.name, s.role_label, s.is_voting) for s in item.representatives] == [("Current Rep", "Observer", False)]
    assert Partnership.objects.count() == 1
