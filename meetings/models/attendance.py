"""Who came and what they declared: attendance at a meeting and declarations of interest."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.models import Membership, Person

from .agenda import AgendaItem
from .meetings import Meeting


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
