"""What a public partnership publishes, as news: the Atom feed and the email alerts both read it from here.

News is a published agenda, approved minutes and the decisions in them. Decisions are news only once
the minutes that record them are approved, as the public reads them only then. An alert goes only to a
confirmed address, only for news after it was confirmed, and each through the email outbox under a key
of its own, so the periodic job may run as often as it likes and nobody gets an alert twice.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partnerships.outbox import email_queue

from .models import AlertSubscription, Decision, Meeting

# How far back the alert job looks each time it runs: longer than any outage of the scheduler.
ALERT_LOOKBACK = dt.timedelta(days=7)


@dataclass(frozen=True)
class News:
    key: str
    kind: str
    title: str
    summary: str
    path: str
    when: dt.datetime


def _approved_at(meeting: Meeting) -> dt.datetime:
    """When the minutes were approved: the approving decision, else the meeting that approved them."""
    decision = getattr(meeting, "approval_decision", None)
    if decision is not None:
        return decision.recorded_at
    if meeting.minutes_approved_at_id:
        return meeting.minutes_approved_at.ends_at
    return meeting.ends_at


def partnership_news(*, partnership, since: dt.datetime | None = None, limit: int = 50) -> list[News]:
    """What the partnership published, newest first: agendas, approved minutes and their decisions."""
    news: list[News] = []
    agendas = Meeting.objects.filter(partnership=partnership, agenda_published_at__isnull=False).exclude(
        status=Meeting.Status.CANCELLED
    )
    if since is not None:
        agendas = agendas.filter(agenda_published_at__gte=since)
    for meeting in agendas.select_related("partnership").order_by("-agenda_published_at")[:limit]:
        news.append(
            News(
                key=f"agenda:{meeting.pk}:{meeting.agenda_published_at:%Y%m%d%H%M%S}",
                kind="agenda",
                title=f"Agenda published: {meeting.name}, {meeting.date:%-d %B %Y}",
                summary=f"The agenda for the {meeting.name.lower()} on {meeting.date:%-d %B %Y} is published.",
                path=meeting.get_absolute_url(),
                when=meeting.agenda_published_at,
            )
        )
    approved = (
        Meeting.objects.filter(partnership=partnership, minutes_status=Meeting.MinutesStatus.APPROVED)
        .select_related("approval_decision", "minutes_approved_at", "partnership")
        .order_by("-date")[:limit]
    )
    approved = [m for m in approved if since is None or _approved_at(m) >= since]
    decisions: dict[int, list[Decision]] = {}
    for decision in Decision.objects.filter(item__meeting__in=[m.pk for m in approved]).select_related("item"):
        decisions.setdefault(decision.item.meeting_id, []).append(decision)
    for meeting in approved:
        when = _approved_at(meeting)
        resolved = decisions.get(meeting.pk, [])
        minutes_path = reverse("meetings:minutes_document", args=[meeting.pk])
        news.append(
            News(
                key=f"minutes:{meeting.pk}",
                kind="minutes",
                title=f"Minutes approved: {meeting.name}, {meeting.date:%-d %B %Y}",
                summary=f"The minutes of the {meeting.name.lower()} on {meeting.date:%-d %B %Y} are approved"
                + (f", with {len(resolved)} decision{'s' if len(resolved) != 1 else ''}." if resolved else "."),
                path=minutes_path,
                when=when,
            )
        )
        for decision in resolved:
            news.append(
                News(
                    key=f"decision:{decision.pk}",
                    kind="decision",
                    title=f"Decision ({decision.get_outcome_display().lower()}): {decision.item.title}",
                    summary=decision.resolution,
                    path=f"{minutes_path}#item-{decision.item.position}",
                    when=when,
                )
            )
    news.sort(key=lambda entry: entry.when, reverse=True)
    return news[:limit]


def _footer(subscription: AlertSubscription) -> str:
    return (
        f"\n\n--\nYou get these emails because you asked for alerts from {subscription.partnership.name}.\n"
        f"Stop them: {settings.SITE_URL}{subscription.unsubscribe_path()}\n"
    )


def _unsubscribe_headers(subscription: AlertSubscription) -> dict:
    # RFC 8058: mail programs show an unsubscribe button that POSTs to this address, with no page to visit.
    return {
        "List-Unsubscribe": f"<{settings.SITE_URL}{subscription.unsubscribe_path()}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def alert_subscribe(*, partnership, email: str) -> AlertSubscription:
    """Record the address unconfirmed, and send it the link that confirms it (again, if asked again)."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            subscription, _created = AlertSubscription.objects.get_or_create(
                partnership=partnership, email=email, defaults={"token": AlertSubscription.new_token()}
            )
    except IntegrityError:
        subscription = AlertSubscription.objects.get(partnership=partnership, email=email)
    if not subscription.is_confirmed:
        email_queue(
            # One confirmation an hour at most, however often the form is sent.
            key=f"alert-confirm:{subscription.pk}:{timezone.now():%Y%m%d%H}",
            to=email,
            subject=f"Confirm your email alerts from {partnership.name}",
            body=(
                f"Someone, probably you, asked for email alerts when {partnership.name} publishes an agenda, "
                f"minutes or decisions.\n\nConfirm you want them: {settings.SITE_URL}{subscription.confirm_path()}\n\n"
                "If it was not you, ignore this email: nothing is sent unless the address is confirmed."
            ),
        )
    return subscription


def alert_confirm(*, subscription: AlertSubscription) -> AlertSubscription:
    if not subscription.is_confirmed:
        AlertSubscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        subscription.refresh_from_db()
    return subscription


def alert_unsubscribe(*, token: str) -> int:
    """Forget the address; asking twice is the same as asking once."""
    deleted, _ = AlertSubscription.objects.filter(token=token).delete()
    return deleted


def alerts_queue(*, now: dt.datetime | None = None) -> int:
    """Queue an alert for each piece of news each confirmed subscriber has not been sent; the outbox sends it."""
    now = now or timezone.now()
    queued = 0
    subscriptions = AlertSubscription.objects.filter(
        confirmed_at__isnull=False, partnership__is_public=True
    ).select_related("partnership")
    by_partnership: dict[int, list[AlertSubscription]] = {}
    for subscription in subscriptions:
        by_partnership.setdefault(subscription.partnership_id, []).append(subscription)
    for group in by_partnership.values():
        partnership = group[0].partnership
        for entry in partnership_news(partnership=partnership, since=now - ALERT_LOOKBACK):
            if entry.kind == "decision":
                continue  # Told with their minutes, in one email.
            for subscription in group:
                if entry.when < subscription.confirmed_at:
                    continue
                _email, created = email_queue(
                    key=f"alert:{entry.key}:{subscription.pk}",
                    to=subscription.email,
                    subject=f"{partnership.name}: {entry.title}",
                    body=f"{entry.summary}\n\nRead it: {settings.SITE_URL}{entry.path}" + _footer(subscription),
                    headers=_unsubscribe_headers(subscription),
                )
                queued += created
    return queued
