"""The challenges programme: each challenge round the cycle of the OSP Terms of Reference, step by dated step."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.history import records_at
from partnerships.models import Organisation, Partnership, Person, Versioned


def _date(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"


class ChallengeQuerySet(models.QuerySet):
    def open(self):
        """Challenges still going round the cycle: everything not closed."""
        return self.exclude(stage=Challenge.Stage.CLOSED)

    def open_for(self, partnership: Partnership):
        """A partnership's open challenges, for forward planning in its annual report."""
        return self.open().filter(partnership=partnership)

    def open_on(self, day: dt.date, *, partnership: Partnership) -> list[tuple["Challenge", str]]:
        """A partnership's challenges raised by a day and open then, as they stood, each with its stage then."""
        challenges = [c for c in records_at(self.model, day, partnership_id=partnership.pk) if c.raised_on <= day]
        stages: dict[int, str] = {}
        for change in ChallengeStageChange.objects.filter(
            challenge_id__in=[c.pk for c in challenges], changed_on__lte=day
        ).order_by("changed_on", "recorded_at", "pk"):
            stages[change.challenge_id] = change.stage
        found = []
        for challenge in sorted(challenges, key=lambda c: (c.priority or 9, c.raised_on, c.title)):
            stage = stages.get(
                challenge.pk, challenge.stage if challenge.stage_changed_on <= day else Challenge.Stage.HIGHLIGHTED
            )
            if stage != Challenge.Stage.CLOSED:
                found.append((challenge, stage))
        return found

    def with_stage_order(self):
        return self.annotate(
            stage_order=models.Case(
                *[models.When(stage=value, then=index) for index, value in enumerate(Challenge.Stage.values)],
                output_field=models.IntegerField(),
            )
        )


class Challenge(Versioned):
    """An issue the partnership has identified as benefiting from collective action (the OSP Terms of Reference 'OSP Aims')."""

    class Stage(models.TextChoices):
        # The OSP Terms of Reference 'How the OSP will achieve its aims': the four steps of the cycle, then closed.
        HIGHLIGHTED = "highlighted", "Highlighted to a wider audience"
        INFLUENCE = "influence", "Influence exerted"
        ACTION = "action", "Actions prompted"
        REVIEW = "review", "Outcomes reviewed"
        CLOSED = "closed", "Closed"

    class Priority(models.IntegerChoices):
        HIGH = 1, "High"
        MEDIUM = 2, "Medium"
        LOW = 3, "Low"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="challenges")
    title = models.CharField(max_length=200)
    description = models.TextField(help_text="What the issue is and why it needs collective action.")
    raised_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="challenges_raised"
    )
    raised_by_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="challenges_raised"
    )
    raised_on = models.DateField(default=dt.date.today)
    priority = models.PositiveSmallIntegerField(
        choices=Priority.choices,
        null=True,
        blank=True,
        help_text="Set by the steering group. Leave empty until it has prioritised the challenge.",
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.HIGHLIGHTED)
    stage_changed_on = models.DateField(default=dt.date.today)
    follows_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ons",
        verbose_name="follows on from",
        help_text="The earlier challenge that led to this one.",
    )
    raised_by_group = models.ForeignKey(
        "TaskGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_on_challenges",
        verbose_name="raised by the task-and-finish group",
    )
    themes = models.ManyToManyField(
        "themes.Theme",
        blank=True,
        related_name="challenges",
        verbose_name="themes it touches",
        help_text="The strategic themes or priority areas the challenge touches.",
    )
    history = HistoricalRecords(m2m_fields=[themes])

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "-raised_on", "title"]
        indexes = [models.Index(fields=["partnership", "stage"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage_changed_on__gte=models.F("raised_on")), name="challenge_stage_after_raised"
            ),
            models.CheckConstraint(
                condition=Q(follows_from__isnull=True) | ~Q(follows_from=models.F("id")),
                name="challenge_not_own_follow_on",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("taskgroups:challenge_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.stage != self.Stage.CLOSED

    @property
    def stage_number(self) -> int:
        """1 to 4 round the cycle, 5 when closed."""
        return self.Stage.values.index(self.stage) + 1

    @property
    def raised_by_label(self) -> str:
        parts = [str(self.raised_by) if self.raised_by_id else "", str(self.raised_by_organisation or "")]
        return ", ".join(part for part in parts if part)

    def clean(self):
        errors = {}
        if self.follows_from_id:
            if self.pk and self.follows_from_id == self.pk:
                errors["follows_from"] = "A challenge cannot follow on from itself."
            elif self.partnership_id and self.follows_from.partnership_id != self.partnership_id:
                errors["follows_from"] = "A follow-on challenge belongs to the same partnership as the one it follows."
        if self.raised_on and self.raised_on > dt.date.today():
            errors["raised_on"] = "The date it was raised cannot be in the future."
        if errors:
            raise ValidationError(errors)


class ChallengeStageChange(models.Model):
    """One step of a challenge round the cycle, dated and kept (the partnership shows what it did with each issue)."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(max_length=20, choices=Challenge.Stage.choices)
    changed_on = models.DateField()
    note = models.TextField(blank=True, help_text="What the partnership did, or why the challenge moved on.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_on", "recorded_at", "pk"]
        get_latest_by = ["changed_on", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.challenge}: {self.get_stage_display()} on {_date(self.changed_on)}"
