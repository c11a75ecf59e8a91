"""Achievements and their figures (the OSP annual update to Council (March 2023) §16-35)."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerships.history import records_at
from partnerships.models import (
    Partnership,
    Versioned,
    financial_year_bounds,
    financial_year_label,
    financial_year_of,
    lines,
)

from .themes import Theme

# ---------------------------------------------------------------------------------------------
# Achievements (the OSP annual update to Council (March 2023) §16-35)
# ---------------------------------------------------------------------------------------------


class AchievementQuerySet(models.QuerySet):
    def in_year(self, year: int):
        """Achievements dated in the financial year starting in April of `year`."""
        return self.filter(achieved_on__range=financial_year_bounds(year))

    def in_year_as_at(self, year: int, day: dt.date, *, partnership_ids) -> list["Achievement"]:
        """Achievements dated in the year as they stood on a day, figures loaded, in date order: what a report says."""
        start, end = financial_year_bounds(year)
        found = records_at(self.model, day, partnership_id__in=list(partnership_ids), achieved_on__range=(start, end))
        live = {a.pk: a for a in self.filter(pk__in=[a.pk for a in found]).prefetch_related("figures")}
        for achievement in found:
            achievement._prefetched_objects_cache = live[achievement.pk]._prefetched_objects_cache
        return sorted(found, key=lambda a: (a.achieved_on, a.pk))

    def for_partnership_year(self, partnership: Partnership, year: int, *, include_sub_groups: bool = False):
        """Achievements dated in the financial year starting in April of `year`, figures loaded, by theme."""
        ids = {partnership.pk}
        if include_sub_groups:
            ids |= Partnership.objects.descendant_ids(partnership.pk)
        return (
            self.in_year(year)
            .filter(partnership_id__in=ids)
            .select_related("theme", "partnership")
            .prefetch_related("figures")
            .order_by("theme__order", "theme__title", "achieved_on", "pk")
        )


class Achievement(Versioned):
    """Dated activity and results of a partnership or one of its themes, with figures where there are any."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="achievements")
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="achievements")
    achieved_on = models.DateField("date")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    evidence_links = models.TextField(
        blank=True, help_text="Links to reports, web pages or news about it: one web address per line."
    )
    history = HistoricalRecords()

    objects = AchievementQuerySet.as_manager()

    class Meta:
        ordering = ["-achieved_on", "-pk"]
        indexes = [models.Index(fields=["partnership", "achieved_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def year_label(self) -> str:
        return financial_year_label(financial_year_of(self.achieved_on))

    @property
    def links(self) -> list[str]:
        return lines(self.evidence_links)

    def clean(self):
        errors = {}
        validate = URLValidator(schemes=["http", "https"])
        for link in self.links:
            try:
                validate(link)
            except ValidationError:
                errors["evidence_links"] = (
                    f"“{link}” is not a web address. Enter one address per line, starting https://"
                )
                break
        if self.theme_id and self.partnership_id and self.theme.partnership_id != self.partnership_id:
            errors["theme"] = "Choose one of this partnership's own themes."
        if errors:
            raise ValidationError(errors)


class AchievementFigure(models.Model):
    """A number that shows a result: 137 placements, 71 young people, over £350,000 of funding."""

    class Qualifier(models.TextChoices):
        EXACTLY = "", "Exactly"
        OVER = "over", "Over"
        ABOUT = "about", "About"
        UP_TO = "up to", "Up to"

    PREFIX_UNITS = ("£", "$", "€")

    achievement = models.ForeignKey(Achievement, on_delete=models.CASCADE, related_name="figures")
    qualifier = models.CharField(max_length=10, choices=Qualifier.choices, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=40, blank=True, help_text="For example £, %, placements, young people.")
    counts = models.CharField(
        "what it counts",
        max_length=200,
        blank=True,
        help_text="For example 'of government funding for local employers'.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.CheckConstraint(condition=Q(value__gte=0), name="achievement_figure_not_negative")]

    def __str__(self) -> str:
        return self.display

    @property
    def number(self) -> str:
        value = Decimal(self.value)
        text = f"{value:,.0f}" if value == value.to_integral() else f"{value:,.2f}"
        if self.unit in self.PREFIX_UNITS:
            return f"{self.unit}{text}"
        if self.unit == "%":
            return f"{text}%"
        return f"{text} {self.unit}".strip()

    @property
    def display(self) -> str:
        return " ".join(part for part in (self.qualifier, self.number, self.counts) if part)
