"""A group's milestones, each with a due date and a status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.concurrency import save_form

from ..access import get_group_for_user, get_milestone_for_user
from ..forms import MilestoneForm
from ..services import milestone_done, milestone_save


def _save(request, form, group, milestone=None):
    saved = save_form(form, lambda record, version: milestone_save(milestone=record, started_from=version))
    if not saved:
        return None
    messages.success(request, f"The milestone “{saved.title}” has been {'updated' if milestone else 'added'}.")
    return redirect(f"{group.get_absolute_url()}#milestones")


@login_required
@require_http_methods(["GET", "POST"])
def milestone_add(request, pk):
    group, access = get_group_for_user(request.user, pk, write=True)
    form = MilestoneForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid() and (response := _save(request, form, group)):
        return response
    return render(
        request, "taskgroups/milestone_form.html", {"form": form, "group": group, "partnership": group.partnership}
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request, pk):
    milestone, access = get_milestone_for_user(request.user, pk, write=True)
    group = milestone.group
    form = MilestoneForm(request.POST or None, instance=milestone, group=group)
    if request.method == "POST" and form.is_valid() and (response := _save(request, form, group, milestone)):
        return response
    return render(
        request,
        "taskgroups/milestone_form.html",
        {"form": form, "group": group, "milestone": milestone, "partnership": group.partnership},
    )


@login_required
@require_POST
def milestone_mark_done(request, pk):
    """Mark a milestone done today; with htmx only its row is swapped."""
    milestone, access = get_milestone_for_user(request.user, pk, write=True)
    milestone_done(milestone=milestone)
    if request.htmx:
        milestone.overdue = False
        return render(
            request,
            "taskgroups/group_detail.html#milestone-row",
            {"milestone": milestone, "group": milestone.group, "can_edit": True, "announce": True},
        )
    messages.success(request, f"The milestone “{milestone.title}” is done.")
    return redirect(f"{milestone.group.get_absolute_url()}#milestones")
