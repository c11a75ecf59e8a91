"""A public partnership with a full record, beside the cast's private one."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from meetings.models import Attendance, Decision, Meeting, Vote
from partnerships.models import Membership, Partnership
from reporting.api.services import api_token_create
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory
from tests.meetings.factories import ActionFactory, AgendaItemFactory, MeetingFactory, add_paper


@dataclass
class PublicRecord:
    partnership: Partnership
    lead: Membership
    alternate: Membership
    held: Meeting
    draft: Meeting
    cancelled: Meeting
    decision: Decision
    draft_decision: Decision
    public_paper: object
    confidential_paper: object


def _decision(item, **kwargs):
    return Decision.objects.create(item=item, resolution=kwargs.pop("resolution", "To adopt the plan."), **kwargs)


def build_record(partnership, *, prefix="North") -> PublicRecord:
    council = CouncilFactory(name=f"{prefix}gate City Council", slug=f"{prefix.lower()}gate-city-council")
    lead = MembershipFactory(
        partnership=partnership,
        person=PersonFactory(first_name="Lena", last_name=f"{prefix}lead", organisation=council, email="lena@x.org"),
        organisation=council,
        is_lead_representative=True,
    )
    alternate = MembershipFactory(
        partnership=partnership,
        person=PersonFactory(first_name="Alf", last_name=f"{prefix}alternate", organisation=council),
        organisation=council,
        role=Membership.Role.ALTERNATE,
        alternate_for=lead,
    )
    other = MembershipFactory(partnership=partnership, person=PersonFactory(last_name=f"{prefix}other"))
    published = timezone.now()
    held = MeetingFactory(
        partnership=partnership,
        date=dt.date(2023, 1, 10),
        status=Meeting.Status.MINUTES_APPROVED,
        minutes_status=Meeting.MinutesStatus.APPROVED,
        agenda_published_at=published,
    )
    item = AgendaItemFactory(meeting=held, title="Climate plan")
    public_paper = add_paper(item, "Climate plan report")
    confidential_paper = add_paper(item, "Costings", confidential=True)
    decision = _decision(item, method="vote", outcome="carried", votes_for=2, votes_against=1, abstentions=0)
    decision.recorded_by_name = True
    decision.save()
    Vote.objects.create(decision=decision, person=alternate.person, choice="for", on_behalf_of=lead.person)
    Vote.objects.create(decision=decision, person=other.person, choice="against")
    Attendance.objects.create(meeting=held, membership=lead, status=Attendance.Status.REPRESENTED, alternate=alternate)
    Attendance.objects.create(meeting=held, membership=other, status=Attendance.Status.PRESENT)
    ActionFactory(raised_at=held, item=item, owner=other.person, description="Circulate the climate plan")
    draft = MeetingFactory(
        partnership=partnership,
        date=dt.date(2023, 3, 10),
        status=Meeting.Status.HELD,
        minutes_status=Meeting.MinutesStatus.DRAFT,
        agenda_published_at=published,
    )
    draft_decision = _decision(AgendaItemFactory(meeting=draft), resolution="To note the draft budget.")
    cancelled = MeetingFactory(
        partnership=partnership, date=dt.date(2023, 2, 10), status=Meeting.Status.CANCELLED, cancelled_reason="Snow"
    )
    return PublicRecord(
        partnership, lead, alternate, held, draft, cancelled, decision, draft_decision, public_paper, confidential_paper
    )


@pytest.fixture
def record(db) -> PublicRecord:
    return build_record(PartnershipFactory(name="Northgate Partnership", slug="northgate", is_public=True))


@pytest.fixture
def private_record(cast) -> PublicRecord:
    return build_record(cast.partnership, prefix="River")


@pytest.fixture
def officer_token(cast) -> str:
    return api_token_create(user=cast.users["officer"], name="Harvester")[1]
