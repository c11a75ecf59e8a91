"""When a person last looked at their home page, so it can say what is new since then on any device."""

from django.conf import settings
from django.db import models


class HomeVisit(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="home_visit")
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user} looked at the home page on {self.seen_at:%-d %B %Y}"
