import logging
import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

logger = logging.getLogger(__name__)

app = Celery("roundtable")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_ready.connect
def _send_what_waited(**_kwargs):
    """A worker that starts after an outage sends at once what was recorded while the broker was away."""
    from partnerships.tasks import dispatch_jobs

    try:
        dispatch_jobs.delay()
    except Exception:  # noqa: BLE001 - the scheduler's sweep sends them a moment later
        logger.warning("Could not ask for the waiting jobs to be sent", exc_info=True)


_in_beat = False


@signals.beat_init.connect
def _mark_beat(**_kwargs):
    global _in_beat
    import django

    django.setup()
    _in_beat = True


@signals.after_task_publish.connect
def _beat_heartbeat(**_kwargs):
    """The scheduler records each tick it publishes, so the readiness check can tell it is alive."""
    if not _in_beat:
        return
    try:
        from partnerships.jobs import ServiceHeartbeat

        ServiceHeartbeat.beat("beat")
    except Exception:  # noqa: BLE001 - the readiness check reports the scheduler as late instead
        logger.warning("Could not record the scheduler's heartbeat", exc_info=True)
