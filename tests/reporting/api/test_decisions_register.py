"""The decisions register: public once minutes are approved, filterable, with each named vote shown."""

import pytest

from tests.meetings.factories import AgendaItemFactory
from tests.themes.factories import ThemeReportFactory
from themes.models import ThemeReportItem

from .conftest import _decision

pytestmark = pytest.mark.django_db

URL = "/open-data/partnerships/northgate/decisions/"


def test_the_register_shows_named_votes_and_whose_seat_an_alternate_voted_for(client, record):
    page = client.get(URL).content.decode()
    assert "To adopt the plan." in page
    assert f"{record.alternate.person.display_name}, alternate for {record.lead.person.display_name}" in page
    assert "2 for, 1 against, 0 abstaining" in page
    assert "To note the draft budget." not in page


def test_members_see_the_draft_record_too(client, cast, private_record):
    client.force_login(cast.users["member"])
    page = client.get("/open-data/partnerships/riverside/decisions/").content.decode()
    assert "To note the draft budget." in page


def test_filter_by_date_theme_and_outcome(client, record):
    report = ThemeReportFactory(theme__partnership=record.partnership, theme__title="Net zero")
    item = AgendaItemFactory(meeting=record.held)
    ThemeReportItem.objects.create(item=item, report=report)
    _decision(item, resolution="To back the net zero report.")
    page = client.get(URL, {"theme": report.theme_id}).content.decode()
    assert "To back the net zero report." in page and "To adopt the plan." not in page
    page = client.get(URL, {"outcome": "carried"}).content.decode()
    assert "To adopt the plan." in page and "net zero" not in page
    later = {"date_from_day": "1", "date_from_month": "2", "date_from_year": "2023"}
    assert "No decisions match." in client.get(URL, later).content.decode()
    api = client.get(f"/api/decisions/?theme={report.theme_id}").json()["results"]
    assert [d["resolution"] for d in api] == ["To back the net zero report."]


def test_a_wrong_date_range_is_explained_beside_the_field(client, record):
    wrong = {
        "date_from_day": "1",
        "date_from_month": "6",
        "date_from_year": "2023",
        "date_to_day": "1",
        "date_to_month": "1",
        "date_to_year": "2023",
    }
    response = client.get(URL, wrong)
    assert response.status_code == 200
    assert "The end date must be on or after the start date." in response.content.decode()


def test_the_register_costs_the_same_queries_however_many_decisions(client, record, django_assert_num_queries):
    client.get(URL)  # the partnership's row is kept from the first visit on
    with django_assert_num_queries(4):
        client.get(URL)
    for n in range(3):
        _decision(AgendaItemFactory(meeting=record.held), resolution=f"Resolution {n}")
    with django_assert_num_queries(4):
        client.get(URL)
