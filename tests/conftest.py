"""The fixed cast every test uses: one partnership and a login for each role around it."""

from dataclasses import dataclass

import pytest

from partnerships.models import Membership, Organisation, Partnership, Person

from .factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
    make_clerk,
    make_officer,
)

ROLES = ["anonymous", "outsider", "member", "observer", "clerk", "unrelated_clerk", "officer", "admin"]


@dataclass
class Cast:
    partnership: Partnership
    sub_group: Partnership
    other_partnership: Partnership
    council: Organisation
    member_person: Person
    membership: Membership
    users: dict

    def client_for(self, client, role):
        if role != "anonymous":
            client.force_login(self.users[role])
        return client


@pytest.fixture
def cast(db) -> Cast:
    council = CouncilFactory(name="Riverside City Council", slug="riverside-city-council")
    partnership = PartnershipFactory(
        name="Riverside Strategic Partnership",
        slug="riverside",
        short_name="RSP",
        is_public=False,
        host_organisation=council,
    )
    sub_group = PartnershipFactory(
        name="Riverside Zero Carbon", slug="riverside-zero-carbon", parent=partnership, is_public=False
    )
    other = PartnershipFactory(name="Hillside Partnership", slug="hillside", is_public=False)

    member_person = PersonFactory(first_name="Ada", last_name="Member", organisation=council, is_councillor=True)
    membership = MembershipFactory(
        partnership=partnership, person=member_person, organisation=council, is_lead_representative=True
    )
    observer_person = PersonFactory(first_name="Olu", last_name="Observer", organisation=council, is_councillor=True)
    MembershipFactory(
        partnership=partnership, person=observer_person, organisation=council, role=Membership.Role.OBSERVER
    )
    users = {
        "officer": make_officer(partnership, username="officer@example.org"),
        "outsider": make_officer(other, username="outsider@example.org"),
        "member": UserFactory(username="member@example.org"),
        "observer": UserFactory(username="observer@example.org"),
        "clerk": make_clerk(council, username="clerk@example.org"),
        "unrelated_clerk": make_clerk(
            OrganisationFactory(name="Faraway District Council", is_council=True), username="faraway@example.org"
        ),
        "admin": UserFactory(username="admin@example.org", is_superuser=True, is_staff=True),
    }
    member_person.user = users["member"]
    member_person.save()
    observer_person.user = users["observer"]
    observer_person.save()
    return Cast(partnership, sub_group, other, council, member_person, membership, users)


@pytest.fixture
def officer_client(client, cast):
    client.force_login(cast.users["officer"])
    return client


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pytest_collection_modifyitems(config, items):
    """Tests that need a real worker run only where Redis is configured (the second CI pass)."""
    from django.conf import settings

    if settings.REDIS_URL:
        return
    selected = [item for item in items if item.get_closest_marker("celery_worker") is None]
    deselected = [item for item in items if item.get_closest_marker("celery_worker") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


@pytest.fixture
def celery_worker_on_redis(transactional_db):
    """A real Celery worker, in a thread of this process, taking jobs from Redis."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            yield app
    finally:
        app.conf.task_always_eager = True
