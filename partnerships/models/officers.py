"""Who looks after the records: a partnership's officers, an organisation's clerks, and create forms sent once."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .register import Organisation, Partnership


class PartnershipOfficer(models.Model):
    """A login that may edit a partnership and all its sub-groups."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officer_roles")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="officers")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "partnership"], name="officer_once_per_partnership")]

    def __str__(self) -> str:
        return f"{self.user} – officer of {self.partnership}"


class OrganisationClerk(models.Model):
    """A login that reads every partnership an organisation sits on and downloads its reports."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clerk_roles")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="clerks")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="clerk_once_per_organisation")]

    def __str__(self) -> str:
        return f"{self.user} – clerk of {self.organisation}"


class FormSubmission(models.Model):
    """A create form's one-time token, claimed by its first sending so a second sending makes nothing new."""

    token = models.CharField(max_length=32, unique=True)
    model = models.CharField(max_length=100, blank=True)
    object_pk = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.token
