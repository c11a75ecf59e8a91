"""Synthetic themes, reports, achievements, plans and measurements that grow with the dataset scale.

At scale 1: four themes for every partnership with sub-groups, two years of reports, 300 achievements,
one plan a partnership with two versions, and one outcomes framework of 50 indicators with 100
measurements each (5,000) on the first partnership; the framework stays that size at every scale.
"""

import datetime as dt
from decimal import Decimal

from .models import (
    Achievement,
    AchievementFigure,
    Framework,
    Indicator,
    Measurement,
    Outcome,
    Plan,
    PlanPriority,
    Theme,
    ThemeReport,
    ThemeReportSchedule,
)

INDICATORS = 50
MEASUREMENTS_EACH = 100


def generate(context) -> None:
    partnerships, rng, scale = context["partnerships"], context["rng"], context["scale"]
    people = context["people"]
    ThemeReportSchedule.objects.bulk_create(ThemeReportSchedule(partnership=p) for p in partnerships)
    schedules = {s.partnership_id: s for s in ThemeReportSchedule.objects.filter(partnership__in=partnerships)}
    themes = Theme.objects.bulk_create(
        Theme(
            partnership=p,
            title=f"Theme {n} of {p.short_name}",
            lead_officer=people[(i * 4 + n) % len(people)],
            status=Theme.Status.PRIORITY if n < 3 else Theme.Status.BUSINESS_AS_USUAL,
            starts_on=dt.date(2020, 4, 1),
            order=n,
        )
        for i, p in enumerate(partnerships)
        for n in range(4)
    )
    reports = []
    from .models import ReportPeriod

    for theme in themes:
        for year in (2023, 2024):
            for half in (1, 2):
                period = ReportPeriod(year, half)
                submitted = rng.random() < 0.7
                reports.append(
                    ThemeReport(
                        theme=theme,
                        year=year,
                        half=half,
                        due_on=schedules[theme.partnership_id].due_on(period),
                        status=ThemeReport.Status.SUBMITTED if submitted else ThemeReport.Status.DRAFT,
                        submitted_at=dt.datetime(year, 12, 1, tzinfo=dt.UTC) if submitted else None,
                        progress="Progress on the theme's actions.",
                    )
                )
    ThemeReport.objects.bulk_create(reports)
    achievements = Achievement.objects.bulk_create(
        Achievement(
            partnership=theme.partnership,
            theme=theme,
            achieved_on=dt.date(2022, 4, 1) + dt.timedelta(days=rng.randrange(0, 1000)),
            title=f"Achievement {n} of {theme.title}",
        )
        for n, theme in enumerate(themes * max(1, round(300 * scale / max(1, len(themes)))))
    )
    AchievementFigure.objects.bulk_create(
        AchievementFigure(achievement=a, value=Decimal(rng.randrange(1, 500)), unit="people", counts="helped")
        for a in achievements[::3]
    )
    plans = []
    for p in partnerships:
        plans.append(
            Plan(partnership=p, number=1, title="Rolling plan", start_year=2023, status=Plan.Status.SUPERSEDED)
        )
        plans.append(Plan(partnership=p, number=2, title="Rolling plan", start_year=2024, status=Plan.Status.CURRENT))
    plans = Plan.objects.bulk_create(plans)
    PlanPriority.objects.bulk_create(
        PlanPriority(plan=plan, order=n, title=f"Priority {n}") for plan in plans for n in range(3)
    )
    # The outcomes framework is measured at the size the issue names, whatever the scale.
    home = partnerships[0]
    framework = Framework.objects.create(partnership=home, name=f"Outcomes framework of {home.short_name}")
    outcomes = Outcome.objects.bulk_create(Outcome(framework=framework, order=n, name=f"Outcome {n}") for n in range(4))
    indicators = Indicator.objects.bulk_create(
        Indicator(
            framework=framework,
            outcome=outcomes[n % 4],
            code=f"indicator-{n}",
            name=f"Indicator {n}",
            unit="%",
            kind=Indicator.Kind.PROXY if n % 2 else Indicator.Kind.HIGH_LEVEL,
            direction=Indicator.Direction.UP,
            target_value=Decimal(80),
            target_on=dt.date(2030, 3, 31),
            is_illustrative=True,
        )
        for n in range(INDICATORS)
    )
    Measurement.objects.bulk_create(
        (
            Measurement(
                indicator=indicator,
                measured_on=dt.date(2015, 1, 1) + dt.timedelta(days=30 * m),
                value=Decimal(str(round(40 + m * 0.3 + rng.random() * 3, 2))),
            )
            for indicator in indicators
            for m in range(MEASUREMENTS_EACH)
        ),
        batch_size=1000,
    )
    context["themes_framework"] = framework
