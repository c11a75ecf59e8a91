"""Meetings and the standing items every agenda starts from."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.models import Membership, Organisation, Partnership, Versioned

# The OSP Terms of Reference Appendix D: regular meetings 10:30 to 13:00; the annual planning and review meeting 9:30 to 14:00.
REGULAR_HOURS = (dt.time(10, 30), dt.time(13, 0))
ANNUAL_REVIEW_HOURS = (dt.time(9, 30), dt.time(14, 0))


class MeetingQuerySet(models.QuerySet):
    def with_partnership_and_host_named(self):
        """Each meeting with its partnership, and of the member organisation hosting it only its name."""
        named = {"id", "name"}
        unread = [f"host__{f.attname}" for f in Organisation._meta.concrete_fields if f.name not in named]
        return self.select_related("partnership", "host").defer(*unread)

    def upcoming(self, today: dt.date | None = None):
        return self.filter(date__gte=today or dt.date.today()).order_by("date", "start_time")

    def past(self, today: dt.date | None = None):
        return self.filter(date__lt=today or dt.date.today()).order_by("-date", "-start_time")

    def visible_to(self, access):
        """Meetings of the partnerships a login may see at all."""
        if access.is_admin:
            return self
        return self.filter(Q(partnership__is_public=True) | Q(partnership_id__in=access.readable_ids))


class Meeting(Versioned):
    class Kind(models.TextChoices):
        REGULAR = "regular", "Regular meeting"
        ANNUAL_REVIEW = "annual_review", "Annual planning and review meeting"
        EXTRAORDINARY = "extraordinary", "Extraordinary meeting"
        WORKSHOP = "workshop", "Workshop"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        PUBLISHED = "published", "Agenda published"
        HELD = "held", "Held"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        CANCELLED = "cancelled", "Cancelled"

    class MinutesStatus(models.TextChoices):
        NONE = "none", "Not started"
        DRAFT = "draft", "Draft"
        CIRCULATED = "circulated", "Circulated to members"
        APPROVED = "approved", "Approved"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    title = models.CharField(
        max_length=200, blank=True, help_text="Leave empty to call it by its kind, e.g. 'Regular meeting'."
    )
    date = models.DateField()
    start_time = models.TimeField(default=REGULAR_HOURS[0])
    end_time = models.TimeField(default=REGULAR_HOURS[1])
    host = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_meetings",
        verbose_name="hosted by",
        help_text="A member organisation offering its premises. Leave empty to use the partnership's fallback venue.",
    )
    venue = models.CharField(
        max_length=200, blank=True, help_text="The room and address, e.g. 'Council Chamber, St Aldate's'."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    cancelled_reason = models.CharField("reason for cancelling", max_length=300, blank=True)
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    agenda_open = models.BooleanField(
        "agenda open for changes", default=True, help_text="Publishing freezes the order until an officer reopens it."
    )
    minutes_status = models.CharField(max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.NONE)
    minutes_circulated_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes_approved_here",
        verbose_name="minutes approved at",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["partnership", "date"]), models.Index(fields=["date"])]
        constraints = [
            models.CheckConstraint(condition=Q(end_time__gt=models.F("start_time")), name="meeting_ends_after_start"),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancelled_reason=""), name="meeting_cancelled_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(minutes_approved_at=models.F("id")), name="meeting_minutes_not_approved_at_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partnership.short_name or self.partnership.name}: {self.name}, {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def name(self) -> str:
        return self.title or self.get_kind_display()

    @property
    def venue_label(self) -> str:
        """Where it meets: a member organisation's premises, or the partnership's fallback venue."""
        if self.host_id:
            return ", ".join(part for part in (self.venue, self.host.name) if part)
        return self.venue or self.partnership.fallback_venue or "Venue to be confirmed"

    @property
    def starts_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date, self.end_time))

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def agenda_is_published(self) -> bool:
        return self.agenda_published_at is not None and not self.is_cancelled

    @property
    def minutes_are_approved(self) -> bool:
        return self.minutes_status == self.MinutesStatus.APPROVED

    @property
    def minutes_are_circulated(self) -> bool:
        return self.minutes_status == self.MinutesStatus.CIRCULATED

    @property
    def minutes_can_be_circulated(self) -> bool:
        """Drafted and not yet approved: circulated once, or again after a revision."""
        return self.minutes_status in (self.MinutesStatus.DRAFT, self.MinutesStatus.CIRCULATED)

    @property
    def can_publish(self) -> bool:
        """The agenda is open for changes on a meeting still going ahead, so it can be published (again)."""
        return self.agenda_open and not self.is_cancelled

    @property
    def can_be_held(self) -> bool:
        """Planned or with its agenda out: not yet held, approved or cancelled."""
        return self.status in (self.Status.PLANNED, self.Status.PUBLISHED)

    @property
    def can_be_cancelled(self) -> bool:
        return self.can_be_held

    @property
    def has_been_held(self) -> bool:
        return self.status in (self.Status.HELD, self.Status.MINUTES_APPROVED)

    @property
    def shows_attendance(self) -> bool:
        """Held, approved or cancelled: who came (or sent apologies) is part of the record from then on."""
        return not self.can_be_held

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = "The meeting must end after it starts."
        if self.status == self.Status.CANCELLED and not self.cancelled_reason.strip():
            errors["cancelled_reason"] = "Enter why the meeting is cancelled."
        if self.host_id and self.partnership_id and self.date:
            sits = (
                Membership.objects.current(self.date)
                .filter(partnership_id=self.partnership_id, organisation_id=self.host_id)
                .exists()
            )
            if not sits:
                errors["host"] = (
                    f"{self.host} does not sit on {self.partnership.name} on that date. "
                    "Choose a member organisation, or leave it empty to use the fallback venue."
                )
        if errors:
            raise ValidationError(errors)


class StandingItem(models.Model):
    """An item every new meeting of a partnership starts with (the OSP Terms of Reference Appendix D)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="standing_items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30)
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    at_end = models.BooleanField(
        default=False, help_text="Comes after the meeting's own items, e.g. any other business."
    )

    class Meta:
        ordering = ["at_end", "position"]

    def __str__(self) -> str:
        return self.title
