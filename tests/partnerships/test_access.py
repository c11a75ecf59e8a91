"""One rule for every app: 404 to those who may not know a partnership exists, 403 to those who may see it."""

import pytest
from django.urls import reverse

from tests.factories import PartnershipFactory

PAGES = ["themes:theme_list", "taskgroups:challenge_list", "partnerships:partnership_money"]


@pytest.mark.parametrize("name", PAGES)
def test_the_public_is_told_plainly_about_a_published_partnership(client, db, name):
    partnership = PartnershipFactory(is_public=True)
    response = client.get(reverse(name, args=[partnership.slug]))
    assert response.status_code == 403
    assert "You do not have permission" in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_an_unpublished_partnership_does_not_exist_for_the_public(client, db, name):
    partnership = PartnershipFactory(is_public=False)
    assert client.get(reverse(name, args=[partnership.slug])).status_code == 404
