"""Who sits where: organisations, people, partnerships, memberships, money and interests."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .intervals import HeldQuerySet, held_between


def financial_year_label(year: int) -> str:
    """A council's financial year starting in April, e.g. 2022 -> '2022/23'."""
    return f"{year}/{str(year + 1)[-2:]}"


def financial_year_of(day: dt.date) -> int:
    """The year a council's financial year starts in April: 15 January 2023 is in 2022 (2022/23)."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_start(year: int) -> dt.date:
    return dt.date(year, 4, 1)


def financial_year_end(year: int) -> dt.date:
    return dt.date(year + 1, 3, 31)


def financial_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return financial_year_start(year), financial_year_end(year)


def unique_slug(model, text: str, *, exclude_pk=None) -> str:
    """A slug from a name, with -2, -3… added when another record has it."""
    base = slugify(text)[:190] or "record"
    slug, number = base, 1
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def lines(text: str) -> list[str]:
    return [line.strip(" -•·\t") for line in (text or "").splitlines() if line.strip(" -•·\t")]


class Versioned(models.Model):
    """A record edited by several officers: the version lets a stale save be refused."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


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
        if self.parent_id and self.pk:
            from .access import descendant_ids

            if self.parent_id == self.pk or self.parent_id in descendant_ids(self.pk):
                errors["parent"] = "A partnership cannot be a sub-group of itself or of one of its own sub-groups."
        if errors:
            raise ValidationError(errors)


class MembershipQuerySet(HeldQuerySet):
    def seats(self):
        """Seats at the table, leaving out alternates, guests and supporting officers."""
        return self.filter(role__in=Membership.SEAT_ROLES)


class Membership(Versioned):
    """A person's seat on a partnership for an organisation; ending it keeps it (the OSP Terms of Reference 'Membership')."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        DEPUTY_CHAIR = "deputy_chair", "Deputy chair"
        MEMBER = "member", "Member"
        OBSERVER = "observer", "Observer"
        ALTERNATE = "alternate", "Alternate"
        GUEST = "guest", "Guest"
        SUPPORTING_OFFICER = "supporting_officer", "Supporting officer"

    SEAT_ROLES = (Role.CHAIR, Role.DEPUTY_CHAIR, Role.MEMBER, Role.OBSERVER)
    VOTING_ROLES = (Role.CHAIR, Role.DEPUTY_CHAIR, Role.MEMBER)
    LEAD_ROLES = (Role.CHAIR, Role.DEPUTY_CHAIR, Role.MEMBER)
    # The OSP Terms of Reference: chair and deputy chair normally serve three years.
    NORMAL_TENURE_YEARS = 3

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name="organisation represented",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_voting = models.BooleanField("has a vote", default=True)
    is_lead_representative = models.BooleanField("lead representative of the organisation", default=False)
    alternate_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="alternates",
        verbose_name="alternate for",
        help_text="The lead representative this person may stand in for.",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "person__last_name", "person__first_name"]
        indexes = [models.Index(fields=["partnership", "end_date"]), models.Index(fields=["person", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(is_voting=False) | Q(role__in=["chair", "deputy_chair", "member"]),
                name="membership_only_seats_vote",
            ),
            models.CheckConstraint(
                condition=Q(is_lead_representative=False) | Q(role__in=["chair", "deputy_chair", "member"]),
                name="membership_lead_holds_seat",
            ),
            models.CheckConstraint(
                condition=Q(role="alternate", alternate_for__isnull=False)
                | (~Q(role="alternate") & Q(alternate_for__isnull=True)),
                name="membership_alternate_names_lead",
            ),
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                condition=Q(is_lead_representative=True, end_date__isnull=True),
                name="membership_one_open_lead_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["partnership", "person", "role"],
                condition=Q(end_date__isnull=True),
                name="membership_one_open_seat_per_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}, {self.partnership}"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:membership_edit", args=[self.pk])

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or dt.date.today()
        return (self.start_date is None or self.start_date <= on) and (self.end_date is None or self.end_date >= on)

    @property
    def role_label(self) -> str:
        """The role as a report prints it after the name, e.g. '(Chair)'; plain members have none."""
        return "" if self.role == self.Role.MEMBER else self.get_role_display()

    @property
    def tenure_ends(self) -> dt.date | None:
        """When a chair's or deputy's normal tenure runs out (the OSP Terms of Reference: three years)."""
        if self.end_date:
            return self.end_date
        if not self.start_date:
            return None
        try:
            return self.start_date.replace(year=self.start_date.year + self.NORMAL_TENURE_YEARS)
        except ValueError:  # 29 February
            return self.start_date.replace(year=self.start_date.year + self.NORMAL_TENURE_YEARS, day=28)

    def _overlapping(self, queryset):
        queryset = queryset.exclude(pk=self.pk) if self.pk else queryset
        return queryset.filter(held_between(self.start_date or dt.date.min, self.end_date or dt.date.max))

    def clean(self):
        errors = self._seat_errors()
        errors.update(self._clash_errors(errors))
        if errors:
            raise ValidationError(errors)

    def _seat_errors(self) -> dict[str, str]:
        """What is wrong with the seat on its own: its dates, its vote, its lead or alternate role."""
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be on or after the start date."
        if self.is_voting and self.role not in self.VOTING_ROLES:
            if self.role == self.Role.OBSERVER:
                errors["is_voting"] = "An observer contributes to the debate but does not hold a vote."
            else:
                errors["is_voting"] = f"A {self.get_role_display().lower()} does not hold a vote."
        if self.is_lead_representative:
            if self.role not in self.LEAD_ROLES:
                errors["is_lead_representative"] = (
                    "Only a chair, deputy chair or member can be the lead representative."
                )
            elif not self.organisation_id:
                errors["is_lead_representative"] = "Choose the organisation this person is the lead representative for."
        if self.role == self.Role.ALTERNATE:
            if not self.alternate_for_id:
                errors["alternate_for"] = "Choose the lead representative this alternate stands in for."
            elif self.alternate_for.partnership_id != self.partnership_id:
                errors["alternate_for"] = "The lead representative must sit on the same partnership."
            elif not self.alternate_for.is_lead_representative:
                errors["alternate_for"] = "An alternate stands in for a lead representative; this person is not one."
        elif self.alternate_for_id:
            errors["alternate_for"] = "Only an alternate stands in for a lead representative."
        return errors

    def _clash_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """Seats this one overlaps: the same person twice, or two leads for one organisation."""
        errors = dict(errors)
        if self.partnership_id and self.person_id and "role" not in errors:
            same_seat = self._overlapping(
                Membership.objects.filter(partnership_id=self.partnership_id, person_id=self.person_id, role=self.role)
            )
            if same_seat.exists():
                errors["person"] = (
                    f"{self.person} already holds a {self.get_role_display().lower()} seat on this partnership"
                    " for some of these dates."
                )
        if (
            self.is_lead_representative
            and self.partnership_id
            and self.organisation_id
            and "is_lead_representative" not in errors
        ):
            other_lead = (
                self._overlapping(
                    Membership.objects.filter(
                        partnership_id=self.partnership_id,
                        organisation_id=self.organisation_id,
                        is_lead_representative=True,
                    )
                )
                .select_related("person")
                .first()
            )
            if other_lead:
                errors["is_lead_representative"] = (
                    f"{self.organisation} already has a lead representative for these dates: {other_lead.person}."
                    " End that seat first or leave this box unticked."
                )
        return errors


class ParticipationQuerySet(HeldQuerySet):
    """Places held on a date or over a span, as seats are."""


class Participation(Versioned):
    """An organisation taking part in a partnership with no named person: a seat held by an office,
    a vacant seat, or the organisation itself as a member of a network or a party to a shared service.

    Seats held by a named person are memberships; this records what a membership cannot.
    """

    class Kind(models.TextChoices):
        OFFICE = "office", "Seat held by office"
        VACANT = "vacant", "Vacant seat"
        MEMBER_ORGANISATION = "member_organisation", "Member organisation"

    SEAT_KINDS = (Kind.OFFICE, Kind.VACANT)

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="participations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    office = models.CharField(
        "office holding the seat",
        max_length=200,
        blank=True,
        help_text="For example 'the Leader' or 'the Executive Councillor for Economy & Skills'.",
    )
    role = models.CharField(
        "role of the seat", max_length=20, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    is_voting = models.BooleanField("has a vote", default=False)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "organisation__name", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="participation_ends_after_start",
            ),
            # A seat held by office names the office; an organisation taking part as itself holds no seat.
            models.CheckConstraint(condition=~Q(kind="office") | ~Q(office=""), name="participation_office_named"),
            models.CheckConstraint(
                condition=Q(kind__in=["office", "vacant"]) | (Q(office="") & Q(role="member")),
                name="participation_organisation_holds_no_seat",
            ),
            models.CheckConstraint(
                condition=Q(is_voting=False) | (Q(kind="office") & Q(role__in=["chair", "deputy_chair", "member"])),
                name="participation_only_held_seats_vote",
            ),
            models.CheckConstraint(
                condition=Q(role__in=["chair", "deputy_chair", "member", "observer"]),
                name="participation_role_is_a_seat",
            ),
            models.UniqueConstraint(
                fields=["partnership", "organisation", "kind", "office"],
                condition=Q(end_date__isnull=True),
                name="participation_one_open_per_kind_and_office",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.label}, {self.partnership}"

    @property
    def is_seat(self) -> bool:
        return self.kind in self.SEAT_KINDS

    @property
    def label(self) -> str:
        """How the register names it: 'Seat held by the Leader', 'Vacant seat', 'Member organisation'."""
        if self.kind == self.Kind.OFFICE:
            return f"Seat held by {self.office}"
        if self.kind == self.Kind.VACANT:
            return f"Vacant seat ({self.office})" if self.office else "Vacant seat"
        return self.get_kind_display()

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or dt.date.today()
        return (self.start_date is None or self.start_date <= on) and (self.end_date is None or self.end_date >= on)

    def clean(self):
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be on or after the start date."
        if self.kind == self.Kind.OFFICE and not self.office.strip():
            errors["office"] = "Name the office that holds the seat, for example 'the Leader'."
        if self.kind not in self.SEAT_KINDS:
            if self.office.strip():
                errors["office"] = "Only a seat is held by an office; leave this empty."
            if self.role != Membership.Role.MEMBER:
                errors["role"] = "An organisation taking part as itself holds no seat with a role."
        if self.role not in Membership.SEAT_ROLES:
            errors["role"] = "Choose chair, deputy chair, member or observer."
        if self.is_voting and (self.kind != self.Kind.OFFICE or self.role not in Membership.VOTING_ROLES):
            errors["is_voting"] = "Only a seat held by an office, as chair, deputy chair or member, has a vote."
        if errors:
            raise ValidationError(errors)


class Budget(Versioned):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts, e.g. 2022 for 2022/23.")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    funded_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funded_budgets",
        help_text="The organisation that pays for the whole budget, such as a host council; it counts as its "
        "contribution.",
    )
    notes = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="budget_one_per_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.partnership} budget {self.year_label}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)


class Contribution(Versioned):
    """What an organisation pays towards a partnership in a year (Cambridge City Council's Annual Review of Strategic Partnerships 2024 §4.1–4.2)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="contributions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="contributions")
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts, e.g. 2023 for 2023/24.")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    purpose = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "organisation", "year"], name="contribution_one_per_year"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="contribution_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} to {self.partnership}, {self.year_label}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)


class FundingAward(Versioned):
    """Funding a partnership won (the OSP annual update to Council (March 2023) §32–33: £75,000 from Innovate UK)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="funding_awards")
    funder = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    match_funding = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts: 2022 for 2022/23.")
    awarded_on = models.DateField(null=True, blank=True)
    purpose = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-awarded_on"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="funding_award_positive")]

    def __str__(self) -> str:
        return f"{self.funder} to {self.partnership}, {self.year_label}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)


class Interest(Versioned):
    """An entry in a person's register of interests (the OSP Terms of Reference Appendix A, principle 2)."""

    class Kind(models.TextChoices):
        EMPLOYMENT = "employment", "Employment, office or trade"
        DIRECTORSHIP = "directorship", "Directorship or shareholding"
        MEMBERSHIP = "membership", "Membership of a body"
        LAND = "land", "Land or property"
        SPONSORSHIP = "sponsorship", "Sponsorship"
        GIFT = "gift", "Gift or hospitality"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interests")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField()
    registered_on = models.DateField(default=dt.date.today)
    ended_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-registered_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("registered_on")),
                name="interest_ends_after_registration",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"

    def clean(self):
        if self.ended_on and self.registered_on and self.ended_on < self.registered_on:
            raise ValidationError({"ended_on": "The end date must be on or after the date it was registered."})


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


# The job platform's own records: the email outbox and the service heartbeats the readiness check reads.
from .jobs import OutboundEmail, ServiceHeartbeat  # noqa: E402, F401
from .visits import HomeVisit  # noqa: E402, F401  (kept apart to keep this module to its register)
