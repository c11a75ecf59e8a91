"""Theme pages measured by `make bench`: the theme list, the reports-due dashboard and the outcomes dashboard."""

import statistics
import time

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from partnerships.models import PartnershipOfficer

from .models import Framework, Theme


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
    """The outcomes dashboard drawn from nothing: every one of its 50 charts rendered afresh."""
    framework = context.get("themes_framework") or Framework.objects.first()
    client = Client()
    client.force_login(users["officer"])
    url = reverse("themes:framework_dashboard", args=[framework.pk])
    timings = []
    for _ in range(3):
        cache.clear()
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "themes_outcomes_dashboard_indicators": framework.indicators.count(),
        "themes_outcomes_dashboard_measurements": sum(i.measurements.count() for i in framework.indicators.all()),
        "themes_outcomes_dashboard_cold_median_ms": round(statistics.median(timings), 1),
    }
