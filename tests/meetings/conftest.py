import datetime as dt

import pytest

from meetings.models import AgendaItem
from tests.factories import MembershipFactory, PersonFactory

from .factories import MeetingFactory, add_paper


@pytest.fixture
def meeting(cast):
    """A past meeting of the cast's partnership with a public and a confidential paper."""
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 3, 12))
    return meeting


@pytest.fixture
def major_item(meeting):
    from meetings.services import agenda_item_add

    return agenda_item_add(item=AgendaItem(meeting=meeting, title="Local Plan 2040", kind=AgendaItem.Kind.MAJOR))


@pytest.fixture
def papers(major_item):
    public = add_paper(major_item, "Local Plan consultation", pages=2, name="local-plan.pdf")
    secret = add_paper(major_item, "Site options (confidential)", confidential=True, pages=3, name="sites.pdf")
    return public, secret


@pytest.fixture
def voters(cast):
    """Two more voting members, so votes can be carried and tied."""
    return [
        MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Ben", last_name="Voter")),
        MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Cara", last_name="Voter")),
    ]
