"""Asking for a report, making it, retrying and publishing it."""

import datetime as dt
import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from partnerships.errors import RuleBroken
from partnerships.jobs import job_submit
from partnerships.models import Organisation, Partnership, financial_year_start

from . import gather, render
from .models import Kind, Narrative, Report

logger = logging.getLogger(__name__)

# Errors worth another try by Celery: the database or the disk was away for a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class ReportRefused(RuleBroken):
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
    """Ask for a report; returns (report, queued). Nothing is gathered here: the worker does that.

    A report already being made for the same subject, year and date is returned instead (the partial
    unique constraint on reports in flight decides, so two clicks at once give one job).
    """
    _check_request(year=year, as_at=as_at)
    subject = {"partnership": partnership} if kind == Kind.ANNUAL_UPDATE else {"organisation": organisation}
    return job_submit(
        Report,
        find=Q(kind=kind, year=year, as_at=as_at, **subject),
        kind=kind,
        year=year,
        as_at=as_at,
        requested_by=user if user is not None and user.is_authenticated else None,
        **subject,
    )


def report_render(*, report: Report) -> Report:
    """Gather, fingerprint and print one report; idempotent, and every failure is stored with its reason.

    The fingerprint is of the gathered records: a finished report with the same one already has the PDF,
    so it is kept rather than printed again. Transient errors (the database away for a moment) are
    raised again so the task can be retried.
    """
    if report.status == Report.Status.DONE:
        return report
    try:
        report.mark(progress=5, step="Gathering the records")
        data = report_data(
            kind=report.kind,
            year=report.year,
            as_at=report.as_at,
            partnership=report.partnership,
            organisation=report.organisation,
        )
        print_hash = render.fingerprint(data)
        earlier = (
            Report.objects.filter(fingerprint=print_hash, status=Report.Status.DONE)
            .exclude(pk=report.pk)
            .exclude(file="")
            .order_by("-finished_at")
            .first()
        )
        if earlier:
            # The records have not changed since that report was made: keep its PDF rather than print again.
            report.finish(
                fingerprint=print_hash,
                file=earlier.file.name,
                page_count=earlier.page_count,
                file_size=earlier.file_size,
                reused_from=earlier.reused_from or earlier,
            )
            return report
        report.mark(progress=20, step="Laying out the report")
        html = render.report_html(data)
        report.mark(progress=30, step="Making the accessible PDF")
        pdf = render.pdf_from_html(html)
        report.mark(progress=90, step="Saving the PDF")
        name = report.store_file("file", report.download_name, pdf)
        report.finish(fingerprint=print_hash, file=name, page_count=render.page_count(pdf), file_size=len(pdf))
    except TRANSIENT_ERRORS:
        raise
    except SoftTimeLimitExceeded:
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
    """Put a failed or stalled report back in the queue."""
    if not report_may_retry(report):
        raise ReportRefused("Only a report that failed, or whose worker stopped, can be tried again.")
    with transaction.atomic():
        report.requeue()
    return report


def report_may_retry(report: Report) -> bool:
    """A failed report, or one stuck on a worker that stopped, may be asked for again."""
    return report.may_retry


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
