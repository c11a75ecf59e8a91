"""After adding a person, the officer goes back where they came from, but only within Roundtable."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from partnerships.models import Person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("next_url", "goes_to"),
    [
        ("/partnerships/riverside/members/add/", "/partnerships/riverside/members/add/?person={pk}"),
        ("/partnerships/riverside/members/add/?q=Grace", "/partnerships/riverside/members/add/?q=Grace&person={pk}"),
        ("//evil.example/steal", None),
        ("https://evil.example/steal", None),
        ("/\\evil.example", None),
    ],
)
def test_next_is_followed_only_within_the_site(officer_client, cast, next_url, goes_to):
    response = officer_client.post(
        reverse("partnerships:person_create") + "?" + urlencode({"next": next_url}),
        {"first_name": "Grace", "last_name": "Hopper"},
    )
    person = Person.objects.get(last_name="Hopper")
    assert response.status_code == 302
    assert response["Location"] == (goes_to.format(pk=person.pk) if goes_to else person.get_absolute_url())
