"""Who is expected at a meeting, who came, apologies and declarations of interest."""

import datetime as dt

from partnerships.collation import by_name
from partnerships.models import Membership, Person

from ..models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
)
from .errors import MeetingRuleBroken


def meeting_seats(meeting: Meeting) -> list[Membership]:
    """The seats at the table on the meeting's date: chair, deputy, members and observers."""
    return list(
        Membership.objects.current(meeting.date)
        .seats()
        .filter(partnership_id=meeting.partnership_id)
        .select_related("person", "organisation")
        .order_by(*by_name("person__"))
    )


def alternates_by_lead(meeting: Meeting) -> dict[int, list[Membership]]:
    found: dict[int, list[Membership]] = {}
    alternates = (
        Membership.objects.current(meeting.date)
        .filter(partnership_id=meeting.partnership_id, role=Membership.Role.ALTERNATE)
        .select_related("person")
    )
    for alternate in alternates:
        found.setdefault(alternate.alternate_for_id, []).append(alternate)
    return found


def attendance_mark(
    *, meeting: Meeting, membership: Membership, status: str, alternate: Membership | None = None
) -> Attendance:
    if membership.partnership_id != meeting.partnership_id:
        raise MeetingRuleBroken("That person does not sit on this partnership.")
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: attendance is not recorded.")
    attendance = Attendance.objects.filter(meeting=meeting, membership=membership).first() or Attendance(
        meeting=meeting, membership=membership
    )
    attendance.status = status
    attendance.alternate = alternate if status == Attendance.Status.REPRESENTED else None
    if status != Attendance.Status.APOLOGIES:
        attendance.sent_by_member = False
    attendance.full_clean(exclude=["meeting", "membership"])
    attendance.save()
    return attendance


def apologies_send(*, meeting: Meeting, person: Person, today: dt.date | None = None) -> list[Attendance]:
    """A member sends their own apologies for a meeting still to come."""
    today = today or dt.date.today()
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: there is nothing to send apologies for.")
    if meeting.date < today:
        raise MeetingRuleBroken("This meeting has already taken place.")
    seats = [seat for seat in meeting_seats(meeting) if seat.person_id == person.pk]
    if not seats:
        raise MeetingRuleBroken("You do not hold a seat at this meeting.")
    recorded = []
    for seat in seats:
        attendance = attendance_mark(meeting=meeting, membership=seat, status=Attendance.Status.APOLOGIES)
        attendance.sent_by_member = True
        attendance.save(update_fields=["sent_by_member", "recorded_at"])
        recorded.append(attendance)
    return recorded


def apologies_withdraw(*, meeting: Meeting, person: Person) -> None:
    Attendance.objects.filter(
        meeting=meeting, membership__person=person, status=Attendance.Status.APOLOGIES, sent_by_member=True
    ).delete()


def declaration_add(*, item: AgendaItem, person: Person, nature: str, left_the_room: bool, user=None) -> Declaration:
    if Declaration.objects.filter(item=item, person=person).exists():
        raise MeetingRuleBroken(f"{person} has already declared an interest in this item.")
    declaration = Declaration(
        item=item,
        person=person,
        nature=nature,
        left_the_room=left_the_room,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    declaration.full_clean()
    declaration.save()
    return declaration
