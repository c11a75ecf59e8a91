"""Who may see and change what, decided per partnership.

Roles (DESIGN.md 'Architecture'): an administrator sees and edits everything; an officer of a
partnership edits it and its sub-groups; a member (a login linked to a person with a current
membership) reads it, confidential papers included; a clerk of an organisation reads every
partnership that organisation sits on, hosts or pays into; the public reads partnerships marked public.

Every view gets its object through one of the get_*_for_user helpers below: 404 to those who may
not know the record exists, 403 to those who may see it but not change it.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership, Organisation, OrganisationClerk, Partnership, PartnershipOfficer, Person


class Level(IntEnum):
    NONE = 0
    PUBLIC = 1
    READ = 2
    EDIT = 3


def partnership_tree() -> dict[int, list[int]]:
    """Children by parent id, for the whole network in one query."""
    children: dict[int, list[int]] = {}
    for pk, parent_id in Partnership.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    return children


def descendant_ids(pk: int, children: dict[int, list[int]] | None = None) -> set[int]:
    children = partnership_tree() if children is None else children
    found: set[int] = set()
    stack = list(children.get(pk, []))
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(children.get(current, []))
    return found


@dataclass(frozen=True)
class Access:
    """What one login may do, worked out once per request."""

    is_authenticated: bool = False
    is_admin: bool = False
    officer_ids: frozenset[int] = field(default_factory=frozenset)
    member_ids: frozenset[int] = field(default_factory=frozenset)
    clerk_ids: frozenset[int] = field(default_factory=frozenset)
    clerk_organisation_ids: frozenset[int] = field(default_factory=frozenset)
    person_id: int | None = None
    person_name: str = ""

    @property
    def is_officer(self) -> bool:
        return self.is_admin or bool(self.officer_ids)

    @property
    def is_clerk(self) -> bool:
        return bool(self.clerk_organisation_ids)

    @property
    def readable_ids(self) -> frozenset[int]:
        return self.officer_ids | self.member_ids | self.clerk_ids

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

    def readable_people(self):
        """People whose details this login may read: those sitting on a partnership it reads, and itself.

        Officers also read people with no seat yet, so someone just added to the register can be found.
        """
        if self.is_admin:
            return Person.objects.all()
        reach = Q(memberships__partnership_id__in=self.readable_ids)
        if self.is_officer:
            reach |= Q(memberships__isnull=True)
        if self.person_id:
            reach |= Q(pk=self.person_id)
        return Person.objects.filter(pk__in=Person.objects.filter(reach).values("pk"))

    def readable_partnerships(self):
        if self.is_admin:
            return Partnership.objects.all()
        return Partnership.objects.filter(pk__in=self.readable_ids)


ANONYMOUS = Access()


def get_access(user) -> Access:
    """The access of a login, cached on the user object for the rest of the request."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_roundtable_access", None)
    if cached is not None:
        return cached
    today = dt.date.today()
    is_admin = bool(user.is_superuser)
    officer_ids: set[int] = set()
    member_ids: set[int] = set()
    clerk_ids: set[int] = set()
    clerk_org_ids: set[int] = set()
    person = Person.objects.filter(user=user).values_list("pk", "honorific", "first_name", "last_name").first()
    person_id = person[0] if person else None
    person_name = " ".join(part for part in person[1:] if part) if person else ""
    if not is_admin:
        direct = set(PartnershipOfficer.objects.filter(user=user).values_list("partnership_id", flat=True))
        if direct:
            children = partnership_tree()
            for pk in direct:
                officer_ids |= {pk} | descendant_ids(pk, children)
        if person_id:
            member_ids = set(
                Membership.objects.current(today).filter(person_id=person_id).values_list("partnership_id", flat=True)
            )
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
        person_id=person_id,
        person_name=person_name,
    )
    user._roundtable_access = access
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


def get_partnership_for_user(user, slug: str, *, write: bool = False, full: bool = False) -> tuple[Partnership, Access]:
    """A partnership the user may see (or, with full=True, read in full; with write=True, edit)."""
    partnership = get_object_or_404(Partnership.objects.select_related("host_organisation", "parent"), slug=slug)
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


def get_person_for_user(user, pk: int, *, write: bool = False) -> tuple[Person, Access]:
    """A person is read by those who read a partnership they sit on, and changed by its officers.

    Someone with no seat yet (just added to the register) is read and changed by any officer.
    """
    person = get_object_or_404(Person.objects.select_related("organisation", "user"), pk=pk)
    access = get_access(user)
    if access.is_admin:
        return person, access
    seats = set(Membership.objects.filter(person=person).values_list("partnership_id", flat=True))
    editable = bool(seats & access.officer_ids) or (not seats and access.is_officer)
    readable = editable or bool(seats & access.readable_ids) or access.person_id == person.pk
    if not readable:
        raise Http404("No person found.")
    if write and not editable:
        raise PermissionDenied("Only an officer of a partnership this person sits on can change their details.")
    return person, access


def get_organisation_for_user(user, slug: str, *, write: bool = False) -> tuple[Organisation, Access]:
    """Organisations are a shared directory: any signed-in role reads it, officers change it."""
    organisation = get_object_or_404(Organisation, slug=slug)
    access = get_access(user)
    if not (access.is_officer or access.readable_ids or access.is_clerk):
        raise Http404("No organisation found.")
    if write and not access.is_officer:
        raise PermissionDenied("Only officers can change an organisation's details.")
    return organisation, access


def require_officer(user) -> Access:
    """For pages that belong to no one partnership: the directories' add forms."""
    access = get_access(user)
    if not access.is_officer:
        if access.readable_ids or access.is_clerk:
            raise PermissionDenied("Only officers can do that.")
        raise Http404()
    return access


def require_signed_in_role(user) -> Access:
    """Any login with a role somewhere: directories are not for logins with no role."""
    access = get_access(user)
    if not (access.is_officer or access.readable_ids or access.is_clerk):
        raise PermissionDenied("Your login has no role on any partnership yet. Ask a partnership officer for access.")
    return access
