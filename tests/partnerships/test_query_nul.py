import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_nul_in_the_address_is_dropped_before_any_view_sees_it(client, cast):
    cast.client_for(client, "admin")
    page = client.get(reverse("partnerships:partnership_create"), {"parent": "river\x00side", "x\x00": "1"})
    assert page.status_code == 200
    assert page.wsgi_request.GET.get("parent") == "riverside"
    assert "x" in page.wsgi_request.GET


def test_an_address_without_nul_is_left_as_it_came(client):
    page = client.get("/search/", {"q": "safety"})
    assert page.wsgi_request.GET["q"] == "safety"
