"""Operations across meeting records: scheduling, agendas, papers, attendance, votes, minutes and packs."""

import datetime as dt
import logging

from celery.exceptions import SoftTimeLimitExceeded
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnerships.collation import by_name
from partnerships.concurrency import save_versioned
from partnerships.jobs import email_queue, job_submit
from partnerships.models import Membership, Partnership, Person

from . import voting
from .models import (
    ANNUAL_REVIEW_HOURS,
    REGULAR_HOURS,
    Action,
    AgendaItem,
    Attendance,
    CalendarFeed,
    Decision,
    Declaration,
    Meeting,
    MeetingPack,
    Paper,
    PaperVersion,
    StandingItem,
    Vote,
)
from .paper_text import extract_text
from .papers import check_pdf

logger = logging.getLogger(__name__)


class MeetingRuleBroken(Exception):
    """An operation the meeting's rules refuse, with the reason a person sees."""


# The OSP Terms of Reference, Appendix D: every meeting opens with these and ends with any other business.
DEFAULT_STANDING_ITEMS = [
    ("Apologies", AgendaItem.Kind.APOLOGIES, 5, False),
    ("Declarations of interest", AgendaItem.Kind.DECLARATIONS, 5, False),
    ("Minutes of the last meeting", AgendaItem.Kind.MINUTES, 5, False),
    ("Matters arising", AgendaItem.Kind.MATTERS_ARISING, 10, False),
    ("Any other business", AgendaItem.Kind.ANY_OTHER_BUSINESS, 10, True),
]

MONTHS_BETWEEN = {
    Partnership.Frequency.MONTHLY: 1,
    Partnership.Frequency.BIMONTHLY: 2,
    Partnership.Frequency.QUARTERLY: 3,
    Partnership.Frequency.TWICE_YEARLY: 6,
    Partnership.Frequency.ANNUALLY: 12,
}


# Meetings -----------------------------------------------------------------------------------------


def standing_items(partnership: Partnership) -> list[StandingItem]:
    """The partnership's standing items, starting from the defaults the first time they are needed."""
    items = list(partnership.standing_items.all())
    if not items:
        items = StandingItem.objects.bulk_create(
            StandingItem(
                partnership=partnership, position=index, title=title, kind=kind, duration_minutes=minutes, at_end=end
            )
            for index, (title, kind, minutes, end) in enumerate(DEFAULT_STANDING_ITEMS, start=1)
        )
    return sorted(items, key=lambda s: (s.at_end, s.position))


@transaction.atomic
def standing_item_add(*, item: StandingItem) -> StandingItem:
    standing_items(item.partnership)
    item.position = (item.partnership.standing_items.aggregate(top=Max("position"))["top"] or 0) + 1
    item.full_clean()
    item.save()
    return item


def standing_item_remove(*, item: StandingItem) -> None:
    """Remove an item from the partnership's standing items; meetings already planned keep theirs."""
    item.delete()


@transaction.atomic
def meeting_create(*, meeting: Meeting) -> Meeting:
    """Add a meeting; its agenda starts from the partnership's standing items."""
    meeting.full_clean()
    meeting.save()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting, position=index, title=item.title, kind=item.kind, duration_minutes=item.duration_minutes
        )
        for index, item in enumerate(standing_items(meeting.partnership), start=1)
    )
    return meeting


def meeting_save(*, meeting: Meeting, started_from: int | None = None) -> Meeting:
    meeting.full_clean()
    return save_versioned(meeting, started_from=started_from)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth weekday of a month (nth=5 means the last)."""
    if nth >= 5:
        last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def schedule_dates(partnership: Partnership, first_date: dt.date) -> list[tuple[dt.date, str]]:
    """A year of meetings from the partnership's pattern, on the same weekday of the month as the first.

    the OSP Terms of Reference Appendix D: quarterly meetings plus the annual planning and review meeting in November.
    A regular meeting that falls in the review month becomes the annual review.
    """
    gap = MONTHS_BETWEEN.get(partnership.meeting_frequency)
    if gap is None:
        raise MeetingRuleBroken(
            f"{partnership.name} meets {partnership.get_meeting_frequency_display().lower()}: "
            "add its meetings one at a time."
        )
    weekday = first_date.weekday()
    nth = (first_date.day - 1) // 7 + 1
    last_of_month = first_date + dt.timedelta(days=7)
    if last_of_month.month != first_date.month:
        nth = 5 if nth >= 4 else nth
    dates: list[tuple[dt.date, str]] = [(first_date, Meeting.Kind.REGULAR)]
    for step in range(1, 12 // gap):
        month = first_date + relativedelta(months=gap * step)
        dates.append((_nth_weekday(month.year, month.month, weekday, nth), Meeting.Kind.REGULAR))
    review_month = partnership.annual_review_month
    if review_month:
        in_review_month = [index for index, (day, _kind) in enumerate(dates) if day.month == review_month]
        if in_review_month:
            index = in_review_month[0]
            dates[index] = (dates[index][0], Meeting.Kind.ANNUAL_REVIEW)
        else:
            year = first_date.year if review_month > first_date.month else first_date.year + 1
            dates.append((_nth_weekday(year, review_month, weekday, nth), Meeting.Kind.ANNUAL_REVIEW))
    return sorted(dates)


@transaction.atomic
def meeting_schedule_year(*, partnership: Partnership, first_date: dt.date) -> list[Meeting]:
    """Schedule a year of meetings in one step; dates that already have a meeting are left as they are."""
    taken = set(partnership.meetings.values_list("date", flat=True))
    created = []
    for day, kind in schedule_dates(partnership, first_date):
        if day in taken:
            continue
        hours = ANNUAL_REVIEW_HOURS if kind == Meeting.Kind.ANNUAL_REVIEW else REGULAR_HOURS
        created.append(
            meeting_create(
                meeting=Meeting(partnership=partnership, kind=kind, date=day, start_time=hours[0], end_time=hours[1])
            )
        )
    return created


def meeting_cancel(*, meeting: Meeting, reason: str) -> Meeting:
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED):
        raise MeetingRuleBroken("This meeting has been held, so it cannot be cancelled.")
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_reason = reason
    return meeting_save(meeting=meeting)


def meeting_mark_held(*, meeting: Meeting, today: dt.date | None = None) -> Meeting:
    today = today or dt.date.today()
    if meeting.is_cancelled:
        raise MeetingRuleBroken("A cancelled meeting cannot be marked as held.")
    if meeting.date > today:
        raise MeetingRuleBroken(f"This meeting is on {meeting.date:%-d %B %Y}: it can be marked as held from that day.")
    if meeting.status in (Meeting.Status.PLANNED, Meeting.Status.PUBLISHED):
        meeting.status = Meeting.Status.HELD
        meeting_save(meeting=meeting)
    return meeting


# Agenda -------------------------------------------------------------------------------------------


def _require_open_agenda(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: its agenda cannot be changed.")
    if not meeting.agenda_open:
        raise MeetingRuleBroken("The agenda has been published. Reopen it to change its items or their order.")


def agenda_renumber(meeting: Meeting, ordered_ids: list[int]) -> None:
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
    agenda_renumber(meeting, [*opening, item.pk, *closing])
    item.refresh_from_db()
    return item


def agenda_item_save(*, item: AgendaItem, started_from: int | None = None) -> AgendaItem:
    if item.meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: its agenda cannot be changed.")
    item.full_clean(exclude=["guests"])
    return save_versioned(item, started_from=started_from)


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _require_open_agenda(meeting)
    if item.decisions.exists():
        raise MeetingRuleBroken("This item has a decision recorded under it, so it cannot be removed.")
    item.delete()
    agenda_renumber(meeting, list(meeting.items.order_by("position").values_list("pk", flat=True)))


@transaction.atomic
def agenda_reorder(*, meeting: Meeting, ordered_ids: list[int]) -> None:
    """Put the items in the order given; every item of the meeting must be named once."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open_agenda(meeting)
    current = set(meeting.items.values_list("pk", flat=True))
    if set(ordered_ids) != current or len(ordered_ids) != len(current):
        raise MeetingRuleBroken("The agenda changed while you were reordering it. Check the order and try again.")
    agenda_renumber(meeting, ordered_ids)


def agenda_move(*, item: AgendaItem, direction: str) -> None:
    """Move an item one place up or down: the keyboard's way of reordering."""
    ordered = list(item.meeting.items.order_by("position").values_list("pk", flat=True))
    index = ordered.index(item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    agenda_reorder(meeting=item.meeting, ordered_ids=ordered)


def _member_emails(meeting: Meeting) -> list[str]:
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


def _notify_members(meeting: Meeting, template: str, subject: str, occasion: str) -> int:
    """Record one email per member in the outbox; a job sends each once, after the change is committed.

    The occasion (the agenda's publication time, say) is part of each email's key, so pressing a button
    twice, or a request retried after an outage, never sends a member the same message twice.
    """
    recipients = _member_emails(meeting)
    if not recipients:
        return 0
    url = settings.SITE_URL.rstrip("/") + reverse("meetings:meeting_detail", args=[meeting.pk])
    body = render_to_string(template, {"meeting": meeting, "url": url})
    # One message per member, so no one sees the others' addresses.
    for email in recipients:
        email_queue(key=f"meeting:{meeting.pk}:{occasion}:{email}", to=email, subject=subject, body=body)
    return len(recipients)


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
    sent = _notify_members(
        meeting, "meetings/email/agenda_published.txt", subject, f"agenda:{meeting.agenda_published_at.isoformat()}"
    )
    for variant in MeetingPack.Variant.values:
        pack_request(meeting=meeting, variant=variant, user=user)
    return sent


def agenda_reopen(*, meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting is cancelled: its agenda cannot be changed.")
    meeting.agenda_open = True
    meeting_save(meeting=meeting)


# Papers -------------------------------------------------------------------------------------------


def _store_version(paper: Paper, upload, user) -> PaperVersion:
    """Store the cleaned copy of the upload, never the file as sent; `notes` says what cleaning changed."""
    checked = check_pdf(upload, title=paper.title)
    number = (paper.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = PaperVersion(
        paper=paper,
        number=number,
        original_name=upload.name[-255:],
        size=checked.size,
        page_count=checked.page_count,
        sha256=checked.sha256,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        text=extract_text(upload),
    )
    version.file.save(upload.name, ContentFile(checked.data), save=False)
    version.save()
    version.notes = checked.notes
    paper.current = version
    paper.save(update_fields=["current"])
    return version


@transaction.atomic
def paper_add(*, item: AgendaItem, title: str, is_confidential: bool, upload, user=None) -> Paper:
    """Attach a checked PDF to an item. Raises ValidationError naming what is wrong with the file."""
    check_pdf(upload, title=title)
    position = (item.papers.aggregate(top=Max("position"))["top"] or 0) + 1
    paper = Paper.objects.create(item=item, title=title, is_confidential=is_confidential, position=position)
    _store_version(paper, upload, user)
    return paper


@transaction.atomic
def paper_replace(*, paper: Paper, upload, user=None) -> PaperVersion:
    """A new version of a paper; the earlier ones are kept."""
    return _store_version(paper, upload, user)


# Attendance and interests -------------------------------------------------------------------------


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


# Decisions ----------------------------------------------------------------------------------------


def present_at(meeting: Meeting, item: AgendaItem | None = None) -> list[voting.Present]:
    """Who is in the room, and in what capacity, from the attendance and the item's guests."""
    present = []
    records = Attendance.objects.filter(
        meeting=meeting, status__in=[Attendance.Status.PRESENT, Attendance.Status.REPRESENTED]
    ).select_related("membership__person", "alternate__person")
    for record in records:
        seat = record.membership
        if record.status == Attendance.Status.PRESENT:
            if seat.role == Membership.Role.OBSERVER:
                capacity = voting.Capacity.OBSERVER
            elif not seat.is_voting:
                capacity = voting.Capacity.NON_VOTING_MEMBER
            elif seat.role == Membership.Role.CHAIR:
                capacity = voting.Capacity.CHAIR
            else:
                capacity = voting.Capacity.MEMBER
            present.append(voting.Present(seat.person_id, str(seat.person), capacity))
        else:
            present.append(
                voting.Present(
                    record.alternate.person_id,
                    str(record.alternate.person),
                    voting.Capacity.ALTERNATE,
                    stands_in_for=seat.person_id,
                    lead_votes=seat.is_voting,
                    stands_in_for_name=str(seat.person),
                )
            )
    if item is not None:
        in_room = {p.key for p in present}
        for guest in item.guests.all():
            if guest.pk not in in_room:
                present.append(voting.Present(guest.pk, str(guest), voting.Capacity.GUEST))
    return present


def rule_for(partnership: Partnership) -> voting.VotingRule:
    return voting.VotingRule(
        rule=voting.Rule(partnership.voting_rule),
        required_voter=partnership.required_voter_id,
        required_voter_name=str(partnership.required_voter) if partnership.required_voter_id else "",
        chair_has_casting_vote=partnership.chair_has_casting_vote,
        quorum=partnership.quorum,
    )


def _require_decisions_allowed(meeting: Meeting, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    if meeting.is_cancelled:
        raise MeetingRuleBroken("This meeting was cancelled: no decisions can be recorded.")
    if meeting.date > today:
        raise MeetingRuleBroken("Decisions are recorded on or after the day of the meeting.")
    if meeting.minutes_are_approved:
        raise MeetingRuleBroken("The minutes of this meeting are approved: its record is closed.")


@transaction.atomic
def decision_record(
    *,
    item: AgendaItem,
    resolution: str,
    method: str,
    votes: dict[int, voting.Choice] | voting.Tally | None = None,
    casting_vote: voting.Choice | None = None,
    user=None,
    approves_minutes_of: Meeting | None = None,
    today: dt.date | None = None,
) -> Decision:
    """Record a decision; a vote is decided by the partnership's rule, or refused with the reason."""
    meeting = item.meeting
    _require_decisions_allowed(meeting, today)
    decision = Decision(
        item=item,
        resolution=resolution,
        method=method,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
        approves_minutes_of=approves_minutes_of,
    )
    if method == Decision.Method.CONSENSUS:
        decision.outcome = Decision.Outcome.AGREED
        decision.full_clean()
        decision.save()
        return decision
    if votes is None:
        raise MeetingRuleBroken("Record the votes cast, by count or by name.")
    result = voting.decide(rule_for(meeting.partnership), present_at(meeting, item), votes, casting_vote=casting_vote)
    if isinstance(result, voting.Refusal):
        raise MeetingRuleBroken(result.reason)
    decision.outcome = Decision.Outcome.CARRIED if result.carried else Decision.Outcome.LOST
    decision.votes_for, decision.votes_against, decision.abstentions = (
        result.votes_for,
        result.votes_against,
        result.abstentions,
    )
    decision.casting_vote_used = result.casting_vote_used
    decision.explanation = result.explanation[:300]
    decision.recorded_by_name = not isinstance(votes, voting.Tally)
    decision.full_clean()
    decision.save()
    if decision.recorded_by_name:
        Vote.objects.bulk_create(
            Vote(
                decision=decision,
                person_id=voter,
                choice=choice,
                on_behalf_of_id=result.seats[voter] if result.seats[voter] != voter else None,
            )
            for voter, choice in votes.items()
        )
    if result.casting_vote_used:
        chair = next(p for p in present_at(meeting) if p.capacity == voting.Capacity.CHAIR)
        Vote.objects.create(decision=decision, person_id=chair.key, choice=casting_vote, is_casting_vote=True)
    return decision


# Actions and minutes ------------------------------------------------------------------------------


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
    return _notify_members(
        meeting,
        "meetings/email/minutes_circulated.txt",
        subject,
        f"minutes:{meeting.minutes_circulated_at.isoformat()}",
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


# Meeting packs ------------------------------------------------------------------------------------


def pack_current(*, meeting: Meeting, variant: str, content_hash: str | None = None) -> MeetingPack | None:
    """The stored pack for the meeting's content as it is now, if one has been built."""
    from .pack import pack_contents

    content_hash = content_hash or pack_contents(meeting, variant).content_hash
    return (
        MeetingPack.objects.filter(
            meeting=meeting, variant=variant, content_hash=content_hash, status=MeetingPack.Status.DONE
        )
        .exclude(file="")
        .order_by("-finished_at")
        .first()
    )


def pack_request(*, meeting: Meeting, variant: str, user=None) -> MeetingPack:
    """The pack for the meeting as it is now: the stored one if nothing changed, else a queued build.

    One build of a pack is in flight at a time (a partial unique constraint): a second request finds it,
    and that build lays out the meeting as it is when it starts.
    """
    from .pack import pack_contents

    content_hash = pack_contents(meeting, variant).content_hash
    existing = pack_current(meeting=meeting, variant=variant, content_hash=content_hash)
    if existing:
        return existing
    pack, _created = job_submit(
        MeetingPack,
        find=Q(meeting=meeting, variant=variant),
        meeting=meeting,
        variant=variant,
        content_hash=content_hash,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return pack


def pack_build(*, pack_pk: int) -> MeetingPack:
    """Build one pack; idempotent, so a retried task finds the finished pack and stops."""
    from .pack import PackError, build_pack, pack_contents

    pack = MeetingPack.objects.select_related("meeting__partnership", "meeting__host").get(pk=pack_pk)
    if pack.status == MeetingPack.Status.DONE:
        return pack
    contents = pack_contents(pack.meeting, pack.variant)
    if contents.content_hash != pack.content_hash:
        # The meeting changed after this was asked for: build what is there now, under its own hash.
        pack.mark(content_hash=contents.content_hash)
    last = (
        MeetingPack.objects.filter(meeting=pack.meeting, variant=pack.variant, front_pages__isnull=False)
        .order_by("-finished_at")
        .values_list("front_pages", flat=True)
        .first()
    )
    try:
        data, front, pages, front_pages = build_pack(
            contents, progress=lambda percent, step: pack.mark(progress=percent, step=step), front_pages_guess=last
        )
    except PackError as error:
        pack.mark(failed_paper=error.paper)
        pack.fail(str(error))
        return pack
    except (OperationalError, ConnectionError, SoftTimeLimitExceeded):
        # Transient: the task retries and this attempt's state is overwritten when it starts again.
        raise
    except Exception:
        logger.exception("Meeting pack %s failed", pack.pk)
        pack.fail("The pack could not be built because of an error in the service. Try again in a few minutes.")
        return pack
    slug = pack.meeting.partnership.short_name or pack.meeting.partnership.slug
    name = f"{slug}-{pack.meeting.date:%Y-%m-%d}".lower().replace(" ", "-")
    # Under the job's own names, replacing what an attempt cut short left: a re-run never adds a file.
    pack.finish(
        file=pack.store_file("file", f"{name}-pack.pdf", data),
        agenda_file=pack.store_file("agenda_file", f"{name}-agenda.pdf", front),
        page_count=pages,
        front_pages=front_pages,
        size=len(data),
    )
    return pack


# Calendar feeds -----------------------------------------------------------------------------------


def calendar_feed_reset(*, user) -> CalendarFeed:
    """Give the person a new private address; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": CalendarFeed.new_token(), "created_at": timezone.now()}
    )
    return feed


def calendar_feed_revoke(*, user) -> None:
    CalendarFeed.objects.filter(user=user).delete()
