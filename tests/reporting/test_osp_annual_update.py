"""The OSP's 2022/23 annual update from the demonstration data, read section by section from the PDF's text.

Each section is checked against the records the demonstration data holds, in the order of "The Oxford
Strategic Partnership, annual update to Council, March 2023".
"""

import datetime as dt

import pytest
from django.core.management import call_command

from meetings.demo import FORWARD_PROGRAMME, WORKSHOP_ITEMS
from partnerships.models import Partnership
from reporting.models import Kind
from reporting.services import report_pdf
from themes.demo import ACHIEVEMENTS, OSCP_PRIORITIES
from themes.models import Achievement

from .conftest import flat, pdf_text


@pytest.fixture
def text(db):
    call_command("seed_demo", verbosity=0)
    osp = Partnership.objects.get(short_name="OSP")
    pdf = report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=osp, year=2022, as_at=dt.date(2023, 3, 31))
    return flat(pdf_text(pdf))


def between(text, start, end):
    return text[text.index(start) : text.index(end, text.index(start))]


def test_the_osp_update_reads_section_by_section_like_the_council_report(text):
    intro = between(text, "Introduction and background", "OSP Vision")
    # The remit is the officer's own paragraphs: its bullets would say the same again.
    assert "Its remit: the OSP will" not in intro and "The OSP will not" not in intro
    assert intro.count("brings organisations together") + intro.count("Bring organisations together") == 1

    steering = between(text, "OSP Steering Group", "OSP Sub-Groups")
    assert (
        "Paul James – Chief Executive, River Learning Trust took on the role of Chair in October 2022 from the "
        "interim Chair Caroline Green – Chief Executive, Oxford City Council who had chaired meetings following the "
        "previous Chair, Baroness Jan Royall standing down."
    ) in steering

    activity = between(text, "Activity and achievements", "Other OSP activities")
    for _key, _day, title, _description, figures in ACHIEVEMENTS:
        assert activity.count(title) == 1, title
        for *_, counts in figures:
            assert counts in activity
    # Each result under the group that holds it.
    zcop = between(activity, "Led by the Zero Carbon Oxford Partnership (ZCOP)", "Safer Communities")
    assert "£75,000 from Innovate UK" in zcop and "£20,000 from the MCS Foundation" in zcop
    assert "Delivering net zero by 2040 requires an ambitious approach" in zcop
    assert "ZCOP is working with Future Oxfordshire Partnership (FOP)" in zcop
    economy = between(activity, "Economic Development, Growth and Regeneration", "Stronger Communities")
    assert (
        "It reports to the Future Oxfordshire Partnership, is co-chaired by Jeremy Long – Chair, Oxfordshire Local "
        "Enterprise Partnership and Baroness Jan Royall, and is supported by Emma Coles – OIEP Manager." in economy
    )
    assert "There are 4 working groups to deliver the OIEP's work" in economy
    assert "The aim of the OIEP is to work together to create a more equal and sustainable region" in economy
    # A word broken at a line's end comes back from the PDF as "alcohol- related".
    safer = activity[activity.index("Led by the Oxford Safer Communities Partnership") :].replace("- ", "-")
    assert "The OSCP's priorities in 2022/23, as agreed in its plan, were:" in safer
    for priority in OSCP_PRIORITIES:
        # Its opening and its close: a page break may fall between them.
        assert priority[:50] in safer and priority[-30:] in safer, priority
    assert "OSCP Board members will review the 2022/23 priorities and agree those for 2023-24" in safer
    # No claim stronger than the records, no half-year repeats, no stage names.
    assert "delivered" not in safer
    assert "first half" not in activity and "second half" not in activity

    forward = between(text, "Forward Planning", "Financial implications").replace("- ", "-")
    assert "The Chair is taking forward the OSP with a view to refresh the agenda" in forward
    for item in FORWARD_PROGRAMME + WORKSHOP_ITEMS:
        assert item in forward, item
    for stage in ["Influence exerted", "Actions prompted", "Highlighted to a wider audience", "Outcomes reviewed"]:
        assert stage not in text and stage.lower() not in text

    money = between(text, "Financial implications", "Legal issues")
    assert "The OSP is funded and facilitated by Oxford City Council with an assigned budget of £14,000" in money
    assert "Innovate UK" not in money and "£75,000" not in money

    appendix = text[text.index("Appendix 1: Oxford Strategic Partnership Membership – March 2023") :]
    assert "Cllr Chris Smowton (Observer, no vote)" in appendix
    assert Achievement.objects.filter(partnership__short_name="OSP").count() == 0
