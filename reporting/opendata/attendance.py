"""Each member's attendance over a council year: the figures councils are most often asked to prove.

A seat is expected at every meeting of its partnership held while it was held; cancelled meetings and
meetings not yet held count for no one. An alternate who attends in a lead's place is counted apart, on
the alternate's own record, and the lead's record shows the seat as represented.
"""

from dataclasses import dataclass

from meetings.models import Attendance, Meeting
from partnerships.access import Access
from partnerships.models import Membership, Partnership, Person, financial_year_bounds

from .. import scope

HELD = (Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED)


@dataclass
class AttendanceRecord:
    person: Person
    expected: int = 0
    attended: int = 0
    apologies: int = 0
    represented: int = 0
    absent: int = 0
    not_recorded: int = 0
    as_substitute: int = 0

    @property
    def adds_up(self) -> bool:
        counted = self.attended + self.apologies + self.represented + self.absent + self.not_recorded
        return counted == self.expected


# When one person's two seats are marked differently, the one that says they took part counts.
PRECEDENCE = [
    Attendance.Status.PRESENT,
    Attendance.Status.REPRESENTED,
    Attendance.Status.APOLOGIES,
    Attendance.Status.ABSENT,
]
TALLY = {
    Attendance.Status.PRESENT: "attended",
    Attendance.Status.APOLOGIES: "apologies",
    Attendance.Status.REPRESENTED: "represented",
    Attendance.Status.ABSENT: "absent",
}


def attendance_records(*, access: Access, partnership: Partnership, year: int) -> list[AttendanceRecord]:
    """The year's record of every person with a seat or who stood in, over the meetings the caller may read."""
    start, end = financial_year_bounds(year)
    meetings = list(
        Meeting.objects.filter(partnership=partnership, date__range=(start, end), status__in=HELD)
        .filter(scope.record_shown(access, None))
        .order_by("date", "start_time")
    )
    if not meetings:
        return []
    seats = list(
        Membership.objects.filter(partnership=partnership)
        .seats()
        .exclude(start_date__gt=end)
        .exclude(end_date__lt=start)
        .select_related("person")
    )
    marks = {
        (row.meeting_id, row.membership_id): row
        for row in Attendance.objects.filter(meeting__in=meetings).select_related("alternate__person")
    }
    records: dict[int, AttendanceRecord] = {}

    def record_of(person) -> AttendanceRecord:
        return records.setdefault(person.pk, AttendanceRecord(person=person))

    for meeting in meetings:
        # A person holding two seats at once (a member who is also chair for a while) is expected once.
        held_by: dict[int, list] = {}
        for seat in seats:
            if seat.is_current(meeting.date):
                held_by.setdefault(seat.person_id, []).append(seat)
        for person_seats in held_by.values():
            record = record_of(person_seats[0].person)
            record.expected += 1
            found = [marks[(meeting.pk, seat.pk)] for seat in person_seats if (meeting.pk, seat.pk) in marks]
            mark = min(found, key=lambda row: PRECEDENCE.index(row.status)) if found else None
            tally = TALLY[mark.status] if mark else "not_recorded"
            setattr(record, tally, getattr(record, tally) + 1)
            if mark and mark.status == Attendance.Status.REPRESENTED:
                record_of(mark.alternate.person).as_substitute += 1
    return sorted(records.values(), key=lambda r: (r.person.last_name, r.person.first_name, r.person.pk))
