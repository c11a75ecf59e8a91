"""Theme reports: what each theme owes, drafting and submitting, and the due dates that set it."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partnerships.concurrency import save_versioned
from partnerships.errors import RuleBroken

from ..models import ReportPeriod, Theme, ThemeReport, ThemeReportSchedule

# How far back an unsubmitted report still counts as owed: older gaps are history, not a to-do.
LOOKBACK_DAYS = 366


@dataclass
class Obligation:
    """A report a theme owes for one half-year, whether or not anyone has started it."""

    theme: Theme
    period: ReportPeriod
    due_on: dt.date
    report: ThemeReport | None
    today: dt.date
    reminder_days: int

    @property
    def is_submitted(self) -> bool:
        return self.report is not None and self.report.is_submitted

    @property
    def is_overdue(self) -> bool:
        return not self.is_submitted and self.today > self.due_on

    @property
    def days_left(self) -> int:
        return (self.due_on - self.today).days

    @property
    def is_due_soon(self) -> bool:
        return not self.is_submitted and 0 <= self.days_left <= self.reminder_days

    @property
    def state(self) -> str:
        if self.is_submitted:
            return "Submitted"
        if self.is_overdue:
            return "Overdue"
        if self.report is not None:
            return "Draft"
        return "Not started"

    @property
    def when_text(self) -> str:
        if self.is_submitted:
            return ""
        days = self.days_left
        if days < 0:
            return f"{-days} day{'s' if days != -1 else ''} overdue"
        if days == 0:
            return "Due today"
        return f"Due in {days} day{'s' if days != 1 else ''}"


def report_obligations(
    *, themes, today: dt.date | None = None, ahead_days: int | None = None, lookback_days: int = LOOKBACK_DAYS
) -> list[Obligation]:
    """Reports the themes owe, from `lookback_days` ago to `ahead_days` ahead (the reminder period by default).

    `themes` should have partnership__theme_report_schedule loaded; the reports are fetched in one query.
    """
    today = today or dt.date.today()
    themes = list(themes)
    if not themes:
        return []
    wanted: list[tuple[Theme, ReportPeriod, dt.date, int]] = []
    window_start = today - dt.timedelta(days=lookback_days)
    # A partnership's themes share its schedule, so its due dates are worked out once for all of them.
    due_by_partnership: dict[int, tuple[list[tuple[ReportPeriod, dt.date]], int]] = {}
    for theme in themes:
        if theme.partnership_id not in due_by_partnership:
            schedule = ThemeReportSchedule.for_partnership(theme.partnership)
            ahead = schedule.reminder_days if ahead_days is None else ahead_days
            due_by_partnership[theme.partnership_id] = (
                schedule.periods_due_between(window_start, today + dt.timedelta(days=ahead)),
                schedule.reminder_days,
            )
        periods, reminder_days = due_by_partnership[theme.partnership_id]
        for period, due in periods:
            if theme.owes_report_for(period):
                wanted.append((theme, period, due, reminder_days))
    if not wanted:
        return []
    years = {period.year for _, period, _, _ in wanted}
    reports = {
        (r.theme_id, r.year, r.half): r
        for r in ThemeReport.objects.filter(theme_id__in={theme.pk for theme in themes}, year__in=years).only(
            "pk", "theme_id", "year", "half", "status", "due_on", "submitted_at", "version"
        )
    }
    obligations = [
        Obligation(theme, period, due, reports.get((theme.pk, period.year, period.half)), today, reminder_days)
        for theme, period, due, reminder_days in wanted
    ]
    obligations.sort(key=lambda o: (o.due_on, o.theme.partnership.name, o.theme.order, o.theme.title))
    return obligations


SUPPORTED_THEME_FIELDS = (
    *("id", "title", "order", "status", "starts_on", "ends_on", "version"),
    *("partnership_id", "lead_group_id", "lead_officer_id"),
    *("partnership__name", "partnership__short_name", "partnership__slug"),
    *(f"partnership__theme_report_schedule__{name}" for name in ("id", "version", "partnership")),
    *(f"partnership__theme_report_schedule__{name}" for name in ("first_due_month", "first_due_day")),
    *(f"partnership__theme_report_schedule__{name}" for name in ("second_due_month", "second_due_day")),
    "partnership__theme_report_schedule__reminder_days",
    *("lead_officer__honorific", "lead_officer__first_name", "lead_officer__last_name"),
)


def themes_supported_by(access):
    """Themes whose reports this login drafts or chases: its partnerships', its sub-groups', or its own."""
    # Only what the lists of obligations show: a theme row with its partnership's long texts is costly.
    themes = (
        Theme.objects.active()
        .select_related("partnership", "partnership__theme_report_schedule", "lead_officer")
        .only(*SUPPORTED_THEME_FIELDS)
    )
    if access.is_admin:
        return themes
    condition = Q(partnership_id__in=access.officer_ids) | Q(lead_group_id__in=access.officer_ids)
    if access.person_id:
        condition |= Q(lead_officer_id=access.person_id)
    return themes.filter(condition)


def theme_report_start(*, theme: Theme, period: ReportPeriod) -> ThemeReport:
    """The draft for a half-year, made on first asking; a second request finds the same one."""
    schedule = ThemeReportSchedule.for_partnership(theme.partnership)
    report, _ = ThemeReport.objects.get_or_create(
        theme=theme, year=period.year, half=period.half, defaults={"due_on": schedule.due_on(period)}
    )
    return report


class ReportAlreadySubmitted(RuleBroken):
    pass


def theme_report_save(*, report: ThemeReport, started_from: int | None = None) -> ThemeReport:
    if ThemeReport.objects.filter(pk=report.pk, status=ThemeReport.Status.SUBMITTED).exists():
        raise ReportAlreadySubmitted("This report has been submitted and can no longer be changed.")
    report.full_clean()
    return save_versioned(report, started_from=started_from)


def theme_report_submit(*, report: ThemeReport, user, started_from: int | None = None) -> ThemeReport:
    """Submit to the steering group: the report is then fixed, ready to go on an agenda."""
    if report.is_submitted:
        raise ReportAlreadySubmitted("This report has already been submitted.")
    report.status = ThemeReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = user
    try:
        report.full_clean()
    except Exception:
        report.status, report.submitted_at, report.submitted_by = ThemeReport.Status.DRAFT, None, None
        raise
    return save_versioned(report, started_from=started_from)


def schedule_save(*, schedule: ThemeReportSchedule) -> ThemeReportSchedule:
    """Save new due dates; drafts take the new dates, submitted reports keep the date they were due."""
    schedule.full_clean()
    with transaction.atomic():
        schedule.save()
        for report in ThemeReport.objects.filter(
            theme__partnership=schedule.partnership, status=ThemeReport.Status.DRAFT
        ):
            due = schedule.due_on(report.period)
            if report.due_on != due:
                ThemeReport.objects.filter(pk=report.pk).update(due_on=due)
    return schedule
