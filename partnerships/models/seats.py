"""Who sits where: memberships of partnerships, organisations' participation, and declared interests."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..intervals import HeldQuerySet, held_between
from .base import Versioned
from .register import Organisation, Partnership, Person


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
    # Interests are the person's; only the entries they declare public reach the public register.
    is_public = models.BooleanField(
        "declared public",
        default=False,
        help_text="Shown on the register of interests of the public partnerships where the person sits.",
    )
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
