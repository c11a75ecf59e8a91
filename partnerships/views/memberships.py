import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from ..access import Level, find_people_to_add, get_membership_for_user, get_partnership_for_user
from ..bulk_forms import EndSeatsForm
from ..collation import by_name
from ..concurrency import save_form
from ..forms import MembershipEndForm, MembershipFilterForm, MembershipForm, PersonChoiceForm
from ..fragments import fragment_key, lazy_context, record_state
from ..govuk import query_int
from ..models import Membership, Participation, Person
from ..services import membership_end, membership_save
from .common import history_entries, render_partial, vary_on_htmx, wants_fragment


def _membership_rows(partnership, on: dt.date):
    role_order = {role: index for index, role in enumerate(Membership.Role.values)}
    rows = list(
        Membership.objects.current(on)
        .filter(partnership=partnership)
        .select_related("person", "person__organisation", "organisation", "alternate_for__person")
        .order_by(*by_name("person__"))
    )
    rows.sort(key=lambda m: role_order[m.role])
    return rows


MEMBERSHIP_NAMES = ("rows", "participations", "row_count", "ended")
MEMBERSHIP_TABLES = ("partnerships.membership", "partnerships.participation", "partnerships.person")
MEMBERSHIP_TABLES = (*MEMBERSHIP_TABLES, "partnerships.organisation", "partnerships.partnership")


def _membership_context(partnership, level, on: dt.date, today: dt.date) -> dict:
    rows = _membership_rows(partnership, on)
    participations = list(
        Participation.objects.current(on).filter(partnership=partnership).select_related("organisation")
    )
    context = {"rows": rows, "participations": participations, "row_count": len(rows) + len(participations)}
    if level >= Level.READ:
        context["ended"] = list(
            Membership.objects.filter(partnership=partnership, end_date__lt=today)
            .select_related("person", "organisation")
            .order_by("-end_date")[:25]
        )
    return context


def membership_list(request, slug):
    """The membership as at any date: today's by default."""
    partnership, access = get_partnership_for_user(request.user, slug)
    level = access.level(partnership)
    today = dt.date.today()
    form = MembershipFilterForm(request.GET or None)
    on = today
    if form.is_bound and form.is_valid() and form.cleaned_data["as_at"]:
        on = form.cleaned_data["as_at"]
    context = {
        "partnership": partnership,
        "form": form,
        "as_at": on,
        "is_today": on == today,
        "can_edit": level >= Level.EDIT,
        "can_read": level >= Level.READ,
        # The seats are read only when the cached list is missing.
        "fragment_key": fragment_key(
            "partnerships:membership_list",
            access=access,
            depends=MEMBERSHIP_TABLES,
            parts=(record_state(partnership), on, today),
        ),
        **lazy_context(lambda: _membership_context(partnership, level, on, today), MEMBERSHIP_NAMES),
        # The date form reads no records: drawn once for each thing typed into it, errors and all.
        "filter_key": fragment_key(
            "partnerships:membership_filter",
            access=access,
            depends=(),
            parts=(partnership.slug, sorted(request.GET.lists()), today),
        ),
    }
    if level >= Level.EDIT and on == today:
        # Its fields are drawn from the cache with the list, so the form is built only when they are missing.
        context["can_end_seats"] = True
        context["end_form"] = SimpleLazyObject(lambda: EndSeatsForm(partnership=partnership))
    return render_partial(request, "partnerships/membership_list.html", context, "members")


@login_required
@require_http_methods(["GET", "POST"])
def membership_add(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    person_id = request.POST.get("person") or request.GET.get("person")
    if not person_id:
        # Step one: find the person, so the form never lists every person in the register.
        search = PersonChoiceForm(request.GET or None)
        results = []
        query = ""
        if search.is_bound and search.is_valid():
            query = search.cleaned_data["q"].strip()
            results = find_people_to_add(access, query)
        context = {"partnership": partnership, "search": search, "results": results, "query": query}
        return render_partial(request, "partnerships/membership_find_person.html", context, "results")
    if query_int(person_id) is None:
        raise Http404("No such person in the register.")
    person = get_object_or_404(Person.objects.select_related("organisation"), pk=query_int(person_id))
    form = MembershipForm(request.POST or None, partnership=partnership, person=person)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, lambda seat, _: membership_save(membership=seat))
    ):
        messages.success(request, f"{person} has been added to {partnership.name}.")
        return redirect("partnerships:membership_list", slug=partnership.slug)
    return render(
        request, "partnerships/membership_form.html", {"form": form, "partnership": partnership, "person": person}
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, pk):
    membership, access = get_membership_for_user(request.user, pk, write=True)
    partnership = membership.partnership
    form = MembershipForm(request.POST or None, instance=membership, partnership=partnership, person=membership.person)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, lambda seat, version: membership_save(membership=seat, started_from=version))
    ):
        messages.success(request, f"{membership.person}'s membership has been updated.")
        return redirect("partnerships:membership_list", slug=partnership.slug)
    return render(
        request,
        "partnerships/membership_form.html",
        {"form": form, "partnership": partnership, "person": membership.person, "membership": membership},
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_end_view(request, pk):
    """Confirm, then end a seat. The record is kept."""
    membership, access = get_membership_for_user(request.user, pk, write=True)
    partnership = membership.partnership
    form = MembershipEndForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        ended = save_form(
            form,
            lambda seat, version: membership_end(
                membership=seat,
                end_date=form.cleaned_data["end_date"],
                reason=form.cleaned_data["end_reason"],
                started_from=version,
            ),
        )
        if ended:
            if request.htmx:
                context = {
                    "row": membership,
                    "partnership": partnership,
                    "can_edit": True,
                    "can_read": True,
                    "as_at": dt.date.today(),
                }
                return render(request, "partnerships/membership_list.html#member-row", context)
            messages.success(request, f"{membership.person}'s seat ends on {membership.end_date:%-d %B %Y}.")
            return redirect("partnerships:membership_list", slug=partnership.slug)
    context = {"form": form, "membership": membership, "partnership": partnership, "row": membership}
    if wants_fragment(request):
        return vary_on_htmx(render(request, "partnerships/membership_list.html#end-row", context))
    return vary_on_htmx(render(request, "partnerships/membership_end.html", context))


@login_required
def membership_history(request, pk):
    membership, access = get_membership_for_user(request.user, pk, write=True)
    return render(
        request,
        "partnerships/history.html",
        {
            "record": membership,
            "entries": history_entries(membership),
            "back": reverse("partnerships:membership_list", args=[membership.partnership.slug]),
            "partnership": membership.partnership,
        },
    )
