"""The theme list, the reports-due dashboard and the outcomes dashboard read a fixed number of queries,
however many themes, reports and measurements there are (guards against a query per theme or per indicator)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships import dataset as register
from partnerships.models import PartnershipOfficer
from tests.factories import UserFactory
from themes import dataset
from themes.models import Achievement, Framework, Plan, Theme

pytestmark = pytest.mark.django_db


def count(client, url) -> int:
    client.get(url)
    cache.clear()  # the page worked out afresh, not served from the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_data(client):
    officer = UserFactory()
    client.force_login(officer)
    counts = {}
    for scale, seed in ((0.05, 1), (0.3, 2)):
        context = register.generate(scale, seed=seed)
        dataset.generate(context)
        framework = context["themes_framework"]
        busiest = context["partnerships"][0]
        for partnership in context["partnerships"]:
            PartnershipOfficer.objects.get_or_create(user=officer, partnership=partnership)
        pages = {
            "theme_list": reverse("themes:theme_list", args=[busiest.slug]),
            "reports_due": reverse("themes:reports_due"),
            "outcomes_dashboard": reverse("themes:framework_dashboard", args=[framework.pk]),
            "achievements": reverse("themes:achievement_list", args=[busiest.slug]),
            "plan": reverse("themes:plan_overview", args=[busiest.slug]),
        }
        counts[scale] = {name: count(client, url) for name, url in pages.items()}
        officer = UserFactory()  # a fresh login so the cached access of the first scale is not reused
        client.force_login(officer)
    assert counts[0.05] == counts[0.3]
    assert Theme.objects.count() > 40 and Framework.objects.count() == 2


def test_the_annual_report_reads_achievements_plan_and_reports_by_year(cast):
    from .factories import AchievementFactory, FigureFactory, PlanFactory, ThemeFactory, ThemeReportFactory

    theme = ThemeFactory(partnership=cast.partnership)
    in_year = AchievementFactory(partnership=cast.partnership, theme=theme, achieved_on=dt.date(2023, 3, 31))
    FigureFactory(achievement=in_year, qualifier="over", value=350000, unit="£", counts="of government funding")
    AchievementFactory(partnership=cast.partnership, achieved_on=dt.date(2023, 4, 1))
    AchievementFactory(partnership=cast.sub_group, achieved_on=dt.date(2022, 4, 1))
    year = Achievement.objects.for_partnership_year(cast.partnership, 2022)
    assert list(year) == [in_year]
    assert year[0].figures.all()[0].display == "over £350,000 of government funding"
    assert Achievement.objects.for_partnership_year(cast.partnership, 2022, include_sub_groups=True).count() == 2
    ThemeReportFactory(theme=theme, year=2022, half=2)
    assert [r.half for r in theme.reports.model.objects.for_partnership_year(cast.partnership, 2022)] == [2]
    assert Plan.objects.current_for(cast.partnership) is None
    plan = PlanFactory(partnership=cast.partnership)
    assert Plan.objects.current_for(cast.partnership) == plan
