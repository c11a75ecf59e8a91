"""What happens round the table: meetings, agendas, papers, attendance, interests, decisions, actions and packs."""

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.jobs import BackgroundJob
from partnerships.models import Membership, Organisation, Partnership, Person, Versioned

# The OSP Terms of Reference Appendix D: regular meetings 10:30 to 13:00; the annual planning and review meeting 9:30 to 14:00.
REGULAR_HOURS = (dt.time(10, 30), dt.time(13, 0))
ANNUAL_REVIEW_HOURS = (dt.time(9, 30), dt.time(14, 0))


class MeetingQuerySet(models.QuerySet):
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
    theme_report = models.ForeignKey(
        "themes.ThemeReport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        help_text="For a theme update: the theme's report this item takes.",
    )
    task_group_report = models.ForeignKey(
        "taskgroups.GroupReport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        verbose_name="task-and-finish group report",
        help_text="For a task-and-finish report: the group's report this item takes.",
    )
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

    def clean(self):
        errors = {}
        partnership_id = self.meeting.partnership_id if self.meeting_id else None
        if self.theme_report_id and self.theme_report.theme.partnership_id != partnership_id:
            errors["theme_report"] = "Choose a report from one of this partnership's themes."
        if self.task_group_report_id and self.task_group_report.group.partnership_id != partnership_id:
            errors["task_group_report"] = "Choose a report from one of this partnership's task-and-finish groups."
        if errors:
            raise ValidationError(errors)


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


class Attendance(models.Model):
    """One seat's attendance at a meeting (the OSP Terms of Reference: a lead representative may send an alternate)."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        REPRESENTED = "represented", "Represented by an alternate"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=20, choices=Status.choices)
    alternate = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attended_for",
        help_text="The alternate attending in this person's place.",
    )
    sent_by_member = models.BooleanField(default=False, help_text="The member sent their own apologies.")
    recorded_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_once_per_seat"),
            models.CheckConstraint(
                condition=Q(status="represented", alternate__isnull=False)
                | (~Q(status="represented") & Q(alternate__isnull=True)),
                name="attendance_represented_names_alternate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.person}: {self.get_status_display()}"

    def clean(self):
        if self.status == self.Status.REPRESENTED:
            if not self.alternate_id:
                raise ValidationError({"alternate": "Choose the alternate attending in this person's place."})
            if self.alternate.alternate_for_id != self.membership_id:
                raise ValidationError({"alternate": f"{self.alternate.person} is not an alternate for this seat."})
        elif self.alternate_id:
            raise ValidationError({"alternate": "Only a seat represented by an alternate names one."})


class Declaration(models.Model):
    """A declaration of interest against an agenda item (the OSP Terms of Reference Appendix A, principle 2)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    nature = models.TextField("nature of the interest")
    left_the_room = models.BooleanField("left the meeting for this item", default=False)
    declared_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["item__position", "person__last_name"]
        constraints = [models.UniqueConstraint(fields=["item", "person"], name="declaration_once_per_item")]

    def __str__(self) -> str:
        return f"{self.person} on {self.item.title}"


class Decision(models.Model):
    """The resolution recorded under an item, by consensus or by a vote under the partnership's rule."""

    class Method(models.TextChoices):
        CONSENSUS = "consensus", "By consensus"
        VOTE = "vote", "By a vote"

    class Outcome(models.TextChoices):
        AGREED = "agreed", "Agreed"
        CARRIED = "carried", "Carried"
        LOST = "lost", "Lost"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    resolution = models.TextField(help_text="What the meeting resolved, in the words of the minutes.")
    method = models.CharField(max_length=20, choices=Method.choices, default=Method.CONSENSUS)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.AGREED)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(null=True, blank=True)
    casting_vote_used = models.BooleanField(default=False)
    recorded_by_name = models.BooleanField("votes recorded by name", default=False)
    explanation = models.CharField(max_length=300, blank=True, help_text="How the rule decided the result, in words.")
    approves_minutes_of = models.OneToOneField(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="approval_decision"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item__position", "recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(method="consensus", outcome="agreed", votes_for__isnull=True)
                | Q(method="vote", outcome__in=["carried", "lost"], votes_for__isnull=False),
                name="decision_method_matches_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.resolution[:80]


class Vote(models.Model):
    """One named vote; an alternate's vote records whose seat it was cast for."""

    class Choice(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"
        ABSTAIN = "abstain", "Abstained"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    on_behalf_of = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    is_casting_vote = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "person"], condition=Q(is_casting_vote=False), name="vote_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"


class ActionQuerySet(models.QuerySet):
    def open_at(self, meeting: Meeting):
        """Matters arising at a meeting: actions from earlier meetings not yet done by its date."""
        return self.filter(
            partnership_id=meeting.partnership_id,
            raised_at__date__lt=meeting.date,
        ).filter(Q(completed_on__isnull=True) | Q(completed_on__gte=meeting.date))


class Action(Versioned):
    class Status(models.TextChoices):
        OPEN = "open", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="actions")
    raised_at = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    update = models.TextField("latest update", blank=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["partnership", "completed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="done", completed_on__isnull=False) | (~Q(status="done") & Q(completed_on=None)),
                name="action_done_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.DONE and self.due_date is not None and self.due_date < dt.date.today()

    def clean(self):
        if self.item_id and self.raised_at_id and self.item.meeting_id != self.raised_at_id:
            raise ValidationError({"item": "Choose an item of the meeting that raised the action."})


def pack_upload_to(instance, filename: str) -> str:
    # The build's own number keeps one build from ever replacing another's file.
    return (
        f"meetings/packs/{instance.meeting_id}/{instance.pk}-{instance.content_hash[:16]}-{instance.variant}-{filename}"
    )


class MeetingPack(BackgroundJob):
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


from .programme import ProgrammeItem  # noqa: E402,F401  (the forward programme is a model of this app)
from .subscriptions import AlertSubscription  # noqa: E402,F401  (email alerts are a model of this app)
