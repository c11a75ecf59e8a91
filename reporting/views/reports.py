"""One report: its progress while it is made, its PDF, a retry, publishing; and the live HTML preview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from partnerships.pdf import serve_pdf
from partnerships.views.common import render_partial

from ..access import get_organisation_reviews_for_user, get_partnership_reports_for_user, get_report_for_user
from ..forms import known_year
from ..models import Kind, Report, default_as_at
from ..render import body_context, body_template
from ..services import ReportRefused, report_data, report_publish, report_retry


def report_detail(request, pk):
    """The report's progress, polled by htmx while it is being made, then its download."""
    report, manages, may_publish = get_report_for_user(request.user, pk)
    context = {"report": report, "manages": manages, "may_publish": may_publish}
    return render_partial(request, "reporting/report_detail.html", context, "status")


def report_download(request, pk):
    report, _manages, _may_publish = get_report_for_user(request.user, pk)
    if report.status != Report.Status.DONE or not report.file:
        raise Http404("This report's PDF is not ready.")
    return serve_pdf(report.file, report.download_name, inline=False)


@login_required
@require_POST
def report_retry_view(request, pk):
    report, _manages, _may_publish = get_report_for_user(request.user, pk, manage=True)
    try:
        report_retry(report=report)
    except ReportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "The report is being made again.")
    return redirect(report)


@login_required
@require_POST
def report_publish_view(request, pk):
    report, _manages, _may_publish = get_report_for_user(request.user, pk, publish=True)
    publish = request.POST.get("publish", "1") == "1"
    try:
        report_publish(report=report, user=request.user, publish=publish)
    except ReportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, "Members can now read this report." if publish else "Members can no longer read this report."
        )
    return redirect(report)


def _preview(request, data, context):
    body = body_context(data)
    return render(
        request,
        "reporting/preview.html",
        {**context, **body, "body_template": body_template(data.kind), "preview_of": data},
    )


@login_required
def annual_update_preview(request, slug, year):
    """The annual update as it would be made now, in the browser: nothing is kept."""
    partnership, _access, _manages = get_partnership_reports_for_user(request.user, slug, manage=True)
    year = known_year(year)
    data = report_data(kind=Kind.ANNUAL_UPDATE, year=year, as_at=default_as_at(year), partnership=partnership)
    return _preview(request, data, {"partnership": partnership})


@login_required
def council_review_preview(request, slug, year):
    organisation, _access, _manages = get_organisation_reviews_for_user(request.user, slug, manage=True)
    year = known_year(year)
    data = report_data(kind=Kind.COUNCIL_REVIEW, year=year, as_at=default_as_at(year), organisation=organisation)
    return _preview(request, data, {"organisation": organisation})
