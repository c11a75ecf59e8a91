"""Background jobs for meetings: building a meeting pack, and queueing email alerts of what was published."""

from django.db import InterfaceError, OperationalError

from config.celery import app
from partnerships.jobs import run_job

from .models import MeetingPack
from .services.packs import pack_build

TRANSIENT = (OperationalError, InterfaceError, ConnectionError)


@app.task(bind=True, autoretry_for=TRANSIENT, retry_backoff=True, max_retries=3)
def build_meeting_pack(self, pack_pk: int) -> str:
    """Build one meeting pack; its progress and any failure are kept on the MeetingPack row."""
    return run_job(MeetingPack, pack_pk, lambda pack: pack_build(pack_pk=pack.pk), task=self, transient=TRANSIENT)


@app.task(autoretry_for=TRANSIENT, retry_backoff=True, max_retries=5)
def queue_alerts() -> int:
    """Queue each subscriber's alerts of new agendas and approved minutes; the email outbox sends them."""
    from .alerts import alerts_queue

    return alerts_queue()
