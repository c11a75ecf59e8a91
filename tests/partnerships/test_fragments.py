"""Cached fragments and access: keyed on who looks and on what they read, so an edit or a lost role shows at once."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from partnerships import fragments
from partnerships.access import get_access
from partnerships.models import PartnershipOfficer
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory


def _get(cast, role, url):
    client = Client()
    cast.client_for(client, role)
    return client.get(url)


def test_a_new_member_shows_on_the_cached_partnership_page(cast):
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    assert "Grace Newcomer" not in _get(cast, "officer", url).content.decode()
    MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Grace", last_name="Newcomer"))
    assert "Grace Newcomer" in _get(cast, "officer", url).content.decode()


def test_a_lost_role_is_lost_at_once_though_access_is_cached(cast):
    url = reverse("partnerships:membership_list", args=[cast.partnership.slug])
    assert _get(cast, "officer", url).status_code == 200
    PartnershipOfficer.objects.filter(user=cast.users["officer"]).delete()
    assert _get(cast, "officer", url).status_code == 404


@pytest.mark.parametrize("url_name", ["partnerships:partnership_list", "home"])
def test_readers_with_different_reach_never_share_a_cached_list(cast, url_name):
    url = reverse(url_name)
    for _ in range(2):
        outsider = _get(cast, "outsider", url).content.decode()
        officer = _get(cast, "officer", url).content.decode()
        assert "Riverside Strategic Partnership" in officer
        assert "Riverside Strategic Partnership" not in outsider


def test_access_keys_differ_whenever_reach_does(cast):
    keys = {fragments.access_key(get_access(user)) for user in cast.users.values()}
    assert len(keys) == len(cast.users)


def test_a_fragment_with_a_form_token_is_never_kept():
    fragments.cached_html("test:form", lambda: '<input name="csrfmiddlewaretoken" value="x">')
    assert cache.get("test:form") is None
    fragments.cached_html("test:plain", lambda: "<p>Plain</p>")
    assert cache.get("test:plain") == "<p>Plain</p>"


def test_a_save_moves_only_its_own_tables_generation_and_its_apps(cast):
    labels = ["partnerships.person", "partnerships.organisation", "partnerships", "themes"]
    before = fragments.generations(labels)
    OrganisationFactory()
    after = fragments.generations(labels)
    assert after["partnerships.organisation"] != before["partnerships.organisation"]
    assert after["partnerships"] != before["partnerships"]
    assert after["partnerships.person"] == before["partnerships.person"]
    assert after["themes"] == before["themes"]
    assert fragments.labels_of(["themes", "partnerships.person"]) == ["partnerships.person", "themes"]


def test_the_cached_partnership_page_reads_nothing_from_the_database(cast, django_assert_num_queries):
    """Served from the cache: the session, login and partnership are kept too, however many seats it has."""
    client = Client()
    client.force_login(cast.users["officer"])
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    client.get(url)
    with django_assert_num_queries(0):
        client.get(url)
    for _ in range(5):
        MembershipFactory(partnership=cast.partnership)
    client.get(url)
    with django_assert_num_queries(0):
        client.get(url)


def test_the_kept_date_form_shows_what_each_reader_typed_and_its_own_error(cast):
    url = reverse("partnerships:membership_list", args=[cast.partnership.slug])
    client = cast.client_for(Client(), "officer")
    first = client.get(url, {"as_at_day": "31", "as_at_month": "2", "as_at_year": "2020"}).content.decode()
    second = client.get(url, {"as_at_day": "zz", "as_at_month": "2", "as_at_year": "2020"}).content.decode()
    again = client.get(url, {"as_at_day": "31", "as_at_month": "2", "as_at_year": "2020"}).content.decode()
    assert 'value="31"' in first and 'value="zz"' not in first
    assert 'value="zz"' in second and 'value="31"' not in second
    assert again.count("govuk-error-message") == first.count("govuk-error-message") >= 1
    assert 'value="31"' in again


def test_a_kept_record_is_a_copy_kept_a_minute_at_most(cast, monkeypatch):
    from partnerships.models import Partnership

    kept = []
    keep = fragments.cache.set
    monkeypatch.setattr(
        fragments.cache,
        "set",
        lambda key, value, timeout, **kw: kept.append(timeout) or keep(key, value, timeout, **kw),
    )
    found = Partnership.objects.with_parent_named()
    first = fragments.cached_record("test-partnership", found, depends=["partnerships.partnership"], slug="riverside")
    first.name = "Changed in one page only"
    second = fragments.cached_record("test-partnership", found, depends=["partnerships.partnership"], slug="riverside")
    assert second.name == "Riverside Strategic Partnership" and kept == [fragments.RECORD_SECONDS]
    assert fragments.cached_record("test-partnership", found, depends=["partnerships.partnership"], slug="none") is None
