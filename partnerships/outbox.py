"""The email outbox: each message a job row, recorded with the change that caused it and sent once."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from .jobs import WAITING, BackgroundJob, job_dispatch_on_commit


class OutboundEmail(BackgroundJob):
    """One message to one recipient, recorded with the change that caused it and sent once by a job.

    The key names the message ("agenda:<meeting>:<published at>:<address>"): a second request for the
    same message finds the first, so pressing a button twice never sends twice.
    """

    task_path = "partnerships.tasks.send_email"
    rerun_after_stall = False

    key = models.CharField(max_length=300, unique=True)
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    # Extra message headers, e.g. List-Unsubscribe on an alert someone subscribed to.
    headers = models.JSONField(default=dict, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "partnerships"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.subject} to {self.to}"


def email_queue(
    *, key: str, to: str, subject: str, body: str, headers: dict | None = None
) -> tuple[OutboundEmail, bool]:
    """Record an email to send after commit; the same key twice gives the first one back."""
    existing = OutboundEmail.objects.filter(key=key).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            email = OutboundEmail.objects.create(
                key=key, to=to, subject=subject, body=body, headers=headers or {}, step=WAITING
            )
    except IntegrityError:
        return OutboundEmail.objects.get(key=key), False
    job_dispatch_on_commit(email)
    return email, True


def email_send(email: OutboundEmail) -> None:
    """Send one claimed email and record it sent."""
    from django.core.mail import EmailMessage

    message = EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to])
    message.extra_headers.update(email.headers or {})
    message.extra_headers["Message-ID"] = f"<outbox-{email.pk}@{settings.SITE_URL.split('//')[-1].split('/')[0]}>"
    message.send(fail_silently=False)
    email.finish(sent_at=timezone.now())
