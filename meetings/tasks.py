"""Background jobs for meetings: building a meeting pack."""

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
