"""Meeting packs: finding the current one, asking for one and building it."""

import logging
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from partnerships.jobs import job_debounce, job_dispatch, job_dispatch_on_commit, job_submit

from ..models import (
    Meeting,
    MeetingPack,
)
from ..pack import PackError, build_pack, pack_contents

logger = logging.getLogger(__name__)


def pack_current(*, meeting: Meeting, variant: str, content_hash: str | None = None) -> MeetingPack | None:
    """The stored pack for the meeting's content as it is now, if one has been built."""

    content_hash = content_hash or pack_contents(meeting, variant).content_hash
    return (
        MeetingPack.objects.filter(
            meeting=meeting, variant=variant, content_hash=content_hash, status=MeetingPack.Status.DONE
        )
        .exclude(file="")
        .order_by("-finished_at")
        .first()
    )


def pack_last_good(*, meeting: Meeting, variant: str, contents=None) -> MeetingPack | None:
    """The newest built pack that still shows this audience nothing it may no longer read.

    A members' pack stays good while all its papers are still on the agenda; a public pack only while
    each of its papers is still public at the version it carries (earlier versions are for members).
    """
    contents = contents or pack_contents(meeting, variant)
    if variant == MeetingPack.Variant.MEMBERS:
        allowed = {p.paper.pk for p in contents.papers}
    else:
        allowed = {(p.paper.pk, p.paper.current_id) for p in contents.papers}
    built = MeetingPack.objects.filter(meeting=meeting, variant=variant, status=MeetingPack.Status.DONE).exclude(
        file=""
    )
    for pack in built.order_by("-finished_at")[:5]:
        carried = [tuple(pair) for pair in pack.paper_versions]
        wanted = {pair[0] for pair in carried} if variant == MeetingPack.Variant.MEMBERS else set(carried)
        if wanted <= allowed:
            return pack
    return None


def pack_in_flight(*, meeting: Meeting, variant: str) -> MeetingPack | None:
    return MeetingPack.objects.filter(MeetingPack.active_q(), meeting=meeting, variant=variant).first()


def pack_schedule(*, meeting: Meeting) -> None:
    """After a change to a published meeting, rebuild both packs once the changes have stopped a while.

    Called on commit, so a build that is running when the change lands already sees it when it checks
    its content again at the end (pack_build), and one that starts later lays out the change.
    """
    if meeting.agenda_published_at is None or meeting.is_cancelled:
        return
    quiet = timedelta(seconds=getattr(settings, "PACK_REBUILD_QUIET_SECONDS", 30))
    for variant in MeetingPack.Variant.values:
        job_debounce(
            MeetingPack,
            find=Q(meeting=meeting, variant=variant),
            delay=quiet,
            meeting=meeting,
            variant=variant,
            content_hash="",
        )


def pack_schedule_on_commit(*, meeting_id: int) -> None:
    """Schedule the rebuild once the change that calls for it is committed."""

    def schedule():
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is not None:
            with transaction.atomic():
                pack_schedule(meeting=meeting)

    transaction.on_commit(schedule)


def pack_dispatch_due(*, meeting: Meeting) -> None:
    """Send the meeting's due rebuilds that no scheduler has sent yet (embedded mode has none)."""
    due = meeting.packs.filter(
        Q(not_before__isnull=True) | Q(not_before__lte=timezone.now()),
        status=MeetingPack.Status.QUEUED,
        dispatched_at__isnull=True,
    )
    for pk in due.values_list("pk", flat=True):
        job_dispatch(MeetingPack, pk)


def pack_hurry(*, meeting: Meeting, variant: str, user=None) -> MeetingPack:
    """No one has a pack of this meeting to read yet: build it now, without the quiet period."""
    pack = pack_request(meeting=meeting, variant=variant, user=user)
    if pack.status == MeetingPack.Status.QUEUED and pack.not_before is not None:
        MeetingPack.objects.filter(pk=pack.pk, status=MeetingPack.Status.QUEUED).update(
            not_before=None, dispatched_at=None
        )
        job_dispatch_on_commit(pack)
    return pack


def pack_for_reader(*, meeting: Meeting, variant: str, user=None) -> MeetingPack | None:
    """The pack to hand a reader now: the current one, else the last good one while its rebuild waits or runs.

    With neither, the build starts at once (at most one is ever in flight) and None says to wait for it.
    """
    pack_dispatch_due(meeting=meeting)
    contents = pack_contents(meeting, variant)
    pack = pack_current(meeting=meeting, variant=variant, content_hash=contents.content_hash)
    if pack is not None:
        return pack
    last = pack_last_good(meeting=meeting, variant=variant, contents=contents)
    if last is not None:
        if pack_in_flight(meeting=meeting, variant=variant) is None:
            pack_request(meeting=meeting, variant=variant, user=user)
        return last
    pack_hurry(meeting=meeting, variant=variant, user=user)
    # Without a broker the build has just run in this request.
    return pack_current(meeting=meeting, variant=variant)


def pack_request(*, meeting: Meeting, variant: str, user=None) -> MeetingPack:
    """The pack for the meeting as it is now: the stored one if nothing changed, else a queued build.

    One build of a pack is in flight at a time (a partial unique constraint): a second request finds it,
    and that build lays out the meeting as it is when it starts.
    """

    content_hash = pack_contents(meeting, variant).content_hash
    existing = pack_current(meeting=meeting, variant=variant, content_hash=content_hash)
    if existing:
        return existing
    pack, _created = job_submit(
        MeetingPack,
        find=Q(meeting=meeting, variant=variant),
        meeting=meeting,
        variant=variant,
        content_hash=content_hash,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return pack


def pack_build(*, pack_pk: int) -> MeetingPack:
    """Build one pack; idempotent, so a retried task finds the finished pack and stops."""

    pack = MeetingPack.objects.select_related("meeting__partnership", "meeting__host").get(pk=pack_pk)
    if pack.status == MeetingPack.Status.DONE:
        return pack
    contents = pack_contents(pack.meeting, pack.variant)
    if contents.content_hash != pack.content_hash:
        # The meeting changed after this was asked for: build what is there now, under its own hash.
        pack.mark(content_hash=contents.content_hash)
    last = (
        MeetingPack.objects.filter(meeting=pack.meeting, variant=pack.variant, front_pages__isnull=False)
        .order_by("-finished_at")
        .values_list("front_pages", flat=True)
        .first()
    )
    try:
        data, front, pages, front_pages = build_pack(
            contents, progress=lambda percent, step: pack.mark(progress=percent, step=step), front_pages_guess=last
        )
    except PackError as error:
        pack.mark(failed_paper=error.paper)
        pack.fail(str(error))
        _look_again(pack, contents)
        return pack
    except (OperationalError, ConnectionError, SoftTimeLimitExceeded):
        # Transient: the task retries and this attempt's state is overwritten when it starts again.
        raise
    except Exception:
        logger.exception("Meeting pack %s failed", pack.pk)
        pack.fail("The pack could not be built because of an error in the service. Try again in a few minutes.")
        return pack
    carried = [[entry.paper.pk, entry.paper.current_id] for entry in contents.papers]
    slug = pack.meeting.partnership.short_name or pack.meeting.partnership.slug
    name = f"{slug}-{pack.meeting.date:%Y-%m-%d}".lower().replace(" ", "-")
    # Under the job's own names, replacing what an attempt cut short left: a re-run never adds a file.
    pack.finish(
        file=pack.store_file("file", f"{name}-pack.pdf", data),
        agenda_file=pack.store_file("agenda_file", f"{name}-agenda.pdf", front),
        page_count=pages,
        front_pages=front_pages,
        size=len(data),
        paper_versions=carried,
    )
    _look_again(pack, contents)
    return pack


def _look_again(pack: MeetingPack, contents) -> None:
    if pack_contents(pack.meeting, pack.variant).content_hash != contents.content_hash:
        # Changed while this was being built: a change that found this build running left it to us.
        pack_schedule(meeting=pack.meeting)
