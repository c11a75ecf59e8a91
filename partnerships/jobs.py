"""State of a background job, kept in the database so a page can poll it (DESIGN.md 'Architecture').

Concrete jobs (a meeting pack, an annual report) subclass BackgroundJob. Their Celery task takes the
job's primary key, calls a service, and records progress, the file and any failure with its reason.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


class BackgroundJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Being prepared"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    step = models.CharField(max_length=200, blank=True, help_text="What the job is doing now, in words.")
    error = models.TextField(blank=True, help_text="Why the job failed, in words a person can act on.")
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def mark(self, **fields) -> None:
        """Save progress at once, outside any surrounding transaction's rollback, so a poll sees it."""
        for name, value in fields.items():
            setattr(self, name, value)
        type(self).objects.filter(pk=self.pk).update(**fields)

    def start(self) -> None:
        self.mark(
            status=self.Status.RUNNING, started_at=timezone.now(), attempts=self.attempts + 1, error="", progress=0
        )

    def fail(self, reason: str) -> None:
        self.mark(status=self.Status.FAILED, error=reason, finished_at=timezone.now())

    def finish(self, **fields) -> None:
        self.mark(status=self.Status.DONE, progress=100, step="", finished_at=timezone.now(), **fields)


def queue_after_commit(task, *args) -> None:
    """Queue a Celery task only once the records it reads are committed."""
    transaction.on_commit(lambda: task.delay(*args))
