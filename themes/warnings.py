"""Overdue theme reports shown among a partnership's governance warnings."""

import datetime as dt

from partnerships.services import GovernanceWarning

from .models import Theme
from .services import report_obligations


def overdue_report_warnings(*, partnership, today: dt.date | None = None) -> list[GovernanceWarning]:
    themes = (
        Theme.objects.active()
        .filter(partnership=partnership)
        .select_related("partnership", "partnership__theme_report_schedule")
    )
    return [
        GovernanceWarning(
            "theme_report",
            f"The {o.theme} report for {o.period.short_label} was due on {o.due_on:%-d %B %Y} and has not been submitted.",
        )
        for o in report_obligations(themes=themes, today=today, ahead_days=0)
        if o.is_overdue
    ]
