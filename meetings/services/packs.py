"""Meeting packs: finding the current one, asking for one and building it."""

import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError
from django.db.models import Q

from partnerships.jobs import job_submit

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
        return pack
    except (OperationalError, ConnectionError, SoftTimeLimitExceeded):
        # Transient: the task retries and this attempt's state is overwritten when it starts again.
        raise
    except Exception:
        logger.exception("Meeting pack %s failed", pack.pk)
        pack.fail("The pack could not be built because of an error in the service. Try again in a few minutes.")
        return pack
    slug = pack.meeting.partnership.short_name or pack.meeting.partnership.slug
    name = f"{slug}-{pack.meeting.date:%Y-%m-%d}".lower().replace(" ", "-")
    # Under the job's own names, replacing what an attempt cut short left: a re-run never adds a file.
    pack.finish(
        file=pack.store_file("file", f"{name}-pack.pdf", data),
        agenda_file=pack.store_file("agenda_file", f"{name}-agenda.pdf", front),
        page_count=pages,
        front_pages=front_pages,
        size=len(data),
    )
    return pack
