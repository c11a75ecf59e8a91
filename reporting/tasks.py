"""Background jobs: make a report's PDF. Thin wrappers round the services, taking primary keys."""

from config.celery import app

from .models import Report
from .services import TRANSIENT_ERRORS, report_render


@app.task(bind=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=2, retry_jitter=True, max_retries=3)
def render_report(self, report_id: int) -> str:
    report = Report.objects.filter(pk=report_id).select_related("partnership", "organisation").first()
    if report is None:
        return "gone"
    try:
        report = report_render(report=report)
    except TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            report.fail(f"The service was too busy to make the report ({error}). Try again in a few minutes.")
        raise
    return report.status
