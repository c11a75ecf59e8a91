"""The documentation page, the token page, the OpenAPI document, and the queries each list costs."""

import re

import pytest
from drf_spectacular.validation import validate_schema

from reporting.api.models import ApiToken
from reporting.api.pages import openapi_document
from tests.factories import PartnershipFactory

from .conftest import build_record

pytestmark = pytest.mark.django_db

LISTS = [
    "organisations",
    "people",
    "partnerships",
    "memberships",
    "meetings",
    "decisions",
    "attendance",
    "actions",
    "themes",
    "achievements",
    "indicators",
    "reports",
]


def test_the_openapi_document_is_valid_and_covers_every_list(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate_schema(document)
    for name in LISTS:
        assert f"/api/{name}/" in document["paths"]
    assert document["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"
    assert any(p["name"] == "as_at" for p in document["paths"]["/api/memberships/"]["get"]["parameters"])


def test_the_documentation_page_is_made_from_the_document(client):
    page = client.get("/api/").content.decode()
    for path in openapi_document()["paths"]:
        assert path in page
    assert "as_at" in page
    assert "If-None-Match" in page
    assert "<script" not in page.split("</header>")[-1].split("<footer")[0]


def test_an_officer_makes_a_token_sees_it_once_and_revokes_it(client, cast):
    client.force_login(cast.users["officer"])
    response = client.post("/api/tokens/", {"name": "Harvester"})
    assert response.status_code == 302
    page = client.get("/api/tokens/").content.decode()
    token = ApiToken.objects.get(user=cast.users["officer"])
    key = re.search(r"rt_[-\w]{30,}", page).group()
    assert key.startswith(token.hint)
    assert key not in client.get("/api/tokens/").content.decode()
    assert client.get("/api/partnerships/riverside/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 302
    client.logout()
    assert client.get("/api/partnerships/riverside/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_a_token_needs_a_name(client, cast):
    client.force_login(cast.users["officer"])
    response = client.post("/api/tokens/", {"name": "  "})
    assert response.status_code == 200
    assert "Enter what the token is for." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_officer_cannot_revoke_anothers_token(client, cast):
    from reporting.api.services import api_token_create

    token, _ = api_token_create(user=cast.users["outsider"], name="Theirs")
    client.force_login(cast.users["officer"])
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.is_active


# Anonymous: one query for the page count and one for the page, plus one per prefetched relation.
ANONYMOUS_QUERIES = {
    "organisations": 2,
    "people": 2,
    "partnerships": 4,
    "memberships": 2,
    "meetings": 2,
    "decisions": 3,
    "attendance": 2,
    "actions": 2,
    # A public partnership publishes these too; the records here have none, so the count is all it takes.
    "themes": 1,
    "achievements": 1,
    "indicators": 1,
    "reports": 1,
}


@pytest.mark.parametrize("name", LISTS)
def test_a_list_costs_the_same_queries_however_long_it_is(client, django_assert_num_queries, record, name):
    expected = ANONYMOUS_QUERIES[name]
    with django_assert_num_queries(expected):
        assert client.get(f"/api/{name}/").status_code == 200
    build_record(PartnershipFactory(slug="southgate", is_public=True), prefix="South")
    with django_assert_num_queries(expected):
        assert client.get(f"/api/{name}/").status_code == 200


def test_a_meeting_costs_the_same_queries_however_full_its_agenda(client, django_assert_num_queries, record):
    from tests.meetings.factories import AgendaItemFactory, add_paper

    with django_assert_num_queries(7):
        client.get(f"/api/meetings/{record.held.pk}/")
    add_paper(AgendaItemFactory(meeting=record.held), "Another paper")
    with django_assert_num_queries(7):
        client.get(f"/api/meetings/{record.held.pk}/")


def test_an_officer_token_adds_a_fixed_number_of_queries(
    client, cast, record, officer_token, django_assert_num_queries
):
    from tests.themes.factories import ThemeFactory

    ThemeFactory(partnership=cast.partnership)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {officer_token}"}
    client.get("/api/themes/", **headers)  # the first use is recorded on the token, and the access cached
    with django_assert_num_queries(3):
        client.get("/api/themes/", **headers)
    ThemeFactory(partnership=cast.partnership)
    ThemeFactory(partnership=cast.sub_group)
    with django_assert_num_queries(3):
        client.get("/api/themes/", **headers)
