"""The job platform's own tasks: send one email, and the periodic sweep and dispatcher that keep jobs moving."""

import smtplib

from config.celery import app

from .jobs import ServiceHeartbeat, jobs_dispatch_pending, jobs_sweep, run_job
from .outbox import OutboundEmail, email_send

# The email server refused the connection or was away: nothing was sent, so trying again is safe.
EMAIL_TRANSIENT = (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError)


@app.task(bind=True, autoretry_for=EMAIL_TRANSIENT, retry_backoff=30, retry_jitter=True, max_retries=5)
def send_email(self, email_id: int) -> str:
    return run_job(OutboundEmail, email_id, email_send, task=self, transient=EMAIL_TRANSIENT)


@app.task(ignore_result=True)
def sweep_jobs() -> dict:
    """Every few seconds, from the scheduler: re-queue stalled jobs and send what the broker never got."""
    ServiceHeartbeat.beat("worker")
    return jobs_sweep()


@app.task(ignore_result=True)
def dispatch_jobs() -> int:
    ServiceHeartbeat.beat("worker")
    return jobs_dispatch_pending()
