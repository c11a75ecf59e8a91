"""Reminders to a group's lead before its end date, a milestone or a report falls due."""

import datetime as dt
import smtplib

from celery.schedules import crontab

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
    # A reminder that failed yesterday (no address, the email server away) is tried again today.
    Reminder.objects.filter(pk__in=pks, status=Reminder.Status.FAILED).update(
        status=Reminder.Status.QUEUED, dispatched_at=None
    )
    for pk in pks:
        job_dispatch(Reminder, pk)
    return len(pks)


app.conf.beat_schedule.update(
    {
        "taskgroups-reminders": {
            "task": "taskgroups.tasks.queue_reminders",
            "schedule": crontab(hour=7, minute=0),
        }
    }
)
