"""Packs are ready before anyone asks: built on publishing, rebuilt a quiet moment after each change."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingPack
from meetings.services import agenda_publish, pack_build, paper_replace
from meetings.services import packs as pack_services
from meetings.tasks import build_meeting_pack
from partnerships.jobs import jobs_dispatch_pending

from .factories import add_paper, pdf_upload

MEMBERS, PUBLIC = MeetingPack.Variant.MEMBERS, MeetingPack.Variant.PUBLIC


@pytest.fixture
def published(meeting, papers, django_capture_on_commit_callbacks):
    """A meeting whose agenda is published, with both packs built by the publishing itself."""
    with django_capture_on_commit_callbacks(execute=True):
        agenda_publish(meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def _queued(meeting):
    return list(meeting.packs.filter(status=MeetingPack.Status.QUEUED).order_by("variant"))


def test_publishing_the_agenda_builds_both_packs(published):
    built = published.packs.filter(status=MeetingPack.Status.DONE)
    assert sorted(built.values_list("variant", flat=True)) == [MEMBERS, PUBLIC]
    assert all(pack.file and pack.paper_versions for pack in built)


def test_several_paper_changes_queue_one_rebuild_per_pack_after_a_quiet_period(
    published, papers, settings, django_capture_on_commit_callbacks
):
    settings.PACK_REBUILD_QUIET_SECONDS = 120
    public, secret = papers
    item = public.item
    with django_capture_on_commit_callbacks(execute=True):
        add_paper(item, "Late addendum")
    first = _queued(published)
    assert [pack.variant for pack in first] == [MEMBERS, PUBLIC]
    assert all(pack.not_before > timezone.now() + dt.timedelta(seconds=100) for pack in first)
    for upload in ("v2.pdf", "v3.pdf"):
        with django_capture_on_commit_callbacks(execute=True):
            paper_replace(paper=secret, upload=pdf_upload(upload, pages=2))
    again = _queued(published)
    assert [pack.pk for pack in again] == [pack.pk for pack in first]
    # Each change pushes the build back, and nothing is sent to a worker before it is due.
    assert all(later.not_before > earlier.not_before for later, earlier in zip(again, first, strict=True))
    assert all(pack.dispatched_at is None for pack in again)
    assert jobs_dispatch_pending() == 0


def test_a_due_rebuild_is_built_by_the_next_reader_and_an_early_message_is_ignored(
    published, papers, settings, client, cast, django_capture_on_commit_callbacks
):
    public, _secret = papers
    settings.PACK_REBUILD_QUIET_SECONDS = 60
    with django_capture_on_commit_callbacks(execute=True):
        paper_replace(paper=public, upload=pdf_upload("v2.pdf", pages=3))
    waiting = _queued(published)[0]
    # A message that arrives before the quiet period ends leaves the job waiting.
    assert build_meeting_pack.apply(args=[waiting.pk]).get() == "queued"
    MeetingPack.objects.filter(status=MeetingPack.Status.QUEUED).update(not_before=timezone.now())
    cast.client_for(client, "member")
    response = client.get(reverse("meetings:pack_download", args=[published.pk, MEMBERS]))
    assert response["Content-Type"] == "application/pdf"
    assert not published.packs.filter(MeetingPack.active_q()).exists()
    newest = published.packs.filter(variant=MEMBERS).order_by("-finished_at").first()
    assert [public.pk, public.versions.first().pk] in newest.paper_versions


def test_the_link_gives_the_last_pack_while_the_rebuild_waits_and_the_page_says_so(
    published, papers, client, cast, django_capture_on_commit_callbacks
):
    public, _secret = papers
    built = published.packs.get(variant=MEMBERS, status=MeetingPack.Status.DONE)
    with django_capture_on_commit_callbacks(execute=True):
        add_paper(public.item, "Late addendum")
    cast.client_for(client, "member")
    response = client.get(reverse("meetings:pack_download", args=[published.pk, MEMBERS]))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == built.file.open("rb").read()
    page = client.get(published.get_absolute_url()).content.decode()
    assert 'data-pack-updating="members"' in page
    assert "Prepare the pack" not in page


def test_a_public_pack_whose_paper_was_replaced_is_not_served_stale(
    published, papers, client, cast, django_capture_on_commit_callbacks
):
    """The public may not read earlier versions, so the old public pack is not handed out meanwhile."""
    public, _secret = papers
    with django_capture_on_commit_callbacks(execute=True):
        paper_replace(paper=public, upload=pdf_upload("v2.pdf", pages=3))
    cast.client_for(client, "member")
    response = client.get(reverse("meetings:pack_download", args=[published.pk, PUBLIC]))
    assert response["Content-Type"].startswith("text/html")
    assert "hx-get" in response.content.decode() and "Prepare the pack" not in response.content.decode()


def test_with_no_pack_yet_the_link_shows_progress_that_polls(meeting, papers, client, cast):
    cast.client_for(client, "member")
    response = client.get(reverse("meetings:pack_download", args=[meeting.pk, MEMBERS]))
    page = response.content.decode()
    assert response.status_code == 200
    pack = meeting.packs.get(variant=MEMBERS)
    assert f'hx-get="{reverse("meetings:pack_status", args=[pack.pk])}"' in page
    assert 'hx-trigger="every 1s"' in page
    assert "<script" not in page.split("<main", 1)[1]


def test_a_build_that_finds_the_meeting_changed_under_it_queues_another(published, papers, settings, monkeypatch):
    settings.PACK_REBUILD_QUIET_SECONDS = 60
    public, _secret = papers
    pack = MeetingPack.objects.create(meeting=published, variant=MEMBERS, content_hash="")
    original = pack_services.pack_contents

    def contents_then_change(meeting, variant):
        contents = original(meeting, variant)
        if not public.versions.filter(number=2).exists():
            paper_replace(paper=public, upload=pdf_upload("v2.pdf", pages=5))
        return contents

    monkeypatch.setattr(pack_services, "pack_contents", contents_then_change)
    pack_build(pack_pk=pack.pk)
    assert published.packs.filter(variant=MEMBERS, status=MeetingPack.Status.QUEUED).count() == 1


def test_serving_a_built_pack_takes_a_fixed_number_of_queries(
    published, client, cast, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """Guards against the download growing with the agenda: the content hash is a few fixed queries."""
    cast.client_for(client, "member")
    url = reverse("meetings:pack_download", args=[published.pk, MEMBERS])
    client.get(url)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
