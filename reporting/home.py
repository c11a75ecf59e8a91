"""Reports due and ready on a clerk's home page, and reports that stalled on an officer's."""

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from partnerships.home import CLERK, OFFICER, HomeContext, HomeItem, register_home_section
from partnerships.jobs import BackgroundJob
from partnerships.models import Organisation, Partnership, financial_year_end, financial_year_label, financial_year_of

from .models import Kind, Report

READY_WITHIN = dt.timedelta(days=90)
STALLED_AFTER = dt.timedelta(minutes=30)
FAILED_LOOKBACK = dt.timedelta(days=14)


def _clerk_reports(context: HomeContext):
    access = context.access
    return Report.objects.filter(
        Q(kind=Kind.ANNUAL_UPDATE, partnership_id__in=access.clerk_ids)
        | Q(kind=Kind.COUNCIL_REVIEW, organisation_id__in=access.clerk_organisation_ids)
    )


def reports_due(context: HomeContext) -> list[HomeItem]:
    """The last complete financial year's review of each council, and annual update of each top-level partnership."""
    year = financial_year_of(context.today) - 1
    label = financial_year_label(year)
    made = set(
        _clerk_reports(context)
        .filter(year=year, status=BackgroundJob.Status.DONE)
        .values_list("kind", "partnership_id", "organisation_id")
    )
    made_partnerships = {p for kind, p, _o in made if kind == Kind.ANNUAL_UPDATE}
    made_organisations = {o for kind, _p, o in made if kind == Kind.COUNCIL_REVIEW}
    ended = financial_year_end(year)
    items = []
    for organisation in Organisation.objects.filter(pk__in=context.access.clerk_organisation_ids).order_by("name"):
        if organisation.pk not in made_organisations:
            items.append(
                HomeItem(
                    f"{organisation.name}: annual review of strategic partnerships {label}",
                    reverse("reporting:organisation_reviews", args=[organisation.slug]),
                    "Make the review",
                    detail=f"The year ended on {ended:%-d %B %Y}",
                    when=ended,
                )
            )
    partnerships = Partnership.objects.filter(pk__in=context.access.clerk_ids, parent__isnull=True).order_by("name")
    for partnership in partnerships:
        if partnership.pk not in made_partnerships:
            items.append(
                HomeItem(
                    f"{partnership.name}: annual update report {label}",
                    reverse("reporting:partnership_reports", args=[partnership.slug]),
                    "Make the report",
                    detail=f"The year ended on {ended:%-d %B %Y}",
                    when=ended,
                )
            )
    return items


def reports_ready(context: HomeContext) -> list[HomeItem]:
    reports = (
        _clerk_reports(context)
        .filter(status=BackgroundJob.Status.DONE, finished_at__gte=timezone.now() - READY_WITHIN)
        .select_related("partnership", "organisation")
        .order_by("-finished_at")[:20]
    )
    return [
        HomeItem(
            report.title,
            reverse("reporting:report_download", args=[report.pk]),
            "Download the PDF",
            detail=f"Made on {timezone.localtime(report.finished_at):%-d %B %Y}"
            + (f", {report.page_count} pages" if report.page_count else ""),
            when=None,
        )
        for report in reports
    ]


def stalled_reports(context: HomeContext) -> list[HomeItem]:
    now = timezone.now()
    reports = (
        Report.objects.filter(
            Q(kind=Kind.ANNUAL_UPDATE) & context.officer_filter() | Q(requested_by_id=context.user.pk)
        )
        .filter(
            Q(
                status__in=[BackgroundJob.Status.QUEUED, BackgroundJob.Status.RUNNING],
                requested_at__lt=now - STALLED_AFTER,
            )
            | Q(status=BackgroundJob.Status.FAILED, requested_at__gte=now - FAILED_LOOKBACK)
        )
        .select_related("partnership", "organisation")
        .order_by("-requested_at")[:20]
    )
    return [
        HomeItem(
            f"{report.title} {'failed: ' + report.error if report.status == BackgroundJob.Status.FAILED else 'has not finished'}",
            report.get_absolute_url(),
            "See the report and try again",
        )
        for report in reports
    ]


register_home_section(
    "reports_due",
    "Reports due",
    reports_due,
    role=CLERK,
    order=10,
    empty="Every report for last year has been made.",
    see_all=("reporting:report_index", "See all reports"),
)
register_home_section(
    "reports_ready",
    "Reports ready",
    reports_ready,
    role=CLERK,
    order=20,
    empty="No report has been made in the last three months.",
)
register_home_section("stalled_jobs", "Packs and reports that have stalled", stalled_reports, role=OFFICER, order=90)
