"""A synthetic register at any scale, for benchmarks and query-count tests.

At scale 1: about 50 partnerships, 1,000 people and 3,000 memberships with history (some seats
ended and replaced). Scale 10 is ten times that. Fractional scales make small sets for tests.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from .models import Budget, Contribution, Membership, Organisation, Partnership, Person

ROLE_WEIGHTS = [
    (Membership.Role.MEMBER, 80),
    (Membership.Role.OBSERVER, 5),
    (Membership.Role.ALTERNATE, 0),  # alternates are added for lead representatives below
    (Membership.Role.SUPPORTING_OFFICER, 5),
    (Membership.Role.GUEST, 3),
]


@transaction.atomic
def generate(scale: float = 1, *, seed: int = 2023) -> dict:
    """Create the synthetic register; returns what other apps' generators build on."""
    rng = random.Random(seed)
    n_partnerships = max(3, round(50 * scale))
    n_people = max(20, round(1000 * scale))
    n_orgs = max(5, round(100 * scale))
    prefix = f"ds{seed}"

    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"{prefix} Organisation {i}",
            slug=f"{prefix}-organisation-{i}",
            sector=rng.choice(Organisation.Sector.values),
            is_council=i % 10 == 0,
        )
        for i in range(n_orgs)
    )
    people = Person.objects.bulk_create(
        Person(
            first_name=f"Given{i}",
            last_name=f"Family{i}",
            honorific="Cllr" if i % 15 == 0 else "",
            is_councillor=i % 15 == 0,
            job_title="Director",
            organisation=organisations[i % n_orgs],
            email=f"person{i}@{prefix}.example",
        )
        for i in range(n_people)
    )
    partnerships = []
    for i in range(n_partnerships):
        parent = partnerships[rng.randrange(len(partnerships))] if partnerships and i % 4 == 0 else None
        partnerships.append(
            Partnership.objects.create(
                name=f"{prefix} Partnership {i}",
                slug=f"{prefix}-partnership-{i}",
                short_name=f"P{i}",
                parent=parent,
                is_public=i % 3 != 0,
                host_organisation=organisations[i % n_orgs],
                purpose="A generated partnership for measuring the service at scale.",
            )
        )
    memberships = []
    start = dt.date(2015, 1, 1)
    for index in range(round(3000 * scale)):
        partnership = partnerships[index % n_partnerships]
        person = people[(index * 7) % n_people]
        begun = start + dt.timedelta(days=rng.randrange(0, 3000))
        # A third of seats have ended: the history the "as at" view reads.
        ended = begun + dt.timedelta(days=rng.randrange(100, 1500)) if index % 3 == 0 else None
        role = (
            Membership.Role.CHAIR
            if index < n_partnerships
            else rng.choices([r for r, _ in ROLE_WEIGHTS], weights=[w for _, w in ROLE_WEIGHTS])[0]
        )
        memberships.append(
            Membership(
                partnership=partnership,
                person=person,
                organisation=person.organisation,
                role=role,
                is_voting=role in Membership.VOTING_ROLES,
                start_date=begun,
                end_date=ended,
            )
        )
    Membership.objects.bulk_create(memberships, ignore_conflicts=True)
    Budget.objects.bulk_create(
        Budget(partnership=p, year=year, amount=Decimal(10000 + i * 100))
        for i, p in enumerate(partnerships)
        for year in (2022, 2023)
    )
    Contribution.objects.bulk_create(
        Contribution(partnership=p, organisation=organisations[(i * 3) % n_orgs], year=2023, amount=Decimal(5000))
        for i, p in enumerate(partnerships)
    )
    return {"partnerships": partnerships, "people": people, "organisations": organisations, "rng": rng, "scale": scale}
