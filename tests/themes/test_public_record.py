"""A public partnership publishes its themes, achievements, adopted plan and outcomes; not its working papers."""

import pytest
from django.urls import reverse

from tests.factories import PartnershipFactory
from themes.models import Plan

from .factories import AchievementFactory, IndicatorFactory, PlanFactory, ThemeFactory, ThemeReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public(cast):
    cast.partnership.is_public = True
    cast.partnership.save()
    return cast.partnership


def test_the_public_reads_a_theme_but_not_its_reports(client, public):
    theme = ThemeFactory(partnership=public, title="Inclusive economy")
    report = ThemeReportFactory(theme=theme, progress="Blocked by the bus contract")
    AchievementFactory(partnership=public, theme=theme, title="137 placements")
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "Inclusive economy" in page and "137 placements" in page
    assert report.get_absolute_url() not in page and "Reports owed" not in page
    assert client.get(report.get_absolute_url()).status_code == 404
    listing = client.get(reverse("themes:theme_list", args=[public.slug])).content.decode()
    assert "Inclusive economy" in listing and "No report due" not in listing


def test_a_private_lead_group_is_never_named_to_the_public(client, public):
    secret = PartnershipFactory(name="Quiet Working Group", is_public=False, parent=public)
    theme = ThemeFactory(partnership=public, lead_group=secret)
    assert "Quiet Working Group" not in client.get(theme.get_absolute_url()).content.decode()
    assert "Quiet Working Group" not in client.get(reverse("themes:theme_list", args=[public.slug])).content.decode()


def test_the_public_sees_the_adopted_plan_and_never_the_draft(client, cast, public):
    PlanFactory(partnership=public, title="Plan as adopted", status=Plan.Status.CURRENT)
    draft = PlanFactory(partnership=public, number=2, title="Plan being redrafted", status=Plan.Status.DRAFT)
    url = reverse("themes:plan_overview", args=[public.slug])
    page = client.get(url).content.decode()
    assert "Plan as adopted" in page and "Plan being redrafted" not in page
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(cast.users["member"])
    assert "Plan being redrafted" in client.get(url).content.decode()


def test_the_outcomes_dashboard_and_its_charts_open_to_the_public(client, public):
    indicator = IndicatorFactory(outcome__framework__partnership=public, name="Homes retrofitted")
    dashboard = client.get(reverse("themes:framework_dashboard", args=[indicator.framework.pk]))
    assert dashboard.status_code == 200 and "Homes retrofitted" in dashboard.content.decode()
    chart = client.get(reverse("themes:indicator_chart_svg", args=[indicator.pk]))
    assert chart.status_code == 200 and chart["Content-Type"].startswith("image/svg+xml")


def test_the_public_tabs_lead_to_the_published_record(client, public):
    page = client.get(reverse("partnerships:partnership_detail", args=[public.slug])).content.decode()
    for name in ("themes:theme_list", "reporting:partnership_reports"):
        assert reverse(name, args=[public.slug]) in page
    assert reverse("partnerships:partnership_money", args=[public.slug]) not in page


def test_a_private_partnerships_themes_stay_unknown(client, cast):
    theme = ThemeFactory(partnership=cast.partnership)
    assert client.get(theme.get_absolute_url()).status_code == 404
    assert client.get(reverse("themes:theme_list", args=[cast.partnership.slug])).status_code == 404
