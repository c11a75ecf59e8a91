"""Theme pages measured by `make bench`: the theme list, the reports-due dashboard and the outcomes dashboard."""

import statistics
import time

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from partnerships.models import PartnershipOfficer

from .models import Framework, IndicatorChart, Theme


def pages(context, users) -> list[tuple[str, str, object]]:
    officer = users["officer"]
    framework = context.get("themes_framework") or Framework.objects.first()
    busiest = max(context["partnerships"], key=lambda p: Theme.objects.filter(partnership=p).count())
    for partnership in {busiest, framework.partnership, *context["partnerships"][:10]}:
        PartnershipOfficer.objects.get_or_create(user=officer, partnership=partnership)
    return [
        ("themes_theme_list", reverse("themes:theme_list", args=[busiest.slug]), officer),
        ("themes_reports_due", reverse("themes:reports_due"), officer),
        ("themes_reports_due_admin", reverse("themes:reports_due"), users["admin"]),
        ("themes_achievement_list", reverse("themes:achievement_list", args=[busiest.slug]), officer),
        ("themes_plan_overview", reverse("themes:plan_overview", args=[busiest.slug]), officer),
        ("themes_outcomes_dashboard", reverse("themes:framework_dashboard", args=[framework.pk]), officer),
    ]


def measures(context, users) -> dict:
    """The outcomes dashboard with the cache empty: reading its 50 stored charts, and drawing all of them afresh."""
    framework = context.get("themes_framework") or Framework.objects.first()
    client = Client()
    client.force_login(users["officer"])
    url = reverse("themes:framework_dashboard", args=[framework.pk])
    client.get(url)  # every chart drawn and stored once
    cold, first_drawing = [], []
    for _ in range(3):
        cache.clear()
        started = time.perf_counter()
        client.get(url)
        cold.append((time.perf_counter() - started) * 1000)
    for _ in range(3):
        cache.clear()
        IndicatorChart.objects.filter(indicator__framework=framework).delete()
        started = time.perf_counter()
        client.get(url)
        first_drawing.append((time.perf_counter() - started) * 1000)
    return {
        "themes_outcomes_dashboard_indicators": framework.indicators.count(),
        "themes_outcomes_dashboard_measurements": sum(i.measurements.count() for i in framework.indicators.all()),
        "themes_outcomes_dashboard_cold_median_ms": round(statistics.median(cold), 1),
        "themes_outcomes_dashboard_every_chart_drawn_median_ms": round(statistics.median(first_drawing), 1),
    }
