"""A partnership's forward programme: what the Chair is taking forward, and the topics for future workshops."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerships.models import Partnership


class ProgrammeItemQuerySet(models.QuerySet):
    def on(self, day: dt.date):
        """Items on the programme on a day: added by then and not yet taken off."""
        return self.filter(added_on__lte=day).filter(Q(removed_on__isnull=True) | Q(removed_on__gt=day))


class ProgrammeItem(models.Model):
    """One line of the forward programme, kept so that a report for any date shows the programme as it stood."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", "Forward programme"
        WORKSHOP = "workshop", "Future workshop agenda item"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="programme_items")
    year = models.PositiveSmallIntegerField(help_text="The calendar year the programme of work is for, e.g. 2023.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PROGRAMME)
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    added_on = models.DateField("date added to the programme", default=dt.date.today)
    removed_on = models.DateField("date taken off the programme", null=True, blank=True)
    history = HistoricalRecords()

    objects = ProgrammeItemQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "year", "kind", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True) | Q(removed_on__gte=models.F("added_on")),
                name="programme_item_removed_after_added",
            )
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        if self.removed_on and self.added_on and self.removed_on < self.added_on:
            raise ValidationError(
                {"removed_on": "The date it was taken off must be on or after the date it was added."}
            )
