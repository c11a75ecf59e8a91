"""The rolling plan: drafts, revisions a year on, adoption, and comparing two versions."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from partnerships.concurrency import save_versioned
from partnerships.errors import RuleBroken

from ..models import Plan, PlanObjective, PlanPriority


class PlanNotEditable(RuleBroken):
    pass


def plan_create(*, plan: Plan) -> Plan:
    plan.number = (
        Plan.objects.filter(partnership=plan.partnership).order_by("-number").first() or Plan(number=0)
    ).number + 1
    plan.status = Plan.Status.DRAFT
    plan.full_clean(exclude=["number"])
    return save_versioned(plan)


def plan_save(*, plan: Plan, started_from: int | None = None) -> Plan:
    if not Plan.objects.filter(pk=plan.pk, status=Plan.Status.DRAFT).exists():
        raise PlanNotEditable("Only a draft plan can be changed. Start a revision to change an adopted plan.")
    plan.full_clean()
    return save_versioned(plan, started_from=started_from)


def require_draft(plan: Plan) -> None:
    if not plan.is_editable:
        raise PlanNotEditable(
            f"Version {plan.number} is {plan.get_status_display().lower()} and stays as it was agreed. "
            "Start a revision to make changes."
        )


def plan_priority_remove(*, priority: PlanPriority) -> None:
    """Take a priority, with its objectives, out of a draft; an adopted plan keeps what was agreed."""
    require_draft(priority.plan)
    priority.delete()


def plan_objective_remove(*, objective: PlanObjective) -> None:
    require_draft(objective.priority.plan)
    objective.delete()


def revised_title(plan: Plan) -> str:
    """The next version's title: years named in the title move on a year with it, never pile up."""
    following = Plan(start_year=plan.start_year + 1)
    return plan.title.replace(plan.years_label, following.years_label)


@transaction.atomic
def plan_revise(*, plan: Plan) -> Plan:
    """A new draft version made from this one, a year on; the earlier version is left exactly as it was."""
    existing = Plan.objects.filter(partnership=plan.partnership, status=Plan.Status.DRAFT).first()
    if existing is not None:
        return existing
    latest = Plan.objects.filter(partnership=plan.partnership).order_by("-number").values_list("number", flat=True)
    new = Plan(
        partnership=plan.partnership,
        number=latest[0] + 1,
        title=revised_title(plan),
        start_year=plan.start_year + 1,
        summary=plan.summary,
        status=Plan.Status.DRAFT,
        revised_from=plan,
    )
    new.save()
    for priority in plan.priorities.prefetch_related("themes", "objectives__themes"):
        copy = PlanPriority.objects.create(
            plan=new,
            order=priority.order,
            title=priority.title,
            description=priority.description,
            owner_id=priority.owner_id,
            copied_from=priority,
        )
        copy.themes.set(priority.themes.all())
        for objective in priority.objectives.all():
            objective_copy = PlanObjective.objects.create(
                priority=copy,
                order=objective.order,
                text=objective.text,
                owner_id=objective.owner_id,
                copied_from=objective,
            )
            objective_copy.themes.set(objective.themes.all())
    return new


@transaction.atomic
def plan_adopt(*, plan: Plan, on: dt.date | None = None) -> Plan:
    """Make a draft the current plan; the plan it replaces is kept, marked superseded."""
    require_draft(plan)
    if not plan.priorities.exists():
        raise PlanNotEditable("Add at least one priority before adopting the plan.")
    Plan.objects.filter(partnership=plan.partnership, status=Plan.Status.CURRENT).update(status=Plan.Status.SUPERSEDED)
    plan.status = Plan.Status.CURRENT
    plan.adopted_on = on or dt.date.today()
    return save_versioned(plan)


@dataclass
class Row:
    """One line of a side-by-side comparison: what was there before and what is there now."""

    old: object | None
    new: object | None
    change: str  # "unchanged", "changed", "added", "removed"
    children: list = field(default_factory=list)


def _describe_priority(priority: PlanPriority | None):
    if priority is None:
        return None
    return (priority.title, priority.description, priority.owner_id, {t.pk for t in priority.themes.all()})


def _describe_objective(objective: PlanObjective | None):
    if objective is None:
        return None
    return (objective.text, objective.owner_id, {t.pk for t in objective.themes.all()})


def _pair(old_items, new_items, describe) -> list[Row]:
    by_source = {item.copied_from_id: item for item in new_items if item.copied_from_id}
    rows = []
    matched = set()
    for old in old_items:
        new = by_source.get(old.pk)
        if new is None:
            rows.append(Row(old, None, "removed"))
            continue
        matched.add(new.pk)
        rows.append(Row(old, new, "unchanged" if describe(old) == describe(new) else "changed"))
    rows.extend(Row(None, new, "added") for new in new_items if new.pk not in matched)
    return rows


def _plan_items(plan: Plan):
    return list(
        plan.priorities.select_related("owner").prefetch_related("themes", "objectives__owner", "objectives__themes")
    )


def plan_compare(*, old: Plan, new: Plan) -> list[Row]:
    """Priorities and their objectives side by side, paired by what each was copied from."""
    rows = _pair(_plan_items(old), _plan_items(new), _describe_priority)
    for row in rows:
        old_objectives = list(row.old.objectives.all()) if row.old else []
        new_objectives = list(row.new.objectives.all()) if row.new else []
        row.children = _pair(old_objectives, new_objectives, _describe_objective)
        if row.change == "unchanged" and any(child.change != "unchanged" for child in row.children):
            row.change = "changed"
    return rows
