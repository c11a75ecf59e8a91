"""Background jobs: make a report's PDF. Thin wrappers round the services, taking primary keys."""

from config.celery import app
from partnerships.jobs import run_job

from .models import Report
from .services import TRANSIENT_ERRORS, report_render


@app.task(bind=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=2, retry_jitter=True, max_retries=3)
def render_report(self, report_id: int) -> str:
    return run_job(
        Report, report_id, lambda report: report_render(report=report), task=self, transient=TRANSIENT_ERRORS
    )
