"""Who may see and change what, decided per partnership.

Roles: an administrator sees and edits everything; an officer of a partnership edits it and its
sub-groups; a member (a login linked to a person with a current seat, observers and supporting officers
included) reads it, confidential papers included; a clerk of an organisation reads every partnership
that organisation sits on, hosts or pays into; the public reads partnerships marked public.

Guests and alternates get nothing from their seat at the partnership level: a guest reads the papers of
the items they are invited to, an alternate reads a meeting in full where they act for their lead
(meetings/access.py decides both).

Every view gets its object through one of the get_*_for_user helpers below: 404 to those who may
not know the record exists, 403 to those who may see it but not change it.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from .fragments import cached_value, record_or_404
from .models import Membership, Organisation, OrganisationClerk, Partnership, PartnershipOfficer, Person


class Level(IntEnum):
    NONE = 0
    PUBLIC = 1
    READ = 2
    EDIT = 3


@dataclass(frozen=True)
class Access:
    """What one login may do, worked out once per request."""

    is_authenticated: bool = False
    is_admin: bool = False
    officer_ids: frozenset[int] = field(default_factory=frozenset)
    member_ids: frozenset[int] = field(default_factory=frozenset)
    clerk_ids: frozenset[int] = field(default_factory=frozenset)
    clerk_organisation_ids: frozenset[int] = field(default_factory=frozenset)
    # Partnerships where the person holds only a guest or alternate seat: a role, but no reading right.
    attendee_ids: frozenset[int] = field(default_factory=frozenset)
    person_id: int | None = None
    has_second_factor: bool = False
    person_name: str = ""

    @property
    def is_officer(self) -> bool:
        return self.is_admin or bool(self.officer_ids)

    @property
    def is_clerk(self) -> bool:
        return bool(self.clerk_organisation_ids)

    @property
    def needs_second_factor(self) -> bool:
        """Administrators, officers and clerks change or download what others may not see."""
        return self.is_officer or self.is_clerk

    @property
    def readable_ids(self) -> frozenset[int]:
        return self.officer_ids | self.member_ids | self.clerk_ids

    @property
    def has_role(self) -> bool:
        """Signed in with some part somewhere: directories are for these logins."""
        return self.is_officer or bool(self.readable_ids) or self.is_clerk or bool(self.attendee_ids)

    def level(self, partnership: Partnership) -> Level:
        pk = partnership.pk
        if self.is_admin or pk in self.officer_ids:
            return Level.EDIT
        if pk in self.member_ids or pk in self.clerk_ids:
            return Level.READ
        if partnership.is_public:
            return Level.PUBLIC
        return Level.NONE

    def can_edit(self, partnership: Partnership) -> bool:
        return self.level(partnership) >= Level.EDIT

    def can_read(self, partnership: Partnership) -> bool:
        """Reads the full record: contact details, confidential papers, money."""
        return self.level(partnership) >= Level.READ

    def can_see(self, partnership: Partnership) -> bool:
        return self.level(partnership) >= Level.PUBLIC

    def visible_partnerships(self):
        if self.is_admin:
            return Partnership.objects.all()
        return Partnership.objects.filter(Q(is_public=True) | Q(pk__in=self.readable_ids))

    def visible_sub_groups_q(self):
        """For counting sub-groups: only those this login may see are counted."""
        if self.is_admin:
            return Q()
        return Q(sub_groups__is_public=True) | Q(sub_groups__pk__in=self.readable_ids)

    def readable_people(self):
        """People whose page this login may open: those sitting on a partnership it reads, and itself.

        Officers also read people with no seat at all, so someone just added to the register can be found.
        """
        if self.is_admin:
            return Person.objects.all()
        reach = Q(memberships__partnership_id__in=self.readable_ids)
        if self.is_officer:
            reach |= Q(memberships__isnull=True)
        if self.person_id:
            reach |= Q(pk=self.person_id)
        return Person.objects.filter(pk__in=Person.objects.filter(reach).values("pk"))

    def visible_seats(self, seats):
        """Only the seats on partnerships this login may see: a person's page never names a private one."""
        if self.is_admin:
            return seats
        return seats.filter(Q(partnership__is_public=True) | Q(partnership_id__in=self.readable_ids))

    def readable_partnerships(self):
        if self.is_admin:
            return Partnership.objects.all()
        return Partnership.objects.filter(pk__in=self.readable_ids)


ANONYMOUS = Access()
# Seats that give no reading right on the partnership: guests come for named items, alternates for meetings.
ATTENDEE_ROLES = (Membership.Role.GUEST, Membership.Role.ALTERNATE)
# How long after a seat ends its partnership's officers still see the person's contact details.
CONTACT_GRACE = dt.timedelta(days=365)


def get_access(user) -> Access:
    """The access of a login, cached on the user object for the rest of the request."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_roundtable_access", None)
    if cached is not None:
        return cached
    today = dt.date.today()
    # Kept between requests until any table it reads changes: the same login on the same day reaches the same.
    access = cached_value(
        "access",
        depends=ACCESS_TABLES,
        parts=(user.pk, user.is_superuser, user.is_active, today),
        compute=lambda: _work_out_access(user, today),
    )
    user._roundtable_access = access
    return access


# Everything get_access reads; a save to any of them works the access of every login out again.
ACCESS_TABLES = ("auth.user", "partnerships.person", "partnerships.partnershipofficer", "partnerships.membership")
ACCESS_TABLES = (*ACCESS_TABLES, "partnerships.organisationclerk", "partnerships.partnership")
ACCESS_TABLES = (*ACCESS_TABLES, "partnerships.contribution", "mfa.authenticator")


def _work_out_access(user, today: dt.date) -> Access:
    is_admin = bool(user.is_superuser)
    officer_ids: set[int] = set()
    member_ids: set[int] = set()
    clerk_ids: set[int] = set()
    clerk_org_ids: set[int] = set()
    attendee_ids: set[int] = set()
    # One query for the linked person, their name for the header and whether a second factor is set up.
    people = Person.objects.filter(user=OuterRef("pk"))
    person_id, honorific, first_name, last_name, has_second_factor = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            person_pk=Subquery(people.values("pk")[:1]),
            person_honorific=Subquery(people.values("honorific")[:1]),
            person_first_name=Subquery(people.values("first_name")[:1]),
            person_last_name=Subquery(people.values("last_name")[:1]),
            second_factor=Exists(
                Authenticator.objects.filter(user=OuterRef("pk")).exclude(type=Authenticator.Type.RECOVERY_CODES)
            ),
        )
        .values_list("person_pk", "person_honorific", "person_first_name", "person_last_name", "second_factor")
        .first()
    ) or (None, "", "", "", False)
    person_name = " ".join(part for part in (honorific, first_name, last_name) if part)
    if not is_admin:
        direct = set(PartnershipOfficer.objects.filter(user=user).values_list("partnership_id", flat=True))
        if direct:
            children = Partnership.objects.tree()
            for pk in direct:
                officer_ids |= {pk} | Partnership.objects.descendant_ids(pk, children)
        if person_id:
            for partnership_id, role in (
                Membership.objects.current(today).filter(person_id=person_id).values_list("partnership_id", "role")
            ):
                (attendee_ids if role in ATTENDEE_ROLES else member_ids).add(partnership_id)
            attendee_ids -= member_ids
        clerk_org_ids = set(OrganisationClerk.objects.filter(user=user).values_list("organisation_id", flat=True))
        if clerk_org_ids:
            clerk_ids = set(
                Membership.objects.current(today)
                .filter(organisation_id__in=clerk_org_ids)
                .values_list("partnership_id", flat=True)
            ) | set(
                Partnership.objects.filter(
                    Q(host_organisation_id__in=clerk_org_ids) | Q(contributions__organisation_id__in=clerk_org_ids)
                ).values_list("pk", flat=True)
            )
    else:
        clerk_org_ids = set(OrganisationClerk.objects.filter(user=user).values_list("organisation_id", flat=True))
    access = Access(
        is_authenticated=True,
        is_admin=is_admin,
        officer_ids=frozenset(officer_ids),
        member_ids=frozenset(member_ids),
        clerk_ids=frozenset(clerk_ids),
        clerk_organisation_ids=frozenset(clerk_org_ids),
        attendee_ids=frozenset(attendee_ids),
        person_id=person_id,
        has_second_factor=bool(has_second_factor),
        person_name=person_name,
    )
    return access


def require_level(access: Access, partnership: Partnership, need: Level, *, denied: str = "") -> Level:
    """The user's level on the partnership if it is at least `need`.

    Otherwise 404 for those who may not know the partnership exists, and a plain 403 for those who may see it.
    """
    level = access.level(partnership)
    if level >= need:
        return level
    if level == Level.NONE:
        raise Http404("Not found.")
    raise PermissionDenied(denied or "You can see this partnership but you do not have permission to do that.")


def require_record(access: Access, partnership: Partnership, *, write: bool, denied: str = "") -> Level:
    """For records never shown to the public (themes, reports, groups): 404 to all who may not read them.

    Only those who read the partnership in full learn such a record exists; of those, the ones who may
    not change it get 403 when they try.
    """
    level = access.level(partnership)
    if level < Level.READ:
        raise Http404("Not found.")
    return require_level(access, partnership, Level.EDIT if write else Level.READ, denied=denied)


def require_published(access: Access, partnership: Partnership, *, write: bool, denied: str = "") -> Level:
    """For what a partnership publishes (themes, achievements, plan, outcomes, reports): public if it is.

    The public reads these records of a public partnership; a private partnership's stay 404 to all who
    may not read it, and only its editors change them.
    """
    return require_level(access, partnership, Level.EDIT if write else Level.PUBLIC, denied=denied)


# The table a partnership's row is read from, with its parent's name.
PARTNERSHIP_ROW = ("partnerships.partnership",)


def get_partnership_for_user(user, slug: str, *, write: bool = False, full: bool = False) -> tuple[Partnership, Access]:
    """A partnership the user may see (or, with full=True, read in full; with write=True, edit)."""
    partnership = record_or_404(
        "partnership", Partnership.objects.with_parent_named(), depends=PARTNERSHIP_ROW, to_change=write, slug=slug
    )
    access = get_access(user)
    require_level(access, partnership, Level.EDIT if write else Level.READ if full else Level.PUBLIC)
    return partnership, access


def get_membership_for_user(user, pk: int, *, write: bool = False) -> tuple[Membership, Access]:
    membership = get_object_or_404(
        Membership.objects.select_related("partnership", "person", "organisation", "alternate_for__person"), pk=pk
    )
    access = get_access(user)
    require_level(access, membership.partnership, Level.EDIT if write else Level.READ)
    return membership, access


def may_see_contact(access: Access, person: Person) -> bool:
    """Contact details and interests: the person, administrators, officers of a partnership they sit on.

    A seat opens them while it is held and for a year after it ends; a guest seat never does. Someone
    with no seat anywhere, just added to the register, is looked after by any officer.
    """
    if access.is_admin or (access.person_id is not None and access.person_id == person.pk):
        return True
    if not access.officer_ids:
        return False
    since = dt.date.today() - CONTACT_GRACE
    seats = list(Membership.objects.filter(person=person).values_list("partnership_id", "role", "end_date"))
    if not seats:
        return True
    return any(
        partnership_id in access.officer_ids and role != Membership.Role.GUEST and (end is None or end >= since)
        for partnership_id, role, end in seats
    )


def get_person_for_user(user, pk: int, *, write: bool = False) -> tuple[Person, Access]:
    """A person's page opens to those who may see a partnership they sit on; it is changed by its officers.

    Changing a person shows their contact details, so it follows the same rule as those (may_see_contact).
    """
    person = get_object_or_404(Person.objects.select_related("organisation", "user"), pk=pk)
    access = get_access(user)
    if access.is_admin:
        return person, access
    if not access.readable_people().filter(pk=person.pk).exists():
        raise Http404("No person found.")
    if write and not (access.is_officer and may_see_contact(access, person)):
        raise PermissionDenied("Only an officer of a partnership this person sits on can change their details.")
    return person, access


def people_matching(people, query: str):
    """People whose name, title or organisation holds every word of the query: the one person search."""
    for word in query.split():
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(honorific__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return people


def find_people_to_add(access: Access, query: str, *, limit: int = 20) -> list[Person]:
    """People an officer may add to a seat, found by name and organisation only.

    Those the officer may already read match on any part of their name or organisation. Anyone else in
    the register is found only by their full name, so the search never lists who sits elsewhere.
    """
    words = query.split()
    if not words:
        return []
    people = Person.objects.select_related("organisation")
    found = list(
        people_matching(access.readable_people(), query)
        .select_related("organisation")
        .order_by("last_name", "first_name")[:limit]
    )
    if len(words) >= 2 and not access.is_admin:
        first, last = " ".join(words[:-1]), words[-1]
        exact = people.filter(first_name__iexact=first, last_name__iexact=last).exclude(pk__in=[p.pk for p in found])
        found += list(exact.order_by("last_name", "first_name")[: max(limit - len(found), 0)])
    return found


def get_organisation_for_user(user, slug: str, *, write: bool = False) -> tuple[Organisation, Access]:
    """Organisations are a shared directory: any signed-in role reads it, officers change it."""
    organisation = get_object_or_404(Organisation, slug=slug)
    access = get_access(user)
    if not access.has_role:
        raise Http404("No organisation found.")
    if write and not access.is_officer:
        raise PermissionDenied("Only officers can change an organisation's details.")
    return organisation, access


def require_officer(user) -> Access:
    """For pages that belong to no one partnership: the directories' add forms."""
    access = get_access(user)
    if not access.is_officer:
        if access.has_role:
            raise PermissionDenied("Only officers can do that.")
        raise Http404()
    return access


def require_signed_in_role(user) -> Access:
    """Any login with a role somewhere: directories are not for logins with no role."""
    access = get_access(user)
    if not access.has_role:
        raise PermissionDenied("Your login has no role on any partnership yet. Ask a partnership officer for access.")
    return access
