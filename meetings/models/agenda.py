"""An agenda's items and their papers, each paper kept in every version uploaded."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.models import Person, Versioned

from ..item_links import item_links
from .meetings import Meeting


class AgendaItem(Versioned):
    class Kind(models.TextChoices):
        APOLOGIES = "apologies", "Apologies"
        DECLARATIONS = "declarations", "Declarations of interest"
        MINUTES = "minutes", "Minutes of the last meeting"
        MATTERS_ARISING = "matters_arising", "Matters arising"
        MAJOR = "major", "Major item"
        THEME_UPDATE = "theme_update", "Theme update"
        TASK_GROUP_REPORT = "task_group_report", "Task-and-finish report"
        OTHER = "other", "Other item"
        ANY_OTHER_BUSINESS = "aob", "Any other business"

    STANDING_KINDS = (Kind.APOLOGIES, Kind.DECLARATIONS, Kind.MINUTES, Kind.MATTERS_ARISING)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.MAJOR)
    summary = models.TextField(blank=True, help_text="What the item is for and what the meeting is asked to do.")
    presenter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="presented_items"
    )
    duration_minutes = models.PositiveSmallIntegerField("duration in minutes", null=True, blank=True)
    guests = models.ManyToManyField(
        Person,
        blank=True,
        related_name="guest_items",
        help_text="People invited for this item only. Guests do not vote.",
    )
    key_decision = models.BooleanField(
        "key decision",
        default=False,
        help_text="The meeting is asked to take a key decision: listed on the forward plan once the agenda is published.",
    )
    minutes = models.TextField(blank=True, help_text="What was discussed and agreed, as the minutes record it.")
    history = HistoricalRecords(m2m_fields=[guests])

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    @property
    def is_standing(self) -> bool:
        return self.kind in self.STANDING_KINDS

    @property
    def taken_reports(self) -> list[tuple[str, models.Model]]:
        """The theme or group reports the item takes, each with how the agenda names it."""
        return [(link.label, report) for link in item_links() if (report := link.taken(self)) is not None]


def paper_upload_to(instance, filename: str) -> str:
    # A random name: the stored path says nothing about the paper, and it is never shown anyway.
    return f"meetings/papers/{uuid.uuid4().hex}.pdf"


class Paper(Versioned):
    """A document attached to an agenda item; replacing it keeps the earlier versions."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    is_confidential = models.BooleanField(
        "confidential",
        default=False,
        help_text="Confidential papers go to members only: never to the public page, pack or feed.",
    )
    position = models.PositiveSmallIntegerField(default=1)
    current = models.OneToOneField(
        "PaperVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:paper_download", args=[self.pk])


class PaperVersion(models.Model):
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    file = models.FileField(upload_to=paper_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    page_count = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    text = models.TextField(blank=True, editable=False, help_text="The words of the PDF, for search.")

    class Meta:
        ordering = ["paper", "-number"]
        constraints = [models.UniqueConstraint(fields=["paper", "number"], name="paper_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.paper} (version {self.number})"

    @property
    def download_name(self) -> str:
        return self.original_name if self.original_name.lower().endswith(".pdf") else f"{self.original_name}.pdf"
