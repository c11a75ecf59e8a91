"""The outcomes framework (the Shared Ambition paper (CA Board, 16 October 2024) §2.3-2.4, §5, §6.5)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from partnerships.models import (
    Partnership,
    Versioned,
    lines,
)

from .achievements import AchievementFigure

# ---------------------------------------------------------------------------------------------
# The outcomes framework (the Shared Ambition paper (CA Board, 16 October 2024) §2.3-2.4, §5, §6.5)
# ---------------------------------------------------------------------------------------------


class Framework(Versioned):
    """An outcomes framework: one statement, guiding values, outcomes and their commitments, and measures."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="frameworks")
    name = models.CharField(max_length=200)
    statement = models.TextField(blank=True)
    guiding_values = models.TextField("values", blank=True, help_text="One value per line.")
    horizon_year = models.PositiveSmallIntegerField("the year it looks to", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="framework_name_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("themes:framework_dashboard", args=[self.pk])

    @property
    def values_list(self) -> list[str]:
        return lines(self.guiding_values)


class Outcome(Versioned):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="outcomes")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "name"], name="outcome_name_unique")]

    def __str__(self) -> str:
        return self.name


class Commitment(Versioned):
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="commitments")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["outcome", "name"], name="commitment_name_unique")]

    def __str__(self) -> str:
        return self.name


class Indicator(Versioned):
    """A measure of progress (the Shared Ambition paper (CA Board, 16 October 2024) §6.5): high-level measures change slowly, proxy measures sooner."""

    class Kind(models.TextChoices):
        HIGH_LEVEL = "high_level", "High-level measure"
        PROXY = "proxy", "Proxy measure"

    class Direction(models.TextChoices):
        UP = "up", "Higher is better"
        DOWN = "down", "Lower is better"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="indicators")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="indicators")
    commitment = models.ForeignKey(
        Commitment, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    code = models.SlugField(
        max_length=60, help_text="A short name used in spreadsheets of measurements, e.g. healthy-life-expectancy."
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.HIGH_LEVEL)
    unit = models.CharField(max_length=30, blank=True, help_text="For example %, years, £ or tonnes.")
    direction = models.CharField("direction of good", max_length=4, choices=Direction.choices, default=Direction.UP)
    baseline_value = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    baseline_on = models.DateField("baseline date", null=True, blank=True)
    target_value = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    target_on = models.DateField("target date", null=True, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where the figures come from.")
    is_illustrative = models.BooleanField(
        "illustrative figures", default=False, help_text="Shown with a label: the figures are examples, not real data."
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["outcome__order", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="indicator_code_unique_in_framework"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("themes:indicator_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.outcome_id and self.framework_id and self.outcome.framework_id != self.framework_id:
            errors["outcome"] = "Choose one of this framework's outcomes."
        if self.commitment_id and self.outcome_id and self.commitment.outcome_id != self.outcome_id:
            errors["commitment"] = f"Choose a commitment under the {self.outcome} outcome, or none."
        if errors:
            raise ValidationError(errors)

    def format_value(self, value) -> str:
        if value is None:
            return ""
        value = Decimal(value).normalize()
        text = f"{value:,f}" if value != value.to_integral() else f"{value:,.0f}"
        if self.unit in AchievementFigure.PREFIX_UNITS:
            return f"{self.unit}{text}"
        if self.unit == "%":
            return f"{text}%"
        return f"{text} {self.unit}".strip()


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField("date")
    value = models.DecimalField(max_digits=14, decimal_places=3)
    note = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "measured_on"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "measured_on"], name="measurement_one_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} on {self.measured_on}"
