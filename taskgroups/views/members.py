"""A group's members: anyone with the right knowledge, from inside or outside the partnership (Appendix C)."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import find_people_to_add
from partnerships.concurrency import save_form
from partnerships.govuk import query_int, query_text
from partnerships.models import Person
from partnerships.views.common import render_partial

from .. import services
from ..access import get_group_for_user, get_member_for_user
from ..forms import MemberForm, NewPersonForm
from ..services import member_add, person_add_to_register


@login_required
@require_http_methods(["GET", "POST"])
def member_add_view(request, pk):
    """Find someone in the register, or add them to it on the spot, then add them to the group."""
    group, access = get_group_for_user(request.user, pk, write=True)
    person_id = request.POST.get("person") or request.GET.get("person")
    if query_int(person_id) is not None:
        person = get_object_or_404(Person.objects.select_related("organisation"), pk=query_int(person_id))
        form = MemberForm(request.POST or None, group=group, person=person)
        if request.method == "POST" and form.is_valid() and save_form(form, lambda new, _: member_add(member=new)):
            messages.success(request, f"{person} has joined “{group.name}”.")
            return redirect(group)
        return render(
            request,
            "taskgroups/member_form.html",
            {"form": form, "group": group, "person": person, "partnership": group.partnership},
        )

    query = query_text(request.GET.get("q"))
    new_person = NewPersonForm(request.POST or None, prefix="new")
    if request.method == "POST" and new_person.is_valid():
        data = new_person.cleaned_data
        try:
            with transaction.atomic():
                person = person_add_to_register(**data)
        except ValidationError as error:
            new_person.add_error(None, error)
        else:
            messages.success(request, f"{person} has been added to the register.")
            return redirect(f"{request.path}?person={person.pk}")
    context = {
        "group": group,
        "partnership": group.partnership,
        "query": query,
        "results": find_people_to_add(access, query),
        "form": new_person,
        "today": dt.date.today(),
    }
    return render_partial(request, "taskgroups/member_add.html", context, "results")


@login_required
@require_POST
def member_leave(request, pk):
    """Record that someone has left the group; their place is kept in the group's record."""
    member, access = get_member_for_user(request.user, pk, write=True)
    if member.left_on is None:
        services.member_leave(member=member)
        messages.success(request, f"{member.person} has left “{member.group.name}”.")
    return redirect(member.group)
