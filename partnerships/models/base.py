"""What every record shares: the financial year, slugs, lines of text and the version counter."""

import datetime as dt

from django.db import models
from django.utils.text import slugify


def financial_year_label(year: int) -> str:
    """A council's financial year starting in April, e.g. 2022 -> '2022/23'."""
    return f"{year}/{str(year + 1)[-2:]}"


def financial_year_of(day: dt.date) -> int:
    """The year a council's financial year starts in April: 15 January 2023 is in 2022 (2022/23)."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_start(year: int) -> dt.date:
    return dt.date(year, 4, 1)


def financial_year_end(year: int) -> dt.date:
    return dt.date(year + 1, 3, 31)


def financial_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return financial_year_start(year), financial_year_end(year)


def unique_slug(model, text: str, *, exclude_pk=None) -> str:
    """A slug from a name, with -2, -3… added when another record has it."""
    base = slugify(text)[:190] or "record"
    slug, number = base, 1
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def lines(text: str) -> list[str]:
    return [line.strip(" -•·\t") for line in (text or "").splitlines() if line.strip(" -•·\t")]


class Versioned(models.Model):
    """A record edited by several officers: the version lets a stale save be refused."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True
