"""Calendar feeds: one per public partnership, and one private per person behind a revocable token."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from partnerships.access import get_access, get_partnership_for_user
from partnerships.fragments import conditional, fragment_key, record_state

from ..ical import meetings_calendar
from ..models import AgendaItem, CalendarFeed, Meeting
from ..services import calendar_feed_reset, calendar_feed_revoke

# A year back and all ahead is what a calendar application needs.
HISTORY_DAYS = 366
# What a feed shows: meetings, their items and venues, and the partnership's name.
FEED_TABLES = ("meetings.meeting", "meetings.agendaitem", "partnerships.partnership", "partnerships.organisation")


def _today() -> dt.date:
    return dt.date.today()


def _calendar_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def _meetings(queryset):
    since = dt.date.today() - dt.timedelta(days=HISTORY_DAYS)
    return (
        queryset.filter(date__gte=since)
        .select_related("partnership", "host")
        .prefetch_related(Prefetch("items", queryset=AgendaItem.objects.order_by("position")))
        .order_by("date", "start_time")
    )


def partnership_feed(request, slug):
    """Public meetings of one partnership: dates, venues and published agendas."""
    partnership, access = get_partnership_for_user(request.user, slug)
    if not partnership.is_public:
        # Calendar applications fetch without signing in: a private partnership has no public feed.
        raise Http404("This partnership publishes no calendar.")
    key = fragment_key(
        "meetings:partnership_feed", access=access, depends=FEED_TABLES, parts=(record_state(partnership), _today())
    )

    def build():
        meetings = _meetings(Meeting.objects.filter(partnership=partnership))
        data = meetings_calendar(
            meetings, name=f"{partnership.name} meetings", show_agendas=lambda meeting: meeting.agenda_is_published
        )
        return _calendar_response(data, f"{partnership.slug}.ics")

    # Calendar applications poll: an unchanged feed answers 304 from the key alone.
    return conditional(request, key, build, public_only=False)


def private_feed(request, token):
    """One person's meetings across partnerships; the token in the address is the only key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not feed.user.is_active:
        raise Http404()
    access = get_access(feed.user)
    key = fragment_key(
        "meetings:private_feed", access=access, depends=FEED_TABLES, parts=(record_state(feed), _today())
    )

    def build():
        meetings = _meetings(Meeting.objects.filter(partnership__in=access.readable_partnerships()))
        data = meetings_calendar(
            meetings,
            name="My partnership meetings",
            # A calendar lives outside the service, on phones and shared diaries: only published agendas go there.
            show_agendas=lambda meeting: meeting.agenda_is_published,
        )
        return _calendar_response(data, "my-meetings.ics")

    return conditional(request, key, build, public_only=False)


@login_required
@require_POST
def feed_reset(request):
    calendar_feed_reset(user=request.user)
    messages.success(request, "Your private calendar address is ready. Any earlier address no longer works.")
    return redirect("meetings:my_meetings")


@login_required
@require_POST
def feed_revoke(request):
    calendar_feed_revoke(user=request.user)
    messages.success(request, "Your private calendar address has been turned off.")
    return redirect("meetings:my_meetings")
