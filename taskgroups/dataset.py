"""Challenges, task-and-finish groups, milestones and reports that grow with the dataset's scale."""

import datetime as dt

from .models import Challenge, ChallengeStageChange, GroupReport, Milestone, TaskGroup, TaskGroupMember

STAGES = Challenge.Stage.values
STATUSES = [TaskGroup.Status.DEFINING, TaskGroup.Status.ACTIVE, TaskGroup.Status.REPORTING, TaskGroup.Status.CLOSED]


def generate(context: dict) -> None:
    rng, scale = context["rng"], context["scale"]
    partnerships, people, organisations = context["partnerships"], context["people"], context["organisations"]
    today = dt.date.today()
    # Scale 1: 300 challenges, 100 groups, 400 milestones, 200 reports; scale 10 is ten times that.
    n_challenges = max(6, round(300 * scale))
    challenges = Challenge.objects.bulk_create(
        Challenge(
            partnership=partnerships[i % len(partnerships)],
            title=f"Generated challenge {i}",
            description="A generated issue for measuring the service at scale.",
            raised_on=today - dt.timedelta(days=400 + i % 300),
            stage=STAGES[i % len(STAGES)],
            stage_changed_on=today - dt.timedelta(days=30 + i % 200),
            priority=[1, 2, 3, None][i % 4],
            raised_by=people[i % len(people)],
        )
        for i in range(n_challenges)
    )
    ChallengeStageChange.objects.bulk_create(
        ChallengeStageChange(challenge=c, stage=stage, changed_on=c.raised_on + dt.timedelta(days=step * 20))
        for c in challenges
        for step, stage in enumerate(STAGES[: STAGES.index(c.stage) + 1])
    )
    groups = []
    for i, challenge in enumerate(challenges[: max(3, round(100 * scale))]):
        status = STATUSES[i % len(STATUSES)]
        start = today - dt.timedelta(days=rng.randrange(60, 400))
        closed = status == TaskGroup.Status.CLOSED
        groups.append(
            TaskGroup(
                partnership=challenge.partnership,
                challenge=challenge,
                name=f"Generated group {i}",
                problem_definition="A generated problem definition.",
                definition_status=TaskGroup.Definition.AGREED,
                definition_agreed_on=start,
                objectives="First objective\nSecond objective",
                lead_person=people[(i * 3) % len(people)],
                lead_organisation=organisations[i % len(organisations)],
                start_date=start,
                # Some are past their end date: the warnings the pages show.
                end_date=start + dt.timedelta(days=rng.randrange(90, 500)),
                status=status,
                outcomes="Generated outcomes" if closed else "",
                outcomes_reviewed_on=today if closed else None,
                closed_on=today if closed else None,
            )
        )
    groups = TaskGroup.objects.bulk_create(groups)
    Milestone.objects.bulk_create(
        Milestone(
            group=group,
            title=f"Milestone {n}",
            due_on=group.start_date + dt.timedelta(days=30 * (n + 1)),
            status=Milestone.Status.DONE if n == 0 else Milestone.Status.PLANNED,
            completed_on=group.start_date + dt.timedelta(days=30) if n == 0 else None,
        )
        for group in groups
        for n in range(4)
    )
    GroupReport.objects.bulk_create(
        GroupReport(
            group=group,
            title=f"Report {n}",
            presented_on=group.start_date + dt.timedelta(days=90 * (n + 1)),
            summary="Progress.",
        )
        for group in groups
        for n in range(2)
    )
    TaskGroupMember.objects.bulk_create(
        TaskGroupMember(group=group, person=people[(i * 11 + n) % len(people)], joined_on=group.start_date)
        for i, group in enumerate(groups)
        for n in range(3)
    )
    context["challenges"], context["task_groups"] = challenges, groups
