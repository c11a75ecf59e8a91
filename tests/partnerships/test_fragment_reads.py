"""What a page asks of the shared cache: the epoch once a request, and kept values from this process's copy."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from django.urls import reverse

from partnerships import fragments
from tests.factories import PersonFactory


@pytest.fixture
def local_copy(monkeypatch):
    """This process's copy switched on, as it is in front of Redis."""
    local = LocMemCache("test-local-copy", {"TIMEOUT": fragments.LOCAL_SECONDS})
    monkeypatch.setattr(fragments, "_local_copy", lambda: local)
    yield local
    local.clear()


@pytest.fixture
def shared_reads(monkeypatch):
    """Every read of the shared cache, as (call, keys): one a round trip to Redis."""
    reads, inside_many = [], []
    get, get_many = cache.get, cache.get_many

    def one(key, *args, **kwargs):
        if not inside_many:  # local memory's get_many is many gets; Redis's is one MGET
            reads.append(("get", key))
        return get(key, *args, **kwargs)

    def many(keys, *args, **kwargs):
        reads.append(("get_many", tuple(keys)))
        inside_many.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside_many.pop()

    monkeypatch.setattr(cache, "get", one)
    monkeypatch.setattr(cache, "get_many", many)
    return reads


def _officer(cast):
    client = Client()
    client.force_login(cast.users["officer"])
    return client


@pytest.mark.parametrize(
    "url_name", ["partnerships:partnership_detail", "partnerships:membership_list", "meetings:my_meetings"]
)
def test_a_signed_in_page_reads_its_generations_once_and_again_only_after_a_change(cast, monkeypatch, url_name):
    reads = []
    read = fragments._read_generations
    monkeypatch.setattr(fragments, "_read_generations", lambda labels: reads.append(tuple(labels)) or read(labels))
    url = reverse(url_name, args=[] if url_name == "meetings:my_meetings" else [cast.partnership.slug])
    client = _officer(cast)
    client.get(url)  # signing in saved the login, which moves its generation on
    reads.clear()
    fragments.forget_local_copy()  # as a process that has read nothing yet
    assert client.get(url).status_code == 200
    assert reads == [fragments._every_label()]
    reads.clear()
    assert client.get(url).status_code == 200
    assert reads == []  # nothing has moved on: this process's reading still holds
    fragments.changed("partnerships.person")  # a save in another process, say
    assert client.get(url).status_code == 200
    assert reads == [fragments._every_label()]


def test_every_generation_is_read_again_when_the_epoch_is_lost(cast):
    first = fragments._read_every_generation()
    assert fragments._read_every_generation() == first
    cache.delete(fragments.EPOCH_KEY)
    cache.delete("rt:fragment:gen:partnerships.person")
    assert fragments._read_every_generation()["partnerships.person"] != first["partnerships.person"]


def test_a_reading_is_never_older_than_its_epoch(cast, monkeypatch):
    """A change that lands between reading the epoch and reading the generations is read again next time."""
    read = fragments._read_generations

    def read_then_change(labels):
        found = read(labels)
        fragments.changed("partnerships.person")
        return found

    before = fragments._read_every_generation()["partnerships.person"]
    monkeypatch.setattr(fragments, "_read_generations", read_then_change)
    fragments.changed("themes")
    assert fragments._read_every_generation()["partnerships.person"] == before
    monkeypatch.setattr(fragments, "_read_generations", read)
    assert fragments._read_every_generation()["partnerships.person"] != before


def test_a_change_made_during_a_request_is_read_in_it(cast):
    seen = []

    def page(request):
        seen.append(fragments.generations(["partnerships.person", "themes"]))
        PersonFactory()
        seen.append(fragments.generations(["partnerships.person", "themes"]))

    fragments.GenerationsMiddleware(page)(None)
    assert seen[0]["partnerships.person"] != seen[1]["partnerships.person"]
    assert seen[0]["themes"] == seen[1]["themes"]
    # Outside a request each call reads the cache afresh.
    before = fragments.generations(["partnerships.person"])
    PersonFactory()
    assert fragments.generations(["partnerships.person"]) != before


def test_every_watched_table_and_app_is_read_at_once():
    labels = fragments._every_label()
    assert {"partnerships", "auth", "partnerships.person", "meetings.meeting", "auth.user"} <= set(labels)
    assert not set(labels) & fragments.IGNORED_MODELS


def test_a_kept_page_asks_the_shared_cache_for_its_session_and_the_epoch_only(cast, local_copy, shared_reads):
    client = _officer(cast)
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    client.get(url)
    shared_reads.clear()
    assert "Riverside Strategic Partnership" in client.get(url).content.decode()
    assert [call for call, _ in shared_reads] == ["get", "get"]
    assert shared_reads[0][1].startswith("django.contrib.sessions")
    assert shared_reads[1][1] == fragments.EPOCH_KEY


def test_an_edit_shows_at_once_through_the_local_copy(cast, local_copy):
    client = _officer(cast)
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    assert "Grace Newcomer" not in client.get(url).content.decode()
    from tests.factories import MembershipFactory

    MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Grace", last_name="Newcomer"))
    assert "Grace Newcomer" in client.get(url).content.decode()


def test_the_local_copy_holds_each_value_briefly_and_gives_copies(cast, local_copy, shared_reads, monkeypatch):
    from partnerships.models import Partnership

    held = []
    keep = local_copy.set
    monkeypatch.setattr(
        local_copy, "set", lambda key, value, timeout: held.append(timeout) or keep(key, value, timeout)
    )
    found = Partnership.objects.with_parent_named()
    first = fragments.cached_record("test-partnership", found, depends=["partnerships.partnership"], slug="riverside")
    first.name = "Changed in one page only"
    shared_reads.clear()
    second = fragments.cached_record("test-partnership", found, depends=["partnerships.partnership"], slug="riverside")
    assert second.name == "Riverside Strategic Partnership"
    assert [call for call, _ in shared_reads] == ["get_many"]  # its generation; the record came from the copy
    fragments.cached_html("test:plain", lambda: "<p>Plain</p>")
    assert held == [min(fragments.RECORD_SECONDS, fragments.LOCAL_SECONDS), fragments.LOCAL_SECONDS]
    assert fragments.RECORD_SECONDS + fragments.LOCAL_SECONDS <= 60


def test_a_value_read_from_the_shared_cache_is_copied_locally(local_copy):
    cache.set("test:shared", "<p>Shared</p>")
    assert str(fragments.cached_html("test:shared", lambda: "<p>Made again</p>")) == "<p>Shared</p>"
    cache.delete("test:shared")
    assert str(fragments.cached_html("test:shared", lambda: "<p>Made again</p>")) == "<p>Shared</p>"
    fragments.forget_local_copy()  # the real copy, switched off on local memory: forgetting it is harmless
    local_copy.clear()
    assert str(fragments.cached_html("test:shared", lambda: "<p>Made again</p>")) == "<p>Made again</p>"


def test_a_local_copy_only_in_front_of_a_shared_cache():
    from django.core.cache import caches

    fragments._local_copy.cache_clear()
    assert (fragments._local_copy() is None) == isinstance(caches["default"], LocMemCache)
