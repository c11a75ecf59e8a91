"""The demonstration themes carried on from the documents' years to today: reports and achievements.

Every theme of a demonstration partnership reports each half-year on time, but for a few: one report each
year comes in late, and the latest report of one theme per partnership is still owed, so the overdue list
points to something real. Each OSP sub-group records one result a year. All of it is illustrative.
"""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from meetings.demo_present import OSP_CARRIED_AFTER
from meetings.models import Meeting
from partnerships.models import financial_year_label, financial_year_of

from .demo import theme_updates_add
from .models import Achievement, Theme, ThemeReport, ThemeReportSchedule

FIRST_CARRIED_YEAR = 2023
# The theme whose latest report is still owed, per partnership; the one that reports late once a year.
STILL_OWED = {"OSP": "Safer Communities", "PRP": "Communications & engagement"}
LATE_EACH_YEAR = {"OSP": "Low Carbon City", "PRP": "Innovation & Economy"}
LATE_DAYS = 12

PROGRESS = (
    "Progress in {period}: {theme} work continued against the partnership's rolling plan. The lead group met "
    "through the half-year, reviewed its measures and agreed what to bring to the steering group."
)
CHALLENGES = "Partners' capacity as budgets tighten; keeping momentum between meetings."
COLLABORATION = "Joint work with the other themes where their plans meet."
ASKS = "Partners to share the results of their own work in this area before the next report."

# (sub-group key, month in the year, title, description); {label} is the financial year, {n} its number.
RESULTS = [
    (
        "egsb",
        7,
        "Oxford Economic Strategy: year {n} progress reported",
        "The Economic Growth Steering Board reviewed the year's dashboard of measures and KPIs for the Oxford "
        "Economic Strategy and reported progress to the OSP.",
    ),
    (
        "stronger",
        9,
        "Locality working: {label} review of the Thriving Communities Strategy",
        "The Stronger Communities Board reviewed how partners embed the Thriving Communities Strategy principles "
        "and where locality teams work with partner agencies.",
    ),
    (
        "zcop",
        11,
        "Sprint groups' results for {label}",
        "ZCOP's sprint groups reported their results on retrofit, freight and energy flexibility to the partnership.",
    ),
    (
        "oscp",
        6,
        "Community safety priorities for {label} agreed",
        "OSCP Board members reviewed the previous year's priorities and agreed those for {label}.",
    ),
]


def _submitted_at(due: dt.date, late: bool) -> dt.datetime:
    day = due + dt.timedelta(days=LATE_DAYS) if late else due - dt.timedelta(days=5)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _reports(partnership, today: dt.date) -> None:
    schedule = ThemeReportSchedule.for_partnership(partnership)
    themes = list(Theme.objects.active().filter(partnership=partnership).order_by("order", "title"))
    periods = [
        (period, due)
        for period, due in schedule.periods_due_between(dt.date(FIRST_CARRIED_YEAR, 4, 1), today - dt.timedelta(1))
        if period.year >= FIRST_CARRIED_YEAR
    ]
    latest = periods[-1][0] if periods else None
    for theme in themes:
        for period, due in periods:
            if not theme.owes_report_for(period):
                continue
            owed = theme.title == STILL_OWED.get(partnership.short_name) and period == latest
            late = theme.title == LATE_EACH_YEAR.get(partnership.short_name) and period.half == 2
            text = PROGRESS.format(period=period.label, theme=theme.title)
            ThemeReport.objects.update_or_create(
                theme=theme,
                year=period.year,
                half=period.half,
                defaults={
                    "due_on": due,
                    "status": ThemeReport.Status.DRAFT if owed else ThemeReport.Status.SUBMITTED,
                    "submitted_at": None if owed else _submitted_at(due, late),
                    "progress": text,
                    "challenges": CHALLENGES,
                    "collaboration": COLLABORATION,
                    "asks": "" if owed else ASKS,
                },
            )


def _achievements(partnerships: dict, today: dt.date) -> None:
    for year in range(FIRST_CARRIED_YEAR, financial_year_of(today) + 1):
        label = financial_year_label(year)
        for index, (key, month, title, description) in enumerate(RESULTS):
            day = dt.date(year, 4, 1) + relativedelta(months=(month - 4) % 12)
            if day > today:
                # This year's results so far: the latest weeks, never before the year began.
                day = max(dt.date(year, 4, 1), today - dt.timedelta(days=7 * (index + 1)))
            Achievement.objects.update_or_create(
                partnership=partnerships[key],
                title=title.format(label=label, n=year - 2021),
                defaults={"achieved_on": day, "description": description.format(label=label)},
            )


def _theme_updates(osp, today: dt.date) -> None:
    """Each half-year's submitted reports are presented at the two OSP meetings after they fall due."""
    for meeting in Meeting.objects.filter(partnership=osp, date__gt=OSP_CARRIED_AFTER).order_by("date"):
        month = meeting.date.month
        if month in (11, 12, 1, 2, 3):
            year, half = financial_year_of(meeting.date), 1
        else:
            year, half = financial_year_of(meeting.date) - 1, 2
        orders = (1, 2) if month in (7, 11) else (3, 4)
        reports = ThemeReport.objects.filter(
            theme__partnership=osp, theme__order__in=orders, year=year, half=half, status=ThemeReport.Status.SUBMITTED
        ).select_related("theme")
        if meeting.date <= today or meeting.agenda_is_published:
            theme_updates_add(meeting, list(reports.order_by("theme__order")))


def seed(partnerships: dict, *, today: dt.date) -> None:
    for key in ("osp", "prp"):
        _reports(partnerships[key], today)
    _achievements(partnerships, today)
    _theme_updates(partnerships["osp"], today)
