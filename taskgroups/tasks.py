"""Reminders to a group's lead before its end date, a milestone or a report falls due."""

import datetime as dt
import smtplib

from config.celery import app
from partnerships.jobs import job_dispatch

from . import services
from .models import Reminder


@app.task(autoretry_for=(smtplib.SMTPException, OSError), retry_backoff=60, retry_jitter=True, max_retries=4)
def send_reminder(reminder_pk: int) -> None:
    services.reminder_send(reminder_pk=reminder_pk)


@app.task
def queue_reminders() -> int:
    """Each morning: record what falls due soon and queue an email for each reminder not yet sent."""
    pks = services.reminders_due(today=dt.date.today())
    services.reminders_requeue(pks=pks)
    for pk in pks:
        job_dispatch(Reminder, pk)
    return len(pks)
