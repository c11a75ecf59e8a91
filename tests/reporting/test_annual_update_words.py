"""The annual update speaks as a clerk would: the chair's story in every case, seats, plans and the programme."""

import datetime as dt
import re

import pytest

from meetings.models import ProgrammeItem
from partnerships.models import Membership
from reporting import gather
from reporting.annual_update import SteeringGroup
from reporting.blocks import Seat
from reporting.models import Kind
from reporting.services import report_document
from tests.factories import MembershipFactory, PartnershipFactory, PersonFactory, make_officer
from tests.themes.factories import PlanFactory, PriorityFactory
from themes.models import Plan
from themes.services import plan_revise

AS_AT = dt.date(2023, 3, 31)


def seat(name, position="", role="chair", start=None, end=None, reason=""):
    job, _, organisation = position.partition(", ")
    return Seat(name, role, "Chair", job, organisation, start, end, reason, True)


def group(chair, predecessors):
    return SteeringGroup(
        short="OSP",
        frequency="quarterly",
        annual_review_month="",
        organisations=[],
        sectors=[],
        chair=chair,
        chair_since=chair.start_date if chair else None,
        predecessors=predecessors,
        deputy=None,
        supporting_team="",
        supporting_officers=[],
        seat_count=0,
    )


PAUL = seat("Paul James", "Chief Executive, River Learning Trust", start=dt.date(2022, 10, 1))
CAROLINE = seat(
    "Caroline Green", "Chief Executive, Oxford City Council", end=dt.date(2022, 9, 30), reason="Interim chair"
)
JAN = seat("Baroness Jan Royall", end=dt.date(2022, 3, 31), reason="Stood down")
TERM = seat("Ian Green", "Chair, Oxford Civic Society", end=dt.date(2022, 9, 30), reason="Term ended")


@pytest.mark.parametrize(
    "chair, predecessors, expected",
    [
        (
            PAUL,
            [CAROLINE, JAN],
            "Paul James – Chief Executive, River Learning Trust took on the role of Chair in October 2022 from the "
            "interim Chair Caroline Green – Chief Executive, Oxford City Council who had chaired meetings following "
            "the previous Chair, Baroness Jan Royall standing down.",
        ),
        (
            PAUL,
            [JAN],
            "Paul James – Chief Executive, River Learning Trust took on the role of Chair in October 2022 following "
            "the previous Chair, Baroness Jan Royall standing down.",
        ),
        (
            PAUL,
            [TERM],
            "Paul James – Chief Executive, River Learning Trust took on the role of Chair in October 2022 from the "
            "previous Chair, Ian Green.",
        ),
        (PAUL, [], "Paul James – Chief Executive, River Learning Trust has chaired the OSP since October 2022."),
        (seat("Paul James"), [], "Paul James chairs the OSP."),
        (None, [JAN], "The chair of the OSP has been vacant since March 2022, when Baroness Jan Royall stood down."),
        (
            None,
            [TERM],
            "The chair of the OSP has been vacant since September 2022, when Ian Green's term as Chair ended.",
        ),
        (None, [], "The OSP had no chair on the date of this report."),
    ],
    ids=["interim", "stood-down", "term-ended", "no-predecessor", "no-dates", "vacant", "vacant-term", "never"],
)
def test_the_chairs_story_reads_correctly_in_every_case(chair, predecessors, expected):
    assert group(chair, predecessors).chair_text == expected


def text_of(partnership, year=2022, as_at=AS_AT) -> str:
    html = report_document(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=year, as_at=as_at)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.django_db
def test_the_appendix_names_alternates_and_observers_with_no_vote():
    osp = PartnershipFactory(short_name="OSP")
    lead = MembershipFactory(
        partnership=osp, person=PersonFactory(first_name="Rebecca", last_name="Cullen"), is_lead_representative=True
    )
    MembershipFactory(
        partnership=osp,
        person=PersonFactory(first_name="Sam", last_name="Stand-In"),
        organisation=lead.organisation,
        role=Membership.Role.ALTERNATE,
        alternate_for=lead,
        is_voting=False,
    )
    MembershipFactory(
        partnership=osp,
        person=PersonFactory(honorific="Cllr", first_name="Chris", last_name="Smowton"),
        role=Membership.Role.OBSERVER,
        is_voting=False,
    )
    text = text_of(osp)
    appendix = text[text.index("Appendix 1:") :]
    assert "Sam Stand-In (alternate for Rebecca Cullen)" in appendix
    assert "Cllr Chris Smowton (Observer, no vote)" in appendix


@pytest.mark.django_db
def test_revising_a_plan_moves_the_years_in_its_title_on_and_prints_them_once():
    osp = PartnershipFactory(short_name="OSP")
    plan = PlanFactory(partnership=osp, title="OSP rolling plan 2023 to 2026", start_year=2023)
    revised = plan_revise(plan=plan)
    assert revised.title == "OSP rolling plan 2024 to 2027"
    assert gather.plan_priorities(partnership=osp, as_at=dt.date(2024, 3, 31), year=2023)[0] == plan.title


@pytest.mark.django_db
def test_an_expired_plan_is_not_offered_for_the_year_ahead():
    osp = PartnershipFactory(short_name="OSP")
    plan = PlanFactory(partnership=osp, title="Old plan", start_year=2018, adopted_on=dt.date(2018, 4, 1))
    PriorityFactory(plan=plan, title="Affordable homes for the city")
    text = text_of(osp)
    assert "for the year ahead" not in text and "sets these priorities for 2023/24" not in text
    assert "last plan, Old plan (2018 to 2021), has run its course" in text
    assert "Affordable homes for the city" in text


@pytest.mark.django_db
def test_a_draft_or_later_plan_is_not_the_plan_in_force():
    osp = PartnershipFactory(short_name="OSP")
    PlanFactory(partnership=osp, status=Plan.Status.DRAFT, start_year=2022)
    assert gather.plan_priorities(partnership=osp, as_at=AS_AT, year=2022) == ("", False, [])


@pytest.mark.django_db
def test_the_forward_programme_is_as_it_stood_on_the_date():
    osp = PartnershipFactory(short_name="OSP")
    for text, added, removed, kind in [
        ("Do less better", dt.date(2022, 11, 8), None, ProgrammeItem.Kind.PROGRAMME),
        ("Dropped before the date", dt.date(2022, 11, 8), dt.date(2023, 1, 1), ProgrammeItem.Kind.PROGRAMME),
        ("Dropped after the date", dt.date(2022, 11, 8), dt.date(2023, 6, 1), ProgrammeItem.Kind.PROGRAMME),
        ("Added after the date", dt.date(2023, 5, 1), None, ProgrammeItem.Kind.PROGRAMME),
        ("Housing delivery", dt.date(2023, 1, 10), None, ProgrammeItem.Kind.WORKSHOP),
    ]:
        ProgrammeItem.objects.create(
            partnership=osp, year=2023, text=text, added_on=added, removed_on=removed, kind=kind
        )
    text = text_of(osp)
    forward = text[text.index("Forward Planning") : text.index("Financial implications")]
    assert "Do less better" in forward and "Dropped after the date" in forward
    assert "Dropped before the date" not in forward and "Added after the date" not in forward
    assert "Initial future workshop agenda items may include: Housing delivery" in forward


@pytest.mark.django_db
def test_officers_keep_the_forward_programme(client):
    osp = PartnershipFactory(short_name="OSP")
    client.force_login(make_officer(osp))
    url = f"/partnerships/{osp.slug}/forward-programme/"
    refused = client.post(url, {"text": "", "kind": "programme", "year": "2023"})
    assert refused.status_code == 200 and "Enter what the item says." in refused.content.decode()
    added = client.post(
        url,
        {
            "text": "Focus on impact",
            "kind": "workshop",
            "year": "2023",
            "added_on_day": "8",
            "added_on_month": "11",
            "added_on_year": "2022",
        },
    )
    assert added.status_code == 302
    item = ProgrammeItem.objects.get()
    assert (item.text, item.kind, item.added_on, item.position) == (
        "Focus on impact",
        "workshop",
        dt.date(2022, 11, 8),
        1,
    )
    edit = f"/forward-programme/{item.pk}/edit/"
    assert client.get(edit).status_code == 200
    client.post(
        edit,
        {
            "text": "Focus on impact (rather than activity)",
            "kind": "programme",
            "year": "2023",
            "added_on_day": "8",
            "added_on_month": "11",
            "added_on_year": "2022",
        },
    )
    item.refresh_from_db()
    assert item.text == "Focus on impact (rather than activity)" and item.kind == "programme"
    client.post(url, {"take_off": str(item.pk)})
    item.refresh_from_db()
    assert item.removed_on == dt.date.today()
    assert item.history.count() == 3
