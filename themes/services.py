"""Operations across theme records: report obligations and reminders, plan revisions, measurement imports."""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from partnerships import fragments
from partnerships.concurrency import save_versioned
from partnerships.models import PartnershipOfficer

from .models import (
    Framework,
    Indicator,
    Measurement,
    Plan,
    PlanObjective,
    PlanPriority,
    ReportPeriod,
    Theme,
    ThemeReport,
    ThemeReportReminder,
    ThemeReportSchedule,
)

# How far back an unsubmitted report still counts as owed: older gaps are history, not a to-do.
LOOKBACK_DAYS = 366


# ---------------------------------------------------------------------------------------------
# Theme reports: what is owed, drafting, submitting, reminders
# ---------------------------------------------------------------------------------------------


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
    def tag_class(self) -> str:
        return {
            "Submitted": "govuk-tag--green",
            "Overdue": "govuk-tag--red",
            "Draft": "govuk-tag--yellow",
        }.get(self.state, "govuk-tag--grey")

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


class ReportAlreadySubmitted(Exception):
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


def _recipients(theme: Theme, officers_by_partnership: dict[int, list[str]]) -> list[str]:
    person = theme.lead_officer
    if person is not None:
        email = person.email or (person.user.email if person.user_id else "")
        if email:
            return [email]
    # With no lead officer to write to, the partnership's officers are told instead.
    return officers_by_partnership.get(theme.partnership_id, [])


def theme_report_reminders_send(*, today: dt.date | None = None) -> list[ThemeReportReminder]:
    """Email lead officers before a report is due and on the first day it is overdue; never twice.

    A day the job did not run is caught up: a missed reminder goes the next day, so long as the report
    is still not submitted and the reminder was not already sent.
    """
    today = today or dt.date.today()
    themes = Theme.objects.active().select_related(
        "partnership", "partnership__theme_report_schedule", "lead_officer__user"
    )
    obligations = report_obligations(themes=themes, today=today, lookback_days=31)
    due = []
    for obligation in obligations:
        if obligation.is_submitted:
            continue
        if obligation.is_overdue:
            due.append((obligation, ThemeReportReminder.Kind.OVERDUE))
        elif obligation.is_due_soon:
            due.append((obligation, ThemeReportReminder.Kind.DUE_SOON))
    if not due:
        return []
    already = set(
        ThemeReportReminder.objects.filter(theme__in={o.theme for o, _ in due}).values_list(
            "theme_id", "year", "half", "kind"
        )
    )
    officers: dict[int, list[str]] = {}
    for partnership_id, email in PartnershipOfficer.objects.filter(
        partnership_id__in={o.theme.partnership_id for o, _ in due}
    ).values_list("partnership_id", "user__email"):
        if email:
            officers.setdefault(partnership_id, []).append(email)
    sent = []
    for obligation, kind in due:
        key = (obligation.theme.pk, obligation.period.year, obligation.period.half, kind)
        if key in already:
            continue
        recipients = _recipients(obligation.theme, officers)
        if not recipients:
            continue
        try:
            with transaction.atomic():
                # The row is the lock: a second worker running at once fails here and sends nothing.
                reminder = ThemeReportReminder.objects.create(
                    theme=obligation.theme,
                    year=obligation.period.year,
                    half=obligation.period.half,
                    kind=kind,
                    recipients=", ".join(recipients),
                )
                context = {
                    "obligation": obligation,
                    "theme": obligation.theme,
                    "overdue": kind == ThemeReportReminder.Kind.OVERDUE,
                    "site_url": settings.SITE_URL.rstrip("/"),
                }
                subject = (
                    f"Overdue: {obligation.theme} report for {obligation.period.short_label}"
                    if kind == ThemeReportReminder.Kind.OVERDUE
                    else f"Due {obligation.due_on:%-d %B}: {obligation.theme} report for {obligation.period.short_label}"
                )
                send_mail(
                    subject,
                    render_to_string("themes/email/reminder.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                )
        except IntegrityError:
            continue
        sent.append(reminder)
    return sent


# ---------------------------------------------------------------------------------------------
# The rolling plan
# ---------------------------------------------------------------------------------------------


class PlanNotEditable(Exception):
    pass


def plan_create(*, plan: Plan) -> Plan:
    plan.number = (
        Plan.objects.filter(partnership=plan.partnership).order_by("-number").first() or Plan(number=0)
    ).number + 1
    plan.status = Plan.Status.DRAFT
    plan.full_clean(exclude=["number"])
    return save_versioned(plan)


def plan_save(*, plan: Plan, started_from: int | None = None) -> Plan:
    if not Plan.objects.filter(pk=plan.pk, status=Plan.Status.DRAFT).exists():
        raise PlanNotEditable("Only a draft plan can be changed. Start a revision to change an adopted plan.")
    plan.full_clean()
    return save_versioned(plan, started_from=started_from)


def require_draft(plan: Plan) -> None:
    if not plan.is_editable:
        raise PlanNotEditable(
            f"Version {plan.number} is {plan.get_status_display().lower()} and stays as it was agreed. "
            "Start a revision to make changes."
        )


def revised_title(plan: Plan) -> str:
    """The next version's title: years named in the title move on a year with it, never pile up."""
    following = Plan(start_year=plan.start_year + 1)
    return plan.title.replace(plan.years_label, following.years_label)


@transaction.atomic
def plan_revise(*, plan: Plan) -> Plan:
    """A new draft version made from this one, a year on; the earlier version is left exactly as it was."""
    existing = Plan.objects.filter(partnership=plan.partnership, status=Plan.Status.DRAFT).first()
    if existing is not None:
        return existing
    latest = Plan.objects.filter(partnership=plan.partnership).order_by("-number").values_list("number", flat=True)
    new = Plan(
        partnership=plan.partnership,
        number=latest[0] + 1,
        title=revised_title(plan),
        start_year=plan.start_year + 1,
        summary=plan.summary,
        status=Plan.Status.DRAFT,
        revised_from=plan,
    )
    new.save()
    for priority in plan.priorities.prefetch_related("themes", "objectives__themes"):
        copy = PlanPriority.objects.create(
            plan=new,
            order=priority.order,
            title=priority.title,
            description=priority.description,
            owner_id=priority.owner_id,
            copied_from=priority,
        )
        copy.themes.set(priority.themes.all())
        for objective in priority.objectives.all():
            objective_copy = PlanObjective.objects.create(
                priority=copy,
                order=objective.order,
                text=objective.text,
                owner_id=objective.owner_id,
                copied_from=objective,
            )
            objective_copy.themes.set(objective.themes.all())
    return new


@transaction.atomic
def plan_adopt(*, plan: Plan, on: dt.date | None = None) -> Plan:
    """Make a draft the current plan; the plan it replaces is kept, marked superseded."""
    require_draft(plan)
    if not plan.priorities.exists():
        raise PlanNotEditable("Add at least one priority before adopting the plan.")
    Plan.objects.filter(partnership=plan.partnership, status=Plan.Status.CURRENT).update(status=Plan.Status.SUPERSEDED)
    plan.status = Plan.Status.CURRENT
    plan.adopted_on = on or dt.date.today()
    return save_versioned(plan)


@dataclass
class Row:
    """One line of a side-by-side comparison: what was there before and what is there now."""

    old: object | None
    new: object | None
    change: str  # "unchanged", "changed", "added", "removed"
    children: list = field(default_factory=list)


def _describe_priority(priority: PlanPriority | None):
    if priority is None:
        return None
    return (priority.title, priority.description, priority.owner_id, {t.pk for t in priority.themes.all()})


def _describe_objective(objective: PlanObjective | None):
    if objective is None:
        return None
    return (objective.text, objective.owner_id, {t.pk for t in objective.themes.all()})


def _pair(old_items, new_items, describe) -> list[Row]:
    by_source = {item.copied_from_id: item for item in new_items if item.copied_from_id}
    rows = []
    matched = set()
    for old in old_items:
        new = by_source.get(old.pk)
        if new is None:
            rows.append(Row(old, None, "removed"))
            continue
        matched.add(new.pk)
        rows.append(Row(old, new, "unchanged" if describe(old) == describe(new) else "changed"))
    rows.extend(Row(None, new, "added") for new in new_items if new.pk not in matched)
    return rows


def _plan_items(plan: Plan):
    return list(
        plan.priorities.select_related("owner").prefetch_related("themes", "objectives__owner", "objectives__themes")
    )


def plan_compare(*, old: Plan, new: Plan) -> list[Row]:
    """Priorities and their objectives side by side, paired by what each was copied from."""
    rows = _pair(_plan_items(old), _plan_items(new), _describe_priority)
    for row in rows:
        old_objectives = list(row.old.objectives.all()) if row.old else []
        new_objectives = list(row.new.objectives.all()) if row.new else []
        row.children = _pair(old_objectives, new_objectives, _describe_objective)
        if row.change == "unchanged" and any(child.change != "unchanged" for child in row.children):
            row.change = "changed"
    return rows


# ---------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------

CSV_COLUMNS = ["indicator", "date", "value"]
OPTIONAL_COLUMNS = ["note"]
MAX_IMPORT_ROWS = 20000


@dataclass
class ImportResult:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _parse_date(text: str) -> dt.date | None:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def measurements_import(*, framework: Framework, upload) -> ImportResult:
    """Measurements from a CSV file (indicator, date, value[, note]); every row is checked, and if any is
    wrong nothing is saved, so a corrected file can simply be uploaded again."""
    result = ImportResult()
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append(
            (0, "The file is not a CSV file saved as UTF-8 text. Save it as 'CSV UTF-8' and try again.")
        )
        return result
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS if c not in headers]
    unknown = [h for h in headers if h not in CSV_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"it has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}")
        if unknown:
            problems.append(f"it has columns we do not recognise: {', '.join(unknown)}")
        result.errors.append(
            (
                1,
                f"The first row must name the columns indicator, date, value and optionally note; {' and '.join(problems)}.",
            )
        )
        return result
    reader.fieldnames = headers
    from .forms import MAX_CELL_CHARACTERS, MeasurementRowForm

    indicators = {i.code: i for i in framework.indicators.all()}
    existing = set(
        Measurement.objects.filter(indicator__framework=framework).values_list("indicator_id", "measured_on")
    )
    seen: dict[tuple[int, dt.date], int] = {}
    rows = []
    number = 1
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            result.errors.append((number, "The row could not be read: a cell is too long or has a stray character."))
            break
        if number > MAX_IMPORT_ROWS + 1:
            result.errors.append(
                (number, f"The file has more than {MAX_IMPORT_ROWS:,} rows. Split it into smaller files.")
            )
            break
        cells = [value for value in row.values() if isinstance(value, str)]
        if not any(value.strip() for value in cells):
            continue
        if any(len(value) > MAX_CELL_CHARACTERS for value in cells):
            result.errors.append((number, f"A cell is longer than {MAX_CELL_CHARACTERS:,} characters."))
            continue
        form = MeasurementRowForm(row, indicators=indicators, framework_name=framework.name)
        problems = [] if form.is_valid() else form.problems()
        if not problems:
            indicator, measured_on = form.cleaned_data["indicator"], form.cleaned_data["date"]
            key = (indicator.pk, measured_on)
            code = indicator.code
            if key in seen:
                problems.append(f"{code} has another value for {measured_on:%-d %B %Y} on row {seen[key]}")
            elif key in existing:
                problems.append(
                    f"{code} already has a measurement for {measured_on:%-d %B %Y}; change that one on the indicator's page"
                )
            else:
                seen[key] = number
        if problems:
            message = "; ".join(problems)
            result.errors.append((number, message[0].upper() + message[1:] + "."))
            continue
        rows.append(
            Measurement(
                indicator=indicator,
                measured_on=measured_on,
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
            )
        )
    if not rows and not result.errors:
        result.errors.append((0, "The file has no measurements in it."))
    if result.errors:
        return result
    from simple_history.utils import bulk_create_with_history

    with transaction.atomic():
        bulk_create_with_history(rows, Measurement, batch_size=500)
        Indicator.objects.filter(pk__in={m.indicator_id for m in rows}).update(version=F("version") + 1)
    # Bulk writes send no save signals: the dashboards drawn from these tables are made again.
    fragments.changed(Measurement, Indicator)
    result.created = len(rows)
    return result


@dataclass(frozen=True)
class Trend:
    label: str
    tag_class: str
    latest: Measurement | None
    previous: Measurement | None


def indicator_trend(indicator: Indicator, measurements: list[Measurement]) -> Trend:
    """Whether the latest measurement moved the right way, and whether the target is met (in words, not colour)."""
    if not measurements:
        return Trend("No measurements yet", "govuk-tag--grey", None, None)
    latest = measurements[-1]
    previous = measurements[-2] if len(measurements) > 1 else None
    better = (lambda a, b: a > b) if indicator.direction == Indicator.Direction.UP else (lambda a, b: a < b)
    if indicator.target_value is not None and (
        latest.value == indicator.target_value or better(latest.value, indicator.target_value)
    ):
        return Trend("Target met", "govuk-tag--green", latest, previous)
    if previous is None:
        return Trend("One measurement so far", "govuk-tag--grey", latest, previous)
    if latest.value == previous.value:
        return Trend("No change", "govuk-tag--blue", latest, previous)
    if better(latest.value, previous.value):
        return Trend("Improving", "govuk-tag--turquoise", latest, previous)
    return Trend("Getting worse", "govuk-tag--orange", latest, previous)
