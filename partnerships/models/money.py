"""A partnership's money: its budget, what each organisation contributes and the funding it wins."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .base import Versioned, financial_year_label
from .register import Organisation, Partnership


class Budget(Versioned):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts, e.g. 2022 for 2022/23.")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    funded_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funded_budgets",
        help_text="The organisation that pays for the whole budget, such as a host council; it counts as its "
        "contribution.",
    )
    notes = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="budget_one_per_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.partnership} budget {self.year_label}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)


class Contribution(Versioned):
    """What an organisation pays towards a partnership in a year (Cambridge City Council's Annual Review of Strategic Partnerships 2024 §4.1–4.2)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="contributions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="contributions")
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts, e.g. 2023 for 2023/24.")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    purpose = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "organisation", "year"], name="contribution_one_per_year"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="contribution_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} to {self.partnership}, {self.year_label}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)


class FundingAward(Versioned):
    """Funding a partnership won (the OSP annual update to Council (March 2023) §32–33: £75,000 from Innovate UK)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="funding_awards")
    funder = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    match_funding = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts: 2022 for 2022/23.")
    awarded_on = models.DateField(null=True, blank=True)
    purpose = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-awarded_on"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="funding_award_positive")]

    def __str__(self) -> str:
        return f"{self.funder} to {self.partnership}, {self.year_label}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)
