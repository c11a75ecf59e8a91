"""The register: organisations, people and the partnerships they form, with their tree of sub-groups."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .base import Versioned, lines, unique_slug


class Organisation(Versioned):
    """A body that can be a partner; sectors per the OSP Terms of Reference 'Criteria for membership'."""

    class Sector(models.TextChoices):
        PUBLIC = "public", "Public sector"
        PRIVATE = "private", "Private sector"
        REPRESENTATIVE = "representative", "Representative organisation"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    is_council = models.BooleanField(
        "council", default=False, help_text="A council takes two seats: a councillor and an officer."
    )
    website = models.URLField(blank=True)
    address = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("partnerships:organisation_detail", args=[self.slug])


class Person(Versioned):
    honorific = models.CharField(max_length=40, blank=True, help_text="For example Cllr, Prof, Baroness.")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    is_councillor = models.BooleanField(
        "elected councillor", default=False, help_text="Takes a council's councillor seat rather than its officer seat."
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name="login",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.honorific, self.first_name, self.last_name) if part)

    @property
    def position(self) -> str:
        """Job title and organisation as a council report's appendix prints them."""
        parts = [self.job_title, self.organisation.name if self.organisation_id else ""]
        return ", ".join(part for part in parts if part)

    def get_absolute_url(self) -> str:
        return reverse("partnerships:person_detail", args=[self.pk])


class PartnershipQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def with_parent_named(self):
        """Each partnership with just what its pages say of its parent: name, link and whether it is public."""
        named = {"id", "name", "slug", "is_public"}
        unread = [f"parent__{f.attname}" for f in self.model._meta.concrete_fields if f.name not in named]
        return self.select_related("parent").defer(*unread)

    def tree(self) -> dict[int, list[int]]:
        """Children by parent id, for the whole network in one query."""
        children: dict[int, list[int]] = {}
        for pk, parent_id in self.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        return children

    def descendant_ids(self, pk: int, children: dict[int, list[int]] | None = None) -> set[int]:
        """The keys of every sub-group under a partnership, however deep; `children` saves the query."""
        children = self.tree() if children is None else children
        found: set[int] = set()
        stack = list(children.get(pk, []))
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(children.get(current, []))
        return found

    def descendants(self, partnership: "Partnership"):
        """Every sub-group under a partnership, however deep."""
        return self.filter(pk__in=self.descendant_ids(partnership.pk))


class Partnership(Versioned):
    class Kind(models.TextChoices):
        STRATEGIC = "strategic", "Strategic partnership"
        STATUTORY = "statutory", "Statutory partnership"
        COMBINED_AUTHORITY = "combined_authority", "Combined authority board"
        PAN_REGIONAL = "pan_regional", "Pan-regional partnership"
        INFORMAL = "informal", "Informal network"
        BOARD = "board", "Company or programme board"
        SHARED_SERVICE = "shared_service", "Shared service between councils"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        BIMONTHLY = "bimonthly", "Every two months"
        QUARTERLY = "quarterly", "Quarterly"
        TWICE_YEARLY = "twice_yearly", "Twice a year"
        ANNUALLY = "annually", "Once a year"
        AS_NEEDED = "as_needed", "As needed"

    class VotingRule(models.TextChoices):
        SIMPLE_MAJORITY = "simple_majority", "Simple majority of votes cast"
        MAJORITY_INCLUDING_MEMBER = (
            "majority_including_member",
            "Simple majority that must include a named member's vote",
        )
        CONSENSUS = "consensus", "Consensus (no votes taken)"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    short_name = models.CharField(max_length=20, blank=True, help_text="For example OSP, ZCOP, CSP.")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.STRATEGIC)
    legal_basis = models.CharField(
        max_length=200, blank=True, help_text="For a statutory partnership, e.g. Crime and Disorder Act 1998."
    )
    founded_year = models.PositiveSmallIntegerField("year founded", null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sub_groups",
        verbose_name="sub-group of",
    )
    reports_to = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="reported_to_by", verbose_name="reports to"
    )
    purpose = models.TextField(blank=True, help_text="Who it brings together and why, in a few sentences.")
    vision = models.TextField(blank=True)
    mission = models.TextField(blank=True)
    aims = models.TextField(blank=True, help_text="One aim per line.")
    remit_will_do = models.TextField("what it will do", blank=True, help_text="One item per line.")
    remit_wont_do = models.TextField("what it won't do", blank=True, help_text="One item per line.")
    guiding_principles = models.TextField(blank=True, help_text="One principle per line.")
    host_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted_partnerships"
    )
    supporting_team = models.CharField(max_length=200, blank=True)
    meeting_frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY)
    annual_review_month = models.PositiveSmallIntegerField(
        "month of the annual planning and review meeting", null=True, blank=True
    )
    meeting_pattern_notes = models.TextField("meeting arrangements", blank=True)
    fallback_venue = models.CharField(max_length=200, blank=True)
    voting_rule = models.CharField(max_length=40, choices=VotingRule.choices, default=VotingRule.SIMPLE_MAJORITY)
    required_voter = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="member whose vote the majority must include",
    )
    chair_has_casting_vote = models.BooleanField("chair has a casting vote", default=True)
    quorum = models.PositiveSmallIntegerField(
        default=0, help_text="Voting members who must be present for a vote. 0 means no quorum is set."
    )
    is_public = models.BooleanField(
        "published to the public",
        default=True,
        help_text="The public may read its purpose, members, meeting dates and approved minutes.",
    )
    contact_email = models.EmailField(blank=True)
    history = HistoricalRecords(m2m_fields=[reports_to])

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="partnership_not_own_parent"),
            models.CheckConstraint(
                condition=Q(annual_review_month__isnull=True) | Q(annual_review_month__range=(1, 12)),
                name="partnership_review_month_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Partnership, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("partnerships:partnership_detail", args=[self.slug])

    @property
    def label(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    @property
    def aims_list(self) -> list[str]:
        return lines(self.aims)

    @property
    def will_do_list(self) -> list[str]:
        return lines(self.remit_will_do)

    @property
    def wont_do_list(self) -> list[str]:
        return lines(self.remit_wont_do)

    @property
    def principles_list(self) -> list[str]:
        return lines(self.guiding_principles)

    def clean(self):
        errors = {}
        if self.voting_rule == self.VotingRule.MAJORITY_INCLUDING_MEMBER and not self.required_voter_id:
            errors["required_voter"] = "Name the member whose vote the majority must include."
        if (
            self.parent_id
            and self.pk
            and (self.parent_id == self.pk or self.parent_id in Partnership.objects.descendant_ids(self.pk))
        ):
            errors["parent"] = "A partnership cannot be a sub-group of itself or of one of its own sub-groups."
        if errors:
            raise ValidationError(errors)
