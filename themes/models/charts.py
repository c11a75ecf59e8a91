"""Indicator charts as last drawn, so a dashboard reads its drawings instead of making them again."""

from django.db import models

from .outcomes import Indicator


class IndicatorChart(models.Model):
    """One indicator's chart at one size, with a digest of everything it was drawn from.

    A chart is drawn when its figures change and read back on every page that shows it, even when the
    cache is empty: a stored drawing is used only while its digest matches the figures it would show.
    """

    class Size(models.TextChoices):
        SMALL = "small", "Small, on dashboards"
        FULL = "full", "Full, on the indicator's page and in reports"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="charts")
    size = models.CharField(max_length=5, choices=Size.choices)
    digest = models.CharField(max_length=32)
    svg = models.TextField()
    drawn_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "size"], name="indicator_chart_one_per_size")]

    def __str__(self) -> str:
        return f"{self.indicator} ({self.size})"
