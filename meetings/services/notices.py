"""Emails to a meeting's members when its agenda or minutes go out."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from partnerships.models import Membership
from partnerships.outbox import email_queue

from ..models import (
    Meeting,
)


def member_emails(meeting: Meeting) -> list[str]:
    seats = (
        Membership.objects.current(meeting.date)
        .filter(partnership_id=meeting.partnership_id)
        .select_related("person__user")
    )
    emails = set()
    for seat in seats:
        email = seat.person.email or (seat.person.user.email if seat.person.user_id else "")
        if email:
            emails.add(email)
    return sorted(emails)


def members_notify(*, meeting: Meeting, template: str, subject: str, occasion: str) -> int:
    """Record one email per member in the outbox; a job sends each once, after the change is committed.

    The occasion (the agenda's publication time, say) is part of each email's key, so pressing a button
    twice, or a request retried after an outage, never sends a member the same message twice.
    """
    recipients = member_emails(meeting)
    if not recipients:
        return 0
    url = settings.SITE_URL.rstrip("/") + reverse("meetings:meeting_detail", args=[meeting.pk])
    body = render_to_string(template, {"meeting": meeting, "url": url})
    # One message per member, so no one sees the others' addresses.
    for email in recipients:
        email_queue(key=f"meeting:{meeting.pk}:{occasion}:{email}", to=email, subject=subject, body=body)
    return len(recipients)
