"""The rules of a seat (the OSP Terms of Reference 'Membership of the OSP'), in the model, the service and the database."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnerships.models import Membership
from partnerships.services import membership_end, membership_save
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def build(**kwargs) -> Membership:
    partnership = kwargs.pop("partnership", None) or PartnershipFactory()
    person = kwargs.pop("person", None) or PersonFactory()
    fields = {"organisation": person.organisation, "role": Membership.Role.MEMBER, "is_voting": True, **kwargs}
    return Membership(partnership=partnership, person=person, **fields)


def errors_of(membership) -> dict:
    with pytest.raises(ValidationError) as caught:
        membership.full_clean()
    return caught.value.message_dict


def test_end_date_before_start_is_refused_beside_the_end_date():
    membership = build(start_date=dt.date(2023, 4, 1), end_date=dt.date(2023, 3, 31))
    assert errors_of(membership)["end_date"] == ["The end date must be on or after the start date."]


def test_an_observer_never_votes():
    membership = build(role=Membership.Role.OBSERVER, is_voting=True)
    assert "does not hold a vote" in errors_of(membership)["is_voting"][0]


@pytest.mark.parametrize("role", [Membership.Role.GUEST, Membership.Role.SUPPORTING_OFFICER])
def test_guests_and_supporting_officers_never_vote(role):
    assert "does not hold a vote" in errors_of(build(role=role, is_voting=True))["is_voting"][0]


def test_one_lead_representative_per_organisation_for_overlapping_dates():
    lead = MembershipFactory(is_lead_representative=True)
    second = build(
        partnership=lead.partnership,
        organisation=lead.organisation,
        person=PersonFactory(organisation=lead.organisation),
        is_lead_representative=True,
        start_date=dt.date(2023, 1, 1),
    )
    message = errors_of(second)["is_lead_representative"][0]
    assert f"already has a lead representative for these dates: {lead.person}" in message


def test_a_new_lead_may_follow_one_whose_seat_has_ended():
    lead = MembershipFactory(
        is_lead_representative=True, start_date=dt.date(2020, 1, 1), end_date=dt.date(2022, 12, 31)
    )
    successor = build(
        partnership=lead.partnership,
        organisation=lead.organisation,
        person=PersonFactory(organisation=lead.organisation),
        is_lead_representative=True,
        start_date=dt.date(2023, 1, 1),
    )
    successor.full_clean()


def test_the_same_person_cannot_hold_the_same_seat_twice_at_once():
    first = MembershipFactory(start_date=dt.date(2021, 1, 1))
    again = build(partnership=first.partnership, person=first.person, start_date=dt.date(2022, 6, 1))
    assert "already holds a member seat" in errors_of(again)["person"][0]


def test_the_same_seat_again_after_the_first_ended_is_allowed():
    first = MembershipFactory(start_date=dt.date(2019, 1, 1), end_date=dt.date(2020, 12, 31))
    build(partnership=first.partnership, person=first.person, start_date=dt.date(2022, 1, 1)).full_clean()


def test_an_alternate_names_a_lead_representative_of_the_same_partnership():
    lead = MembershipFactory(is_lead_representative=True)
    not_lead = MembershipFactory(partnership=lead.partnership)
    alternate = build(partnership=lead.partnership, role=Membership.Role.ALTERNATE, is_voting=False)
    assert "Choose the lead representative" in errors_of(alternate)["alternate_for"][0]
    alternate.alternate_for = not_lead
    assert "not one" in errors_of(alternate)["alternate_for"][0]
    alternate.alternate_for = MembershipFactory(is_lead_representative=True)
    assert "same partnership" in errors_of(alternate)["alternate_for"][0]
    alternate.alternate_for = lead
    alternate.full_clean()


@pytest.mark.parametrize(
    "fields",
    [
        {"role": Membership.Role.OBSERVER, "is_voting": True},
        {"start_date": dt.date(2023, 1, 2), "end_date": dt.date(2023, 1, 1)},
        {"role": Membership.Role.GUEST, "is_voting": False, "is_lead_representative": True},
    ],
    ids=["observer-voting", "ends-before-start", "guest-as-lead"],
)
def test_the_database_refuses_what_the_rules_refuse(fields):
    membership = build(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_membership_as_at_a_date():
    partnership = PartnershipFactory()
    early = MembershipFactory(partnership=partnership, start_date=dt.date(2018, 1, 1), end_date=dt.date(2020, 12, 31))
    late = MembershipFactory(partnership=partnership, start_date=dt.date(2021, 1, 1))
    unknown_start = MembershipFactory(partnership=partnership, start_date=None)
    on = lambda day: set(Membership.objects.current(day).filter(partnership=partnership))  # noqa: E731
    assert on(dt.date(2019, 6, 1)) == {early, unknown_start}
    assert on(dt.date(2020, 12, 31)) == {early, unknown_start}
    assert on(dt.date(2021, 1, 1)) == {late, unknown_start}


def test_ending_a_seat_keeps_it_and_ends_its_alternates():
    lead = MembershipFactory(is_lead_representative=True, start_date=dt.date(2020, 1, 1))
    alternate = MembershipFactory(
        partnership=lead.partnership, role=Membership.Role.ALTERNATE, is_voting=False, alternate_for=lead
    )
    membership_end(membership=lead, end_date=dt.date(2023, 3, 31), reason="Retired")
    lead.refresh_from_db()
    alternate.refresh_from_db()
    assert (lead.end_date, lead.end_reason) == (dt.date(2023, 3, 31), "Retired")
    assert alternate.end_date == dt.date(2023, 3, 31)
    assert Membership.objects.filter(pk=lead.pk).exists()
    assert lead.history.count() == 2


def test_saving_moves_the_version_on_and_records_history():
    membership = MembershipFactory()
    membership.notes = "Attends every other meeting"
    membership_save(membership=membership, started_from=membership.version)
    membership.refresh_from_db()
    assert membership.version == 2
    assert membership.history.first().notes == "Attends every other meeting"


def test_a_council_seat_is_a_councillor_or_an_officer():
    council = OrganisationFactory(is_council=True)
    assert PersonFactory(organisation=council, is_councillor=True).is_councillor
