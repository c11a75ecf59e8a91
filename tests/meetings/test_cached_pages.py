"""A meeting page served from the cache: never what another reader may not see, never an old agenda."""

import pytest
from django.test import Client

from meetings.models import AgendaItem
from meetings.services import agenda_item_add, agenda_publish
from partnerships import fragments

SECRET = "Site options (confidential)"


@pytest.fixture
def published(cast, meeting, papers):
    cast.partnership.is_public = True
    cast.partnership.save()
    agenda_publish(meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def _page(cast, role, meeting) -> str:
    client = Client()
    cast.client_for(client, role)
    return client.get(f"/meetings/{meeting.pk}/").content.decode()


@pytest.mark.parametrize("first", ["member", "anonymous"])
def test_each_reader_gets_their_own_cached_page(cast, published, first):
    """Whoever fills the cache first, the public never gets the member's confidential paper, nor the reverse."""
    second = "anonymous" if first == "member" else "member"
    for _ in range(2):  # the second round is served from the cache
        pages = {role: _page(cast, role, published) for role in (first, second)}
        assert SECRET in pages["member"]
        assert SECRET not in pages["anonymous"]


def test_a_new_item_shows_on_a_page_already_cached(cast, meeting, papers):
    assert "Travel plan" not in _page(cast, "member", meeting)
    agenda_item_add(item=AgendaItem(meeting=meeting, title="Travel plan"))
    assert "Travel plan" in _page(cast, "member", meeting)


def test_a_bulk_change_to_the_meeting_itself_shows_at_once_when_it_says_so(cast, published):
    """A status set by a bulk update sends no signal: the code that makes one says so through `changed`."""
    assert "Cancelled" not in _page(cast, "member", published)
    type(published).objects.filter(pk=published.pk).update(status="cancelled", cancelled_reason="Not quorate")
    fragments.changed(type(published))
    assert "Not quorate" in _page(cast, "member", published)


def test_the_public_page_answers_not_modified_until_it_changes(client, cast, published):
    client.get(f"/meetings/{published.pk}/")  # the first visit is given its CSRF cookie, which the tag covers
    first = client.get(f"/meetings/{published.pk}/")
    tag = first["ETag"]
    again = client.get(f"/meetings/{published.pk}/", HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304
    published.venue = "Guildhall"
    published.save()
    changed = client.get(f"/meetings/{published.pk}/", HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_the_public_feed_answers_not_modified_until_a_meeting_changes(client, published):
    url = f"/partnerships/{published.partnership.slug}/meetings.ics"
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    published.venue = "Guildhall"
    published.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
