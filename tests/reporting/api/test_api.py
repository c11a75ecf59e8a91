"""The API shows anonymous callers what the public pages show, and a token what its officer sees."""

import pytest
from django.utils import timezone

from reporting.api.models import ApiToken, hash_key
from tests.reporting.factories import ReportFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _get(client, url, token=None, **headers):
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    response = client.get(url, **headers)
    return response


def _results(client, url, token=None):
    response = _get(client, url, token)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_anonymous_callers_see_public_partnerships_only(client, record, private_record):
    slugs = {p["slug"] for p in _results(client, "/api/partnerships/")}
    assert slugs == {"northgate"}
    assert _get(client, "/api/partnerships/riverside/").status_code == 404
    meetings = _results(client, "/api/meetings/")
    assert {m["partnership"]["slug"] for m in meetings} == {"northgate"}
    assert _get(client, f"/api/meetings/{private_record.held.pk}/").status_code == 404


def test_a_public_sub_group_does_not_reveal_its_private_parent(client, cast):
    cast.sub_group.is_public = True
    cast.sub_group.save()
    [group] = _results(client, "/api/partnerships/")
    assert group["slug"] == cast.sub_group.slug
    assert group["parent"] is None
    assert "Riverside Strategic" not in str(_get(client, f"/api/partnerships/{cast.sub_group.slug}/").content)


def test_people_show_public_fields_and_no_contact_details(client, record, private_record):
    people = _results(client, "/api/people/?page_size=200")
    names = {p["last_name"] for p in people}
    assert {"Northlead", "Northalternate", "Northother"} <= names
    assert not names & {"Riverlead", "Member", "Observer"}
    assert "lena@x.org" not in str(_get(client, "/api/people/").content)
    assert not {"email", "phone", "user"} & set(people[0])


def test_seats_carry_role_voting_right_alternate_and_dates(client, record):
    seats = _results(client, "/api/memberships/?partnership=northgate&role=alternate")
    [alternate] = seats
    assert alternate["has_vote"] is False
    assert alternate["alternate_for"]["membership_id"] == record.lead.pk
    assert alternate["start_date"] == "2022-01-01"


def test_membership_as_at_a_date(client, record):
    record.lead.end_date = "2022-12-31"
    record.lead.save()
    before = {s["id"] for s in _results(client, "/api/memberships/?partnership=northgate&as_at=2022-06-01")}
    after = {s["id"] for s in _results(client, "/api/memberships/?partnership=northgate&as_at=2023-06-01")}
    assert record.lead.pk in before
    assert record.lead.pk not in after
    assert _results(client, "/api/memberships/?partnership=northgate&as_at=2021-06-01") == []


def test_a_filter_it_cannot_read_gets_400_with_the_reason(client, record):
    response = _get(client, "/api/memberships/?as_at=next-tuesday")
    assert response.status_code == 400
    assert "as_at" in response.json()
    assert _get(client, "/api/meetings/?status=postponed").status_code == 400
    # A NUL is dropped from every address before the API reads it, so it filters as the slug without it.
    assert _results(client, "/api/meetings/?partnership=north%00gate") == _results(
        client, "/api/meetings/?partnership=northgate"
    )


def test_the_public_reads_public_papers_and_the_record_once_minutes_are_approved(client, record):
    meeting = _get(client, f"/api/meetings/{record.held.pk}/").json()
    [item] = [i for i in meeting["items"] if i["title"] == "Climate plan"]
    assert [p["title"] for p in item["papers"]] == ["Climate plan report"]
    assert "Costings" not in str(meeting)
    [decision] = item["decisions"]
    assert decision["votes_for"] == 2
    alternate_vote = next(v for v in decision["votes"] if v["on_behalf_of"])
    assert alternate_vote["on_behalf_of"]["id"] == record.lead.person_id
    assert {a["status"] for a in meeting["attendance"]} == {"represented", "present"}
    draft = _get(client, f"/api/meetings/{record.draft.pk}/").json()
    assert draft["attendance"] == []
    assert all(i["decisions"] == [] for i in draft["items"])
    decisions = {d["id"] for d in _results(client, "/api/decisions/")}
    assert decisions == {record.decision.pk}
    assert _get(client, f"/api/decisions/{record.draft_decision.pk}/").status_code == 404


def test_an_unpublished_agenda_shows_no_items(client, record):
    record.held.agenda_published_at = None
    record.held.minutes_status = "none"
    record.held.save()
    assert _get(client, f"/api/meetings/{record.held.pk}/").json()["items"] == []


def test_an_officer_token_sees_what_the_officer_sees(client, cast, record, private_record, officer_token):
    slugs = {p["slug"] for p in _results(client, "/api/partnerships/", officer_token)}
    assert {"northgate", "riverside", "riverside-zero-carbon"} <= slugs
    assert "hillside" not in slugs
    meeting = _get(client, f"/api/meetings/{private_record.held.pk}/", officer_token).json()
    papers = {p["title"] for i in meeting["items"] for p in i["papers"]}
    assert papers == {"Climate plan report", "Costings"}
    decisions = {d["id"] for d in _results(client, "/api/decisions/?partnership=riverside", officer_token)}
    assert decisions == {private_record.decision.pk, private_record.draft_decision.pk}
    # The public partnership's draft record stays hidden: this officer does not read Northgate in full.
    assert record.draft_decision.pk not in {d["id"] for d in _results(client, "/api/decisions/", officer_token)}


def test_themes_and_published_reports_follow_the_partnership_rules(client, cast, officer_token):
    theme = ThemeFactory(partnership=cast.partnership)
    published = ReportFactory(partnership=cast.partnership, published_at=timezone.now())
    ReportFactory(partnership=cast.partnership)
    assert _results(client, "/api/themes/") == []
    assert [t["id"] for t in _results(client, "/api/themes/", officer_token)] == [theme.pk]
    assert _results(client, "/api/reports/") == []
    assert [r["id"] for r in _results(client, "/api/reports/", officer_token)] == [published.pk]


def test_a_wrong_or_revoked_token_is_refused(client, cast, officer_token):
    assert _get(client, "/api/partnerships/", "rt_not-a-token").status_code == 401
    token = ApiToken.objects.get(key_hash=hash_key(officer_token))
    token.revoked_at = timezone.now()
    token.save()
    response = _get(client, "/api/partnerships/", officer_token)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def test_only_the_hash_of_a_key_is_kept(cast, officer_token):
    token = ApiToken.objects.get(user=cast.users["officer"])
    assert officer_token not in {token.key_hash, token.hint, token.name}
    assert token.key_hash == hash_key(officer_token)
    assert token.last_used_at is None


def test_a_token_records_its_use(client, cast, officer_token):
    _get(client, "/api/partnerships/", officer_token)
    assert ApiToken.objects.get(user=cast.users["officer"]).last_used_at is not None


def test_an_unchanged_list_answers_304(client, record):
    first = _get(client, "/api/meetings/")
    etag = first["ETag"]
    again = _get(client, "/api/meetings/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    record.held.title = "Renamed"
    record.held.save()
    assert _get(client, "/api/meetings/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert "Authorization" in first["Vary"]


def test_lists_are_paginated(client, record):
    page = _get(client, "/api/meetings/?page_size=2").json()
    assert page["count"] == 3
    assert len(page["results"]) == 2
    assert "page=2" in page["next"]
    assert _get(client, "/api/meetings/?page=9").status_code == 404


def test_a_huge_or_malformed_id_is_404_not_an_error(client, record):
    assert _get(client, "/api/meetings/99999999999999999999999/").status_code == 404
    assert _get(client, "/api/meetings/%C2%B9/").status_code == 404
    assert _get(client, "/api/partnerships/no%20such/").status_code == 404
