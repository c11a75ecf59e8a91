"""Meetings of a partnership, the calendar across partnerships, and "My meetings"."""

import datetime as dt
from calendar import month_name

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level, get_access, get_partnership_for_user
from partnerships.concurrency import save_form
from partnerships.fragments import cached_value, conditional, fragment_key, lazy_context, record_state
from partnerships.models import Interest
from partnerships.views.common import history_entries, paginate, render_partial

from ..access import get_meeting_for_user
from ..forms import CancelForm, MeetingForm, ScheduleYearForm, StandingItemForm
from ..models import AgendaItem, Attendance, CalendarFeed, Meeting
from ..services import (
    MeetingRuleBroken,
    meeting_cancel,
    meeting_create,
    meeting_mark_held,
    meeting_save,
    meeting_schedule_year,
    schedule_dates,
    standing_item_add,
    standing_item_remove,
    standing_items,
)
from .common import meeting_page_context, page_flags, refuse


def meeting_list(request, slug):
    """A partnership's meetings: dates for everyone, agendas and packs as each reader may see them."""
    partnership, access = get_partnership_for_user(request.user, slug)
    level = access.level(partnership)
    today = dt.date.today()
    meetings = Meeting.objects.filter(partnership=partnership).select_related("partnership", "host")
    page, querystring = paginate(request, meetings.past(today))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "partnership": partnership,
            "upcoming": list(meetings.upcoming(today)[:20]),
            "page": page,
            "querystring": querystring,
            "can_edit": level >= Level.EDIT,
            "can_read": level >= Level.READ,
        },
    )


def calendar(request):
    """Upcoming meetings across every partnership this person may see."""
    access = get_access(request.user)
    meetings = Meeting.objects.visible_to(access).upcoming().select_related("partnership", "host")
    page, querystring = paginate(request, meetings)
    feed = CalendarFeed.objects.filter(user=request.user).first() if request.user.is_authenticated else None
    return render(request, "meetings/calendar.html", {"page": page, "querystring": querystring, "feed": feed})


@login_required
def my_meetings(request):
    """A member's upcoming and past meetings across partnerships, with the packs they may read."""
    access = get_access(request.user)
    today = dt.date.today()

    def rows() -> dict:
        meetings = Meeting.objects.filter(partnership__in=access.readable_partnerships()).select_related(
            "partnership", "host"
        )
        if access.person_id:
            meetings = meetings.prefetch_related(
                Prefetch(
                    "attendance",
                    queryset=Attendance.objects.filter(membership__person_id=access.person_id),
                    to_attr="my_attendance",
                )
            )
        upcoming = list(meetings.upcoming(today)[:25])
        page, querystring = paginate(request, meetings.past(today))
        return {"upcoming": upcoming, "page": page, "querystring": querystring}

    # Kept as "" when there is none, so a member without an address asks the database nothing either.
    feed_token = cached_value(
        "meetings:calendar_address",
        depends=[CalendarFeed],
        parts=(request.user.pk,),
        compute=lambda: CalendarFeed.objects.filter(user=request.user).values_list("token", flat=True).first() or "",
    )
    key = fragment_key(
        "meetings:my_meetings", access=access, depends=MY_MEETINGS_TABLES, parts=(request.get_full_path(), today)
    )
    names = ("upcoming", "page", "querystring")
    context = {"feed_token": feed_token, "access": access, "fragment_key": key, **lazy_context(rows, names)}
    return render(request, "meetings/my_meetings.html", context)


MY_MEETINGS_TABLES = ("meetings.meeting", "meetings.attendance", "meetings.meetingpack", "partnerships.partnership")
MY_MEETINGS_TABLES = (*MY_MEETINGS_TABLES, "partnerships.organisation", "partnerships.membership")


def meeting_detail(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk)
    key = fragment_key(
        "meetings:meeting_detail", access=access, depends=MEETING_TABLES, parts=(record_state(meeting), dt.date.today())
    )
    context = {
        "meeting": meeting,
        "partnership": meeting.partnership,
        "level": level,
        **page_flags(level, meeting),
        # The agenda, papers and record are read only when the cached page is missing.
        "fragment_key": key,
        **lazy_context(lambda: meeting_page_context(meeting, access, level), DETAIL_NAMES),
    }
    return conditional(request, key, lambda: render_partial(request, "meetings/meeting_detail.html", context, "agenda"))


DETAIL_NAMES = ("items", "present", "represented", "apologies", "matters_arising", "actions", "approval")
DETAIL_NAMES = (*DETAIL_NAMES, "my_seat", "my_attendance", "approvable", "packs_updating")
# What a meeting page draws: its items' theme and group reports and the people named come from other apps.
MEETING_TABLES = ("meetings", "partnerships.person", "partnerships.membership", "partnerships.partnership")
MEETING_TABLES = (*MEETING_TABLES, "partnerships.organisation", "themes.theme", "themes.themereport")
MEETING_TABLES = (*MEETING_TABLES, "taskgroups.taskgroup", "taskgroups.groupreport")


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create_view(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = MeetingForm(request.POST or None, partnership=partnership)
    if (
        request.method == "POST"
        and form.is_valid()
        and (meeting := save_form(form, lambda new, _: meeting_create(meeting=new)))
    ):
        messages.success(request, f"The meeting on {meeting.date:%-d %B %Y} has been added with the standing items.")
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "partnership": partnership})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    form = MeetingForm(request.POST or None, instance=meeting, partnership=meeting.partnership)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, lambda record, version: meeting_save(meeting=record, started_from=version))
    ):
        messages.success(request, "The meeting has been updated.")
        return redirect(meeting)
    return render(
        request, "meetings/meeting_form.html", {"form": form, "partnership": meeting.partnership, "meeting": meeting}
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_schedule(request, slug):
    """A year of meetings from the partnership's pattern, in one step."""
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = ScheduleYearForm(request.POST or request.GET or None)
    preview = []
    if form.is_bound and form.is_valid():
        try:
            preview = schedule_dates(partnership, form.cleaned_data["first_date"])
        except MeetingRuleBroken as error:
            form.add_error("first_date", str(error))
        else:
            if request.method == "POST" and "confirm" in request.POST:
                created = meeting_schedule_year(partnership=partnership, first_date=form.cleaned_data["first_date"])
                messages.success(
                    request,
                    f"{len(created)} meeting{'s' if len(created) != 1 else ''} scheduled."
                    if created
                    else "Those dates already had meetings: nothing new was scheduled.",
                )
                return redirect("meetings:meeting_list", slug=partnership.slug)
    taken = set(partnership.meetings.values_list("date", flat=True))
    kinds = dict(Meeting.Kind.choices)
    rows = [{"date": day, "kind": kinds[kind], "taken": day in taken} for day, kind in preview]
    review_month = month_name[partnership.annual_review_month] if partnership.annual_review_month else ""
    return render(
        request,
        "meetings/meeting_schedule.html",
        {"form": form, "partnership": partnership, "preview": rows, "review_month": review_month},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel_view(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"])
        except MeetingRuleBroken as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The meeting has been cancelled.")
            return redirect(meeting)
    return render(request, "meetings/meeting_cancel.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def meeting_held(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    try:
        meeting_mark_held(meeting=meeting)
    except MeetingRuleBroken as error:
        return refuse(request, error, meeting)
    messages.success(request, "The meeting is recorded as held.")
    return redirect(meeting)


def declarations_beside_register(meeting, declarations):
    """Each declaring person's register of interests as it stood on the meeting's date."""
    people = {d.person_id for d in declarations}
    interests = Interest.objects.filter(person_id__in=people, registered_on__lte=meeting.date).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=meeting.date)
    )
    register: dict[int, list[Interest]] = {}
    for interest in interests:
        register.setdefault(interest.person_id, []).append(interest)
    return register


@login_required
def meeting_history(request, pk):
    """Who changed the meeting and when, for its officers."""
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    return render(
        request,
        "partnerships/history.html",
        {
            "record": meeting,
            "entries": history_entries(meeting),
            "back": meeting.get_absolute_url(),
            "partnership": meeting.partnership,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def standing_item_list(request, slug):
    """The items every new meeting of the partnership starts with."""
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = StandingItemForm(request.POST or None)
    if request.method == "POST":
        remove = request.POST.get("remove")
        if remove:
            item = partnership.standing_items.filter(pk=remove).first()
            if item is not None:
                standing_item_remove(item=item)
                messages.success(request, f"“{item.title}” is no longer a standing item.")
            return redirect("meetings:standing_items", slug=partnership.slug)
        form.instance.partnership = partnership
        if form.is_valid() and (item := save_form(form, lambda new, _: standing_item_add(item=new))):
            messages.success(request, f"“{item.title}” is now a standing item of every new meeting.")
            return redirect("meetings:standing_items", slug=partnership.slug)
    kinds = dict(AgendaItem.Kind.choices)
    items = [{"item": item, "kind": kinds.get(item.kind, item.kind)} for item in standing_items(partnership)]
    return render(request, "meetings/standing_items.html", {"partnership": partnership, "items": items, "form": form})
