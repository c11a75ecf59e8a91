"""The agenda: adding, changing, reordering (by dragging or by keyboard), publishing and reopening."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships import fragments
from partnerships.access import get_access
from partnerships.concurrency import save_form

from ..access import get_item_for_user, get_meeting_for_user
from ..forms import AgendaItemForm
from ..models import AgendaItem
from ..services import (
    MeetingRuleBroken,
    agenda_item_add,
    agenda_item_remove,
    agenda_item_save,
    agenda_move,
    agenda_publish,
    agenda_reopen,
    agenda_reorder,
)
from .common import meeting_page_context, refuse


def _agenda_fragment(request, meeting, error=None):
    """The agenda partial after an htmx change; the whole page otherwise."""
    # Reordering moves items' positions in bulk, which no save signal announces.
    fragments.changed(AgendaItem)
    meeting.refresh_from_db()
    if not request.htmx:
        if error:
            messages.error(request, str(error))
        return redirect(meeting)
    access = get_access(request.user)
    context = meeting_page_context(meeting, access, access.level(meeting.partnership))
    context["agenda_error"] = str(error) if error else ""
    return render(request, "meetings/meeting_detail.html#agenda", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    form = AgendaItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        item = save_form(form, lambda new, _: agenda_item_add(item=new), refusals=(MeetingRuleBroken,))
        if item:
            item.guests.set(form.cleaned_data["guests"])
            messages.success(request, f"“{item.title}” has been added to the agenda as item {item.position}.")
            return redirect(meeting)
    return render(request, "meetings/item_form.html", {"form": form, "meeting": meeting})


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk):
    item, access, level = get_item_for_user(request.user, pk, write=True)
    meeting = item.meeting
    form = AgendaItemForm(request.POST or None, instance=item, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            form,
            lambda record, version: agenda_item_save(item=record, started_from=version),
            refusals=(MeetingRuleBroken,),
        )
        if saved:
            saved.guests.set(form.cleaned_data["guests"])
            messages.success(request, f"Item {saved.position} has been updated.")
            return redirect(meeting)
    return render(request, "meetings/item_form.html", {"form": form, "meeting": meeting, "item": item})


@login_required
@require_POST
def item_move(request, pk):
    """Move an item up or down one place: the keyboard's way of reordering."""
    item, access, level = get_item_for_user(request.user, pk, write=True)
    direction = request.POST.get("direction")
    error = None
    if direction not in ("up", "down"):
        error = "Choose to move the item up or down."
    else:
        try:
            agenda_move(item=item, direction=direction)
        except MeetingRuleBroken as broken:
            error = broken
    response = _agenda_fragment(request, item.meeting, error)
    if request.htmx and not error:
        # Keep keyboard focus on the moved item's button after the swap.
        response["HX-Trigger-After-Settle"] = f'{{"agendaMoved": {{"item": {item.pk}, "direction": "{direction}"}}}}'
    return response


@login_required
@require_POST
def agenda_order(request, pk):
    """The new order after dragging: every item's id, top to bottom."""
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    try:
        ordered = [int(value) for value in request.POST.getlist("item")]
        agenda_reorder(meeting=meeting, ordered_ids=ordered)
    except ValueError:
        return _agenda_fragment(request, meeting, "The new order could not be read. Try again.")
    except MeetingRuleBroken as error:
        return _agenda_fragment(request, meeting, error)
    return _agenda_fragment(request, meeting)


@login_required
@require_POST
def item_remove(request, pk):
    item, access, level = get_item_for_user(request.user, pk, write=True)
    meeting = item.meeting
    try:
        agenda_item_remove(item=item)
    except MeetingRuleBroken as error:
        return _agenda_fragment(request, meeting, error)
    if not request.htmx:
        messages.success(request, f"“{item.title}” has been removed from the agenda.")
    return _agenda_fragment(request, meeting)


@login_required
@require_POST
def publish(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    try:
        sent = agenda_publish(meeting=meeting, user=request.user)
    except MeetingRuleBroken as error:
        return refuse(request, error, meeting)
    messages.success(
        request,
        f"The agenda has been published and {sent} member{'s were' if sent != 1 else ' was'} told by email. "
        "The meeting packs are being prepared.",
    )
    return redirect(meeting)


@login_required
@require_POST
def reopen(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    try:
        agenda_reopen(meeting=meeting)
    except MeetingRuleBroken as error:
        return refuse(request, error, meeting)
    messages.success(request, "The agenda is open for changes. Republish it when you have finished.")
    return redirect(meeting)
