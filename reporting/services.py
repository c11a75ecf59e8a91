"""Asking for a report, making it, retrying and publishing it."""

import datetime as dt
import logging

from django.core.files.base import ContentFile
from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from partnerships.jobs import queue_after_commit
from partnerships.models import Organisation, Partnership, financial_year_start

from . import gather, render
from .models import Kind, Narrative, Report

logger = logging.getLogger(__name__)

# Errors worth another try by Celery: the database or the disk was away for a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class ReportRefused(Exception):
    """A request a person must change before it can go ahead; the message says how."""


def report_data(*, kind: str, year: int, as_at: dt.date, partnership=None, organisation=None):
    """Everything the report says, from the records as at a date."""
    if kind == Kind.ANNUAL_UPDATE:
        return gather.annual_update(partnership=partnership, year=year, as_at=as_at)
    return gather.council_review(organisation=organisation, year=year, as_at=as_at)


def report_document(*, kind: str, year: int, as_at: dt.date, partnership=None, organisation=None) -> str:
    data = report_data(kind=kind, year=year, as_at=as_at, partnership=partnership, organisation=organisation)
    return render.report_html(data)


def report_pdf(*, kind: str, year: int, as_at: dt.date, partnership=None, organisation=None) -> bytes:
    """The PDF straight away, for the command line: the same steps as the background job."""
    html = report_document(kind=kind, year=year, as_at=as_at, partnership=partnership, organisation=organisation)
    return render.pdf_from_html(html)


def _check_request(*, year: int, as_at: dt.date) -> None:
    if as_at < financial_year_start(year):
        raise ReportRefused(
            f"The date the data is as at must be on or after 1 April {year}, the start of the year reported on."
        )
    if as_at > dt.date.today():
        raise ReportRefused("The date the data is as at cannot be in the future.")


def report_request(
    *,
    kind: str,
    year: int,
    as_at: dt.date,
    user=None,
    partnership: Partnership | None = None,
    organisation: Organisation | None = None,
) -> tuple[Report, bool]:
    """Ask for a report; returns (report, queued). An identical finished or pending report is returned instead."""
    _check_request(year=year, as_at=as_at)
    html = report_document(kind=kind, year=year, as_at=as_at, partnership=partnership, organisation=organisation)
    print_hash = render.fingerprint(html)
    same = Report.objects.for_subject(kind=kind, partnership=partnership, organisation=organisation).filter(year=year)
    unchanged = same.filter(fingerprint=print_hash, status=Report.Status.DONE).order_by("-finished_at").first()
    if unchanged:
        return unchanged, False
    pending = same.filter(as_at=as_at, status__in=[Report.Status.QUEUED, Report.Status.RUNNING]).first()
    if pending:
        return pending, False
    with transaction.atomic():
        report = Report.objects.create(
            kind=kind,
            partnership=partnership,
            organisation=organisation,
            year=year,
            as_at=as_at,
            requested_by=user if user is not None and user.is_authenticated else None,
            step="Waiting for its turn",
        )
        from .tasks import render_report

        queue_after_commit(render_report, report.pk)
    return report, True


def report_render(*, report: Report) -> Report:
    """Gather, lay out and print one report; idempotent, and every failure is stored with its reason.

    Transient errors (the database away for a moment) are raised again so the task can be retried.
    """
    if report.status == Report.Status.DONE:
        return report
    report.start()
    try:
        report.mark(progress=5, step="Gathering the records")
        data = report_data(
            kind=report.kind,
            year=report.year,
            as_at=report.as_at,
            partnership=report.partnership,
            organisation=report.organisation,
        )
        report.mark(progress=20, step="Laying out the report")
        html = render.report_html(data)
        print_hash = render.fingerprint(html)
        earlier = (
            Report.objects.filter(fingerprint=print_hash, status=Report.Status.DONE)
            .exclude(pk=report.pk)
            .exclude(file="")
            .first()
        )
        if earlier:
            # Someone asked for the same report a moment before: keep their PDF rather than print it again.
            report.finish(
                fingerprint=print_hash,
                file=earlier.file.name,
                page_count=earlier.page_count,
                file_size=earlier.file_size,
            )
            return report
        report.mark(progress=30, step="Making the accessible PDF")
        pdf = render.pdf_from_html(html)
        report.mark(progress=90, step="Saving the PDF")
        report.file.save(report.download_name, ContentFile(pdf), save=False)
        report.finish(
            fingerprint=print_hash, file=report.file.name, page_count=render.page_count(pdf), file_size=len(pdf)
        )
    except TRANSIENT_ERRORS:
        raise
    except DatabaseError as error:
        logger.exception("Report %s failed", report.pk)
        report.fail(f"The records could not be read ({error}). Try again; if it fails again, contact support.")
    except Exception as error:  # noqa: BLE001 - any failure must reach the person waiting, with its reason
        logger.exception("Report %s failed", report.pk)
        report.fail(
            f"The PDF could not be made: {error}. Try again; if it fails again, contact support quoting "
            f"report {report.pk}."
        )
    return report


def report_retry(*, report: Report) -> Report:
    """Put a failed report back in the queue."""
    if report.status != Report.Status.FAILED:
        raise ReportRefused("Only a report that failed can be tried again.")
    with transaction.atomic():
        report.mark(status=Report.Status.QUEUED, progress=0, step="Waiting for its turn", error="")
        from .tasks import render_report

        queue_after_commit(render_report, report.pk)
    return report


def report_publish(*, report: Report, user, publish: bool = True) -> Report:
    """Let members read a finished report, or withdraw it."""
    if publish and report.status != Report.Status.DONE:
        raise ReportRefused("Only a finished report can be published.")
    if publish:
        report.mark(published_at=timezone.now(), published_by=user)
    else:
        report.mark(published_at=None, published_by=None)
    return report


def narrative_for(*, kind: str, year: int, partnership=None, organisation=None) -> Narrative:
    """The narrative for a report and year, or a new one to fill in (not yet saved)."""
    found = Narrative.objects.filter(kind=kind, year=year, partnership=partnership, organisation=organisation).first()
    return found or Narrative(kind=kind, year=year, partnership=partnership, organisation=organisation)
