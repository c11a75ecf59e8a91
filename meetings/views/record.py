"""The meeting's record: decisions and votes, actions, and minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level, get_partnership_for_user
from partnerships.concurrency import save_form
from partnerships.views.common import paginate

from .. import voting
from ..access import get_action_for_user, get_item_for_user, get_meeting_for_user
from ..forms import ActionForm, ApproveMinutesForm, DecisionForm, MinutesForm
from ..models import Action
from ..services import (
    MeetingRuleBroken,
    action_save,
    decision_record,
    minutes_approve,
    minutes_awaiting_approval,
    minutes_circulate,
    minutes_save,
    present_at,
    rule_for,
)
from .common import refuse


@login_required
@require_http_methods(["GET", "POST"])
def decision_add(request, pk):
    """Record a decision by consensus or by a vote; the partnership's rule decides, or refuses with a reason."""
    item, access, level = get_item_for_user(request.user, pk, write=True)
    meeting = item.meeting
    partnership = meeting.partnership
    present = present_at(meeting, item)
    seats = voting.voters(present)
    voters = [person for person in present if person.key in seats]
    form = DecisionForm(request.POST or None, partnership=partnership, voters=voters)
    if request.method == "POST" and form.is_valid():
        method, votes = form.votes()
        try:
            decision = decision_record(
                item=item,
                resolution=form.cleaned_data["resolution"],
                method=method,
                votes=votes,
                casting_vote=form.casting(),
                user=request.user,
            )
        except MeetingRuleBroken as error:
            form.add_error(None, str(error))
        else:
            outcome = decision.get_outcome_display().lower()
            detail = f" {decision.explanation}" if decision.explanation else ""
            messages.success(request, f"The decision under item {item.position} has been recorded ({outcome}).{detail}")
            return redirect(meeting)
    not_voting = [person for person in present if person.key not in seats]
    return render(
        request,
        "meetings/decision_form.html",
        {
            "form": form,
            "item": item,
            "meeting": meeting,
            "rule": rule_for(partnership),
            "partnership": partnership,
            "voters": voters,
            "not_voting": not_voting,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    form = ActionForm(request.POST or None, meeting=meeting, initial={"item": request.GET.get("item")})
    if (
        request.method == "POST"
        and form.is_valid()
        and (action := save_form(form, lambda new, _: action_save(action=new)))
    ):
        messages.success(request, f"The action for {action.owner or 'the partnership'} has been recorded.")
        return redirect(meeting)
    return render(request, "meetings/action_form.html", {"form": form, "meeting": meeting})


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    action, access = get_action_for_user(request.user, pk, write=True)
    form = ActionForm(request.POST or None, instance=action, meeting=action.raised_at)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, lambda record, version: action_save(action=record, started_from=version))
    ):
        messages.success(request, "The action has been updated.")
        return redirect("meetings:action_list", slug=action.partnership.slug)
    return render(request, "meetings/action_form.html", {"form": form, "meeting": action.raised_at, "action": action})


@login_required
def action_list(request, slug):
    """A partnership's actions: open ones first, each with the meeting that raised it."""
    partnership, access = get_partnership_for_user(request.user, slug, full=True)
    show = request.GET.get("show", "open")
    actions = Action.objects.filter(partnership=partnership).select_related("owner", "raised_at", "item")
    if show != "all":
        actions = actions.exclude(status=Action.Status.DONE)
    page, querystring = paginate(request, actions.order_by("status", "due_date", "pk"))
    return render(
        request,
        "meetings/action_list.html",
        {
            "partnership": partnership,
            "page": page,
            "querystring": querystring,
            "show": show,
            "can_edit": access.level(partnership) >= Level.EDIT,
        },
    )


@require_http_methods(["GET", "POST"])
def minutes(request, pk):
    """The minutes: drafted by officers, circulated to members, and public once approved."""
    meeting, access, level = get_meeting_for_user(request.user, pk)
    can_edit = level >= Level.EDIT
    if level < Level.READ and not meeting.minutes_are_approved:
        raise PermissionDenied("The minutes of this meeting are published once they are approved.")
    if level == Level.READ and meeting.minutes_status in (meeting.MinutesStatus.NONE, meeting.MinutesStatus.DRAFT):
        raise PermissionDenied("The minutes of this meeting have not been circulated yet.")
    items = list(meeting.items.order_by("position"))
    form = None
    if can_edit and not meeting.minutes_are_approved and not meeting.is_cancelled:
        form = MinutesForm(request.POST or None, items=items)
        if request.method == "POST" and form.is_valid():
            try:
                minutes_save(meeting=meeting, minutes=form.minutes())
            except MeetingRuleBroken as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "The draft minutes have been saved.")
                return redirect("meetings:minutes", pk=meeting.pk)
    elif request.method == "POST":
        raise PermissionDenied("These minutes cannot be changed.")
    return render(
        request,
        "meetings/minutes.html",
        {"meeting": meeting, "partnership": meeting.partnership, "items": items, "form": form, "can_edit": can_edit},
    )


@login_required
@require_POST
def minutes_circulate_view(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    try:
        sent = minutes_circulate(meeting=meeting)
    except MeetingRuleBroken as error:
        return refuse(request, error, meeting)
    messages.success(request, f"The draft minutes have been circulated to {sent} member{'s' if sent != 1 else ''}.")
    return redirect("meetings:minutes", pk=meeting.pk)


@login_required
@require_http_methods(["GET", "POST"])
def minutes_approve_view(request, pk):
    """At this meeting, approve an earlier meeting's circulated minutes."""
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    form = ApproveMinutesForm(request.POST or None, candidates=minutes_awaiting_approval(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            minutes_approve(recorded=form.cleaned_data["recorded"], at=meeting, user=request.user)
        except MeetingRuleBroken as error:
            form.add_error(None, str(error))
        else:
            recorded = form.cleaned_data["recorded"]
            messages.success(request, f"The minutes of {recorded.date:%-d %B %Y} are approved and now public.")
            return redirect(meeting)
    return render(request, "meetings/minutes_approve.html", {"form": form, "meeting": meeting})
