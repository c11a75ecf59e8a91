"""Operations on challenges and task-and-finish groups, their warnings and their reminders."""

import datetime as dt
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import prefetch_related_objects

from partnerships.concurrency import save_versioned
from partnerships.models import Membership, Organisation, Partnership, Person
from partnerships.services import GovernanceWarning

from .models import Challenge, ChallengeStageChange, GroupReport, Milestone, Reminder, TaskGroup, TaskGroupMember

# How far ahead a report that falls due shows as a warning, and how early the lead is emailed.
REPORT_WARNING_DAYS = 14
REMINDER_DAYS_BEFORE = 14


def _date(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"


# Challenges -----------------------------------------------------------------------------------------------------------


def challenge_raise(*, challenge: Challenge, user=None) -> Challenge:
    """Add a challenge to the programme; its first stage is recorded on the day it was raised."""
    challenge.full_clean()
    with transaction.atomic():
        challenge.stage_changed_on = challenge.raised_on
        challenge.save()
        ChallengeStageChange.objects.create(
            challenge=challenge,
            stage=challenge.stage,
            changed_on=challenge.raised_on,
            note="Raised" + (f" by {challenge.raised_by_label}" if challenge.raised_by_label else ""),
            recorded_by=user,
        )
    return challenge


def challenge_save(*, challenge: Challenge, started_from: int | None = None) -> Challenge:
    challenge.full_clean()
    return save_versioned(challenge, started_from=started_from)


def challenge_move(
    *, challenge: Challenge, stage: str, on: dt.date, note: str = "", user=None, started_from: int | None = None
) -> ChallengeStageChange:
    """Move a challenge to another stage of the cycle; the change is dated and kept."""
    errors = {}
    if stage == challenge.stage:
        errors["stage"] = f"The challenge is already at “{challenge.get_stage_display()}”. Choose another stage."
    if on > dt.date.today():
        errors["changed_on"] = "The date of the change cannot be in the future."
    elif on < challenge.stage_changed_on:
        errors["changed_on"] = (
            f"The challenge moved to its current stage on {_date(challenge.stage_changed_on)}: "
            "the date of the change must be on or after that."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        challenge.stage = stage
        challenge.stage_changed_on = on
        save_versioned(challenge, started_from=started_from)
        return ChallengeStageChange.objects.create(
            challenge=challenge, stage=stage, changed_on=on, note=note, recorded_by=user
        )


# Task-and-finish groups -----------------------------------------------------------------------------------------------


def group_save(*, group: TaskGroup, started_from: int | None = None) -> TaskGroup:
    group.full_clean()
    return save_versioned(group, started_from=started_from)


def group_agree_definition(*, group: TaskGroup, on: dt.date, started_from: int | None = None) -> TaskGroup:
    """The problem is defined: the group may now start work (the OSP Terms of Reference Appendix C, 'Modus operandi')."""
    group.definition_status = TaskGroup.Definition.AGREED
    group.definition_agreed_on = on
    if group.status == TaskGroup.Status.PROPOSED:
        group.status = TaskGroup.Status.DEFINING
    return group_save(group=group, started_from=started_from)


def group_set_status(*, group: TaskGroup, status: str, started_from: int | None = None) -> TaskGroup:
    if status == TaskGroup.Status.CLOSED:
        raise ValidationError({"status": "Close the group by reviewing its outcomes against the objectives."})
    before = group.status
    group.status = status
    try:
        return group_save(group=group, started_from=started_from)
    except ValidationError:
        group.status = before
        raise


@transaction.atomic
def group_close(
    *,
    group: TaskGroup,
    outcomes: str,
    evidence: str,
    reviewed_on: dt.date,
    closed_on: dt.date,
    follow_ons: list[dict] | None = None,
    user=None,
    started_from: int | None = None,
) -> list[Challenge]:
    """Close a group with its outcomes reviewed, and raise any new challenges it identified (the OSP Terms of Reference Appendix C)."""
    group.outcomes = outcomes
    group.evidence = evidence
    group.outcomes_reviewed_on = reviewed_on
    group.closed_on = closed_on
    group.status = TaskGroup.Status.CLOSED
    group_save(group=group, started_from=started_from)
    challenge = group.challenge
    review = Challenge.Stage.values.index(Challenge.Stage.REVIEW)
    if Challenge.Stage.values.index(challenge.stage) < review and reviewed_on >= challenge.stage_changed_on:
        challenge_move(
            challenge=challenge,
            stage=Challenge.Stage.REVIEW,
            on=min(reviewed_on, dt.date.today()),
            note=f"Outcomes reviewed by the task-and-finish group “{group.name}”.",
            user=user,
        )
    raised = []
    for follow_on in follow_ons or []:
        raised.append(
            challenge_raise(
                challenge=Challenge(
                    partnership=group.partnership,
                    title=follow_on["title"],
                    description=follow_on["description"],
                    priority=follow_on.get("priority"),
                    raised_on=min(closed_on, dt.date.today()),
                    follows_from=challenge,
                    raised_by_group=group,
                    raised_by=group.lead_person,
                    raised_by_organisation=group.lead_organisation,
                ),
                user=user,
            )
        )
    return raised


def person_add_to_register(
    *,
    first_name: str,
    last_name: str,
    honorific: str = "",
    job_title: str = "",
    email: str = "",
    organisation: Organisation | None = None,
    new_organisation_name: str = "",
    new_organisation_sector: str = "",
) -> Person:
    """Someone from outside the partnership, added to the register on the spot."""
    if new_organisation_name and not organisation:
        organisation = Organisation.objects.filter(name__iexact=new_organisation_name).first()
        if organisation is None:
            organisation = Organisation(name=new_organisation_name, sector=new_organisation_sector)
            organisation.full_clean(exclude=["slug"])
            organisation.save()
    person = Person(
        honorific=honorific,
        first_name=first_name,
        last_name=last_name,
        job_title=job_title,
        email=email,
        organisation=organisation,
    )
    person.full_clean()
    person.save()
    return person


def member_add(*, member: TaskGroupMember) -> TaskGroupMember:
    if TaskGroupMember.objects.filter(group_id=member.group_id, person_id=member.person_id).exists():
        raise ValidationError({"role": f"{member.person} is already a member of this group."})
    if not member.organisation_id and member.person.organisation_id:
        member.organisation_id = member.person.organisation_id
    member.full_clean()
    member.save()
    return member


def member_leave(*, member: TaskGroupMember, on: dt.date | None = None) -> TaskGroupMember:
    """Record that someone has left; their place stays in the group's record. Leaving twice changes nothing."""
    if member.left_on is None:
        member.left_on = max(on or dt.date.today(), member.joined_on)
        member.save(update_fields=["left_on"])
    return member


def milestone_save(*, milestone: Milestone, started_from: int | None = None) -> Milestone:
    milestone.full_clean()
    return save_versioned(milestone, started_from=started_from)


def milestone_done(*, milestone: Milestone, on: dt.date | None = None) -> Milestone:
    milestone.status = Milestone.Status.DONE
    milestone.completed_on = on or dt.date.today()
    return milestone_save(milestone=milestone)


def report_add(*, report: GroupReport) -> GroupReport:
    report.full_clean()
    report.save()
    return report


def outside_member_ids(*, group: TaskGroup, person_ids, on: dt.date | None = None) -> set[int]:
    """Which of these people hold no current seat on the partnership that established the group."""
    seated = set(
        Membership.objects.current(on)
        .filter(partnership_id=group.partnership_id, person_id__in=list(person_ids))
        .values_list("person_id", flat=True)
    )
    return set(person_ids) - seated


# When a group reported ------------------------------------------------------------------------------------------------


def reports_with_presentations(reports) -> list[GroupReport]:
    """Reports with `.presented_at`: the agenda items that took each to a meeting."""
    reports = list(reports)
    prefetch_related_objects(reports, "agenda_items")
    for report in reports:
        report.presented_at = list(report.agenda_items.all())
    return reports


def partnership_reporting_record(*, partnership: Partnership, limit: int = 50) -> list[GroupReport]:
    """Every time the partnership's groups reported to it, newest first."""
    reports = GroupReport.objects.filter(group__partnership=partnership).select_related("group")[:limit]
    return reports_with_presentations(reports)


# Warnings -------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupWarning(GovernanceWarning):
    group: TaskGroup | None = None
    due_on: dt.date | None = None


def task_group_warnings(*, groups, today: dt.date | None = None) -> list[GroupWarning]:
    """Open groups past their end date, milestones overdue, reports due and link members without a seat.

    Three queries whatever the number of groups.
    """
    today = today or dt.date.today()
    open_groups = list(
        groups.open().select_related("partnership", "link_member").with_last_report().order_by("end_date", "pk")
    )
    if not open_groups:
        return []
    by_id = {group.pk: group for group in open_groups}
    warnings: list[GroupWarning] = []
    for group in open_groups:
        if group.end_date < today:
            warnings.append(
                GroupWarning(
                    "group_end",
                    f"The task-and-finish group “{group.name}” passed its required end date of "
                    f"{_date(group.end_date)} and has not closed.",
                    group,
                    group.end_date,
                )
            )
        due = group.next_report_due()
        if due and due <= today + dt.timedelta(days=REPORT_WARNING_DAYS):
            message = (
                f"“{group.name}” was due to report to the steering group on {_date(due)}."
                if due < today
                else f"“{group.name}” is due to report to the steering group by {_date(due)}."
            )
            warnings.append(GroupWarning("group_report", message, group, due))
    overdue = (
        Milestone.objects.filter(group_id__in=by_id, due_on__lt=today)
        .exclude(status__in=Milestone.FINISHED)
        .only("pk", "title", "due_on", "group_id")
        .order_by("due_on", "pk")
    )
    for milestone in overdue:
        group = by_id[milestone.group_id]
        warnings.append(
            GroupWarning(
                "milestone",
                f"The milestone “{milestone.title}” of “{group.name}” was due on {_date(milestone.due_on)} "
                "and is not done.",
                group,
                milestone.due_on,
            )
        )
    linked = [group for group in open_groups if group.link_member_id]
    if linked:
        seated = set(
            Membership.objects.current(today)
            .seats()
            .filter(
                partnership_id__in={g.partnership_id for g in linked},
                person_id__in={g.link_member_id for g in linked},
            )
            .values_list("partnership_id", "person_id")
        )
        for group in linked:
            if (group.partnership_id, group.link_member_id) not in seated:
                warnings.append(
                    GroupWarning(
                        "link_member",
                        f"{group.link_member}, the link member of “{group.name}”, no longer holds a seat on the "
                        "steering group. Choose a current member to keep the group connected.",
                        group,
                        None,
                    )
                )
    warnings.sort(key=lambda w: (w.due_on or today, w.kind))
    return warnings


def partnership_task_group_warnings(*, partnership: Partnership, today: dt.date | None = None) -> list:
    """Warnings about a partnership's own task-and-finish groups, for its page."""
    return task_group_warnings(groups=TaskGroup.objects.filter(partnership=partnership), today=today)


# Reminders ------------------------------------------------------------------------------------------------------------


def reminders_requeue(*, pks: list[int]) -> None:
    """A reminder that failed yesterday (no address, the email server away) is queued to be tried again today."""
    Reminder.objects.filter(pk__in=pks, status=Reminder.Status.FAILED).update(
        status=Reminder.Status.QUEUED, dispatched_at=None
    )


def reminders_due(*, today: dt.date | None = None) -> list[int]:
    """Record a reminder for everything falling due soon; returns those still to send.

    A reminder is keyed on what falls due and its date, so however often this runs each goes once.
    """
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=REMINDER_DAYS_BEFORE)
    groups = list(TaskGroup.objects.open().select_related("lead_person").with_last_report())
    wanted: list[dict] = []
    for group in groups:
        if today <= group.end_date <= horizon:
            wanted.append({"group": group, "kind": Reminder.Kind.END, "due_on": group.end_date, "milestone": None})
        due = group.next_report_due()
        if due and today <= due <= horizon:
            wanted.append({"group": group, "kind": Reminder.Kind.REPORT, "due_on": due, "milestone": None})
    by_id = {group.pk: group for group in groups}
    milestones = Milestone.objects.filter(group_id__in=by_id, due_on__range=(today, horizon)).exclude(
        status__in=Milestone.FINISHED
    )
    for milestone in milestones:
        group = by_id[milestone.group_id]
        wanted.append(
            {"group": group, "kind": Reminder.Kind.MILESTONE, "due_on": milestone.due_on, "milestone": milestone}
        )
    to_send = []
    for key in wanted:
        lead = key["group"].lead_person
        reminder, _created = Reminder.objects.get_or_create(
            **key, defaults={"recipient": (lead.email if lead else "") or ""}
        )
        if reminder.status in (Reminder.Status.QUEUED, Reminder.Status.FAILED):
            to_send.append(reminder.pk)
    return to_send


def _reminder_text(reminder: Reminder) -> tuple[str, str]:
    group = reminder.group
    when = _date(reminder.due_on)
    if reminder.kind == Reminder.Kind.MILESTONE:
        what = f"the milestone “{reminder.milestone.title}”"
    elif reminder.kind == Reminder.Kind.REPORT:
        what = "the group's report to the steering group"
    else:
        what = "the group's required end date"
    subject = f"Reminder: {what} for {group.name} falls due on {when}"
    lead = group.lead_person
    body = "\n\n".join(
        [
            f"Dear {lead.display_name if lead else 'colleague'},",
            f"This is a reminder that {what} for the task-and-finish group “{group.name}” of "
            f"{group.partnership.name} falls due on {when}.",
            f"See the group's milestones and reports: {settings.SITE_URL}{group.get_absolute_url()}",
            "You receive this because you lead the group. You will get one reminder for each date.",
        ]
    )
    return subject, body


def reminder_send(*, reminder_pk: int) -> Reminder:
    """Email one reminder to the group's lead, unless it has already gone."""
    try:
        with transaction.atomic():
            # The lock makes a second worker wait, then find the reminder sent.
            reminder = (
                # of=("self",): PostgreSQL cannot lock the nullable side of the joins it reads alongside.
                Reminder.objects.select_for_update(of=("self",))
                .select_related("group__partnership", "group__lead_person", "milestone")
                .get(pk=reminder_pk)
            )
            if reminder.status == Reminder.Status.DONE:
                return reminder
            reminder.start()
            lead = reminder.group.lead_person
            if lead is None or not lead.email:
                who = lead.display_name if lead else "The group"
                reminder.fail(
                    f"{who} has no email address in the register, so nobody could be reminded. "
                    "Add the lead's email address to their record; the reminder is tried again the next morning."
                )
                return reminder
            subject, body = _reminder_text(reminder)
            send_mail(subject, body, None, [lead.email])
            reminder.finish(recipient=lead.email)
            return reminder
    except (smtplib.SMTPException, OSError) as error:
        Reminder.objects.filter(pk=reminder_pk).exclude(status=Reminder.Status.DONE).update(
            status=Reminder.Status.FAILED,
            error=f"The email server did not accept the reminder ({error}). It will be tried again.",
            attempts=models.F("attempts") + 1,
        )
        raise
