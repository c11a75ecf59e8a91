"""Attendance in one click per person, members' own apologies, and declarations of interest."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level
from partnerships.models import Membership, Person

from ..access import get_meeting_for_user
from ..forms import DeclarationForm
from ..models import Attendance, Declaration
from ..services import (
    MeetingRuleBroken,
    alternates_by_lead,
    apologies_send,
    apologies_withdraw,
    attendance_mark,
    declaration_add,
    meeting_seats,
)
from .common import refuse
from .meetings import declarations_beside_register


def _rows(meeting):
    seats = meeting_seats(meeting)
    records = {
        a.membership_id: a for a in Attendance.objects.filter(meeting=meeting).select_related("alternate__person")
    }
    alternates = alternates_by_lead(meeting)
    return [
        {"seat": seat, "attendance": records.get(seat.pk), "alternates": alternates.get(seat.pk, [])} for seat in seats
    ]


@login_required
def attendance(request, pk):
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    rows = _rows(meeting)
    counts = dict.fromkeys(Attendance.Status.values, 0)
    for row in rows:
        if row["attendance"]:
            counts[row["attendance"].status] += 1
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "partnership": meeting.partnership,
            "rows": rows,
            "counts": counts,
            "statuses": Attendance.Status,
        },
    )


@login_required
@require_POST
def attendance_mark_view(request, pk, membership_pk):
    """One click: present, apologies, absent, or represented by a named alternate."""
    meeting, access, level = get_meeting_for_user(request.user, pk, write=True)
    seat = get_object_or_404(
        Membership.objects.select_related("person", "organisation"), pk=membership_pk, partnership=meeting.partnership
    )
    status = request.POST.get("status", "")
    alternate = None
    error = ""
    if status not in Attendance.Status.values:
        error = "Choose present, apologies, absent or represented."
    elif status == Attendance.Status.REPRESENTED:
        alternate = Membership.objects.filter(
            pk=request.POST.get("alternate") or 0, alternate_for=seat, partnership=meeting.partnership
        ).first()
        if alternate is None:
            error = f"Choose the alternate attending in {seat.person}'s place."
    if not error:
        try:
            attendance_mark(meeting=meeting, membership=seat, status=status, alternate=alternate)
        except (MeetingRuleBroken, ValidationError) as broken:
            error = "; ".join(broken.messages) if isinstance(broken, ValidationError) else str(broken)
    if request.htmx:
        row = {
            "seat": seat,
            "attendance": Attendance.objects.filter(meeting=meeting, membership=seat)
            .select_related("alternate__person")
            .first(),
            "alternates": alternates_by_lead(meeting).get(seat.pk, []),
        }
        return render(
            request,
            "meetings/attendance.html#attendance-row",
            {"row": row, "meeting": meeting, "statuses": Attendance.Status, "row_error": error, "swapped": True},
        )
    if error:
        messages.error(request, error)
    return redirect("meetings:attendance", pk=meeting.pk)


@login_required
@require_POST
def apologies(request, pk):
    """A member sends (or withdraws) their own apologies."""
    meeting, access, level = get_meeting_for_user(request.user, pk, full=True)
    person = Person.objects.filter(pk=access.person_id).first()
    if person is None:
        raise PermissionDenied("Your login is not linked to a member of this partnership.")
    try:
        if request.POST.get("withdraw"):
            apologies_withdraw(meeting=meeting, person=person)
            messages.success(request, "Your apologies have been withdrawn.")
        else:
            apologies_send(meeting=meeting, person=person)
            messages.success(request, "Your apologies have been sent.")
    except MeetingRuleBroken as error:
        return refuse(request, error, meeting)
    return redirect(meeting)


@login_required
@require_http_methods(["GET", "POST"])
def declarations(request, pk):
    """Declarations of interest against items, each beside the member's register of interests."""
    meeting, access, level = get_meeting_for_user(request.user, pk, full=True)
    can_edit = level >= Level.EDIT
    people = [seat.person for seat in meeting_seats(meeting)]
    own = Person.objects.filter(pk=access.person_id).first() if access.person_id else None
    may_declare = can_edit or (own is not None and any(p.pk == own.pk for p in people))
    form = None
    if may_declare and not meeting.minutes_are_approved:
        form = DeclarationForm(request.POST or None, meeting=meeting, people=people, person=None if can_edit else own)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Only members at this meeting and officers record declarations of interest.")
        if form.is_valid():
            try:
                declaration_add(
                    item=form.cleaned_data["item"],
                    person=form.cleaned_data.get("person") or own,
                    nature=form.cleaned_data["nature"],
                    left_the_room=form.cleaned_data["left_the_room"],
                    user=request.user,
                )
            except (MeetingRuleBroken, ValidationError) as error:
                form.add_error(None, "; ".join(error.messages) if isinstance(error, ValidationError) else str(error))
            else:
                messages.success(request, "The declaration of interest has been recorded.")
                return redirect("meetings:declarations", pk=meeting.pk)
    recorded = list(
        Declaration.objects.filter(item__meeting=meeting).select_related("person", "item").order_by("item__position")
    )
    register = declarations_beside_register(meeting, recorded)
    rows = [{"declaration": d, "register": register.get(d.person_id, [])} for d in recorded]
    return render(
        request,
        "meetings/declarations.html",
        {"meeting": meeting, "partnership": meeting.partnership, "rows": rows, "form": form, "can_edit": can_edit},
    )
