"""Email alerts: someone who asked to hear when a public partnership publishes an agenda, minutes or decisions."""

import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Partnership


class AlertSubscription(models.Model):
    """One address's alerts from one partnership; alerts go only once the address confirmed (double opt-in)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="alert_subscriptions")
    email = models.EmailField("email address")
    # The only key to confirming and unsubscribing: the links in the emails carry it.
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "meetings"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "email"], name="alert_once_per_address"),
            models.CheckConstraint(condition=~Q(token=""), name="alert_has_token"),
        ]

    def __str__(self) -> str:
        return f"{self.email} for {self.partnership}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def confirm_path(self) -> str:
        return reverse("meetings:alert_confirm", args=[self.token])

    def unsubscribe_path(self) -> str:
        return reverse("meetings:alert_unsubscribe", args=[self.token])
