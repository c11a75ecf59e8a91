"""Records held for a span of dates (seats, places): the one way to ask which were held when."""

import datetime as dt

from django.db import models
from django.db.models import Q


def held_between(first: dt.date, last: dt.date) -> Q:
    """Held at any time from `first` to `last`; an unknown start or end leaves that side open."""
    return (Q(start_date__isnull=True) | Q(start_date__lte=last)) & (Q(end_date__isnull=True) | Q(end_date__gte=first))


class HeldQuerySet(models.QuerySet):
    """For records with a start_date and an end_date, either of which may be unknown."""

    def current(self, on: dt.date | None = None):
        """Held on a date (today by default); an unknown start date counts as held."""
        on = on or dt.date.today()
        return self.filter(held_between(on, on))

    def between(self, first: dt.date, last: dt.date):
        """Held at any time between two dates."""
        return self.filter(held_between(first, last))
