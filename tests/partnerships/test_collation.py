"""Lists of people sort by the reader's collation, not by character code."""

import pytest
from django.urls import reverse

from partnerships.collation import by_name, name_key
from partnerships.models import Person
from tests.factories import MembershipFactory, PersonFactory

FAMILY_NAMES = ["Zed", "Коваленко", "Ōtsuka", "Çelik", "adams", "Ångström", "Baker"]
EXPECTED = ["adams", "Ångström", "Baker", "Çelik", "Ōtsuka", "Zed", "Коваленко"]


def test_the_key_sets_accents_and_case_aside():
    assert sorted(FAMILY_NAMES, key=name_key) == EXPECTED


@pytest.mark.django_db
def test_the_database_sorts_names_by_the_collation():
    for name in FAMILY_NAMES:
        PersonFactory(first_name="Sam", last_name=name)
    assert list(Person.objects.order_by(*by_name()).values_list("last_name", flat=True)) == EXPECTED


@pytest.mark.django_db
def test_the_members_list_and_the_register_of_people_sort_by_name(client, cast):
    for name in FAMILY_NAMES:
        MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Sam", last_name=name))
    client.force_login(cast.users["officer"])
    for url in (
        reverse("partnerships:membership_list", args=[cast.partnership.slug]),
        reverse("partnerships:person_list"),
    ):
        html = client.get(url).content.decode()
        positions = [html.index(f"Sam {name}") for name in EXPECTED]
        assert positions == sorted(positions), url
