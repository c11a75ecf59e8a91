"""What members and officers have to do about meetings, for the home page."""

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from partnerships.home import MEMBER, OFFICER, HomeContext, HomeItem, register_home_section
from partnerships.jobs import BackgroundJob
from partnerships.models import Membership

from .models import Action, Attendance, Declaration, Meeting, MeetingPack, Paper

MEETINGS_AHEAD = 5
APOLOGIES_WEEKS = 8
MINUTES_LOOKBACK_DAYS = 180
NEW_PAPERS_DAYS = 30
STALLED_AFTER = dt.timedelta(minutes=30)
FAILED_LOOKBACK = dt.timedelta(days=14)


def _when(meeting: Meeting) -> str:
    time = f"{meeting.start_time:%-I:%M%p}".lower().replace(":00", "")
    return f"{meeting.date:%A %-d %B %Y}, {time}"


def _label(meeting: Meeting) -> str:
    partnership = meeting.partnership
    return f"{partnership.short_name or partnership.name}: {meeting.name}"


def _seated_meetings(context: HomeContext, *, weeks: int | None = None):
    """The coming meetings of the partnerships where this person has a seat at the table today."""
    if not context.access.person_id:
        return []
    seat_ids = (
        Membership.objects.current(context.today)
        .seats()
        .filter(person_id=context.access.person_id)
        .values("partnership_id")
    )
    meetings = (
        Meeting.objects.upcoming(context.today)
        .filter(partnership_id__in=seat_ids)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("partnership")
    )
    if weeks:
        meetings = meetings.filter(date__lte=context.today + dt.timedelta(weeks=weeks))
    return meetings


def next_meetings(context: HomeContext) -> list[HomeItem]:
    items = []
    for meeting in _seated_meetings(context)[:MEETINGS_AHEAD]:
        if meeting.agenda_is_published:
            url, link = reverse("meetings:pack_download", args=[meeting.pk, "members"]), "Open the members' pack (PDF)"
        else:
            url, link = meeting.get_absolute_url(), "See the meeting (agenda not yet published)"
        items.append(HomeItem(_label(meeting), url, link, detail=_when(meeting), when=meeting.date))
    return items


def papers_since(context: HomeContext) -> list[HomeItem]:
    since = context.since or timezone.now() - dt.timedelta(days=NEW_PAPERS_DAYS)
    papers = (
        Paper.objects.filter(context.member_filter("item__meeting__partnership"), current__uploaded_at__gt=since)
        .exclude(item__meeting__status=Meeting.Status.CANCELLED)
        .select_related("current", "item__meeting__partnership")
        .order_by("-current__uploaded_at")[:20]
    )
    return [
        HomeItem(
            paper.title,
            paper.get_absolute_url(),
            "Read the paper",
            detail=f"{_label(paper.item.meeting)}, {paper.item.meeting.date:%-d %B %Y}; "
            f"added {timezone.localtime(paper.current.uploaded_at):%-d %B}",
        )
        for paper in papers
    ]


def apologies_to_send(context: HomeContext) -> list[HomeItem]:
    meetings = list(_seated_meetings(context, weeks=APOLOGIES_WEEKS)[:20])
    answered = set(
        Attendance.objects.filter(meeting__in=meetings, membership__person_id=context.access.person_id).values_list(
            "meeting_id", flat=True
        )
    )
    return [
        HomeItem(
            f"If you cannot attend {_label(meeting)} on {meeting.date:%-d %B}, send your apologies.",
            meeting.get_absolute_url() + "#my-attendance",
            "Send apologies",
            when=meeting.date,
        )
        for meeting in meetings
        if meeting.pk not in answered
    ]


def declarations_to_make(context: HomeContext) -> list[HomeItem]:
    meetings = [m for m in _seated_meetings(context, weeks=APOLOGIES_WEEKS)[:20] if m.agenda_is_published]
    declared = set(
        Declaration.objects.filter(item__meeting__in=meetings, person_id=context.access.person_id).values_list(
            "item__meeting_id", flat=True
        )
    )
    return [
        HomeItem(
            f"The agenda for {_label(meeting)} on {meeting.date:%-d %B} is out: declare any interest in its items.",
            reverse("meetings:declarations", args=[meeting.pk]),
            "Declare an interest",
            when=meeting.date,
        )
        for meeting in meetings
        if meeting.pk not in declared
    ]


def actions_owned(context: HomeContext) -> list[HomeItem]:
    if not context.access.person_id:
        return []
    actions = (
        Action.objects.filter(owner_id=context.access.person_id, partnership_id__in=context.access.readable_ids)
        .exclude(status=Action.Status.DONE)
        .select_related("partnership")
        .order_by("due_date", "pk")[:20]
    )
    items = []
    for action in actions:
        due = ""
        if action.due_date:
            due = f"{'Overdue: was due' if action.due_date < context.today else 'Due'} {action.due_date:%-d %B %Y}"
        partnership = action.partnership.short_name or action.partnership.name
        items.append(
            HomeItem(
                str(action),
                reverse("meetings:action_list", args=[action.partnership.slug]),
                "See the action",
                detail="; ".join(part for part in (partnership, due) if part),
                when=action.due_date,
            )
        )
    return items


def agendas_to_publish(context: HomeContext) -> list[HomeItem]:
    meetings = (
        Meeting.objects.upcoming(context.today)
        .filter(context.officer_filter(), agenda_published_at__isnull=True, status=Meeting.Status.PLANNED)
        .filter(date__lte=context.today + dt.timedelta(weeks=APOLOGIES_WEEKS))
        .select_related("partnership")[:20]
    )
    return [
        HomeItem(
            f"{_label(meeting)}, {meeting.date:%-d %B %Y}",
            meeting.get_absolute_url() + "#agenda-heading",
            "Prepare and publish the agenda",
            detail=f"Meets in {(meeting.date - context.today).days} days",
            when=meeting.date,
        )
        for meeting in meetings
    ]


def minutes_to_circulate(context: HomeContext) -> list[HomeItem]:
    meetings = (
        Meeting.objects.past(context.today)
        .filter(context.officer_filter(), date__gte=context.today - dt.timedelta(days=MINUTES_LOOKBACK_DAYS))
        .filter(minutes_status__in=[Meeting.MinutesStatus.NONE, Meeting.MinutesStatus.DRAFT])
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("partnership")[:20]
    )
    return [
        HomeItem(
            f"{_label(meeting)}, {meeting.date:%-d %B %Y}",
            reverse("meetings:minutes", args=[meeting.pk]),
            "Circulate the minutes" if meeting.minutes_status == Meeting.MinutesStatus.DRAFT else "Write the minutes",
            detail=meeting.get_minutes_status_display(),
            when=meeting.date,
        )
        for meeting in meetings
    ]


def stalled_packs(context: HomeContext) -> list[HomeItem]:
    now = timezone.now()
    packs = (
        MeetingPack.objects.filter(context.officer_filter("meeting__partnership"))
        .filter(
            Q(
                status__in=[BackgroundJob.Status.QUEUED, BackgroundJob.Status.RUNNING],
                requested_at__lt=now - STALLED_AFTER,
            )
            | Q(status=BackgroundJob.Status.FAILED, requested_at__gte=now - FAILED_LOOKBACK)
        )
        .select_related("meeting__partnership")
        .order_by("-requested_at")[:20]
    )
    items, seen = [], set()
    for pack in packs:
        # Only the latest build of each pack matters: a later success replaces an earlier failure.
        if (pack.meeting_id, pack.variant) in seen:
            continue
        seen.add((pack.meeting_id, pack.variant))
        state = f"failed: {pack.error}" if pack.status == BackgroundJob.Status.FAILED else "has not finished"
        items.append(
            HomeItem(
                f"{pack.get_variant_display()} for {_label(pack.meeting)}, {pack.meeting.date:%-d %B %Y}, {state}",
                reverse("meetings:pack_status", args=[pack.pk]),
                "See the pack",
                when=pack.meeting.date,
            )
        )
    return items


register_home_section(
    "next_meetings",
    "Your next meetings",
    next_meetings,
    role=MEMBER,
    order=10,
    empty="No meetings of your partnerships are planned.",
    see_all=("meetings:my_meetings", "See all your meetings"),
)
register_home_section(
    "new_papers", "Papers added since your last visit", papers_since, role=MEMBER, order=20, empty="No new papers."
)
register_home_section("apologies", "Apologies to send", apologies_to_send, role=MEMBER, order=30)
register_home_section("declarations", "Declarations of interest to make", declarations_to_make, role=MEMBER, order=40)
register_home_section(
    "actions", "Actions you own", actions_owned, role=MEMBER, order=50, empty="You have no open actions."
)
register_home_section(
    "agendas",
    "Agendas to publish",
    agendas_to_publish,
    role=OFFICER,
    order=10,
    empty="Every agenda for the next eight weeks is published.",
)
register_home_section(
    "minutes",
    "Minutes to circulate",
    minutes_to_circulate,
    role=OFFICER,
    order=20,
    empty="The minutes of every recent meeting have gone to members.",
)
register_home_section("stalled_jobs", "Packs and reports that have stalled", stalled_packs, role=OFFICER, order=90)
