"""Meeting pages and the meeting pack, measured by `make bench`."""

import datetime as dt
import io
import resource
import time
import tracemalloc

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.urls import reverse

from partnerships.models import Membership, PartnershipOfficer, Person

from .models import AgendaItem, Meeting, MeetingPack
from .services import agenda_item_add, meeting_create, pack_build, pack_request, paper_add

PACK_PAPERS = 20
PAGES_PER_PAPER = 10


def _busiest_meeting() -> Meeting:
    """The past meeting with the most attendance, so the page is measured at its fullest."""
    busiest = (
        Meeting.objects.filter(date__lt=dt.date.today())
        .annotate(people=Count("attendance"))
        .order_by("-people", "pk")
        .select_related("partnership")
        .first()
    )
    return busiest


def _member(meeting: Meeting):
    """A login linked to a person who sits on the busiest meeting's partnership."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench-member@example.org", defaults={"email": "bench-member@example.org"}
    )
    if not Person.objects.filter(user=user).exists():
        seat = Membership.objects.current().seats().filter(partnership=meeting.partnership).first()
        Person.objects.filter(pk=seat.person_id).update(user=user)
    return user


def pages(context, users) -> list[tuple[str, str, object]]:
    meeting = _busiest_meeting()
    partnership = meeting.partnership
    PartnershipOfficer.objects.get_or_create(user=users["officer"], partnership=partnership)
    member = _member(meeting)
    public = Meeting.objects.filter(partnership__is_public=True, date__lt=dt.date.today()).first()
    return [
        ("meeting_detail", reverse("meetings:meeting_detail", args=[meeting.pk]), users["officer"]),
        ("meeting_detail_member", reverse("meetings:meeting_detail", args=[meeting.pk]), member),
        ("meeting_detail_public", reverse("meetings:meeting_detail", args=[public.pk]), None),
        ("my_meetings", reverse("meetings:my_meetings"), member),
        ("meeting_calendar", reverse("meetings:calendar"), member),
        ("meeting_list", reverse("meetings:meeting_list", args=[partnership.slug]), users["officer"]),
        ("meeting_attendance", reverse("meetings:attendance", args=[meeting.pk]), users["officer"]),
        ("action_list", reverse("meetings:action_list", args=[partnership.slug]), users["officer"]),
        ("partnership_feed", reverse("meetings:partnership_feed", args=[public.partnership.slug]), None),
    ]


def _paper_pdf() -> bytes:
    from partnerships.pdf import html_to_pdf

    body = "".join(
        f"<h2>Section {n}</h2>" + "<p>" + "The partnership considered the evidence and the options. " * 40 + "</p>"
        for n in range(1, PAGES_PER_PAPER + 1)
    )
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Bench paper</title>'
        "<style>h2 { break-before: page; }</style></head><body>" + body + "</body></html>"
    )
    return html_to_pdf(html)


def measures(context, users) -> dict:
    """A pack of 20 papers and 200 pages: build time and peak memory, then the unchanged pack served again."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfReader

    partnership = context["partnerships"][0]
    data = _paper_pdf()
    pages_each = len(PdfReader(io.BytesIO(data)).pages)
    meeting = meeting_create(meeting=Meeting(partnership=partnership, date=dt.date.today() + dt.timedelta(days=400)))
    for n in range(PACK_PAPERS):
        item = agenda_item_add(item=AgendaItem(meeting=meeting, title=f"Paper item {n + 1}"))
        paper_add(
            item=item,
            title=f"Paper {n + 1}",
            is_confidential=n % 5 == 0,
            upload=SimpleUploadedFile(f"paper-{n + 1}.pdf", data, content_type="application/pdf"),
        )
    from .pack import pack_contents

    content_hash = pack_contents(meeting, "members").content_hash

    def build():
        pack = MeetingPack.objects.create(
            meeting=meeting, variant=MeetingPack.Variant.MEMBERS, content_hash=content_hash
        )
        return pack_build(pack_pk=pack.pk)

    # Timed on its own, then built again under tracemalloc, which slows Python down, for the memory peak.
    started = time.perf_counter()
    built = build()
    build_seconds = time.perf_counter() - started
    if built.status != MeetingPack.Status.DONE:
        return {"pack_build_error": built.error}
    tracemalloc.start()
    build()
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    MeetingPack.objects.exclude(pk=built.pk).filter(meeting=meeting).delete()
    started = time.perf_counter()
    again = pack_request(meeting=meeting, variant=MeetingPack.Variant.MEMBERS)
    again_ms = (time.perf_counter() - started) * 1000
    return {
        "pack_papers": PACK_PAPERS,
        "pack_pages": built.page_count,
        "pack_paper_pages": PACK_PAPERS * pages_each,
        "pack_build_seconds": round(build_seconds, 2),
        "pack_build_python_peak_mb": round(traced_peak / 1024 / 1024, 1),
        "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "pack_size_mb": round(built.size / 1024 / 1024, 2),
        "pack_unchanged_served_from_store": again.pk == built.pk and again.status == MeetingPack.Status.DONE,
        "pack_unchanged_request_ms": round(again_ms, 1),
    }
