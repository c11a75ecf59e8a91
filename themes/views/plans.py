from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level, get_partnership_for_user
from partnerships.concurrency import save_form
from partnerships.govuk import query_int

from ..access import get_objective_for_user, get_plan_for_user, get_priority_for_user
from ..forms import ObjectiveForm, PlanForm, PriorityForm
from ..models import Plan, PlanObjective, PlanPriority
from ..services import (
    PlanNotEditable,
    plan_adopt,
    plan_compare,
    plan_create,
    plan_objective_remove,
    plan_priority_remove,
    plan_revise,
    plan_save,
    require_draft,
)
from .common import render_form


def _priorities(plan: Plan):
    return list(
        plan.priorities.select_related("owner").prefetch_related("themes", "objectives__owner", "objectives__themes")
    )


def plan_overview(request, slug):
    """The partnership's current plan, any draft revision (to its readers), and every earlier version."""
    partnership, access = get_partnership_for_user(request.user, slug)
    versions = Plan.objects.filter(partnership=partnership).order_by("-number")
    if not access.can_read(partnership):
        versions = versions.exclude(status=Plan.Status.DRAFT)
    versions = list(versions)
    current = next((p for p in versions if p.status == Plan.Status.CURRENT), None)
    draft = next((p for p in versions if p.status == Plan.Status.DRAFT), None)
    shown = current or draft
    return render(
        request,
        "themes/plan_overview.html",
        {
            "partnership": partnership,
            "plan": shown,
            "priorities": _priorities(shown) if shown else [],
            "current": current,
            "draft": draft,
            "versions": versions,
            "can_edit": access.level(partnership) >= Level.EDIT,
        },
    )


def plan_detail(request, pk):
    plan, access = get_plan_for_user(request.user, pk)
    can_edit = access.level(plan.partnership) >= Level.EDIT
    return render(
        request,
        "themes/plan_detail.html",
        {
            "plan": plan,
            "partnership": plan.partnership,
            "priorities": _priorities(plan),
            "can_edit": can_edit,
            "editable": can_edit and plan.is_editable,
            "current": Plan.objects.filter(partnership=plan.partnership, status=Plan.Status.CURRENT).first(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create_view(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    if Plan.objects.filter(partnership=partnership).exists():
        messages.info(request, "This partnership already has a plan. Revise it to make the next version.")
        return redirect("themes:plan_overview", slug=partnership.slug)
    form = PlanForm(request.POST or None, instance=Plan(partnership=partnership))
    if request.method == "POST" and form.is_valid() and (plan := save_form(form, lambda new, _: plan_create(plan=new))):
        messages.success(request, "The draft plan has been made. Add its priorities, then adopt it.")
        return redirect(plan)
    return render_form(
        request,
        form,
        heading="Start the rolling 3-year plan",
        caption=partnership.name,
        back=f"/partnerships/{partnership.slug}/plan/",
        submit="Start the plan",
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan, access = get_plan_for_user(request.user, pk, write=True)
    try:
        require_draft(plan)
    except PlanNotEditable as error:
        messages.info(request, str(error))
        return redirect(plan)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_form(form, lambda record, version: plan_save(plan=record, started_from=version))
        except PlanNotEditable as error:
            messages.info(request, str(error))
            return redirect(plan)
        if saved:
            messages.success(request, "Your changes have been saved.")
            return redirect(plan)
    return render_form(
        request,
        form,
        heading=f"Change the draft plan (version {plan.number})",
        caption=plan.partnership.name,
        back=plan.get_absolute_url(),
    )


@login_required
@require_POST
def plan_revise_view(request, pk):
    """Start next year's version from this one, as at the annual planning and review meeting."""
    plan, access = get_plan_for_user(request.user, pk, write=True)
    draft = plan_revise(plan=plan)
    if draft.revised_from_id == plan.pk:
        messages.success(
            request, f"Version {draft.number} has been made from version {plan.number}. Change it, then adopt it."
        )
    else:
        messages.info(request, f"Version {draft.number} is already being drafted. Finish or change that one.")
    return redirect(draft)


@login_required
@require_POST
def plan_adopt_view(request, pk):
    plan, access = get_plan_for_user(request.user, pk, write=True)
    try:
        plan_adopt(plan=plan)
    except PlanNotEditable as error:
        messages.info(request, str(error))
        return redirect(plan)
    messages.success(request, f"Version {plan.number} is now the partnership's plan. Earlier versions are kept.")
    return redirect("themes:plan_overview", slug=plan.partnership.slug)


def plan_compare_view(request, pk):
    """This version beside the one it was made from (or ?with=<id>, another version of the same plan)."""
    plan, access = get_plan_for_user(request.user, pk)
    other_pk = query_int(request.GET.get("with"))
    if other_pk is not None:
        older, access = get_plan_for_user(request.user, other_pk)
        if older.partnership_id != plan.partnership_id:
            raise Http404("No such version of this plan.")
    else:
        older = plan.revised_from
    if older is None:
        messages.info(request, "This is the first version of the plan, so there is nothing to compare it with.")
        return redirect(plan)
    old, new = sorted([older, plan], key=lambda p: p.number)
    return render(
        request,
        "themes/plan_compare.html",
        {"old": old, "new": new, "rows": plan_compare(old=old, new=new), "partnership": plan.partnership},
    )


def _draft_or_refuse(request, plan):
    try:
        require_draft(plan)
    except PlanNotEditable as error:
        messages.info(request, str(error))
        return redirect(plan)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def priority_add(request, pk):
    plan, access = get_plan_for_user(request.user, pk, write=True)
    if refused := _draft_or_refuse(request, plan):
        return refused
    form = PriorityForm(
        request.POST or None,
        instance=PlanPriority(plan=plan),
        partnership=plan.partnership,
        initial={"order": plan.priorities.count() + 1},
    )
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "The priority has been added.")
        return redirect(plan)
    return render_form(
        request, form, heading="Add a priority", caption=str(plan), back=plan.get_absolute_url(), submit="Add priority"
    )


@login_required
@require_http_methods(["GET", "POST"])
def priority_edit(request, pk):
    priority, access = get_priority_for_user(request.user, pk)
    plan = priority.plan
    if refused := _draft_or_refuse(request, plan):
        return refused
    form = PriorityForm(request.POST or None, instance=priority, partnership=plan.partnership)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "The priority has been changed.")
        return redirect(plan)
    return render_form(request, form, heading="Change a priority", caption=str(plan), back=plan.get_absolute_url())


@login_required
@require_POST
def priority_delete(request, pk):
    priority, access = get_priority_for_user(request.user, pk)
    plan = priority.plan
    if refused := _draft_or_refuse(request, plan):
        return refused
    plan_priority_remove(priority=priority)
    messages.success(request, f"“{priority.title}” has been taken out of the draft.")
    return redirect(plan)


@login_required
@require_http_methods(["GET", "POST"])
def objective_add(request, pk):
    priority, access = get_priority_for_user(request.user, pk)
    plan = priority.plan
    if refused := _draft_or_refuse(request, plan):
        return refused
    form = ObjectiveForm(
        request.POST or None,
        instance=PlanObjective(priority=priority),
        partnership=plan.partnership,
        initial={"order": priority.objectives.count() + 1, "owner": priority.owner_id},
    )
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "The objective has been added.")
        return redirect(plan)
    return render_form(
        request,
        form,
        heading="Add an objective",
        caption=priority.title,
        back=plan.get_absolute_url(),
        submit="Add objective",
    )


@login_required
@require_http_methods(["GET", "POST"])
def objective_edit(request, pk):
    objective, access = get_objective_for_user(request.user, pk)
    plan = objective.priority.plan
    if refused := _draft_or_refuse(request, plan):
        return refused
    form = ObjectiveForm(request.POST or None, instance=objective, partnership=plan.partnership)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "The objective has been changed.")
        return redirect(plan)
    return render_form(
        request, form, heading="Change an objective", caption=objective.priority.title, back=plan.get_absolute_url()
    )


@login_required
@require_POST
def objective_delete(request, pk):
    objective, access = get_objective_for_user(request.user, pk)
    plan = objective.priority.plan
    if refused := _draft_or_refuse(request, plan):
        return refused
    plan_objective_remove(objective=objective)
    messages.success(request, "The objective has been taken out of the draft.")
    return redirect(plan)
