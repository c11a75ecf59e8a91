"""The public part of the register of interests: only entries declared public, only of those seated."""

import datetime as dt

import pytest
from django.urls import reverse

from partnerships.models import Membership
from tests.factories import InterestFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public(cast):
    cast.partnership.is_public = True
    cast.partnership.save()
    return cast.partnership


def _page(client, partnership):
    return client.get(reverse("partnerships:interest_register", args=[partnership.slug])).content.decode()


def test_only_current_entries_declared_public_are_shown(client, cast, public):
    person = cast.member_person
    InterestFactory(person=person, description="Trustee of Riverside Food Bank", is_public=True)
    InterestFactory(person=person, description="Shares in a building firm", is_public=False)
    InterestFactory(person=person, description="Former director", is_public=True, ended_on=dt.date(2023, 6, 1))
    page = _page(client, public)
    assert "Trustee of Riverside Food Bank" in page
    assert "Shares in a building firm" not in page and "Former director" not in page


def test_guests_and_former_members_are_not_listed(client, public):
    guest = MembershipFactory(partnership=public, role=Membership.Role.GUEST).person
    former = MembershipFactory(partnership=public, end_date=dt.date(2023, 1, 1)).person
    InterestFactory(person=guest, description="Guest's employer", is_public=True)
    InterestFactory(person=former, description="Former member's employer", is_public=True)
    page = _page(client, public)
    assert "Guest's employer" not in page and "Former member's employer" not in page


def test_a_private_partnerships_register_is_unknown_to_the_public(client, cast):
    assert client.get(reverse("partnerships:interest_register", args=[cast.partnership.slug])).status_code == 404


def test_the_register_costs_the_same_queries_however_many_sit(client, public, django_assert_num_queries):
    """Guards against one query per member for their interests: the people and their interests (the partnership is cached)."""
    for _ in range(3):
        InterestFactory(person=MembershipFactory(partnership=public).person, is_public=True)
    url = reverse("partnerships:interest_register", args=[public.slug])
    client.get(url)
    with django_assert_num_queries(2):
        client.get(url)
    for _ in range(5):
        InterestFactory(person=MembershipFactory(partnership=public).person, is_public=True)
    with django_assert_num_queries(2):
        client.get(url)
