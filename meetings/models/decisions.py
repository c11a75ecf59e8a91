"""What a meeting decided and who voted how, and the actions it gave out."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.models import Partnership, Person, Versioned

from .agenda import AgendaItem
from .meetings import Meeting


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
