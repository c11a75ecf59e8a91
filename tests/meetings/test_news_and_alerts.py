"""The news feed and email alerts: double opt-in, one-click unsubscribe, sent once through the outbox."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings.alerts import alerts_queue, partnership_news
from meetings.models import AlertSubscription, Decision, Meeting
from meetings.services import agenda_publish
from partnerships.outbox import OutboundEmail

from .factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    """Each test counts its own attempts: the throttle's counts live in the cache between tests."""
    from django.core.cache import cache

    from partnerships.throttle import counts

    cache.clear()
    counts.local.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a step and then what waits for its commit: the outbox hands each email to its job then."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


@pytest.fixture
def public(cast):
    cast.partnership.is_public = True
    cast.partnership.save()
    return cast.partnership


def _published(partnership, title="Bus strategy"):
    meeting = MeetingFactory(partnership=partnership, date=dt.date.today() + dt.timedelta(days=10))
    AgendaItemFactory(meeting=meeting, title=title)
    agenda_publish(meeting=meeting)
    return meeting


def _subscribe(client, partnership, email="reader@example.com"):
    return client.post(reverse("meetings:alert_subscribe", args=[partnership.slug]), {"email": email})


def test_nothing_is_sent_until_the_address_is_confirmed(client, public, committed):
    assert committed(_subscribe, client, public).status_code == 302
    subscription = AlertSubscription.objects.get()
    assert [m.subject for m in mail.outbox] == [f"Confirm your email alerts from {public.name}"]
    assert subscription.confirm_path() in mail.outbox[0].body
    _published(public)
    assert alerts_queue() == 0
    # Opening the link confirms nothing: a mail scanner may open it.
    client.get(subscription.confirm_path())
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    client.post(subscription.confirm_path())
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_a_confirmed_subscriber_gets_each_alert_once_with_one_click_unsubscribe(client, public, committed):
    _subscribe(client, public)
    subscription = AlertSubscription.objects.get()
    client.post(subscription.confirm_path())
    mail.outbox.clear()
    _published(public)
    assert committed(alerts_queue) == 1
    assert committed(alerts_queue) == 0
    (message,) = mail.outbox
    assert message.to == ["reader@example.com"] and "Agenda published" in message.subject
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{subscription.unsubscribe_path()}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The mail program's one-click POST carries no form and no CSRF token.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    assert csrf_client.post(subscription.unsubscribe_path(), {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not AlertSubscription.objects.exists()
    assert csrf_client.post(subscription.unsubscribe_path()).status_code == 200


def test_news_from_before_confirming_is_not_sent(client, public):
    _published(public)
    _subscribe(client, public)
    client.post(AlertSubscription.objects.get().confirm_path())
    assert alerts_queue() == 0


def test_asking_again_does_not_say_whether_the_address_was_subscribed(client, public):
    first = _subscribe(client, public)
    second = _subscribe(client, public)
    assert first.status_code == second.status_code == 302
    assert AlertSubscription.objects.count() == 1
    # One confirmation an hour, however often the form is sent.
    assert OutboundEmail.objects.count() == 1


def test_subscribing_is_throttled(client, public, settings):
    settings.ROUNDTABLE_EXPENSIVE_ACTIONS_PER_10_MINUTES = 2
    statuses = [_subscribe(client, public, f"reader{n}@example.com").status_code for n in range(3)]
    assert statuses == [302, 302, 429]


def test_a_bad_address_is_told_beside_the_field(client, public):
    response = _subscribe(client, public, "not an address")
    assert response.status_code == 400 and "Enter a valid email address" in response.content.decode()


def test_a_private_partnership_has_no_alerts_and_no_feed(client, cast):
    assert client.get(reverse("meetings:alert_subscribe", args=[cast.partnership.slug])).status_code == 404
    assert client.get(reverse("meetings:partnership_atom", args=[cast.partnership.slug])).status_code == 404


def test_the_feed_has_agendas_minutes_and_decisions_once_approved(client, public):
    meeting = _published(public, "Adopt the bus strategy")
    item = meeting.items.get(title="Adopt the bus strategy")
    Decision.objects.create(item=item, resolution="To adopt the bus strategy.")
    feed = client.get(reverse("meetings:partnership_atom", args=[public.slug]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Agenda published" in body and "To adopt the bus strategy." not in body
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.APPROVED)
    body = client.get(reverse("meetings:partnership_atom", args=[public.slug])).content.decode()
    assert "Minutes approved" in body and "To adopt the bus strategy." in body
    kinds = {entry.kind for entry in partnership_news(partnership=public, since=timezone.now() - dt.timedelta(days=1))}
    assert kinds == {"agenda", "minutes", "decision"}
