"""Reminders to lead officers before a theme report is due and when it is overdue."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from partnerships.models import PartnershipOfficer

from ..models import Theme, ThemeReportReminder
from .reports import report_obligations


def _recipients(theme: Theme, officers_by_partnership: dict[int, list[str]]) -> list[str]:
    person = theme.lead_officer
    if person is not None:
        email = person.email or (person.user.email if person.user_id else "")
        if email:
            return [email]
    # With no lead officer to write to, the partnership's officers are told instead.
    return officers_by_partnership.get(theme.partnership_id, [])


def theme_report_reminders_send(*, today: dt.date | None = None) -> list[ThemeReportReminder]:
    """Email lead officers before a report is due and on the first day it is overdue; never twice.

    A day the job did not run is caught up: a missed reminder goes the next day, so long as the report
    is still not submitted and the reminder was not already sent.
    """
    today = today or dt.date.today()
    themes = Theme.objects.active().select_related(
        "partnership", "partnership__theme_report_schedule", "lead_officer__user"
    )
    obligations = report_obligations(themes=themes, today=today, lookback_days=31)
    due = []
    for obligation in obligations:
        if obligation.is_submitted:
            continue
        if obligation.is_overdue:
            due.append((obligation, ThemeReportReminder.Kind.OVERDUE))
        elif obligation.is_due_soon:
            due.append((obligation, ThemeReportReminder.Kind.DUE_SOON))
    if not due:
        return []
    already = set(
        ThemeReportReminder.objects.filter(theme__in={o.theme for o, _ in due}).values_list(
            "theme_id", "year", "half", "kind"
        )
    )
    officers: dict[int, list[str]] = {}
    for partnership_id, email in PartnershipOfficer.objects.filter(
        partnership_id__in={o.theme.partnership_id for o, _ in due}
    ).values_list("partnership_id", "user__email"):
        if email:
            officers.setdefault(partnership_id, []).append(email)
    sent = []
    for obligation, kind in due:
        key = (obligation.theme.pk, obligation.period.year, obligation.period.half, kind)
        if key in already:
            continue
        recipients = _recipients(obligation.theme, officers)
        if not recipients:
            continue
        try:
            with transaction.atomic():
                # The row is the lock: a second worker running at once fails here and sends nothing.
                reminder = ThemeReportReminder.objects.create(
                    theme=obligation.theme,
                    year=obligation.period.year,
                    half=obligation.period.half,
                    kind=kind,
                    recipients=", ".join(recipients),
                )
                context = {
                    "obligation": obligation,
                    "theme": obligation.theme,
                    "overdue": kind == ThemeReportReminder.Kind.OVERDUE,
                    "site_url": settings.SITE_URL.rstrip("/"),
                }
                subject = (
                    f"Overdue: {obligation.theme} report for {obligation.period.short_label}"
                    if kind == ThemeReportReminder.Kind.OVERDUE
                    else f"Due {obligation.due_on:%-d %B}: {obligation.theme} report for {obligation.period.short_label}"
                )
                send_mail(
                    subject,
                    render_to_string("themes/email/reminder.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                )
        except IntegrityError:
            continue
        sent.append(reminder)
    return sent
