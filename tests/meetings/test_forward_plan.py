"""The forward plan lists key decisions from coming meetings' published agendas, and nothing else."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings.forward_plan import coming_key_decisions
from meetings.models import Meeting
from meetings.services import agenda_publish

from .factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

SOON = dt.date.today() + dt.timedelta(days=20)


def _item(partnership, title, *, date=SOON, published=True, key=True, cancelled=False):
    meeting = MeetingFactory(partnership=partnership, date=date)
    item = AgendaItemFactory(meeting=meeting, title=title, key_decision=key)
    if published:
        agenda_publish(meeting=meeting)
    if cancelled:
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED, cancelled_reason="No quorum")
    return item


@pytest.mark.parametrize(
    ("case", "kwargs", "listed"),
    [
        ("key decision on a published agenda", {}, True),
        ("agenda not yet published", {"published": False}, False),
        ("not a key decision", {"key": False}, False),
        ("meeting already held", {"date": dt.date.today() - dt.timedelta(days=1)}, False),
        ("meeting cancelled", {"cancelled": True}, False),
    ],
)
def test_what_the_forward_plan_lists(cast, case, kwargs, listed):
    item = _item(cast.partnership, "Adopt the bus strategy", **kwargs)
    assert (item in coming_key_decisions(partnership=cast.partnership)) is listed, case


def test_the_public_reads_a_public_partnerships_forward_plan(client, cast):
    cast.partnership.is_public = True
    cast.partnership.save()
    _item(cast.partnership, "Adopt the bus strategy")
    page = client.get(reverse("meetings:forward_plan", args=[cast.partnership.slug])).content.decode()
    assert "Adopt the bus strategy" in page


def test_the_forward_plan_costs_the_same_queries_however_long(client, cast, django_assert_num_queries):
    """Guards against a query per meeting or presenter."""
    cast.partnership.is_public = True
    cast.partnership.save()
    url = reverse("meetings:forward_plan", args=[cast.partnership.slug])
    _item(cast.partnership, "First")
    client.get(url)
    with django_assert_num_queries(1):
        client.get(url)
    for n in range(4):
        _item(cast.partnership, f"Decision {n}", date=SOON + dt.timedelta(days=n))
    with django_assert_num_queries(1):
        client.get(url)
