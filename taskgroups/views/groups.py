"""Task-and-finish groups (the OSP Terms of Reference Appendix C): from a problem definition to reviewed outcomes."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level, get_partnership_for_user
from partnerships.concurrency import save_form
from partnerships.models import Partnership
from partnerships.views.common import history_entries, paginate

from ..access import get_group_for_user
from ..forms import CloseGroupForm, DefinitionForm, GroupStatusForm, TaskGroupForm
from ..models import Milestone, TaskGroup
from ..services import (
    group_agree_definition,
    group_close,
    group_save,
    group_set_status,
    outside_member_ids,
    partnership_reporting_record,
    reports_with_presentations,
    task_group_warnings,
)


def group_list(request, slug):
    """The partnership's groups, open first, with their warnings and every time a group reported."""
    partnership, access = get_partnership_for_user(request.user, slug, full=True)
    today = dt.date.today()
    # A partnership keeps oversight of its sub-groups' work: their groups show too, to those who may read them.
    sub_groups = Partnership.objects.descendants(partnership).only("pk", "is_public")
    shown = [partnership.pk] + [p.pk for p in sub_groups if access.level(p) >= Level.READ]
    groups = (
        TaskGroup.objects.filter(partnership__in=shown)
        .select_related("challenge", "lead_person", "lead_organisation", "partnership")
        .annotate(
            milestone_count=Count("milestones", distinct=True),
            milestones_overdue=Count(
                "milestones",
                filter=Q(milestones__due_on__lt=today) & ~Q(milestones__status__in=Milestone.FINISHED),
                distinct=True,
            ),
        )
        .with_last_report()
        .order_by(F("closed_on").desc(nulls_first=True), "end_date", "name")
    )
    page, querystring = paginate(request, groups)
    context = {
        "partnership": partnership,
        "page": page,
        "querystring": querystring,
        "today": today,
        "includes_sub_groups": len(shown) > 1,
        "can_edit": access.level(partnership) >= Level.EDIT,
        "warnings": task_group_warnings(groups=TaskGroup.objects.filter(partnership=partnership), today=today),
        "reports": partnership_reporting_record(partnership=partnership, limit=25),
    }
    return render(request, "taskgroups/group_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request, slug):
    """Establish a group for one of the partnership's challenges."""
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    initial = {}
    if request.GET.get("challenge", "").isdigit():
        initial["challenge"] = request.GET["challenge"]
    form = TaskGroupForm(request.POST or None, partnership=partnership, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and (group := save_form(form, lambda new, _: group_save(group=new)))
    ):
        messages.success(request, f"The task-and-finish group “{group.name}” has been established.")
        return redirect(group)
    return render(request, "taskgroups/group_form.html", {"form": form, "partnership": partnership})


def group_detail(request, pk):
    group, access = get_group_for_user(request.user, pk)
    today = dt.date.today()
    can_edit = access.level(group.partnership) >= Level.EDIT
    members = list(group.members.select_related("person", "organisation"))
    outside = outside_member_ids(group=group, person_ids=[m.person_id for m in members], on=today)
    for member in members:
        member.from_outside = member.person_id in outside
    milestones = list(group.milestones.all())
    for milestone in milestones:
        milestone.overdue = milestone.is_overdue(today)
    context = {
        "group": group,
        "partnership": group.partnership,
        "members": members,
        "milestones": milestones,
        "reports": reports_with_presentations(group.reports.select_related("recorded_by")),
        "follow_ons": list(group.follow_on_challenges.all()),
        "warnings": task_group_warnings(groups=TaskGroup.objects.filter(pk=group.pk), today=today),
        "next_report_due": group.next_report_due(),
        "can_edit": can_edit,
        "today": today,
        "statuses": TaskGroup.Status.choices,
    }
    if can_edit:
        context["status_form"] = GroupStatusForm(group=group)
        context["reminders"] = list(group.reminders.select_related("milestone")[:10])
    return render(request, "taskgroups/group_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, pk):
    group, access = get_group_for_user(request.user, pk, write=True)
    form = TaskGroupForm(request.POST or None, instance=group, partnership=group.partnership)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, lambda record, version: group_save(group=record, started_from=version))
    ):
        messages.success(request, "Your changes have been saved.")
        return redirect(group)
    return render(
        request, "taskgroups/group_form.html", {"form": form, "partnership": group.partnership, "group": group}
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_definition(request, pk):
    """Draft the exact definition of the problem, then agree it (the OSP Terms of Reference Appendix C, 'Modus operandi')."""
    group, access = get_group_for_user(request.user, pk, write=True)
    if group.definition_status == TaskGroup.Definition.AGREED:
        messages.info(request, "The definition of the problem has been agreed and can no longer be changed.")
        return redirect(group)
    form = DefinitionForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        agree = "agree" in request.POST

        def save_definition(updated, version):
            if agree:
                return group_agree_definition(group=updated, on=dt.date.today(), started_from=version)
            if updated.status == TaskGroup.Status.PROPOSED:
                updated.status = TaskGroup.Status.DEFINING
            return group_save(group=updated, started_from=version)

        if save_form(form, save_definition):
            messages.success(
                request,
                "The definition of the problem has been agreed. The group can start work."
                if agree
                else "The draft definition has been saved.",
            )
            return redirect(group)
    return render(
        request, "taskgroups/group_definition.html", {"form": form, "group": group, "partnership": group.partnership}
    )


@login_required
@require_POST
def group_status(request, pk):
    group, access = get_group_for_user(request.user, pk, write=True)
    form = GroupStatusForm(request.POST, group=group)
    if form.is_valid():
        changed = save_form(
            form,
            lambda _, version: group_set_status(group=group, status=form.cleaned_data["status"], started_from=version),
        )
        if not changed:
            messages.error(request, " ".join(form.non_field_errors()))
        else:
            messages.success(request, f"The group is now “{group.get_status_display()}”.")
    else:
        messages.error(request, "Choose the group's new status.")
    return redirect(group)


@login_required
@require_http_methods(["GET", "POST"])
def group_close_view(request, pk):
    """Close the group with its outcomes reviewed against the objectives; raise any new challenges."""
    group, access = get_group_for_user(request.user, pk, write=True)
    if not group.is_open:
        messages.info(request, "This group has already closed.")
        return redirect(group)
    form = CloseGroupForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        follow_ons = []
        if data["follow_on_title"]:
            follow_ons.append({"title": data["follow_on_title"], "description": data["follow_on_description"]})
        closed = save_form(
            form,
            lambda _, version: (
                group_close(
                    group=group,
                    outcomes=data["outcomes"],
                    evidence=data["evidence"],
                    reviewed_on=data["outcomes_reviewed_on"],
                    closed_on=data["closed_on"],
                    follow_ons=follow_ons,
                    user=request.user,
                    started_from=version,
                ),
            ),
        )
        if not closed:
            group.refresh_from_db()
        else:
            raised = closed[0]
            text = f"“{group.name}” has closed with its outcomes reviewed."
            if raised:
                text += f" The new challenge “{raised[0].title}” has been added to the programme."
            messages.success(request, text)
            return redirect(group)
    return render(
        request,
        "taskgroups/group_close.html",
        {"form": form, "group": group, "partnership": group.partnership, "objectives": group.objectives_list},
    )


@login_required
def group_history(request, pk):
    group, access = get_group_for_user(request.user, pk, write=True)
    return render(
        request,
        "partnerships/history.html",
        {
            "record": group,
            "entries": history_entries(group),
            "back": group.get_absolute_url(),
            "partnership": group.partnership,
        },
    )
