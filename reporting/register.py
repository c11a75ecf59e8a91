"""The report's register: people, organisations and partnerships as they stood on the report date, and the
sub-groups it describes with their chairs and support officers then."""

import datetime as dt
from dataclasses import dataclass

from partnerships.history import by_key_at, records_at
from partnerships.models import Membership, Organisation, Partnership, Person

from .blocks import Seat, _seat_sort_key


class Register:
    """People, organisations and partnerships as they stood on the report date, fetched once per model."""

    def __init__(self, as_at: dt.date):
        self.as_at = as_at
        self.people: dict[int, Person] = {}
        self.organisations: dict[int, Organisation] = {}
        self.partnerships: dict[int, Partnership] = {}

    def load(self, *, people=(), organisations=(), partnerships=()) -> None:
        wanted = {key for key in people if key not in self.people}
        self.people.update(by_key_at(Person, wanted, self.as_at))
        organisations = set(organisations) | {p.organisation_id for p in self.people.values()}
        self.organisations.update(
            by_key_at(Organisation, {k for k in organisations if k not in self.organisations}, self.as_at)
        )
        wanted = {key for key in partnerships if key not in self.partnerships}
        self.partnerships.update(by_key_at(Partnership, wanted, self.as_at))

    def seats(self, memberships: list[Membership]) -> list[Membership]:
        """The memberships with their people and organisations as they stood then, ready for `Seat.of`."""
        self.load(people={m.person_id for m in memberships}, organisations={m.organisation_id for m in memberships})
        for membership in memberships:
            person = self.people.get(membership.person_id)
            if person is None:
                continue
            person.organisation = self.organisations.get(person.organisation_id) if person.organisation_id else None
            membership.person = person
            membership.organisation = self.organisations.get(membership.organisation_id)
        return [m for m in memberships if m.person_id in self.people]


@dataclass
class SubGroup:
    pk: int
    name: str
    short_name: str
    purpose: str
    legal_basis: str
    founded_year: int | None
    chairs: list[Seat]
    support_officers: list[Seat]

    @property
    def heading(self) -> str:
        return f"{self.name} ({self.short_name}) sub-group" if self.short_name else f"{self.name} sub-group"

    @property
    def chair(self) -> Seat | None:
        return self.chairs[0] if self.chairs else None

    @property
    def label(self) -> str:
        return self.short_name or self.name


def groups_of(partnerships: list[Partnership], register: Register) -> list[SubGroup]:
    """Each partnership with its purpose, chairs and support officers as they stood on the register's date."""
    as_at = register.as_at
    keys = [p.pk for p in partnerships]
    held = [
        m
        for m in records_at(Membership, as_at, partnership_id__in=keys)
        if m.is_current(as_at) and m.role in (Membership.Role.CHAIR, Membership.Role.SUPPORTING_OFFICER)
    ]
    seats: dict[int, list[Seat]] = {}
    for membership in register.seats(held):
        seats.setdefault(membership.partnership_id, []).append(Seat.of(membership))
    found = []
    for group in partnerships:
        mine = sorted(seats.get(group.pk, []), key=_seat_sort_key)
        found.append(
            SubGroup(
                pk=group.pk,
                name=group.name,
                short_name=group.short_name,
                purpose=group.purpose,
                legal_basis=group.legal_basis if group.kind == Partnership.Kind.STATUTORY else "",
                founded_year=group.founded_year,
                chairs=[s for s in mine if s.role == Membership.Role.CHAIR],
                support_officers=[s for s in mine if s.role == Membership.Role.SUPPORTING_OFFICER],
            )
        )
    return found


def sub_groups(*, partnership: Partnership, as_at: dt.date, register: Register | None = None) -> list[SubGroup]:
    """The partnership's sub-groups as they stood on the report date, each with its chair and support officers."""
    register = register or Register(as_at)
    groups = sorted(
        (
            g
            for g in records_at(Partnership, as_at, parent_id=partnership.pk)
            if g.founded_year is None or g.founded_year <= as_at.year
        ),
        key=lambda g: g.name,
    )
    register.partnerships.update({g.pk: g for g in groups})
    return groups_of(groups, register)
