from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from ..access import get_person_for_user, may_see_contact, people_matching, require_officer
from ..collation import by_name
from ..concurrency import save_form
from ..forms import InterestForm, PersonForm
from ..govuk import query_text
from ..models import Membership
from .common import history_entries, paginate, render_partial


@login_required
def person_list(request):
    access = require_officer(request.user)
    people = access.readable_people().select_related("organisation").order_by(*by_name())
    query = query_text(request.GET.get("q"))
    people = people_matching(people, query)
    page, querystring = paginate(request, people)
    return render_partial(
        request,
        "partnerships/person_list.html",
        {"page": page, "querystring": querystring, "query": query, "can_create": access.is_officer},
        "results",
    )


@login_required
def person_detail(request, pk):
    person, access = get_person_for_user(request.user, pk)
    memberships = access.visible_seats(Membership.objects.filter(person=person)).select_related(
        "partnership", "organisation"
    )
    contact = may_see_contact(access, person)
    # Read either way, so the page costs the same whoever looks.
    interests = list(person.interests.all())
    return render(
        request,
        "partnerships/person_detail.html",
        {
            "person": person,
            "memberships": memberships.order_by("-end_date", "partnership__name"),
            "interests": interests if contact else [],
            "can_see_contact": contact,
            "can_edit": contact and access.is_officer,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_form(request, pk=None):
    if pk:
        person, access = get_person_for_user(request.user, pk, write=True)
    else:
        person, _access = None, require_officer(request.user)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        saved = save_form(form)
        if saved:
            messages.success(request, f"{saved} has been {'updated' if pk else 'added'}.")
            next_url = request.GET.get("next", "")
            if next_url and url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                return redirect(f"{next_url}{'&' if '?' in next_url else '?'}person={saved.pk}")
            return redirect(saved)
    return render(request, "partnerships/person_form.html", {"form": form, "person": person})


@login_required
def person_history(request, pk):
    person, access = get_person_for_user(request.user, pk, write=True)
    return render(
        request,
        "partnerships/history.html",
        {"record": person, "entries": history_entries(person), "back": person.get_absolute_url()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def interest_form(request, pk, interest_pk=None):
    """Add or change an entry in a person's register of interests."""
    person, access = get_person_for_user(request.user, pk, write=True)
    interest = get_object_or_404(person.interests, pk=interest_pk) if interest_pk else None
    form = InterestForm(request.POST or None, instance=interest)
    form.instance.person = person
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "The register of interests has been updated.")
        return redirect(person)
    return render(request, "partnerships/interest_form.html", {"form": form, "person": person, "interest": interest})
