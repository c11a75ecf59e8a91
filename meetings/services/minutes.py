"""Actions, minutes and their approval at the next meeting."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from partnerships.concurrency import save_versioned

from ..models import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
)
from .decisions import decision_record
from .errors import MeetingRuleBroken
from .meetings import meeting_save
from .notices import members_notify


def action_save(*, action: Action, started_from: int | None = None) -> Action:
    action.partnership_id = action.raised_at.partnership_id
    if action.status == Action.Status.DONE and not action.completed_on:
        action.completed_on = dt.date.today()
    if action.status != Action.Status.DONE:
        action.completed_on = None
    action.full_clean()
    return save_versioned(action, started_from=started_from)


def minutes_save(*, meeting: Meeting, minutes: dict[int, str]) -> None:
    if meeting.minutes_are_approved:
        raise MeetingRuleBroken("These minutes have been approved and can no longer be changed.")
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting was cancelled: it has no minutes.")
    with transaction.atomic():
        for item in meeting.items.all():
            if item.pk in minutes and minutes[item.pk] != item.minutes:
                item.minutes = minutes[item.pk]
                save_versioned(item)
        if meeting.minutes_status == Meeting.MinutesStatus.NONE:
            meeting.minutes_status = Meeting.MinutesStatus.DRAFT
            meeting_save(meeting=meeting)


@transaction.atomic
def minutes_circulate(*, meeting: Meeting) -> int:
    """Send the draft minutes to members, ready for approval at a later meeting."""
    if meeting.minutes_are_approved:
        raise MeetingRuleBroken("These minutes have already been approved.")
    if meeting.minutes_status == Meeting.MinutesStatus.NONE or not any(i.minutes for i in meeting.items.all()):
        raise MeetingRuleBroken("Draft the minutes before circulating them.")
    meeting.minutes_status = Meeting.MinutesStatus.CIRCULATED
    meeting.minutes_circulated_at = timezone.now()
    meeting_save(meeting=meeting)
    subject = f"Draft minutes: {meeting.partnership.name}, {meeting.name} on {meeting.date:%-d %B %Y}"
    return members_notify(
        meeting=meeting,
        template="meetings/email/minutes_circulated.txt",
        subject=subject,
        occasion=f"minutes:{meeting.minutes_circulated_at.isoformat()}",
    )


def minutes_awaiting_approval(meeting: Meeting):
    """Earlier meetings of the same partnership whose circulated minutes this meeting could approve."""
    return Meeting.objects.filter(
        partnership_id=meeting.partnership_id,
        date__lt=meeting.date,
        minutes_status=Meeting.MinutesStatus.CIRCULATED,
    ).order_by("-date")


@transaction.atomic
def minutes_approve(*, recorded: Meeting, at: Meeting, user=None, today: dt.date | None = None) -> Decision:
    """Approve a meeting's minutes at a later meeting, which records the approval as its own decision."""
    if recorded.pk == at.pk:
        raise MeetingRuleBroken(
            "Minutes cannot be approved at the meeting they record: approve them at a later meeting."
        )
    if recorded.partnership_id != at.partnership_id:
        raise MeetingRuleBroken("Minutes are approved at a later meeting of the same partnership.")
    if at.date <= recorded.date:
        raise MeetingRuleBroken(
            f"Minutes are approved at a later meeting: this one is on {at.date:%-d %B %Y}, "
            f"not after the meeting on {recorded.date:%-d %B %Y}."
        )
    if recorded.minutes_are_approved:
        raise MeetingRuleBroken("These minutes have already been approved.")
    if recorded.minutes_status != Meeting.MinutesStatus.CIRCULATED:
        raise MeetingRuleBroken("Circulate the minutes to members before they are approved.")
    item = at.items.filter(kind=AgendaItem.Kind.MINUTES).order_by("position").first()
    if item is None:
        raise MeetingRuleBroken("Add a 'Minutes of the last meeting' item to this meeting's agenda first.")
    decision = decision_record(
        item=item,
        resolution=f"The minutes of the meeting on {recorded.date:%-d %B %Y} were approved as a correct record.",
        method=Decision.Method.CONSENSUS,
        user=user,
        approves_minutes_of=recorded,
        today=today,
    )
    recorded.minutes_status = Meeting.MinutesStatus.APPROVED
    recorded.minutes_approved_at = at
    if recorded.status in (Meeting.Status.HELD, Meeting.Status.PUBLISHED, Meeting.Status.PLANNED):
        recorded.status = Meeting.Status.MINUTES_APPROVED
    meeting_save(meeting=recorded)
    return decision
