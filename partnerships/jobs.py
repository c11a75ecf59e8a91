"""Background work, one way for every kind: a row that is the job's state, its outbox entry and its lease.

A concrete job (an annual report, a meeting pack, a reminder, an email) subclasses BackgroundJob and names
its Celery task in `task_path`. Asking for work is `job_submit`: the row is written inside the caller's
transaction and handed to the broker only after commit, so work is never lost to a rollback and a broker
outage loses nothing: the row waits undispatched and the periodic dispatcher sends it when the broker is
back. A worker claims the row before working, beats a heartbeat while it works, and the periodic sweep
re-queues a job whose worker vanished, failing it with its reason after too many stalls.
"""

import logging
import threading
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, models, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

WAITING = "Waiting for its turn"
WAITING_FOR_SERVICE = "Queued: it will start when the service is back"
STALLED = "The worker stopped; trying again"


def _setting(name: str, default):
    return getattr(settings, name, default)


def stale_after() -> timedelta:
    """A running job whose heartbeat is older than this has lost its worker."""
    return timedelta(seconds=_setting("JOBS_STALE_AFTER_SECONDS", 90))


def heartbeat_every() -> float:
    return float(_setting("JOBS_HEARTBEAT_SECONDS", 15))


def max_stalls() -> int:
    return int(_setting("JOBS_MAX_STALLS", 3))


class ClaimLost(BaseException):
    """This attempt no longer holds its job; not an Exception, so no broad handler records it as a failure."""


class BackgroundJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Being prepared"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    ACTIVE = (Status.QUEUED, Status.RUNNING)
    # Dotted path of the Celery task that takes the job's primary key.
    task_path: str = ""
    # Whether a job whose worker died may simply run again; an email may have gone, so it may not.
    rerun_after_stall = True

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    step = models.CharField(max_length=200, blank=True, help_text="What the job is doing now, in words.")
    error = models.TextField(blank=True, help_text="Why the job failed, in words a person can act on.")
    attempts = models.PositiveSmallIntegerField(default=0)
    stalls = models.PositiveSmallIntegerField(default=0, help_text="Times a worker stopped during this run.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    dispatched_at = models.DateTimeField(null=True, blank=True, help_text="When the broker was given the job.")
    claimed_by = models.CharField(max_length=200, blank=True, help_text="The attempt that holds the job.")
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def active_q(cls) -> Q:
        """The condition of the partial unique constraints that keep one job of a kind in flight."""
        return Q(status__in=[cls.Status.QUEUED, cls.Status.RUNNING])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def is_waiting_for_service(self) -> bool:
        return self.status == self.Status.QUEUED and self.dispatched_at is None

    @property
    def has_stalled(self) -> bool:
        return self.stalls > 0 and not self.is_finished

    @property
    def is_stuck(self) -> bool:
        """Running, but its worker has not been heard from: the sweep will re-queue it, or a person may."""
        return (
            self.status == self.Status.RUNNING
            and self.heartbeat_at is not None
            and timezone.now() - self.heartbeat_at > stale_after()
        )

    @property
    def may_retry(self) -> bool:
        return self.status == self.Status.FAILED or self.is_stuck

    def mark(self, **fields) -> None:
        """Save progress at once, outside any surrounding transaction's rollback, so a poll sees it.

        An attempt that has lost its claim (the sweep gave the job to another worker) stops here.
        """
        rows = type(self).objects.filter(pk=self.pk)
        holder = self.claimed_by if self.status == self.Status.RUNNING else ""
        if holder:
            rows = rows.filter(claimed_by=holder)
            fields.setdefault("heartbeat_at", timezone.now())
        if not rows.update(**fields) and holder:
            raise ClaimLost(f"{type(self).__name__} {self.pk} is now held by another attempt")
        for name, value in fields.items():
            setattr(self, name, value)

    def claim(self, *, token: str) -> bool:
        """Take the job for one attempt; False if it is finished or a live attempt holds it.

        The same token (a message the broker gave back after its worker died) or a stale heartbeat
        means the last attempt stopped: that counts as a stall.
        """
        now = timezone.now()
        model = type(self)
        fresh = model.objects.filter(_due_q(model, now), pk=self.pk, status=self.Status.QUEUED).update(
            status=self.Status.RUNNING,
            claimed_by=token,
            heartbeat_at=now,
            started_at=now,
            dispatched_at=Coalesce(F("dispatched_at"), models.Value(now)),
            attempts=F("attempts") + 1,
            error="",
            progress=0,
        )
        if not fresh:
            dead = Q(claimed_by=token) | Q(heartbeat_at__lt=now - stale_after()) | Q(heartbeat_at__isnull=True)
            taken = (
                model.objects.filter(dead, pk=self.pk, status=self.Status.RUNNING)
                .exclude(stalls__gte=max_stalls())
                .update(
                    claimed_by=token,
                    heartbeat_at=now,
                    started_at=now,
                    attempts=F("attempts") + 1,
                    stalls=F("stalls") + 1,
                    progress=0,
                    step=STALLED,
                )
            )
            if not taken:
                self._fail_if_stalled_too_often(dead)
                self.refresh_from_db()
                return False
        self.refresh_from_db()
        if self.stalls and not self.rerun_after_stall:
            self.fail(self.stall_reason())
            return False
        return True

    def _fail_if_stalled_too_often(self, dead: Q) -> None:
        type(self).objects.filter(dead, pk=self.pk, status=self.Status.RUNNING, stalls__gte=max_stalls()).update(
            status=self.Status.FAILED, error=self.stall_reason(), finished_at=timezone.now(), claimed_by=""
        )

    def stall_reason(self) -> str:
        if not self.rerun_after_stall:
            return (
                "The worker stopped while this was being sent, so it may have gone already. "
                "It is not sent again, so that no one gets it twice."
            )
        return (
            f"The worker stopped {max_stalls()} times while this was being made, so it was not tried again. "
            "Try again; if it stops again, contact support."
        )

    @contextmanager
    def heartbeat(self):
        """Keep the lease alive while a long step (a PDF layout) gives no progress of its own."""
        if _setting("CELERY_TASK_ALWAYS_EAGER", False) or heartbeat_every() <= 0:
            yield
            return
        stop = threading.Event()
        model, pk, token = type(self), self.pk, self.claimed_by

        def beat():
            from django.db import connections

            try:
                while not stop.wait(heartbeat_every()):
                    try:
                        model.objects.filter(pk=pk, claimed_by=token, status=self.Status.RUNNING).update(
                            heartbeat_at=timezone.now()
                        )
                    except Exception:  # noqa: BLE001 - a missed beat is retried; the sweep allows for several
                        logger.warning("Heartbeat of %s %s missed", model.__name__, pk, exc_info=True)
            finally:
                connections.close_all()

        thread = threading.Thread(target=beat, name=f"heartbeat-{model.__name__}-{pk}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join(timeout=5)

    def start(self) -> None:
        """Run in the calling process without a broker (the command line)."""
        self.mark(
            status=self.Status.RUNNING,
            started_at=timezone.now(),
            attempts=self.attempts + 1,
            error="",
            progress=0,
            heartbeat_at=timezone.now(),
        )

    def fail(self, reason: str) -> None:
        self.mark(status=self.Status.FAILED, error=reason, finished_at=timezone.now(), claimed_by="")

    def finish(self, **fields) -> None:
        self.mark(status=self.Status.DONE, progress=100, step="", finished_at=timezone.now(), claimed_by="", **fields)

    def release(self, step: str) -> None:
        """Give the job back to the queue after a transient error; the task's own retry runs it again."""
        self.mark(status=self.Status.QUEUED, step=step, claimed_by="", progress=0)

    def store_file(self, field: str, name: str, data: bytes) -> str:
        """Save a file under the job's own name, replacing what an earlier attempt left: never a second file."""
        file = getattr(self, field)
        path = file.field.generate_filename(self, name)
        if file.storage.exists(path):
            file.storage.delete(path)
        file.save(name, ContentFile(data), save=False)
        return file.name

    def requeue(self, *, step: str = WAITING, **fields) -> None:
        """Queue a finished or failed job again (a person pressed "Try again")."""
        self.mark(
            status=self.Status.QUEUED,
            progress=0,
            step=step,
            error="",
            stalls=0,
            claimed_by="",
            dispatched_at=None,
            finished_at=None,
            **fields,
        )
        job_dispatch_on_commit(self)


class DebouncedJob(BackgroundJob):
    """A job that waits for a quiet period: each new reason to run pushes `not_before` back.

    The row is the timer, so a restart loses nothing: the dispatcher sends it once it is due, and an
    early message (sent before the last push) finds the row not yet due and leaves it.
    """

    not_before = models.DateTimeField(null=True, blank=True, help_text="The job waits until then.")

    class Meta:
        abstract = True

    @property
    def is_due(self) -> bool:
        return self.not_before is None or self.not_before <= timezone.now()


def _due_q(model, now) -> Q:
    if issubclass(model, DebouncedJob):
        return Q(not_before__isnull=True) | Q(not_before__lte=now)
    return Q()


def job_debounce(model: type[DebouncedJob], *, find: Q, delay: timedelta, **fields) -> tuple[DebouncedJob | None, bool]:
    """Ask for a job to run after `delay` of quiet; returns (job, created).

    A queued job found by `find` is pushed back instead of a second being made. While one is running
    none is made (None is returned): the running job is expected to look again when it finishes.
    """
    due = timezone.now() + delay
    queued = model.objects.filter(find, status=BackgroundJob.Status.QUEUED)
    job = queued.first()
    if job is not None:
        queued.filter(pk=job.pk).update(not_before=due, dispatched_at=None)
        job.not_before, job.dispatched_at = due, None
        job_dispatch_on_commit(job)
        return job, False
    if model.objects.filter(find, status=BackgroundJob.Status.RUNNING).exists():
        return None, False
    job, created = job_submit(model, find=find, not_before=due, **fields)
    if not created and job.status == BackgroundJob.Status.QUEUED:
        model.objects.filter(pk=job.pk).update(not_before=due)
        job.not_before = due
    return job, created


def job_models() -> list[type[BackgroundJob]]:
    return [model for model in apps.get_models() if issubclass(model, BackgroundJob) and model.task_path]


def job_submit(model: type[BackgroundJob], *, find: Q | None = None, **fields) -> tuple[BackgroundJob, bool]:
    """Ask for background work; returns (job, created).

    The partial unique constraint on jobs in flight decides whether an identical job is already waiting:
    if one is, it is returned instead (`find` says how to find it). The broker gets the job after commit.
    """
    fields.setdefault("step", WAITING)
    try:
        with transaction.atomic():
            job = model.objects.create(**fields)
    except IntegrityError:
        if find is None:
            raise
        existing = model.objects.filter(find).filter(model.active_q()).first()
        if existing is None:
            raise
        if existing.is_stuck:
            # Asking again for a job whose worker vanished starts it again rather than wait on it.
            existing.requeue(step=STALLED)
        return existing, False
    job_dispatch_on_commit(job)
    return job, True


def job_dispatch_on_commit(job: BackgroundJob) -> None:
    model, pk = type(job), job.pk
    transaction.on_commit(lambda: job_dispatch(model, pk))


def job_dispatch(model: type[BackgroundJob], pk: int) -> bool:
    """Hand one undispatched job to the broker; if the broker is away the job waits for the dispatcher."""
    now = timezone.now()
    eta = None
    if issubclass(model, DebouncedJob):
        eta = model.objects.filter(pk=pk).values_list("not_before", flat=True).first()
        if eta is not None and eta <= now:
            eta = None
        elif eta is not None and _setting("CELERY_TASK_ALWAYS_EAGER", False):
            return False  # Run in place, it would not wait: the row waits for the dispatcher or a reader.
    if not model.objects.filter(pk=pk, status=BackgroundJob.Status.QUEUED, dispatched_at__isnull=True).update(
        dispatched_at=now
    ):
        return False  # Sent already, by the dispatcher or an earlier commit.
    task = import_string(model.task_path)
    try:
        task.apply_async(args=[pk], retry=False, **({"eta": eta} if eta else {}))
    except Exception as error:  # noqa: BLE001 - any broker failure leaves the job for the dispatcher
        logger.warning("The broker did not take %s %s (%s); it waits for the dispatcher", model.__name__, pk, error)
        model.objects.filter(pk=pk, dispatched_at=now).update(dispatched_at=None, step=WAITING_FOR_SERVICE)
        return False
    return True


def jobs_dispatch_pending() -> int:
    """Send every job that was recorded but never reached the broker."""
    sent = 0
    for model in job_models():
        pks = (
            model.objects.filter(status=BackgroundJob.Status.QUEUED, dispatched_at__isnull=True)
            .filter(_due_q(model, timezone.now()))
            .values_list("pk", flat=True)
        )
        for pk in list(pks[:500]):
            sent += job_dispatch(model, pk)
    return sent


def jobs_sweep(*, now=None) -> dict[str, int]:
    """Re-queue jobs whose worker vanished, fail those that stalled too often, and resend lost messages."""
    now = now or timezone.now()
    counts = {"requeued": 0, "failed": 0, "resent": 0}
    lost_after = timedelta(seconds=_setting("JOBS_LOST_AFTER_SECONDS", 900))
    for model in job_models():
        running = model.objects.filter(status=BackgroundJob.Status.RUNNING)
        stale = running.filter(Q(heartbeat_at__lt=now - stale_after()) | Q(heartbeat_at__isnull=True))
        for job in stale:
            still = model.objects.filter(pk=job.pk, status=job.status, heartbeat_at=job.heartbeat_at)
            if job.stalls + 1 >= max_stalls() or not job.rerun_after_stall:
                counts["failed"] += still.update(
                    status=BackgroundJob.Status.FAILED, error=job.stall_reason(), finished_at=now, claimed_by=""
                )
            else:
                counts["requeued"] += still.update(
                    status=BackgroundJob.Status.QUEUED,
                    stalls=F("stalls") + 1,
                    step=STALLED,
                    claimed_by="",
                    dispatched_at=None,
                    progress=0,
                )
        # A message the broker lost (a restart without persistence): send the job again.
        counts["resent"] += model.objects.filter(
            status=BackgroundJob.Status.QUEUED, dispatched_at__lt=now - lost_after
        ).update(dispatched_at=None)
    jobs_dispatch_pending()
    return counts


def run_job(model: type[BackgroundJob], pk: int, work, *, task=None, transient: tuple = ()) -> str:
    """What every job task does: claim the row, keep its heartbeat, do the work, store any failure.

    Transient errors give the job back to the queue and are raised again for the task's own retry;
    after the last retry the job fails with the reason.
    """
    job = model.objects.filter(pk=pk).first()
    if job is None:
        return "gone"
    request = getattr(task, "request", None)
    token = getattr(request, "id", None) or f"local-{uuid.uuid4()}"
    if not job.claim(token=token):
        return job.status
    try:
        with job.heartbeat():
            work(job)
    except ClaimLost:
        logger.warning("%s %s was taken over by another attempt; this one stops", model.__name__, pk)
        return "superseded"
    except transient as error:
        retries, limit = getattr(request, "retries", 0), getattr(task, "max_retries", 0) or 0
        if retries >= limit:
            job.fail(f"The service was too busy to finish this ({error}). Try again in a few minutes.")
        else:
            job.release("The service was busy for a moment; trying again")
        raise
    except _soft_time_limit() as error:
        logger.warning("%s %s ran out of time: %s", model.__name__, pk, error)
        job.fail(
            "This took longer than the time allowed, so it was stopped. Try again; if it happens again, contact support."
        )
    finally:
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
    job.refresh_from_db(fields=["status"])
    return job.status


def _soft_time_limit():
    from celery.exceptions import SoftTimeLimitExceeded

    return SoftTimeLimitExceeded


class ServiceHeartbeat(models.Model):
    """When a worker and the scheduler last showed they were alive, for the readiness check."""

    name = models.CharField(max_length=40, primary_key=True)
    seen_at = models.DateTimeField()

    class Meta:
        app_label = "partnerships"

    def __str__(self) -> str:
        return f"{self.name} at {self.seen_at:%H:%M:%S}"

    @classmethod
    def beat(cls, name: str) -> None:
        cls.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
