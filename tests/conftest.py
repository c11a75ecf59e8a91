"""The fixed cast every test uses: one partnership and a login for each role around it."""

from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import override_settings

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
def _media_root(settings, tmp_path, request):
    # A module whose records are made once keeps their files for all its tests.
    module_media = getattr(request.module, "MODULE_MEDIA", None)
    settings.MEDIA_ROOT = module_media or tmp_path / "media"


@contextmanager
def records_for_the_module(module, django_db_blocker, tmp_path_factory):
    """Records (and their files) made once for a module's tests, in a transaction rolled back after its last.

    Seeding the demonstration takes seconds; its read-only tests share one seeding, each test still
    inside a savepoint of its own. Use it from a module-scoped fixture.
    """
    media = tmp_path_factory.mktemp("module-media")
    module.MODULE_MEDIA = media
    try:
        with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        del module.MODULE_MEDIA


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts from an empty cache: a database rolled back between tests sends no signal that
    would move the cached fragments' generations on, and ids are reused."""
    from django.core.cache import cache

    from partnerships.fragments import forget_local_copy

    cache.clear()
    forget_local_copy()
    yield


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


@pytest.fixture
def attendees(cast):
    """A guest, an alternate and a supporting officer of the cast's private partnership, with two meetings.

    The alternate acts for the cast's lead representative at the first; the guest is invited to one item
    of the second.
    """
    import datetime as dt
    from types import SimpleNamespace

    from meetings.models import AgendaItem, Attendance
    from meetings.services import agenda_item_add, agenda_publish
    from tests.meetings.factories import MeetingFactory, add_paper

    council = cast.council
    people = {}
    for role, first in (("guest", "Gita"), ("alternate", "Alex"), ("supporting_officer", "Sam")):
        person = PersonFactory(first_name=first, last_name=role.title(), organisation=council)
        person.user = UserFactory(username=f"{role}@example.org")
        person.save()
        people[role] = MembershipFactory(
            partnership=cast.partnership,
            person=person,
            organisation=council,
            role=role,
            alternate_for=cast.membership if role == "alternate" else None,
        )
        cast.users[role] = person.user

    def meeting_with_item(date, title):
        meeting = MeetingFactory(partnership=cast.partnership, date=date)
        item = agenda_item_add(item=AgendaItem(meeting=meeting, title=title))
        return meeting, item

    acting_meeting, acting_item = meeting_with_item(dt.date(2024, 3, 12), "Local Plan 2040")
    acting_secret = add_paper(acting_item, "Site options", confidential=True)
    Attendance.objects.create(
        meeting=acting_meeting,
        membership=cast.membership,
        status=Attendance.Status.REPRESENTED,
        alternate=people["alternate"],
    )
    guest_meeting, guest_item = meeting_with_item(dt.date(2024, 6, 11), "Night-time economy")
    guest_item_secret = add_paper(guest_item, "Licensing review", confidential=True)
    other_item = agenda_item_add(item=AgendaItem(meeting=guest_meeting, title="Budget"))
    other_item_secret = add_paper(other_item, "Savings options", confidential=True)
    guest_item.guests.add(people["guest"].person)
    agenda_publish(meeting=guest_meeting)
    return SimpleNamespace(
        cast=cast,
        partnership=cast.partnership,
        acting_meeting=acting_meeting,
        acting_secret=acting_secret,
        guest_meeting=guest_meeting,
        guest_item=guest_item,
        guest_item_secret=guest_item_secret,
        other_item_secret=other_item_secret,
    )
