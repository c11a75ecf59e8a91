"""The reports of a partnership and of a council: ask for one, see those made, write the narrative."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerships import throttle
from partnerships.access import get_access
from partnerships.concurrency import save_form
from partnerships.models import Organisation, Partnership, Person, financial_year_label

from ..access import get_organisation_reviews_for_user, get_partnership_reports_for_user, manages_council_review
from ..forms import NarrativeForm, ReportRequestForm, known_year, year_choices
from ..models import Kind, Narrative, Report, default_as_at
from ..services import ReportRefused, narrative_for, report_request


def _reports(queryset, manages: bool):
    queryset = queryset.select_related("requested_by", "partnership", "organisation").order_by("-year", "-requested_at")
    return queryset if manages else queryset.published()


def _narrative_years(queryset) -> set[int]:
    return set(queryset.values_list("year", flat=True))


def _years(written: set[int], reports) -> list[tuple[int, str]]:
    """The last four years, and any earlier one with a narrative or a report."""
    recent = [year for year, _label in year_choices()[:4]]
    wanted = set(recent) | written | {report.year for report in reports}
    return [(year, label) for year, label in year_choices() if year in wanted]


def _ask(request, form, *, kind, subject: dict):
    """Validate the request form and ask for the report; a redirect, or None to show the form's errors."""
    if not form.is_valid():
        return None
    year = form.cleaned_data["year"]
    as_at = form.cleaned_data["as_at"] or default_as_at(year)
    if not throttle.allow(user=request.user, action="report_request"):
        form.add_error(None, "You have asked for many reports in the last few minutes. Wait a little and ask again.")
        form.throttled = True
        return None
    try:
        report, queued = report_request(kind=kind, year=year, as_at=as_at, user=request.user, **subject)
    except ReportRefused as refusal:
        form.add_error("as_at", str(refusal))
        return None
    if not queued and report.status == Report.Status.DONE:
        who = report.requested_by.email if report.requested_by else "the demonstration data"
        when = f"{report.finished_at:%-d %B %Y}" if report.finished_at else ""
        messages.success(
            request, f"Nothing in this report has changed since it was made on {when} for {who}: here it is."
        )
    elif not queued:
        messages.success(request, "This report is already being made: here is its progress.")
    return redirect(report)


@require_http_methods(["GET", "POST"])
def partnership_reports(request, slug):
    """A partnership's annual update reports: those made (or published), and a form to ask for one."""
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    partnership, access, manages = get_partnership_reports_for_user(request.user, slug, manage=request.method == "POST")
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST":
        response = _ask(request, form, kind=Kind.ANNUAL_UPDATE, subject={"partnership": partnership})
        if response:
            return response
    context = {
        "partnership": partnership,
        "manages": manages,
        "can_edit": access.can_edit(partnership),
        "form": form,
    }
    context["reports"] = list(
        _reports(Report.objects.filter(kind=Kind.ANNUAL_UPDATE, partnership=partnership), manages)
    )
    context["written"] = _narrative_years(Narrative.objects.filter(kind=Kind.ANNUAL_UPDATE, partnership=partnership))
    context["years"] = _years(context["written"], context["reports"])
    return render(
        request,
        "reporting/partnership_reports.html",
        context,
        status=429 if getattr(form, "throttled", False) else 400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_reviews(request, slug):
    """A council's annual reviews of the partnerships it sits on: those made, and a form to ask for one."""
    organisation, access, manages = get_organisation_reviews_for_user(
        request.user, slug, manage=request.method == "POST"
    )
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST":
        response = _ask(request, form, kind=Kind.COUNCIL_REVIEW, subject={"organisation": organisation})
        if response:
            return response
    context = {
        "organisation": organisation,
        "manages": manages,
        "form": form,
    }
    context["reports"] = list(
        _reports(Report.objects.filter(kind=Kind.COUNCIL_REVIEW, organisation=organisation), manages)
    )
    context["written"] = _narrative_years(Narrative.objects.filter(kind=Kind.COUNCIL_REVIEW, organisation=organisation))
    context["years"] = _years(context["written"], context["reports"])
    return render(
        request,
        "reporting/organisation_reviews.html",
        context,
        status=429 if getattr(form, "throttled", False) else 400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def annual_update_narrative(request, slug, year):
    partnership, access, _manages = get_partnership_reports_for_user(request.user, slug, edit=True)
    return _narrative_form(
        request,
        kind=Kind.ANNUAL_UPDATE,
        year=known_year(year),
        subject={"partnership": partnership},
        name=partnership.name,
        authors=Person.objects.filter(
            Q(organisation_id=partnership.host_organisation_id) | Q(memberships__partnership=partnership)
        ).distinct(),
        back=("reporting:partnership_reports", partnership.slug),
        context={"partnership": partnership},
    )


@login_required
@require_http_methods(["GET", "POST"])
def council_review_narrative(request, slug, year):
    organisation, access, _manages = get_organisation_reviews_for_user(request.user, slug, manage=True)
    return _narrative_form(
        request,
        kind=Kind.COUNCIL_REVIEW,
        year=known_year(year),
        subject={"organisation": organisation},
        name=organisation.name,
        authors=Person.objects.filter(organisation=organisation),
        back=("reporting:organisation_reviews", organisation.slug),
        context={"organisation": organisation},
    )


def _narrative_form(request, *, kind, year, subject, name, authors, back, context):
    narrative = narrative_for(kind=kind, year=year, **subject)
    form = NarrativeForm(request.POST or None, instance=narrative, kind=kind, authors=authors)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, f"The narrative for {financial_year_label(year)} has been saved.")
        return redirect(*back)
    return render(
        request,
        "reporting/narrative_form.html",
        {
            **context,
            "form": form,
            "kind": kind,
            "year": year,
            "year_label": financial_year_label(year),
            "name": name,
            "back": back,
        },
        status=400 if form.errors else 200,
    )


@login_required
def report_index(request):
    """Every report the user may ask for: partnerships they look after or clerk for, and their councils."""
    access = get_access(request.user)
    if access.is_admin:
        partnerships = Partnership.objects.all()
        organisations = Organisation.objects.filter(is_council=True)
    else:
        partnerships = Partnership.objects.filter(pk__in=access.officer_ids | access.clerk_ids)
        organisations = Organisation.objects.filter(pk__in=access.clerk_organisation_ids)
    organisations = [o for o in organisations.order_by("name") if manages_council_review(access, o)]
    return render(
        request,
        "reporting/report_index.html",
        {
            "partnerships": partnerships.select_related("parent").order_by("name"),
            "organisations": organisations,
            "today": dt.date.today(),
        },
    )
