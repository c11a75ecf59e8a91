"""The daily job that reminds lead officers of theme reports coming due and overdue."""

import datetime as dt

from django.db import OperationalError

from config.celery import app

from .services import theme_report_reminders_send


@app.task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=5)
def send_theme_report_reminders(today: str | None = None) -> int:
    """Send today's reminders; safe to run twice, as each reminder is recorded before it is sent."""
    sent = theme_report_reminders_send(today=dt.date.fromisoformat(today) if today else None)
    return len(sent)
