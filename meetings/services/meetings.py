"""Scheduling a partnership's meetings and their standing items."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Max

from partnerships.concurrency import save_versioned
from partnerships.models import Partnership

from ..models import (
    ANNUAL_REVIEW_HOURS,
    REGULAR_HOURS,
    AgendaItem,
    Meeting,
    StandingItem,
)
from .errors import MeetingRuleBroken

# The OSP Terms of Reference, Appendix D: every meeting opens with these and ends with any other business.
DEFAULT_STANDING_ITEMS = [
    ("Apologies", AgendaItem.Kind.APOLOGIES, 5, False),
    ("Declarations of interest", AgendaItem.Kind.DECLARATIONS, 5, False),
    ("Minutes of the last meeting", AgendaItem.Kind.MINUTES, 5, False),
    ("Matters arising", AgendaItem.Kind.MATTERS_ARISING, 10, False),
    ("Any other business", AgendaItem.Kind.ANY_OTHER_BUSINESS, 10, True),
]

MONTHS_BETWEEN = {
    Partnership.Frequency.MONTHLY: 1,
    Partnership.Frequency.BIMONTHLY: 2,
    Partnership.Frequency.QUARTERLY: 3,
    Partnership.Frequency.TWICE_YEARLY: 6,
    Partnership.Frequency.ANNUALLY: 12,
}


# Meetings -----------------------------------------------------------------------------------------


def standing_items(partnership: Partnership) -> list[StandingItem]:
    """The partnership's standing items, starting from the defaults the first time they are needed."""
    items = list(partnership.standing_items.all())
    if not items:
        items = StandingItem.objects.bulk_create(
            StandingItem(
                partnership=partnership, position=index, title=title, kind=kind, duration_minutes=minutes, at_end=end
            )
            for index, (title, kind, minutes, end) in enumerate(DEFAULT_STANDING_ITEMS, start=1)
        )
    return sorted(items, key=lambda s: (s.at_end, s.position))


@transaction.atomic
def standing_item_add(*, item: StandingItem) -> StandingItem:
    standing_items(item.partnership)
    item.position = (item.partnership.standing_items.aggregate(top=Max("position"))["top"] or 0) + 1
    item.full_clean()
    item.save()
    return item


def standing_item_remove(*, item: StandingItem) -> None:
    """Remove an item from the partnership's standing items; meetings already planned keep theirs."""
    item.delete()


@transaction.atomic
def meeting_create(*, meeting: Meeting) -> Meeting:
    """Add a meeting; its agenda starts from the partnership's standing items."""
    meeting.full_clean()
    meeting.save()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting, position=index, title=item.title, kind=item.kind, duration_minutes=item.duration_minutes
        )
        for index, item in enumerate(standing_items(meeting.partnership), start=1)
    )
    return meeting


def meeting_save(*, meeting: Meeting, started_from: int | None = None) -> Meeting:
    meeting.full_clean()
    return save_versioned(meeting, started_from=started_from)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth weekday of a month (nth=5 means the last)."""
    if nth >= 5:
        last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def schedule_dates(partnership: Partnership, first_date: dt.date) -> list[tuple[dt.date, str]]:
    """A year of meetings from the partnership's pattern, on the same weekday of the month as the first.

    the OSP Terms of Reference Appendix D: quarterly meetings plus the annual planning and review meeting in November.
    A regular meeting that falls in the review month becomes the annual review.
    """
    gap = MONTHS_BETWEEN.get(partnership.meeting_frequency)
    if gap is None:
        raise MeetingRuleBroken(
            f"{partnership.name} meets {partnership.get_meeting_frequency_display().lower()}: "
            "add its meetings one at a time."
        )
    weekday = first_date.weekday()
    nth = (first_date.day - 1) // 7 + 1
    last_of_month = first_date + dt.timedelta(days=7)
    if last_of_month.month != first_date.month:
        nth = 5 if nth >= 4 else nth
    dates: list[tuple[dt.date, str]] = [(first_date, Meeting.Kind.REGULAR)]
    for step in range(1, 12 // gap):
        month = first_date + relativedelta(months=gap * step)
        dates.append((_nth_weekday(month.year, month.month, weekday, nth), Meeting.Kind.REGULAR))
    review_month = partnership.annual_review_month
    if review_month:
        in_review_month = [index for index, (day, _kind) in enumerate(dates) if day.month == review_month]
        if in_review_month:
            index = in_review_month[0]
            dates[index] = (dates[index][0], Meeting.Kind.ANNUAL_REVIEW)
        else:
            year = first_date.year if review_month > first_date.month else first_date.year + 1
            dates.append((_nth_weekday(year, review_month, weekday, nth), Meeting.Kind.ANNUAL_REVIEW))
    return sorted(dates)


@transaction.atomic
def meeting_schedule_year(*, partnership: Partnership, first_date: dt.date) -> list[Meeting]:
    """Schedule a year of meetings in one step; dates that already have a meeting are left as they are."""
    taken = set(partnership.meetings.values_list("date", flat=True))
    created = []
    for day, kind in schedule_dates(partnership, first_date):
        if day in taken:
            continue
        hours = ANNUAL_REVIEW_HOURS if kind == Meeting.Kind.ANNUAL_REVIEW else REGULAR_HOURS
        created.append(
            meeting_create(
                meeting=Meeting(partnership=partnership, kind=kind, date=day, start_time=hours[0], end_time=hours[1])
            )
        )
    return created


def meeting_cancel(*, meeting: Meeting, reason: str) -> Meeting:
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED):
        raise MeetingRuleBroken("This meeting has been held, so it cannot be cancelled.")
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_reason = reason
    return meeting_save(meeting=meeting)


def meeting_mark_held(*, meeting: Meeting, today: dt.date | None = None) -> Meeting:
    today = today or dt.date.today()
    if meeting.is_cancelled:
        raise MeetingRuleBroken("A cancelled meeting cannot be marked as held.")
    if meeting.date > today:
        raise MeetingRuleBroken(f"This meeting is on {meeting.date:%-d %B %Y}: it can be marked as held from that day.")
    if meeting.status in (Meeting.Status.PLANNED, Meeting.Status.PUBLISHED):
        meeting.status = Meeting.Status.HELD
        meeting_save(meeting=meeting)
    return meeting
