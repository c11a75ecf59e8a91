"""Task-and-finish groups (the OSP Terms of Reference Appendix C): their members, milestones and reminders."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from partnerships.jobs import BackgroundJob
from partnerships.models import Membership, Organisation, Partnership, Person, Versioned, lines

from .challenges import Challenge, _date


class TaskGroupQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=TaskGroup.Status.CLOSED)

    def open_for(self, partnership: Partnership):
        """A partnership's groups still at work, for forward planning in its annual report."""
        return self.open().filter(partnership=partnership)

    def open_on(self, day: dt.date):
        """Groups at work on a day: started by then and not closed by then."""
        return self.filter(start_date__lte=day).exclude(status=TaskGroup.Status.CLOSED, closed_on__lte=day)

    def closed_between(self, start: dt.date, end: dt.date):
        """Groups that closed in a period, with their outcomes reviewed: what a year's report looks back on."""
        return self.filter(status=TaskGroup.Status.CLOSED, closed_on__range=(start, end))

    def with_last_report(self):
        return self.annotate(last_reported_on=models.Max("reports__presented_on"))


class TaskGroup(Versioned):
    """A task-and-finish group (the OSP Terms of Reference Appendix C), established for one challenge."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        DEFINING = "defining", "Defining the problem"
        ACTIVE = "active", "Active"
        REPORTING = "reporting", "Reporting"
        CLOSED = "closed", "Closed"

    class Definition(models.TextChoices):
        DRAFT = "draft", "Draft"
        AGREED = "agreed", "Agreed"

    class Cadence(models.IntegerChoices):
        MONTHLY = 1, "Every month"
        BIMONTHLY = 2, "Every two months"
        QUARTERLY = 3, "Every quarter"
        TWICE_YEARLY = 6, "Twice a year"

    # Work can only proceed once the exact definition of the problem is agreed (the OSP Terms of Reference Appendix C).
    WORKING_STATUSES = (Status.ACTIVE, Status.REPORTING, Status.CLOSED)
    STARTED_STATUSES = (Status.DEFINING, Status.ACTIVE, Status.REPORTING)

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="task_groups", verbose_name="established by"
    )
    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="task_groups")
    name = models.CharField(max_length=200)
    problem_definition = models.TextField(
        "exact definition of the problem",
        blank=True,
        help_text="Defining the problem takes time; once it is understood, work can proceed quickly.",
    )
    definition_status = models.CharField(
        "status of the definition", max_length=10, choices=Definition.choices, default=Definition.DRAFT
    )
    definition_agreed_on = models.DateField("date the definition was agreed", null=True, blank=True)
    objectives = models.TextField(blank=True, help_text="One objective per line.")
    lead_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="task_groups_led", verbose_name="lead"
    )
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="task_groups_led"
    )
    link_member = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="task_groups_linked",
        help_text="A current member of the steering group who keeps regular contact with the group.",
    )
    start_date = models.DateField()
    end_date = models.DateField("required end date")
    report_every_months = models.PositiveSmallIntegerField(
        "reports to the steering group", choices=Cadence.choices, default=Cadence.QUARTERLY
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    outcomes = models.TextField(
        "outcomes against the objectives", blank=True, help_text="What the group achieved against each objective."
    )
    evidence = models.TextField(blank=True, help_text="Figures, reports or decisions that show the outcomes.")
    outcomes_reviewed_on = models.DateField("date the outcomes were reviewed", null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = TaskGroupQuerySet.as_manager()

    class Meta:
        ordering = ["end_date", "name"]
        indexes = [models.Index(fields=["partnership", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="taskgroup_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed")
                | (Q(outcomes_reviewed_on__isnull=False, closed_on__isnull=False) & ~Q(outcomes="")),
                name="taskgroup_closed_with_outcomes_review",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["active", "reporting", "closed"]) | Q(definition_status="agreed"),
                name="taskgroup_works_on_agreed_definition",
            ),
            models.CheckConstraint(
                condition=Q(definition_status="draft") | Q(definition_agreed_on__isnull=False),
                name="taskgroup_agreed_definition_dated",
            ),
            models.CheckConstraint(
                condition=Q(lead_person__isnull=False) | Q(lead_organisation__isnull=False),
                name="taskgroup_has_a_lead",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("taskgroups:group_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED

    @property
    def objectives_list(self) -> list[str]:
        return lines(self.objectives)

    @property
    def lead_label(self) -> str:
        parts = [str(self.lead_person) if self.lead_person_id else "", str(self.lead_organisation or "")]
        return ", ".join(part for part in parts if part)

    def last_report_date(self) -> dt.date | None:
        if hasattr(self, "last_reported_on"):
            return self.last_reported_on
        return self.reports.aggregate(last=models.Max("presented_on"))["last"]

    def next_report_due(self) -> dt.date | None:
        """The next report to the steering group, at the group's cadence from its last report or its start."""
        if self.status not in self.STARTED_STATUSES:
            return None
        since = self.last_report_date() or self.start_date
        return since + relativedelta(months=self.report_every_months)

    def was_open_on(self, day: dt.date) -> bool:
        """At work on a day, as `TaskGroupQuerySet.open_on` asks of a record as it stood then."""
        started = bool(self.start_date and self.start_date <= day)
        return started and not (self.status == self.Status.CLOSED and self.closed_on and self.closed_on <= day)

    def is_past_end(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.end_date < (today or dt.date.today())

    def _link_member_changed(self) -> bool:
        if not self.pk:
            return True
        before = TaskGroup.objects.filter(pk=self.pk).values_list("link_member_id", flat=True).first()
        return before != self.link_member_id

    def clean(self):
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The required end date must be on or after the start date."
        if not self.lead_person_id and not self.lead_organisation_id:
            errors["lead_person"] = "Name the person or the organisation that leads the group."
        if self.definition_status == self.Definition.AGREED and not self.problem_definition.strip():
            errors["problem_definition"] = "Write the definition of the problem before it is agreed."
        if self.status in self.WORKING_STATUSES and self.definition_status != self.Definition.AGREED:
            errors["status"] = (
                "Agree the exact definition of the problem before the group starts work: "
                "once the definition is understood, work can proceed quickly."
            )
        if self.status == self.Status.CLOSED and not (self.outcomes.strip() and self.outcomes_reviewed_on):
            errors["outcomes"] = "Review the outcomes against the objectives before closing the group."
        if self.closed_on and self.start_date and self.closed_on < self.start_date:
            errors["closed_on"] = "The group cannot close before it started."
        if self.challenge_id and self.partnership_id and self.challenge.partnership_id != self.partnership_id:
            errors["challenge"] = "Choose one of this partnership's own challenges."
        if (
            self.link_member_id
            and self.partnership_id
            and self.status != self.Status.CLOSED
            and self._link_member_changed()
        ):
            holds_seat = (
                Membership.objects.current()
                .seats()
                .filter(partnership_id=self.partnership_id, person_id=self.link_member_id)
                .exists()
            )
            if not holds_seat:
                errors["link_member"] = (
                    f"{self.link_member} does not hold a current seat on the steering group of {self.partnership}. "
                    "The link member must be a current steering group member."
                )
        if errors:
            raise ValidationError(errors)


class TaskGroupMember(models.Model):
    """Someone working in a group; they may come from organisations outside the partnership (Appendix C)."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        MEMBER = "member", "Member"
        SUPPORT = "support", "Supporting officer"

    group = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="task_group_places")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="task_group_places",
        verbose_name="organisation they bring",
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    expertise = models.CharField(
        "knowledge or skills they bring", max_length=300, blank=True, help_text="Why this is the right person."
    )
    joined_on = models.DateField(default=dt.date.today)
    left_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="taskgroup_member_once"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="taskgroup_member_leaves_after_joining",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.group}"

    def clean(self):
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": "The date they left must be on or after the date they joined."})


class Milestone(Versioned):
    class Status(models.TextChoices):
        PLANNED = "planned", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    FINISHED = (Status.DONE, Status.DROPPED)

    group = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField("due date")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    completed_on = models.DateField("date done", null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(completed_on__isnull=False), name="milestone_done_is_dated"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status not in self.FINISHED and self.due_on < (today or dt.date.today())

    def clean(self):
        errors = {}
        if self.status == self.Status.DONE and not self.completed_on:
            errors["completed_on"] = "Enter the date the milestone was done."
        if self.status != self.Status.DONE and self.completed_on:
            errors["completed_on"] = "Only a milestone that is done has a date done. Leave this empty."
        if self.group_id and self.due_on:
            group = self.group
            if self.due_on < group.start_date:
                errors["due_on"] = f"A milestone cannot fall due before the group starts on {_date(group.start_date)}."
            elif self.due_on > group.end_date:
                errors["due_on"] = (
                    f"A milestone must fall due by the group's required end date, {_date(group.end_date)}. "
                    "Change the end date first if the group needs longer."
                )
        if self.completed_on and self.completed_on > dt.date.today():
            errors["completed_on"] = "The date done cannot be in the future."
        if errors:
            raise ValidationError(errors)


class Reminder(BackgroundJob):
    """An email to a group's lead before something falls due; the unique keys stop it ever going twice."""

    task_path = "taskgroups.tasks.send_reminder"

    class Kind(models.TextChoices):
        END = "end", "Required end date"
        MILESTONE = "milestone", "Milestone"
        REPORT = "report", "Report to the steering group"

    group = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="reminders")
    milestone = models.ForeignKey(Milestone, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_on = models.DateField()
    recipient = models.EmailField(blank=True)

    class Meta:
        ordering = ["-due_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "kind", "due_on"],
                condition=Q(milestone__isnull=True),
                name="reminder_once_per_group_date",
            ),
            models.UniqueConstraint(
                fields=["milestone", "due_on"], condition=Q(milestone__isnull=False), name="reminder_once_per_milestone"
            ),
            models.CheckConstraint(
                condition=Q(kind="milestone", milestone__isnull=False)
                | (~Q(kind="milestone") & Q(milestone__isnull=True)),
                name="reminder_milestone_kind",
            ),
        ]

    def __str__(self) -> str:
        what = self.milestone.title if self.milestone_id else self.get_kind_display().lower()
        return f"Reminder to {self.group}: {what} due {_date(self.due_on)}"
