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
    overdue: dict = {}
    for obligation in report_obligations(themes=themes, today=today, ahead_days=0):
        if obligation.is_overdue:
            overdue.setdefault(obligation.theme, []).append(obligation)
    warnings = []
    for theme, owed in overdue.items():
        oldest = min(owed, key=lambda o: o.due_on)
        if len(owed) == 1:
            text = f"The {theme} report for {oldest.period.short_label} was due on {oldest.due_on:%-d %B %Y} and has not been submitted."
        else:
            text = (
                f"The {theme} theme has {len(owed)} overdue reports; the oldest was due on {oldest.due_on:%-d %B %Y}."
            )
        warnings.append(GovernanceWarning("theme_report", text))
    return warnings
