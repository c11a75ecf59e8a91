"""Narratives and finished reports at scale: a year's narrative and report for every fifth partnership."""

import datetime as dt

from django.utils import timezone

from .models import Kind, Narrative, Report


def generate(context) -> None:
    partnerships = context["partnerships"][::5]
    Narrative.objects.bulk_create(
        Narrative(
            kind=Kind.ANNUAL_UPDATE,
            partnership=partnership,
            year=2022,
            purpose=f"To note the annual update on the {partnership.name}",
            legal="There are no legal implications.",
            conclusion="The partnership should continue its work.",
        )
        for partnership in partnerships
    )
    now = timezone.now()
    Report.objects.bulk_create(
        Report(
            kind=Kind.ANNUAL_UPDATE,
            partnership=partnership,
            year=year,
            as_at=dt.date(year + 1, 3, 31),
            status=Report.Status.DONE,
            progress=100,
            requested_at=now,
            finished_at=now,
        )
        for partnership in partnerships
        for year in (2021, 2022)
    )
