"""Members' own notes on the passages of the papers they read."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .agenda import Paper, PaperVersion


class PaperNoteQuerySet(models.QuerySet):
    def readable_by(self, user, *, member: bool):
        """A person's own notes, and the notes shared with the partnership's members if they are one."""
        mine = Q(author_id=user.pk) if user.is_authenticated else Q(pk__in=[])
        return self.filter(mine | Q(is_shared=True)) if member else self.filter(mine)


class PaperNote(models.Model):
    """A member's highlight of a passage in a paper, with their note; theirs alone unless shared.

    The passage is kept as its words and a little of the text either side, so it can be found again in
    a new version of the paper; `lost_in` says the version where it was not.
    """

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="paper_notes")
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="notes")
    version = models.ForeignKey(
        PaperVersion, on_delete=models.CASCADE, related_name="member_notes", help_text="The version the passage is in."
    )
    quote = models.TextField("passage", max_length=2000)
    prefix = models.CharField(max_length=200, blank=True, help_text="The words just before the passage.")
    suffix = models.CharField(max_length=200, blank=True, help_text="The words just after the passage.")
    page = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField("note", max_length=5000, blank=True)
    is_shared = models.BooleanField("shared with the partnership's members", default=False)
    lost_in = models.ForeignKey(
        PaperVersion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A later version where the passage could not be found.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = PaperNoteQuerySet.as_manager()

    class Meta:
        ordering = ["paper", "page", "created_at", "pk"]
        indexes = [models.Index(fields=["paper", "author"])]
        constraints = [
            models.CheckConstraint(condition=~Q(quote=""), name="papernote_quote_not_empty"),
            models.CheckConstraint(condition=Q(page__isnull=True) | Q(page__gte=1), name="papernote_page_from_one"),
            models.CheckConstraint(
                condition=Q(lost_in__isnull=True) | ~Q(lost_in=models.F("version")), name="papernote_lost_elsewhere"
            ),
        ]

    def __str__(self) -> str:
        return f"Note on “{self.paper}” by {self.author}"

    def clean(self):
        if self.version_id and self.paper_id and self.version.paper_id != self.paper_id:
            raise ValidationError({"version": "Choose a version of this paper."})
