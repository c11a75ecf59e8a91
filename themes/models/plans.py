"""The rolling 3-year plan (the OSP Terms of Reference 'Steering Group', Appendix D), version by version."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from partnerships.history import records_at
from partnerships.models import (
    Partnership,
    Person,
    Versioned,
)

from .themes import Theme

# ---------------------------------------------------------------------------------------------
# The rolling 3-year plan (the OSP Terms of Reference 'Steering Group', Appendix D)
# ---------------------------------------------------------------------------------------------


class PlanQuerySet(models.QuerySet):
    def in_force_on(self, day: dt.date, *, partnership_ids) -> dict[int, "Plan"]:
        """Each partnership's plan in force on a day, as it stood then: adopted by then, its latest version."""
        found: dict[int, Plan] = {}
        for plan in records_at(self.model, day, partnership_id__in=list(partnership_ids)):
            if plan.status == Plan.Status.DRAFT or (plan.adopted_on and plan.adopted_on > day):
                continue
            if plan.partnership_id not in found or plan.number > found[plan.partnership_id].number:
                found[plan.partnership_id] = plan
        return found

    def priority_titles_on(self, day: dt.date, plans) -> dict[int, list[str]]:
        """The titles of each plan's priorities as they stood on a day, in the plan's order, by plan key."""
        found: dict[int, list[str]] = {plan.pk: [] for plan in plans}
        for priority in sorted(records_at(PlanPriority, day, plan_id__in=list(found)), key=lambda p: (p.order, p.pk)):
            found[priority.plan_id].append(priority.title)
        return found

    def current_for(self, partnership: Partnership) -> "Plan | None":
        """The plan the partnership has adopted, priorities, objectives, owners and themes loaded."""
        return (
            self.filter(partnership=partnership, status=Plan.Status.CURRENT)
            .prefetch_related(
                models.Prefetch("priorities", queryset=PlanPriority.objects.select_related("owner")),
                "priorities__themes",
                models.Prefetch("priorities__objectives", queryset=PlanObjective.objects.select_related("owner")),
                "priorities__objectives__themes",
            )
            .first()
        )


class Plan(Versioned):
    """One version of a partnership's rolling 3-year plan; a revision is a new version made from the old."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        CURRENT = "current", "Current"
        SUPERSEDED = "superseded", "Superseded"

    YEARS = 3

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plans")
    number = models.PositiveSmallIntegerField("version", editable=False)
    title = models.CharField(max_length=200)
    start_year = models.PositiveSmallIntegerField(
        "first year", help_text="The year the plan starts, e.g. 2023 for a plan for 2023 to 2026."
    )
    summary = models.TextField(blank=True, help_text="What the plan sets out to do, in a few sentences.")
    revision_note = models.TextField(
        "what changed in this version",
        blank=True,
        help_text="For example what the annual planning and review meeting agreed.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    revised_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revisions", editable=False
    )
    adopted_on = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="plan_version_unique"),
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(status="current"), name="plan_one_current_per_partnership"
            ),
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(status="draft"), name="plan_one_draft_per_partnership"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    def get_absolute_url(self) -> str:
        return reverse("themes:plan_detail", args=[self.pk])

    @property
    def end_year(self) -> int:
        return self.start_year + self.YEARS

    @property
    def years_label(self) -> str:
        return f"{self.start_year} to {self.end_year}"

    @property
    def is_editable(self) -> bool:
        """Only a draft changes; adopted and earlier versions stay as they were agreed."""
        return self.status == self.Status.DRAFT


class PlanPriority(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=600)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    themes = models.ManyToManyField(Theme, blank=True, related_name="plan_priorities", verbose_name="linked themes")
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies", editable=False
    )
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name_plural = "plan priorities"

    def __str__(self) -> str:
        return self.title


class PlanObjective(Versioned):
    priority = models.ForeignKey(PlanPriority, on_delete=models.CASCADE, related_name="objectives")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField("objective")
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    themes = models.ManyToManyField(Theme, blank=True, related_name="plan_objectives", verbose_name="linked themes")
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies", editable=False
    )
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
