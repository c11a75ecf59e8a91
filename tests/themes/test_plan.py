"""The rolling 3-year plan: revisions are made from the old version, which stays as it was agreed."""

import pytest
from django.urls import reverse

from themes.models import Plan, PlanObjective, PlanPriority
from themes.services import PlanNotEditable, plan_adopt, plan_compare, plan_revise

from .factories import ObjectiveFactory, PlanFactory, PriorityFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast):
    plan = PlanFactory(partnership=cast.partnership, start_year=2023)
    theme = ThemeFactory(partnership=cast.partnership)
    priority = PriorityFactory(plan=plan, title="Do less better")
    priority.themes.add(theme)
    ObjectiveFactory(priority=priority, text="Think up-stream")
    PriorityFactory(plan=plan, title="Get the right people around the table")
    return plan


def test_a_revision_copies_everything_a_year_on(plan):
    draft = plan_revise(plan=plan)
    assert (draft.number, draft.start_year, draft.status, draft.revised_from) == (2, 2024, Plan.Status.DRAFT, plan)
    assert [p.title for p in draft.priorities.all()] == ["Do less better", "Get the right people around the table"]
    assert draft.priorities.first().themes.count() == 1
    assert draft.priorities.first().objectives.get().text == "Think up-stream"
    assert plan_revise(plan=plan) == draft  # one draft at a time


def test_changing_the_revision_leaves_the_earlier_version_intact(plan):
    draft = plan_revise(plan=plan)
    new_priority = draft.priorities.get(title="Do less better")
    new_priority.title = "Do less, better"
    new_priority.save()
    new_priority.objectives.all().delete()
    draft.priorities.get(title__startswith="Get the right").delete()
    PriorityFactory(plan=draft, title="Focus on impact")
    plan_adopt(plan=draft)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.SUPERSEDED
    assert [p.title for p in plan.priorities.all()] == ["Do less better", "Get the right people around the table"]
    assert PlanObjective.objects.filter(priority__plan=plan).count() == 1
    rows = plan_compare(old=plan, new=draft)
    assert [(r.change, r.old and r.old.title, r.new and r.new.title) for r in rows] == [
        ("changed", "Do less better", "Do less, better"),
        ("removed", "Get the right people around the table", None),
        ("added", None, "Focus on impact"),
    ]
    assert [c.change for c in rows[0].children] == ["removed"]


def test_only_a_draft_can_be_changed(officer_client, plan):
    with pytest.raises(PlanNotEditable):
        plan_adopt(plan=plan)
    response = officer_client.post(
        reverse("themes:priority_add", args=[plan.pk]), {"title": "Sneaked in", "order": "3"}, follow=True
    )
    assert "stays as it was agreed" in response.content.decode()
    assert not PlanPriority.objects.filter(title="Sneaked in").exists()


def test_a_plan_needs_a_priority_before_it_is_adopted(cast):
    draft = PlanFactory(partnership=cast.partnership, status=Plan.Status.DRAFT)
    with pytest.raises(PlanNotEditable, match="Add at least one priority"):
        plan_adopt(plan=draft)


def test_officer_revises_adopts_and_reads_both_versions(officer_client, plan):
    response = officer_client.post(reverse("themes:plan_revise", args=[plan.pk]))
    draft = Plan.objects.get(number=2)
    assert response["Location"] == draft.get_absolute_url()
    officer_client.post(reverse("themes:plan_adopt", args=[draft.pk]))
    assert Plan.objects.get(partnership=plan.partnership, status="current") == draft
    assert Plan.objects.current_for(plan.partnership) == draft
    earlier = officer_client.get(plan.get_absolute_url()).content.decode()
    assert "This is an earlier version of the plan" in earlier and "Do less better" in earlier
    compare = officer_client.get(reverse("themes:plan_compare", args=[draft.pk])).content.decode()
    assert "What changed from version 1 to version 2" in compare, compare[compare.find("<main") :][:1500]
