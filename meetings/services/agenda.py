"""Building, ordering and publishing a meeting's agenda."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from partnerships.concurrency import save_versioned

from ..item_links import item_links
from ..models import (
    AgendaItem,
    Meeting,
    MeetingPack,
)
from .errors import MeetingRuleBroken
from .meetings import meeting_save
from .notices import members_notify
from .packs import pack_request, pack_schedule_on_commit


def _require_open_agenda(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: its agenda cannot be changed.")
    if not meeting.agenda_open:
        raise MeetingRuleBroken("The agenda has been published. Reopen it to change its items or their order.")


def agenda_renumber(*, meeting: Meeting, ordered_ids: list[int]) -> None:
    # Two passes, so the unique (meeting, position) constraint never sees two items in one place.
    items = AgendaItem.objects.filter(meeting=meeting)
    offset = (items.aggregate(top=Max("position"))["top"] or 0) + len(ordered_ids) + 1
    items.update(position=F("position") + offset)
    for position, pk in enumerate(ordered_ids, start=1):
        AgendaItem.objects.filter(pk=pk, meeting=meeting).update(position=position)


@transaction.atomic
def agenda_item_add(*, item: AgendaItem) -> AgendaItem:
    """Add an item before the standing items that close the meeting (any other business)."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _require_open_agenda(meeting)
    ordered = list(meeting.items.order_by("position").values_list("pk", "kind"))
    closing = [pk for pk, kind in ordered if kind == AgendaItem.Kind.ANY_OTHER_BUSINESS]
    opening = [pk for pk, kind in ordered if kind != AgendaItem.Kind.ANY_OTHER_BUSINESS]
    item.position = (meeting.items.aggregate(top=Max("position"))["top"] or 0) + len(ordered) + 10
    item.full_clean(exclude=["guests"])
    item.save()
    agenda_renumber(meeting=meeting, ordered_ids=[*opening, item.pk, *closing])
    pack_schedule_on_commit(meeting_id=meeting.pk)
    item.refresh_from_db()
    return item


def agenda_item_save(*, item: AgendaItem, started_from: int | None = None) -> AgendaItem:
    if item.meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: its agenda cannot be changed.")
    item.full_clean(exclude=["guests"])
    saved = save_versioned(item, started_from=started_from)
    pack_schedule_on_commit(meeting_id=item.meeting_id)
    return saved


def agenda_item_links_save(*, item: AgendaItem, taken: dict) -> None:
    """Record the theme or group report the item takes, by link name; None clears it, a name left out is kept."""
    for link in item_links():
        if link.name not in taken:
            continue
        if taken[link.name] is None:
            link.model.objects.filter(item=item).delete()
            continue
        record = link.model.objects.filter(item=item).first() or link.model(item=item)
        record.report = taken[link.name]
        try:
            record.full_clean()
        except ValidationError as error:
            raise ValidationError({link.name: error.messages}) from error
        record.save()


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _require_open_agenda(meeting)
    if item.decisions.exists():
        raise MeetingRuleBroken("This item has a decision recorded under it, so it cannot be removed.")
    item.delete()
    agenda_renumber(meeting=meeting, ordered_ids=list(meeting.items.order_by("position").values_list("pk", flat=True)))
    pack_schedule_on_commit(meeting_id=meeting.pk)


@transaction.atomic
def agenda_reorder(*, meeting: Meeting, ordered_ids: list[int]) -> None:
    """Put the items in the order given; every item of the meeting must be named once."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open_agenda(meeting)
    current = set(meeting.items.values_list("pk", flat=True))
    if set(ordered_ids) != current or len(ordered_ids) != len(current):
        raise MeetingRuleBroken("The agenda changed while you were reordering it. Check the order and try again.")
    agenda_renumber(meeting=meeting, ordered_ids=ordered_ids)
    pack_schedule_on_commit(meeting_id=meeting.pk)


def agenda_move(*, item: AgendaItem, direction: str) -> None:
    """Move an item one place up or down: the keyboard's way of reordering."""
    ordered = list(item.meeting.items.order_by("position").values_list("pk", flat=True))
    index = ordered.index(item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    agenda_reorder(meeting=item.meeting, ordered_ids=ordered)


@transaction.atomic
def agenda_publish(*, meeting: Meeting, user=None) -> int:
    """Publish (or republish) the agenda: members are told by email and the order is frozen."""
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: its agenda cannot be published.")
    if not meeting.items.exists():
        raise MeetingRuleBroken("Add at least one item before publishing the agenda.")
    republished = meeting.agenda_published_at is not None
    meeting.agenda_published_at = timezone.now()
    meeting.agenda_open = False
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.PUBLISHED
    meeting_save(meeting=meeting)
    subject = (
        f"{'Revised agenda' if republished else 'Agenda'}: {meeting.partnership.name}, "
        f"{meeting.name} on {meeting.date:%-d %B %Y}"
    )
    sent = members_notify(
        meeting=meeting,
        template="meetings/email/agenda_published.txt",
        subject=subject,
        occasion=f"agenda:{meeting.agenda_published_at.isoformat()}",
    )
    for variant in MeetingPack.Variant.values:
        pack_request(meeting=meeting, variant=variant, user=user)
    return sent


def agenda_reopen(*, meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: its agenda cannot be changed.")
    meeting.agenda_open = True
    meeting_save(meeting=meeting)
