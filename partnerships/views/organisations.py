from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..access import get_organisation_for_user, require_officer, require_signed_in_role
from ..concurrency import save_form
from ..forms import OrganisationForm
from ..govuk import query_text
from ..models import Contribution, Membership, Organisation, Participation
from .common import history_entries, paginate, render_partial


@login_required
def organisation_list(request):
    access = require_signed_in_role(request.user)
    organisations = Organisation.objects.annotate(
        seat_count=Count("memberships", filter=Q(memberships__end_date__isnull=True))
    ).order_by("name")
    query = query_text(request.GET.get("q"))
    sector = query_text(request.GET.get("sector"))
    if query:
        organisations = organisations.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
    if sector in Organisation.Sector.values:
        organisations = organisations.filter(sector=sector)
    if request.GET.get("councils"):
        organisations = organisations.filter(is_council=True)
    page, querystring = paginate(request, organisations)
    context = {
        "page": page,
        "querystring": querystring,
        "query": query,
        "sector": sector,
        "sectors": Organisation.Sector.choices,
        "councils": bool(request.GET.get("councils")),
        "can_create": access.is_officer,
    }
    return render_partial(request, "partnerships/organisation_list.html", context, "results")


@login_required
def organisation_detail(request, slug):
    organisation, access = get_organisation_for_user(request.user, slug)
    seats = (
        Membership.objects.current()
        .filter(organisation=organisation)
        .select_related("person", "partnership")
        .order_by("partnership__name", "person__last_name")
    )
    if not access.is_admin:
        seats = seats.filter(Q(partnership__is_public=True) | Q(partnership_id__in=access.readable_ids))
    taking_part = Participation.objects.current().filter(organisation=organisation).select_related("partnership")
    if not access.is_admin:
        taking_part = taking_part.filter(Q(partnership__is_public=True) | Q(partnership_id__in=access.readable_ids))
    contributions = Contribution.objects.filter(organisation=organisation).select_related("partnership")
    if not access.is_admin:
        contributions = contributions.filter(partnership_id__in=access.readable_ids)
    return render(
        request,
        "partnerships/organisation_detail.html",
        {
            "organisation": organisation,
            "seats": seats,
            "taking_part": taking_part.order_by("partnership__name"),
            "contributions": contributions,
            "can_edit": access.is_officer,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_form(request, slug=None):
    if slug:
        organisation, access = get_organisation_for_user(request.user, slug, write=True)
    else:
        organisation, _access = None, require_officer(request.user)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid() and (saved := save_form(form)):
        messages.success(request, f"{saved.name} has been {'updated' if slug else 'added'}.")
        return redirect(saved)
    return render(request, "partnerships/organisation_form.html", {"form": form, "organisation": organisation})


@login_required
def organisation_history(request, slug):
    organisation, access = get_organisation_for_user(request.user, slug, write=True)
    return render(
        request,
        "partnerships/history.html",
        {"record": organisation, "entries": history_entries(organisation), "back": organisation.get_absolute_url()},
    )
