"""The demonstration data is the partnerships of the source documents."""

import datetime as dt

import pytest
from django.core.management import call_command

from partnerships.models import Budget, Contribution, Membership, Participation, Partnership, Person
from partnerships.services import partnership_warnings
from tests.conftest import records_for_the_module


@pytest.fixture(scope="module")
def seeded(request, django_db_setup, django_db_blocker, tmp_path_factory):
    with records_for_the_module(request.module, django_db_blocker, tmp_path_factory):
        call_command("seed_demo", verbosity=0)
        yield


@pytest.fixture
def demo(seeded, db):
    """The demonstration data, seeded once for this module."""


def test_the_osp_has_the_22_members_of_appendix_1(demo):
    osp = Partnership.objects.get(short_name="OSP")
    seats = Membership.objects.current(dt.date(2023, 3, 31)).filter(partnership=osp).seats()
    assert seats.count() == 22
    chair = seats.get(role=Membership.Role.CHAIR)
    assert (chair.person.display_name, chair.organisation.name) == ("Paul James", "River Learning Trust")
    observer = seats.get(role=Membership.Role.OBSERVER)
    assert observer.person.display_name == "Cllr Chris Smowton" and not observer.is_voting
    assert Budget.objects.get(partnership=osp, year=2022).amount == 14000


def test_the_osp_has_four_sub_groups_with_support_officers(demo):
    osp = Partnership.objects.get(short_name="OSP")
    groups = {g.name: g for g in osp.sub_groups.all()}
    assert len(groups) == 4
    officers = {
        m.partnership.name: m.person.display_name
        for m in Membership.objects.filter(partnership__parent=osp, role=Membership.Role.SUPPORTING_OFFICER)
    }
    assert officers == {
        "Economic Growth Steering Board": "Clayton Lavallin",
        "Stronger Communities Board": "Ian Brooke",
        "Zero Carbon Oxford Partnership": "Mai Jarvis",
        "Oxford Safer Communities Partnership": "Richard Adams",
    }
    assert groups["Oxford Safer Communities Partnership"].legal_basis.startswith("Crime and Disorder Act 1998")


def test_the_osp_shows_its_warnings(demo):
    osp = Partnership.objects.get(short_name="OSP")
    memberships = list(
        Membership.objects.current(dt.date(2026, 11, 21))
        .filter(partnership=osp)
        .select_related("person", "organisation")
    )
    messages = [
        w.message for w in partnership_warnings(partnership=osp, memberships=memberships, today=dt.date(2026, 11, 21))
    ]
    # The documents name no lead representative for the councils' several seats; the chair's first term
    # ran out in October 2025 and he was re-appointed.
    assert "Oxford City Council has no lead representative." in messages
    assert not [m for m in messages if "normal tenure" in m]
    chair = next(m for m in memberships if m.role == Membership.Role.CHAIR)
    assert (chair.person.display_name, chair.start_date) == ("Paul James", dt.date(2025, 10, 1))


def test_cambridge_city_council_contributions(demo):
    amounts = sorted(
        int(c.amount) for c in Contribution.objects.filter(organisation__name="Cambridge City Council", year=2023)
    )
    assert amounts == [5000, 10000, 50000]
    assert Partnership.objects.get(slug="combined-authority-board").required_voter.display_name == "Mayor Nik Johnson"


def test_cambridge_takes_part_through_offices_and_as_a_member_organisation(demo):
    cambridge = Participation.objects.filter(organisation__name="Cambridge City Council")
    bid = cambridge.get(partnership__slug="cambridge-bid")
    assert (bid.kind, bid.office) == ("office", "the Executive Councillor for Economy & Skills")
    assert cambridge.filter(partnership__slug="fast-growth-cities-group", kind="member_organisation").exists()
    assert Participation.objects.filter(partnership__slug="combined-authority-board").count() == 7
    shared = Partnership.objects.filter(kind=Partnership.Kind.SHARED_SERVICE)
    assert shared.count() == 8 and cambridge.filter(partnership__in=shared).count() == 8
    assert Partnership.objects.get(slug="south-icb-strategic-board").parent.short_name == "ICS"
    budget = Budget.objects.get(partnership__short_name="OSP", year=2022)
    assert budget.funded_by.name == "Oxford City Council"


def test_loading_twice_changes_nothing(demo):
    before = (Person.objects.count(), Membership.objects.count(), Partnership.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Person.objects.count(), Membership.objects.count(), Partnership.objects.count()) == before
