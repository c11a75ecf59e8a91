"""Cambridge City Council's 2023/24 review, section by section, against the demonstration records.

The review is made once, as at 1 July 2024 (it went to committee that month), and read back from the PDF.
"""

import datetime as dt
import io
import re

import pytest
from django.db import transaction
from pypdf import PdfReader

from meetings import demo as meetings_demo
from partnerships import demo as register_demo
from partnerships.models import Organisation, Partnership
from reporting import demo
from reporting.gather import paragraphs
from reporting.models import Kind
from reporting.render import page_count
from reporting.services import report_pdf
from themes import demo as themes_demo
from themes.models import Achievement

from .conftest import flat

# The mark makes the test database exist for the module's fixture; the tests read only the PDF's text.
pytestmark = pytest.mark.django_db

AS_AT = dt.date(2024, 7, 1)
RUNNING_HEADER = "Cambridge City Council: annual review of strategic partnerships"

# Each section's heading as the review prints it, and the partnerships whose records it tells.
SECTIONS = [
    ("Cambridgeshire & Peterborough Combined Authority Board (CPCA)", ["combined-authority-board"]),
    ("Greater Cambridge Partnership (GCP)", ["greater-cambridge-partnership"]),
    ("Fast Growth Cities group", ["fast-growth-cities-group"]),
    ("Oxford to Cambridge Partnership (PRP)", ["oxford-to-cambridge-partnership"]),
    ("Cambridge BID and Visit Cambridge", ["cambridge-bid", "visit-cambridge"]),
    ("Innovate Cambridge", ["innovate-cambridge"]),
    (
        "Cambridgeshire and Peterborough Integrated Care System (ICS)",
        [
            "integrated-care-system",
            "south-icb-strategic-board",
            "integrated-neighbourhood-executive-board",
            "preventative-and-personalised-care-board",
        ],
    ),
    ("Cambridge Community Safety Partnership (CSP)", ["cambridge-community-safety-partnership"]),
    ("Voluntary & Community Sector infrastructure partnership", ["vcs-infrastructure-partnership"]),
    ("Partnership by default", []),
    ("Shared Services", []),
    ("4. Implications", []),
]


@pytest.fixture(scope="module")
def review(django_db_setup, django_db_blocker):
    """The PDF's text and what the records hold, read inside a transaction that is then rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        partnerships = register_demo.seed()
        meetings_demo.seed(partnerships)
        themes_demo.seed(partnerships)
        demo.seed_narratives(partnerships)
        cambridge = Organisation.objects.get(name="Cambridge City Council")
        pdf = report_pdf(kind=Kind.COUNCIL_REVIEW, organisation=cambridge, year=2023, as_at=AS_AT)
        records = {
            "achievements": {
                slug: [
                    flat(" ".join([p.text, *p.bullets]))
                    for a in Achievement.objects.filter(
                        partnership__slug=slug, achieved_on__range=(dt.date(2023, 4, 1), dt.date(2024, 3, 31))
                    ).order_by("achieved_on", "pk")
                    for p in paragraphs(a.description)
                ]
                for _, slugs in SECTIONS
                for slug in slugs
            },
            "missions": {p.slug: p.mission for p in Partnership.objects.exclude(mission="")},
            "purposes": {p.slug: p.purpose for p in Partnership.objects.all()},
        }
        transaction.set_rollback(True)
    text = body_text(pdf)
    return {"text": text, "pages": page_count(pdf), **records}


def body_text(pdf: bytes) -> str:
    """The text of every page without its running header and page number, which close each page's text."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = []
    for page in reader.pages:
        lines = page.extract_text().split("\n")
        cut = max((n for n, line in enumerate(lines) if line.startswith(RUNNING_HEADER)), default=len(lines))
        pages.append(" ".join(line for line in lines[:cut] if not re.fullmatch(r"Page \d+ of \d+", line.strip())))
    # List markers are laid out apart from their items; a reader hears the items, so the test reads them.
    return flat(" ".join(pages).replace("•", " "))


def section(text: str, heading: str) -> str:
    headings = [h for h, _ in SECTIONS]
    start = text.index(heading, text.index("3. Background"))
    following = headings[headings.index(heading) + 1 :]
    ends = [text.index(h, start + len(heading)) for h in following if h in text[start + len(heading) :]]
    return text[start : min(ends) if ends else len(text)]


def test_the_sections_come_in_the_order_of_the_review(review):
    text = review["text"]
    body = text[text.index("3. Background") :]
    positions = [body.index(heading) for heading, _ in SECTIONS]
    assert positions == sorted(positions)
    assert review["pages"] >= 9


@pytest.mark.parametrize("heading,slugs", [s for s in SECTIONS if s[1]], ids=[s[0] for s in SECTIONS if s[1]])
def test_each_section_tells_what_its_partnerships_did_that_year(review, heading, slugs):
    part = section(review["text"], heading)
    told = [paragraph for slug in slugs for paragraph in review["achievements"][slug]]
    assert told, heading
    for paragraph in told:
        assert paragraph in part, paragraph
    assert "No achievements" not in part


def test_the_combined_authority_section(review):
    part = section(review["text"], SECTIONS[0][0])
    assert (
        "The mission of the Cambridgeshire & Peterborough Combined Authority Board is to “make life better, healthier, and fairer for all.”"
        in part
    )
    assert (
        "Cambridge City Council is one of seven member organisations of the CPCA, and is represented by Cllr Anna Smith."
        in part
    )
    for figure in (
        "£1.5m for the Cambridge Civic Quarter project",
        "a further £3m",
        "allocated £1m to Greater Cambridge Impact",
        "£1.2m of Shared Prosperity Fund",
    ):
        assert figure in part
    assert (
        "The Cambridgeshire & Peterborough Combined Authority Board met on 20 March 2024 and 5 June 2024. The "
        "decision sheets from those meetings are attached as Appendices A and B."
    ) in part


def test_the_pan_regional_partnership_mission_is_quoted_exactly(review):
    part = section(review["text"], "Oxford to Cambridge Partnership (PRP)")
    mission = flat(review["missions"]["oxford-to-cambridge-partnership"])
    assert f"is to “{mission[3:]}”" in part
    assert "secure a future in which our communities prosper from the very best" in part


def test_a_member_organisation_is_not_said_to_have_no_seat(review):
    part = section(review["text"], "Fast Growth Cities group")
    assert "Cambridge City Council is a member organisation of the Fast Growth Cities group." in part
    assert "no seat" not in part
    assert flat(review["purposes"]["fast-growth-cities-group"]) in part


def test_seats_held_by_office_and_boards_the_council_sits_on(review):
    text = review["text"]
    assert (
        "Cambridge City Council is represented on the Cambridge BID by the Executive Councillor for Economy & Skills."
        " Cambridge City Council also takes part in Visit Cambridge."
    ) in section(text, "Cambridge BID and Visit Cambridge")
    assert (
        "Cambridge City Council takes part in the South ICB Strategic Board, the Integrated Neighbourhood Executive "
        "Board and the Preventative and Personalised Care Board."
    ) in section(text, SECTIONS[6][0])
    csp = section(text, "Cambridge Community Safety Partnership (CSP)")
    assert "Cambridge City Council is represented on the CSP by Cllr Cameron Holloway" in csp
    assert "It is a statutory partnership under the Crime and Disorder Act 1998." in csp


@pytest.mark.parametrize(
    "figure",
    ["30 new electric buses", "circa £9m over a 5-year business plan", "The £1.8 million WorkWell programme"],
)
def test_the_figures_of_the_review_are_given_once(review, figure):
    assert review["text"].count(figure) == 1


def test_partnership_by_default_and_shared_services_have_sections_of_their_own(review):
    text = review["text"]
    by_default = section(text, "Partnership by default")
    for slug in ("recap-partnership", "action-on-energy", "cambridge-city-leaders-climate-change-group"):
        assert flat(review["purposes"][slug]).rstrip(".") in by_default
    assert "Cambridge Food Poverty Alliance" in by_default
    assert "Cambridge Sustainable Food: secured Gold status for Cambridge in the last year" in by_default
    shared = section(text, "Shared Services")
    assert "Shared with South Cambridgeshire District Council: waste, planning and internal audit" in shared
    assert "Shared with Huntingdonshire District Council: CCTV" in shared
    assert (
        "Shared with Huntingdonshire District Council and South Cambridgeshire District Council: legal, ICT, "
        "building control and Cambridgeshire Home Improvement Agency"
    ) in shared
    assert "economies of scale" in shared


def first_number(part: str) -> str:
    return re.search(r"\b3\.(\d+)\b", part).group(0)


def test_recommendations_are_grouped_by_addressee_and_point_at_the_printed_paragraphs(review):
    text = review["text"]
    recommendations = text[text.index("2. Recommendations") : text.index("3. Background")]
    leader = recommendations.index("That the Leader:")
    health = recommendations.index("That the Executive Councillor for Health and Community Safety:")
    assert leader < recommendations.index("a) Note the achievements") < health
    assert recommendations.index("a) Work more closely with the Health and Wellbeing Board") > health
    growth = re.search(r"as detailed in paragraphs (3\.\d+) – (3\.\d+)\.", recommendations)
    assert growth.group(1) == first_number(section(text, SECTIONS[0][0]))
    innovate = section(text, "Innovate Cambridge")
    assert growth.group(2) in innovate
    assert f"3.{int(growth.group(2).split('.')[1]) + 1}" == first_number(section(text, SECTIONS[6][0]))
    ics = re.search(r"\(as detailed in paragraphs (3\.\d+) – (3\.\d+) below\) to ensure", recommendations)
    assert ics.group(1) == first_number(section(text, SECTIONS[6][0]))
    csp = re.search(r"Partnership \(as detailed in paragraphs (3\.\d+) – (3\.\d+) below\)", recommendations)
    assert csp.group(1) == first_number(section(text, "Cambridge Community Safety Partnership (CSP)"))
    assert f"as described in paragraphs {csp.group(1)} – {csp.group(2)}." in section(text, "4. Implications")


def test_the_appendices_are_the_boards_decision_sheets_by_meeting_date(review):
    text = review["text"]
    appendices = text[text.index("7. Appendices") : text.index("8. Inspection of papers")]
    assert (
        "Appendix A: Decision Sheet from the Cambridgeshire & Peterborough Combined Authority Board meeting, "
        "20 March 2024"
    ) in appendices
    assert (
        "Appendix B: Decision Sheet from the Cambridgeshire & Peterborough Combined Authority Board meeting, 5 June 2024"
        in appendices
    )
    assert "Appendix C: Chief Executive's Highlight Report to the Cambridgeshire" in appendices
    assert "16 October 2024" not in text


def test_the_contributions_are_in_the_financial_implications_only(review):
    text = review["text"]
    assert "Total £65,000" in section(text, "4. Implications")
    assert "£50,000" not in text[: text.index("4. Implications")]
