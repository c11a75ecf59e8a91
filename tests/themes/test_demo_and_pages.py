"""Demonstration data loads twice without duplicates; the pages a newcomer sees show it."""

import pytest
from django.urls import reverse

from partnerships import demo as register_demo
from partnerships.models import PartnershipOfficer
from tests.factories import make_officer
from themes import demo
from themes.models import Achievement, AchievementFigure, Framework, Indicator, Plan, Theme, ThemeReport

pytestmark = pytest.mark.django_db


def test_demonstration_data_is_idempotent_and_follows_the_seed_documents(client):
    partnerships = register_demo.seed()
    demo.seed(partnerships)
    demo.seed(partnerships)
    osp = partnerships["osp"]
    assert Theme.objects.filter(partnership=osp).count() == 4
    assert Theme.objects.filter(partnership=partnerships["prp"]).count() == 3
    assert ThemeReport.objects.filter(theme__partnership=osp, year=2022).submitted().count() == 8
    # Each result is held by the sub-group that achieved it.
    figures = {f.display for f in AchievementFigure.objects.filter(achievement__partnership=partnerships["egsb"])}
    assert {
        "137 placements authorised under the scheme",
        "over £350,000 of government funding for participating local employers",
    } <= figures
    assert [p.number for p in Plan.objects.filter(partnership=osp).order_by("number")] == [1, 2]
    assert Plan.objects.current_for(osp).years_label == "2023 to 2026"
    framework = Framework.objects.get(partnership=partnerships["ca"])
    assert [o.name for o in framework.outcomes.all()] == ["Equitable", "Pioneering", "Connected", "Resilient"]
    assert framework.values_list == ["Igniting Innovation", "Embracing Diversity", "Championing Collaboration"]
    assert Indicator.objects.filter(framework=framework, is_illustrative=False).count() == 0
    assert Achievement.objects.for_partnership_year(osp, 2022).count() == 0
    assert Achievement.objects.for_partnership_year(osp, 2022, include_sub_groups=True).count() == 10
    assert Achievement.objects.filter(partnership=partnerships["oiep"]).count() == 1
    assert not Achievement.objects.filter(title__icontains="delivered").exists()
    oscp_plan = Plan.objects.current_for(partnerships["oscp"])
    assert oscp_plan.title == "Priorities for 2022-23" and oscp_plan.priorities.count() == 10

    officer = make_officer(osp)
    PartnershipOfficer.objects.create(user=officer, partnership=partnerships["ca"])
    client.force_login(officer)
    dashboard = client.get(reverse("themes:framework_dashboard", args=[framework.pk])).content.decode()
    assert dashboard.count('role="img"') == Indicator.objects.filter(framework=framework).count()
    assert "show example figures, not real data" in dashboard
    themes_page = client.get(reverse("themes:theme_list", args=[osp.slug])).content.decode()
    assert "Low Carbon City" in themes_page and "Mai Jarvis" in themes_page
