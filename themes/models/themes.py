"""Themes and their twice-yearly reports (the OSP Terms of Reference Appendix B), and the agenda items that take them."""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from partnerships.models import (
    Partnership,
    Person,
    Versioned,
    financial_year_label,
    financial_year_of,
)


def _on_or_after(start: dt.date, month: int, day: int) -> dt.date:
    """The first `day month` on or after `start`; 29 February falls back to the 28th in other years."""
    for year in (start.year, start.year + 1):
        last = calendar.monthrange(year, month)[1]
        candidate = dt.date(year, month, min(day, last))
        if candidate >= start:
            return candidate
    raise AssertionError("unreachable: a month and day always recur within a year")


# ---------------------------------------------------------------------------------------------
# Themes and their twice-yearly reports (the OSP Terms of Reference Appendix B)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportPeriod:
    """One of the two half-years a theme reports on: first half April to September, second October to March."""

    year: int
    half: int

    @property
    def starts_on(self) -> dt.date:
        return dt.date(self.year, 4, 1) if self.half == 1 else dt.date(self.year, 10, 1)

    @property
    def ends_on(self) -> dt.date:
        return dt.date(self.year, 9, 30) if self.half == 1 else dt.date(self.year + 1, 3, 31)

    @property
    def label(self) -> str:
        months = "April to September" if self.half == 1 else "October to March"
        return f"{financial_year_label(self.year)} {'first' if self.half == 1 else 'second'} half ({months})"

    @property
    def short_label(self) -> str:
        return f"{financial_year_label(self.year)} H{self.half}"


class ThemeReportSchedule(Versioned):
    """When a partnership's themes owe their reports: two due dates a year, set per partnership.

    The first half-year's report is due on the first due date after 1 April, the second half-year's on
    the first second due date after 1 October, which may fall in the next calendar or financial year.
    """

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="theme_report_schedule")
    first_due_month = models.PositiveSmallIntegerField(
        "month the first half-year's report is due", default=10, help_text="1 for January, 12 for December."
    )
    first_due_day = models.PositiveSmallIntegerField("day of that month", default=31)
    second_due_month = models.PositiveSmallIntegerField("month the second half-year's report is due", default=4)
    second_due_day = models.PositiveSmallIntegerField("day of that month", default=30)
    reminder_days = models.PositiveSmallIntegerField(
        "days before the due date to send a reminder", default=14, help_text="The lead officer is emailed then."
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(first_due_month__range=(1, 12)) & Q(second_due_month__range=(1, 12)),
                name="theme_schedule_months_valid",
            ),
            models.CheckConstraint(
                condition=Q(first_due_day__range=(1, 31)) & Q(second_due_day__range=(1, 31)),
                name="theme_schedule_days_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Theme report dates for {self.partnership}"

    @classmethod
    def for_partnership(cls, partnership: Partnership) -> "ThemeReportSchedule":
        """The partnership's schedule, or the default one (not saved) if it has not set its own."""
        try:
            return partnership.theme_report_schedule
        except cls.DoesNotExist:
            return cls(partnership=partnership)

    def clean(self):
        errors = {}
        for month_field, day_field in (("first_due_month", "first_due_day"), ("second_due_month", "second_due_day")):
            month, day = getattr(self, month_field), getattr(self, day_field)
            if month is None or not 1 <= month <= 12:
                errors[month_field] = "Enter a month from 1 to 12."
            elif day is None or not 1 <= day <= calendar.monthrange(2024, month)[1]:
                errors[day_field] = f"{calendar.month_name[month]} does not have a day {day}."
        if errors:
            raise ValidationError(errors)

    def due_on(self, period: ReportPeriod) -> dt.date:
        if period.half == 1:
            return _on_or_after(period.starts_on, self.first_due_month, self.first_due_day)
        return _on_or_after(period.starts_on, self.second_due_month, self.second_due_day)

    def periods_due_between(self, start: dt.date, end: dt.date) -> list[tuple[ReportPeriod, dt.date]]:
        """Every half-year whose report falls due from `start` to `end` inclusive, earliest first."""
        found = []
        for year in range(financial_year_of(start) - 1, financial_year_of(end) + 1):
            for half in (1, 2):
                period = ReportPeriod(year, half)
                due = self.due_on(period)
                if start <= due <= end:
                    found.append((period, due))
        return sorted(found, key=lambda item: item[1])


class ThemeQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Theme.Status.CLOSED)


class Theme(Versioned):
    """A strategic theme or priority area, led by a sub-group and a lead officer (the OSP Terms of Reference Appendix B)."""

    class Status(models.TextChoices):
        PRIORITY = "priority", "Priority"
        BUSINESS_AS_USUAL = "business_as_usual", "Business as usual"
        CLOSED = "closed", "Closed"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="What the theme leads on, in a few sentences.")
    lead_group = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_themes",
        verbose_name="lead sub-group",
    )
    lead_officer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_themes",
        help_text="Drafts and submits the theme's reports and is reminded when one is due.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PRIORITY)
    starts_on = models.DateField("start date", null=True, blank=True)
    ends_on = models.DateField("end date", null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "title"], name="theme_title_unique_in_partnership"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="theme_ends_after_start",
            ),
            models.CheckConstraint(condition=~Q(lead_group=models.F("partnership")), name="theme_led_by_a_sub_group"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("themes:theme_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The end date must be on or after the start date."
        if (
            self.lead_group_id
            and self.partnership_id
            and self.lead_group_id not in Partnership.objects.descendant_ids(self.partnership_id)
        ):
            errors["lead_group"] = f"Choose one of {self.partnership}'s own sub-groups to lead this theme."
        if errors:
            raise ValidationError(errors)

    def owes_report_for(self, period: ReportPeriod) -> bool:
        """A theme reports on the half-years it runs in; a closed theme reports no more."""
        if self.status == self.Status.CLOSED:
            return False
        if self.starts_on and period.ends_on < self.starts_on:
            return False
        return not (self.ends_on and period.starts_on > self.ends_on)


class ThemeReportQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ThemeReport.Status.SUBMITTED)

    def for_partnership_year(self, partnership: Partnership, year: int):
        """A partnership's theme reports for the financial year starting in April of `year`, by theme."""
        return (
            self.filter(theme__partnership=partnership, year=year)
            .select_related("theme", "theme__lead_group", "theme__lead_officer", "submitted_by")
            .order_by("theme__order", "theme__title", "half")
        )


class ThemeReport(Versioned):
    """A theme's half-yearly report to the steering group, on the template of the OSP Terms of Reference Appendix B."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    class Half(models.IntegerChoices):
        FIRST = 1, "First half (April to September)"
        SECOND = 2, "Second half (October to March)"

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="reports")
    agenda_items = models.ManyToManyField(
        "meetings.AgendaItem", through="ThemeReportItem", related_name="theme_reports", blank=True
    )
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts, e.g. 2022 for 2022/23.")
    half = models.PositiveSmallIntegerField(choices=Half.choices)
    due_on = models.DateField("due date")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    progress = models.TextField("progress since the last report", blank=True)
    challenges = models.TextField(
        "challenges and blocks", blank=True, help_text="Barriers the steering group could help to remove."
    )
    collaboration = models.TextField(
        "opportunities for collaboration", blank=True, help_text="Where this theme could work with other themes."
    )
    task_and_finish = models.TextField(
        "possible task and finish projects", blank=True, help_text="Problems a short-lived group could take on."
    )
    asks = models.TextField(
        "asks of the steering group", blank=True, help_text="What you would like the partners to do."
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    objects = ThemeReportQuerySet.as_manager()

    TEMPLATE_FIELDS = ("progress", "challenges", "collaboration", "task_and_finish", "asks")

    class Meta:
        ordering = ["-year", "-half", "theme__title"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.UniqueConstraint(fields=["theme", "year", "half"], name="theme_report_one_per_half_year"),
            models.CheckConstraint(condition=Q(half__in=[1, 2]), name="theme_report_half_valid"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False), name="theme_report_submitted_has_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme}: {self.period.label}"

    def get_absolute_url(self) -> str:
        return reverse("themes:theme_report_detail", args=[self.pk])

    @property
    def period(self) -> ReportPeriod:
        return ReportPeriod(self.year, self.half)

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def sections(self) -> list[tuple[str, str]]:
        """The template's headings and what was written under each, for pages, packs and reports."""
        return [
            (str(self._meta.get_field(name).verbose_name).capitalize(), getattr(self, name))
            for name in self.TEMPLATE_FIELDS
        ]

    def clean(self):
        if self.status == self.Status.SUBMITTED and not self.progress.strip():
            raise ValidationError({"progress": "Describe the progress since the last report before submitting."})


class ThemeReportItem(models.Model):
    """The agenda item that takes a theme's report to a meeting: one report per item, kept by the themes app."""

    item = models.OneToOneField("meetings.AgendaItem", on_delete=models.CASCADE, related_name="theme_report_link")
    report = models.ForeignKey(ThemeReport, on_delete=models.CASCADE, related_name="agenda_links")

    class Meta:
        verbose_name = "agenda item taking a theme report"

    def __str__(self) -> str:
        return f"{self.item}: {self.report}"

    def clean(self):
        if self.report_id and self.item_id and self.report.theme.partnership_id != self.item.meeting.partnership_id:
            raise ValidationError({"report": "Choose a report from one of this partnership's themes."})


class ThemeReportReminder(models.Model):
    """A reminder sent about a report, kept so that the daily job never sends the same one twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Due soon"
        OVERDUE = "overdue", "Overdue"

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="reminders")
    year = models.PositiveSmallIntegerField()
    half = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["theme", "year", "half", "kind"], name="theme_reminder_sent_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder: {self.theme}, {ReportPeriod(self.year, self.half).short_label}"
