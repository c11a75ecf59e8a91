"""Popolo JSON and CSV downloads: valid against the Popolo schemas, scoped like the public pages."""

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from reporting.opendata.popolo import TABLES

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "popolo_schemas"
COLLECTIONS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "motions": "motion",
    "vote_events": "vote_event",
    "votes": "vote",
    "counts": "count",
}


def _validators() -> dict[str, Draft3Validator]:
    schemas = {path.stem: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"].rstrip("#"), Resource(schema, specification=DRAFT3)) for schema in schemas.values()
    )
    return {name: Draft3Validator(schema, registry=registry) for name, schema in schemas.items()}


def _popolo(client, url="/open-data/popolo.json"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_every_collection_validates_against_the_popolo_schemas(client, record):
    validators = _validators()
    export = _popolo(client)
    for collection, schema in COLLECTIONS.items():
        assert export[collection], f"the demonstration record has no {collection}"
        for entry in export[collection]:
            errors = [error.message for error in validators[schema].iter_errors(entry)]
            assert not errors, (collection, entry, errors)


def test_the_schemas_catch_a_broken_record():
    validators = _validators()
    assert list(validators["membership"].iter_errors({"start_date": "10 January 2023"}))
    assert list(validators["count"].iter_errors({"option": "yes"}))
    assert list(validators["vote_event"].iter_errors({"counts": [{"option": "yes", "value": "two"}]}))


def test_an_alternates_vote_names_the_member_it_was_cast_for(client, record):
    export = _popolo(client)
    [alternate_vote] = [vote for vote in export["votes"] if vote["on_behalf_of_id"]]
    assert alternate_vote["voter_id"] == f"person/{record.alternate.person_id}"
    assert alternate_vote["on_behalf_of_id"] == f"person/{record.lead.person_id}"
    assert alternate_vote["role"] == "alternate"
    seats = {m["id"]: m for m in export["memberships"]}
    assert seats[f"membership/{record.alternate.pk}"]["voting_right"] is False
    assert seats[f"membership/{record.alternate.pk}"]["alternate_for_id"] == f"membership/{record.lead.pk}"
    assert seats[f"membership/{record.lead.pk}"]["voting_right"] is True
    counts = {c["option"]: c["value"] for c in export["counts"]}
    assert counts == {"yes": 2, "no": 1, "abstain": 0}


def test_the_public_export_holds_nothing_private(client, cast, record, private_record):
    export = _popolo(client)
    text = json.dumps(export)
    assert "riverside" not in text.lower()
    assert "lena@x.org" not in text
    motions = {m["id"] for m in export["motions"]}
    assert motions == {f"decision/{record.decision.pk}"}
    assert client.get(f"/open-data/partnerships/{cast.partnership.slug}/popolo.json").status_code == 404


def test_an_officer_downloads_what_the_officer_reads(client, cast, private_record):
    client.force_login(cast.users["officer"])
    export = _popolo(client, f"/open-data/partnerships/{cast.partnership.slug}/popolo.json")
    assert f"decision/{private_record.draft_decision.pk}" in {m["id"] for m in export["motions"]}
    assert {o["id"] for o in export["organizations"]} >= {"partnership/riverside"}


def test_each_table_comes_as_csv_with_its_header(client, record):
    for table in TABLES:
        response = client.get(f"/open-data/partnerships/northgate/{table}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert rows, table
    votes = list(csv.DictReader(io.StringIO(client.get("/open-data/votes.csv").content.decode())))
    assert {v["on_behalf_of_id"] for v in votes} == {"", f"person/{record.lead.person_id}"}
    assert client.get("/open-data/speeches.csv").status_code == 404


def test_a_spreadsheet_formula_in_a_name_stays_text(client, record):
    person = record.lead.person
    person.last_name = "=HYPERLINK(1)"
    person.save()
    text = client.get("/open-data/persons.csv").content.decode()
    assert "'=HYPERLINK(1)" in text


def test_an_unchanged_download_answers_304(client, record):
    first = client.get("/open-data/popolo.json")
    again = client.get("/open-data/popolo.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_open_data_page_lists_downloads_feeds_the_licence_and_the_extension(client, cast, record):
    page = client.get("/open-data/").content.decode()
    assert "/open-data/partnerships/northgate/popolo.json" in page
    assert "/open-data/partnerships/northgate/votes.csv" in page
    assert "/partnerships/northgate/meetings.ics" in page
    assert "Open Government Licence" in page
    assert "on_behalf_of_id" in page and "voting_right" in page
    assert "riverside" not in page.lower()


def test_exports_take_the_same_queries_however_large_the_register(client, django_assert_num_queries, record):
    from tests.factories import PartnershipFactory
    from tests.reporting.api.conftest import build_record

    with django_assert_num_queries(5):
        client.get("/open-data/popolo.json")
    build_record(PartnershipFactory(slug="southgate", is_public=True), prefix="South")
    with django_assert_num_queries(5):
        client.get("/open-data/popolo.json")
