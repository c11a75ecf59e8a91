"""Governance warnings on the partnership page (the OSP Terms of Reference chair tenure, leads, council seats)."""

import datetime as dt

import pytest

from partnerships.models import Membership
from partnerships.services import (
    WARNING_PROVIDERS,
    GovernanceWarning,
    partnership_all_warnings,
    partnership_warnings,
    register_warning_provider,
)
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 21)


def warnings_for(partnership):
    memberships = list(
        Membership.objects.current(TODAY).filter(partnership=partnership).select_related("person", "organisation")
    )
    return [w.message for w in partnership_warnings(partnership=partnership, memberships=memberships, today=TODAY)]


def test_a_chair_past_three_years_is_flagged():
    chair = MembershipFactory(role=Membership.Role.CHAIR, start_date=dt.date(2022, 10, 1), is_lead_representative=True)
    assert warnings_for(chair.partnership) == [
        f"{chair.person} has been chair since 1 October 2022, past the normal tenure of 3 years."
    ]


def test_a_deputy_whose_tenure_ends_within_three_months_is_flagged():
    deputy = MembershipFactory(
        role=Membership.Role.DEPUTY_CHAIR, start_date=dt.date(2024, 2, 1), is_lead_representative=True
    )
    assert warnings_for(deputy.partnership) == [f"{deputy.person}'s tenure as deputy chair ends on 1 February 2027."]


def test_a_recent_chair_is_not_flagged():
    chair = MembershipFactory(role=Membership.Role.CHAIR, start_date=dt.date(2025, 6, 1), is_lead_representative=True)
    assert warnings_for(chair.partnership) == []


def test_chair_and_deputy_starting_close_together_is_flagged():
    chair = MembershipFactory(role=Membership.Role.CHAIR, start_date=dt.date(2025, 1, 1), is_lead_representative=True)
    MembershipFactory(
        partnership=chair.partnership,
        role=Membership.Role.DEPUTY_CHAIR,
        start_date=dt.date(2025, 4, 1),
        is_lead_representative=True,
    )
    assert any("within six months of each other" in w for w in warnings_for(chair.partnership))


def test_staggered_chair_and_deputy_are_not_flagged():
    chair = MembershipFactory(role=Membership.Role.CHAIR, start_date=dt.date(2025, 1, 1), is_lead_representative=True)
    MembershipFactory(
        partnership=chair.partnership,
        role=Membership.Role.DEPUTY_CHAIR,
        start_date=dt.date(2026, 1, 1),
        is_lead_representative=True,
    )
    assert not any("six months" in w for w in warnings_for(chair.partnership))


def test_an_organisation_without_a_lead_representative_is_flagged():
    membership = MembershipFactory(start_date=dt.date(2024, 1, 1))
    assert warnings_for(membership.partnership) == [f"{membership.organisation} has no lead representative."]


def test_a_council_needs_a_councillor_and_an_officer_seat():
    council = CouncilFactory(name="Riverside City Council")
    partnership = PartnershipFactory()
    MembershipFactory(
        partnership=partnership,
        person=PersonFactory(organisation=council, is_councillor=True),
        organisation=council,
        is_lead_representative=True,
    )
    assert warnings_for(partnership) == [
        "Riverside City Council is a council and should have both a councillor and an officer seat; it has no officer."
    ]
    MembershipFactory(partnership=partnership, person=PersonFactory(organisation=council), organisation=council)
    assert warnings_for(partnership) == []


def test_other_apps_add_their_warnings(monkeypatch):
    partnership = PartnershipFactory()
    monkeypatch.setattr("partnerships.services.WARNING_PROVIDERS", list(WARNING_PROVIDERS))

    def overdue(*, partnership, today):
        return [GovernanceWarning("overdue", f"A report for {partnership.name} is overdue.")]

    register_warning_provider(overdue)
    found = partnership_all_warnings(partnership=partnership, memberships=[], today=TODAY)
    assert [w.message for w in found] == [f"A report for {partnership.name} is overdue."]
