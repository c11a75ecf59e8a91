"""A group's reports to the steering group, and the agenda items that take them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .challenges import _date
from .groups import TaskGroup


class GroupReport(models.Model):
    """A progress report from a group to the steering group; the agenda items that took it list every time it did."""

    group = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="reports")
    agenda_items = models.ManyToManyField(
        "meetings.AgendaItem", through="GroupReportItem", related_name="group_reports", blank=True
    )
    title = models.CharField(max_length=200)
    presented_on = models.DateField("date reported to the steering group")
    summary = models.TextField("progress", help_text="Progress against the objectives and milestones.")
    asks = models.TextField("asks of the steering group", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-presented_on", "-pk"]
        indexes = [models.Index(fields=["group", "presented_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({_date(self.presented_on)})"

    def get_absolute_url(self) -> str:
        return f"{self.group.get_absolute_url()}#report-{self.pk}"


class GroupReportItem(models.Model):
    """The agenda item that takes a group's report to a meeting: one report per item, kept by the taskgroups app."""

    item = models.OneToOneField("meetings.AgendaItem", on_delete=models.CASCADE, related_name="group_report_link")
    report = models.ForeignKey(GroupReport, on_delete=models.CASCADE, related_name="agenda_links")

    class Meta:
        verbose_name = "agenda item taking a task-and-finish group report"

    def __str__(self) -> str:
        return f"{self.item}: {self.report}"

    def clean(self):
        if self.report_id and self.item_id and self.report.group.partnership_id != self.item.meeting.partnership_id:
            raise ValidationError({"report": "Choose a report from one of this partnership's task-and-finish groups."})
