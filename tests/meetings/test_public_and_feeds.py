"""The public view and the calendar feeds: nothing confidential reaches anyone without the right."""

import datetime as dt
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from meetings.models import CalendarFeed, MeetingPack
from meetings.services import agenda_publish, pack_build, pack_request
from tests.conftest import ROLES

from .factories import MeetingFactory

READERS = {"member", "observer", "clerk", "officer", "admin"}


@pytest.fixture
def published(cast, meeting, papers):
    cast.partnership.is_public = True
    cast.partnership.save()
    agenda_publish(meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def _pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_public_sees_the_published_agenda_and_public_papers_only(client, published, papers):
    public, secret = papers
    body = client.get(f"/meetings/{published.pk}/").content.decode()
    assert "Local Plan 2040" in body
    assert "Local Plan consultation" in body
    assert "Site options" not in body
    assert "Members&#x27; pack" not in body and "Members' pack" not in body
    assert client.get(f"/papers/{secret.pk}/").status_code == 404
    assert client.get(f"/papers/{public.pk}/").status_code == 200


def test_the_public_does_not_see_an_unpublished_agenda(client, cast, meeting, papers):
    cast.partnership.is_public = True
    cast.partnership.save()
    body = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "The agenda has not been published yet" in body
    assert "Local Plan 2040" not in body
    assert client.get(f"/papers/{papers[0].pk}/").status_code == 404
    assert client.get(f"/meetings/{meeting.pk}/pack/public/").status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_packs_give_confidential_papers_only_to_those_with_the_right(client, cast, published, role):
    for variant in MeetingPack.Variant.values:
        pack_build(pack_pk=pack_request(meeting=published, variant=variant).pk)
    cast.client_for(client, role)
    public_pack = client.get(f"/meetings/{published.pk}/pack/public/")
    assert public_pack.status_code == 200
    text = _pdf_text(public_pack)
    assert "Local Plan consultation" in text and "Site options" not in text
    members = client.get(f"/meetings/{published.pk}/pack/members/")
    if role in READERS:
        assert members.status_code == 200
        assert "Site options (confidential)" in _pdf_text(members)
    else:
        assert members.status_code in (302, 403, 404)
        assert members["Content-Type"] != "application/pdf"


def test_a_missing_pack_starts_building_by_itself_and_the_page_polls(client, cast, published):
    cast.client_for(client, "member")
    MeetingPack.objects.all().delete()
    page = client.get(f"/meetings/{published.pk}/pack/members/").content.decode()
    pack = MeetingPack.objects.get()
    assert "Prepare the pack" not in page and f'hx-get="/packs/{pack.pk}/"' in page
    status = client.get(f"/packs/{pack.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in status
    pack_build(pack_pk=pack.pk)
    fragment = client.get(f"/packs/{pack.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "is ready" in fragment and "hx-trigger" not in fragment and "<html" not in fragment


def test_a_failed_build_names_the_paper_on_the_status_page(officer_client, published, papers):
    public, _secret = papers
    with public.current.file.open("wb") as handle:
        handle.write(b"%PDF-1.7\nbroken\n%%EOF")
    MeetingPack.objects.all().delete()
    pack = pack_request(meeting=published, variant="public")
    pack_build(pack_pk=pack.pk)
    body = officer_client.get(f"/packs/{pack.pk}/").content.decode()
    assert "The pack could not be built" in body
    assert "Local Plan consultation" in body
    assert f"/papers/{public.pk}/replace/" in body


def test_the_partnership_feed_has_public_meetings_and_no_confidential_papers(client, published):
    published.date = dt.date.today() - dt.timedelta(days=10)
    published.save()
    response = client.get(f"/partnerships/{published.partnership.slug}/meetings.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert "Local Plan 2040" in str(events[0]["description"])
    assert "Site options" not in response.content.decode()
    assert events[0].decoded("dtstart").hour == 10


def test_a_private_partnership_has_no_public_feed(client, cast, meeting):
    assert client.get(f"/partnerships/{cast.partnership.slug}/meetings.ics").status_code == 404


def test_the_private_feed_follows_its_token_and_stops_when_reset(client, cast, meeting):
    meeting.date = dt.date.today() + dt.timedelta(days=10)
    meeting.save()
    cast.client_for(client, "member")
    client.post("/my-meetings/calendar-address/")
    token = CalendarFeed.objects.get(user=cast.users["member"]).token
    client.logout()
    feed = client.get(f"/calendar/{token}.ics")
    assert feed.status_code == 200
    assert "Riverside" in feed.content.decode()
    cast.client_for(client, "member")
    client.post("/my-meetings/calendar-address/")
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    client.post("/my-meetings/calendar-address/turn-off/")
    assert not CalendarFeed.objects.exists()


def test_my_meetings_shows_the_calendar_address_as_it_stands(client, cast):
    cast.client_for(client, "member")
    assert "Get a private calendar address" in client.get("/my-meetings/").content.decode()
    client.post("/my-meetings/calendar-address/")
    first = CalendarFeed.objects.get(user=cast.users["member"]).token
    assert f"/calendar/{first}.ics" in client.get("/my-meetings/").content.decode()
    client.post("/my-meetings/calendar-address/")
    body = client.get("/my-meetings/").content.decode()
    assert first not in body
    assert f"/calendar/{CalendarFeed.objects.get(user=cast.users['member']).token}.ics" in body
    client.post("/my-meetings/calendar-address/turn-off/")
    assert "Get a private calendar address" in client.get("/my-meetings/").content.decode()
    cast.client_for(client, "officer")  # another login never sees the member's address
    assert "/calendar/" not in client.get("/my-meetings/").content.decode()


def test_my_meetings_lists_upcoming_and_past_with_packs(client, cast, meeting):
    upcoming = MeetingFactory(partnership=cast.partnership, date=dt.date.today() + dt.timedelta(days=20))
    agenda_publish(meeting=upcoming)
    cast.client_for(client, "member")
    body = client.get("/my-meetings/").content.decode()
    assert f"/meetings/{upcoming.pk}/pack/members/" in body
    assert f"/meetings/{meeting.pk}/" in body
    cast.client_for(client, "unrelated_clerk")
    assert "Riverside" not in client.get("/my-meetings/").content.decode()
