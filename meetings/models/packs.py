"""What goes out: the meeting pack built in the background, and the calendar feeds members subscribe to."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from partnerships.jobs import BackgroundJob, DebouncedJob

from .agenda import Paper
from .meetings import Meeting


def pack_upload_to(instance, filename: str) -> str:
    # The build's own number keeps one build from ever replacing another's file.
    return (
        f"meetings/packs/{instance.meeting_id}/{instance.pk}-{instance.content_hash[:16]}-{instance.variant}-{filename}"
    )


class MeetingPack(DebouncedJob):
    """One build of a meeting pack; a finished one is kept under the hash of its content."""

    task_path = "meetings.tasks.build_meeting_pack"

    class Variant(models.TextChoices):
        MEMBERS = "members", "Members' pack"
        PUBLIC = "public", "Public pack"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="packs")
    variant = models.CharField(max_length=10, choices=Variant.choices)
    content_hash = models.CharField(max_length=64)
    file = models.FileField(upload_to=pack_upload_to, max_length=300, blank=True)
    agenda_file = models.FileField(upload_to=pack_upload_to, max_length=300, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    front_pages = models.PositiveSmallIntegerField(null=True, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    failed_paper = models.ForeignKey(Paper, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    paper_versions = models.JSONField(
        default=list, blank=True, editable=False, help_text="[paper, version] of each paper in the built pack."
    )

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["meeting", "variant", "content_hash"])]
        constraints = [
            # One build of each pack in flight: a second request, or a second publish, finds the first.
            models.UniqueConstraint(
                fields=["meeting", "variant"], condition=BackgroundJob.active_q(), name="meetingpack_one_in_flight"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_variant_display()} for {self.meeting}"


class CalendarFeed(models.Model):
    """A person's private calendar address; resetting it makes the old address stop working."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar of {self.user}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)
