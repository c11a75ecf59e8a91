"""Background jobs for meetings: building a meeting pack."""

from django.db import OperationalError

from config.celery import app

from . import services


@app.task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=3)
def build_meeting_pack(pack_pk: int) -> None:
    """Build one meeting pack; its progress and any failure are kept on the MeetingPack row."""
    services.pack_build(pack_pk=pack_pk)
