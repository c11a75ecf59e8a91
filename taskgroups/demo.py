"""Demonstration challenges and task-and-finish groups, from public council documents.

The OSP's challenges are the topics it covered in 2022/23 and the Chair's forward
planning (§37-38). The groups are ZCOP's sprint groups (§31-34) and the OIEP's four action-focused
working groups (§22). The documents give what happened and in what order, rarely the day: those dates
are illustrative, and the groups still at work are dated from today so that their warnings show.
Leads and members are only people and organisations the documents name.
"""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db import transaction

from partnerships.models import Organisation, Person
from themes.models import Theme

from .models import Challenge, ChallengeStageChange, GroupReport, Milestone, TaskGroup, TaskGroupMember

H, INF, A, R, C = (
    Challenge.Stage.HIGHLIGHTED,
    Challenge.Stage.INFLUENCE,
    Challenge.Stage.ACTION,
    Challenge.Stage.REVIEW,
    Challenge.Stage.CLOSED,
)
HIGH, MEDIUM, LOW = Challenge.Priority.HIGH, Challenge.Priority.MEDIUM, Challenge.Priority.LOW

ECONOMY, STRONGER, LOW_CARBON, SAFER = (
    "Economic Development, Growth and Regeneration",
    "Stronger Communities",
    "Low Carbon City",
    "Safer Communities",
)

# title, description, priority, themes, raised by (first, last) or None, [(stage, date, note)]
OSP_CHALLENGES = [
    (
        "Oxford Local Plan 2040",
        "The city's Local Plan to 2040: what partners need from it, and what they can bring to it, from housing "
        "and employment land to embodied carbon and defining a net zero building.",
        HIGH,
        [ECONOMY, LOW_CARBON],
        None,
        [
            (H, dt.date(2022, 4, 12), "Covered at a steering group meeting."),
            (INF, dt.date(2022, 9, 20), "Partners contributed insights on embodied carbon and net zero buildings."),
            (A, dt.date(2023, 1, 17), "ZCOP partners responded to the consultation."),
        ],
    ),
    (
        "Cost of living crisis",
        "Support for communities impacted by the cost of living crisis, working with partners across the city.",
        HIGH,
        [STRONGER],
        None,
        [
            (H, dt.date(2022, 7, 5), "Covered at a steering group meeting."),
            (INF, dt.date(2022, 10, 11), "Partners agreed to align their support for residents in crisis."),
            (A, dt.date(2022, 12, 6), "Work continuing with partners to support communities."),
        ],
    ),
    (
        "Oxford's Thriving Communities Strategy",
        "Embedding the principles of the Thriving Communities Strategy 2023/27 across the Council's work and "
        "encouraging partners to do the same.",
        MEDIUM,
        [STRONGER],
        None,
        [
            (H, dt.date(2022, 6, 14), "Covered at a steering group meeting."),
            (INF, dt.date(2022, 11, 8), "The Stronger Communities Board helped develop and shape the strategy."),
            (A, dt.date(2023, 1, 24), "Adopted as part of the Council's policy framework in January 2023 (§23)."),
        ],
    ),
    (
        "Homes for Ukraine Scheme and local response",
        "The local response to the Homes for Ukraine Scheme and what partners learned from it.",
        MEDIUM,
        [STRONGER],
        None,
        [
            (H, dt.date(2022, 4, 12), "Covered at a steering group meeting."),
            (INF, dt.date(2022, 5, 24), "Partners shared how they could support hosts and guests."),
            (A, dt.date(2022, 7, 5), "Partners' offers co-ordinated with the local response."),
            (R, dt.date(2023, 1, 17), "The steering group reviewed the local response."),
        ],
    ),
    (
        "Shared prosperity funding",
        "Making the most of shared prosperity funding for the city through partners working together.",
        MEDIUM,
        [ECONOMY],
        None,
        [
            (H, dt.date(2022, 7, 5), "Covered at a steering group meeting."),
            (INF, dt.date(2022, 10, 11), "Partners asked to align their proposals."),
        ],
    ),
    (
        "Oxford Transport Plans",
        "The city's transport plans and the county's core transport schemes.",
        MEDIUM,
        [LOW_CARBON, ECONOMY],
        None,
        [
            (H, dt.date(2022, 9, 20), "Covered at a steering group meeting."),
            (INF, dt.date(2022, 12, 6), "ZCOP responded to the County Council's core transport schemes consultation."),
        ],
    ),
    (
        "Integrated Care Strategy",
        "How partners contribute to the Integrated Care Strategy and to health and wellbeing in the city.",
        LOW,
        [STRONGER],
        None,
        [
            (H, dt.date(2022, 10, 11), "Covered at a steering group meeting."),
            (INF, dt.date(2023, 1, 17), "Partners fed into the strategy's engagement."),
        ],
    ),
    (
        "Community First Oxfordshire update",
        "An update from Community First Oxfordshire on its work with communities in and around the city.",
        LOW,
        [STRONGER],
        ("Emily", "Lewis-Edwards"),
        [
            (H, dt.date(2022, 5, 24), "Covered at a steering group meeting."),
            (C, dt.date(2022, 9, 20), "Noted by the steering group; no further collective action needed."),
        ],
    ),
    (
        "Housing delivery",
        "New housing delivery in Oxford: a topic covered in 2022/23 and an initial item for the future workshops.",
        HIGH,
        [ECONOMY],
        ("Paul", "James"),
        [
            (H, dt.date(2023, 2, 7), "Proposed as an initial future workshop agenda item."),
        ],
    ),
    (
        "Corporate Strategy development",
        "An initial future workshop agenda item: partners' part in developing the Council's Corporate Strategy.",
        None,
        [],
        ("Paul", "James"),
        [(H, dt.date(2023, 2, 7), "Initial future workshop agenda item.")],
    ),
    (
        "Revisiting the clarity of purpose for the OSP",
        "The Chair is taking forward the OSP with a view to refresh the agenda: 'do less better', focus on "
        "significant complex issues, think up-stream and get the right people around the table.",
        HIGH,
        [],
        ("Paul", "James"),
        [
            (
                H,
                dt.date(2022, 11, 15),
                "Raised by the Chair at the annual planning and review meeting.",
            ),
            (INF, dt.date(2023, 2, 7), "Partners asked what the ask of them should be."),
        ],
    ),
    (
        "Holding partners and the OSP to account on impact",
        "The OSP can and should hold partners to account, and hold itself to account on the impact of its "
        "action over time: a focus on impact rather than activity.",
        None,
        [],
        ("Paul", "James"),
        [(H, dt.date(2022, 11, 15), "Raised by the Chair at the annual planning and review meeting.")],
    ),
]


def _person(first, last) -> Person | None:
    return Person.objects.filter(first_name=first, last_name=last).first()


def _themes(partnership, titles):
    return list(Theme.objects.filter(partnership__in=[partnership, partnership.parent_id], title__in=titles))


def _challenge(partnership, title, description, priority, themes, raised_by, steps, **extra) -> Challenge:
    stage, stage_on, _note = steps[-1]
    challenge, _ = Challenge.objects.update_or_create(
        partnership=partnership,
        title=title,
        defaults={
            "description": description,
            "priority": priority,
            "raised_by": _person(*raised_by) if raised_by else None,
            "raised_on": steps[0][1],
            "stage": stage,
            "stage_changed_on": stage_on,
            **extra,
        },
    )
    challenge.themes.set(_themes(partnership, themes))
    # The stage history is rebuilt as written here, so running the seed again never doubles it.
    challenge.stage_changes.all().delete()
    ChallengeStageChange.objects.bulk_create(
        ChallengeStageChange(challenge=challenge, stage=s, changed_on=on, note=note) for s, on, note in steps
    )
    return challenge


def _group(partnership, challenge, name, milestones=(), members=(), reports=(), **fields) -> TaskGroup:
    group, _ = TaskGroup.objects.update_or_create(
        partnership=partnership, name=name, defaults={"challenge": challenge, **fields}
    )
    for title, due_on, status, completed_on in milestones:
        Milestone.objects.update_or_create(
            group=group, title=title, defaults={"due_on": due_on, "status": status, "completed_on": completed_on}
        )
    for person, organisation, role, expertise, joined_on in members:
        if person:
            TaskGroupMember.objects.update_or_create(
                group=group,
                person=person,
                defaults={"organisation": organisation, "role": role, "expertise": expertise, "joined_on": joined_on},
            )
    for title, presented_on, summary in reports:
        GroupReport.objects.update_or_create(
            group=group, title=title, defaults={"presented_on": presented_on, "summary": summary}
        )
    return group


@transaction.atomic
def seed(partnerships: dict) -> None:
    osp, zcop, oiep = partnerships["osp"], partnerships["zcop"], partnerships["oiep"]
    for row in OSP_CHALLENGES:
        _challenge(osp, *row)

    today = dt.date.today()
    oxford = Organisation.objects.get(name="Oxford City Council")
    lucy = Organisation.objects.get(name="Lucy Group")
    brown, jarvis = _person("Susan", "Brown"), _person("Mai", "Jarvis")
    done, planned, in_progress = Milestone.Status.DONE, Milestone.Status.PLANNED, Milestone.Status.IN_PROGRESS
    support = TaskGroupMember.Role.SUPPORT

    # The OSP annual update to Council (March 2023) §32: Lucy Group championed a sprint group on tenure and archetype agnostic retrofit.
    retrofit = _challenge(
        zcop,
        "Retrofitting Oxford's buildings at scale",
        "Net zero by 2040 needs building retrofit at scale across every kind of tenure and building archetype.",
        HIGH,
        [LOW_CARBON],
        None,
        [
            (H, dt.date(2021, 9, 14), "Identified from the Roadmap and Action Plan developed with the Carbon Trust."),
            (
                INF,
                dt.date(2021, 11, 9),
                "Lucy Group offered to champion a sprint group, supported by Council officers.",
            ),
            (A, dt.date(2022, 1, 10), "Sprint group on tenure and archetype agnostic retrofit established."),
        ],
    )
    sprint = _group(
        zcop,
        retrofit,
        "Sprint group on tenure and archetype agnostic retrofit",
        problem_definition=(
            "Oxford cannot reach net zero by 2040 without retrofitting buildings at scale, yet schemes are built "
            "around one tenure or one type of building at a time. What are the local requirements for retrofit at "
            "scale that works whatever the tenure and archetype, and how could it be funded and delivered?"
        ),
        definition_status=TaskGroup.Definition.AGREED,
        definition_agreed_on=dt.date(2022, 2, 8),
        objectives=(
            "Understand the local requirements for scaled retrofitting across tenures and archetypes\n"
            "Set the ground work for funding bids for retrofit at scale\n"
            "Propose a delivery model that can be tested in an area of the city"
        ),
        lead_person=None,
        lead_organisation=lucy,
        link_member=brown,
        start_date=dt.date(2022, 1, 10),
        end_date=dt.date(2022, 12, 31),
        report_every_months=TaskGroup.Cadence.QUARTERLY,
        status=TaskGroup.Status.CLOSED,
        outcomes=(
            "1. The group developed an understanding of local requirements for scaled retrofitting.\n"
            "2. That understanding set the ground work for two funding bids, letting partners submit complex "
            "project concepts under tight funding deadlines; both were successful.\n"
            "3. A Future Fit One Stop Shop (FOSS) delivery model will be tested in a residential retrofit pilot "
            "in Rose Hill."
        ),
        evidence=(
            "£75,000 (plus match contributions) from Innovate UK for a feasibility study of a Future Fit One Stop "
            "Shop, with a consortium of five ZCOP partners praised by the assessors as 'enviable'; £20,000 from "
            "the Microgeneration Certification Scheme Foundation with £20,000 match funding from ZCOP partners "
            "for the Rose Hill pilot."
        ),
        outcomes_reviewed_on=dt.date(2023, 1, 17),
        closed_on=dt.date(2023, 1, 17),
        milestones=[
            ("Local requirements for scaled retrofitting understood", dt.date(2022, 5, 31), done, dt.date(2022, 6, 7)),
            ("Innovate UK bid submitted", dt.date(2022, 9, 30), done, dt.date(2022, 9, 28)),
            ("MCS Foundation bid submitted", dt.date(2022, 11, 30), done, dt.date(2022, 11, 25)),
        ],
        members=[
            (jarvis, oxford, support, "Environmental Sustainability Lead supporting ZCOP", dt.date(2022, 1, 10)),
        ],
        reports=[
            (
                "Retrofit sprint: local requirements",
                dt.date(2022, 6, 14),
                "The group has mapped the local requirements for retrofit at scale across tenures and archetypes.",
            ),
            (
                "Retrofit sprint: funding bids",
                dt.date(2022, 10, 11),
                "Two funding bids prepared from the group's work: Innovate UK and the MCS Foundation.",
            ),
        ],
    )
    Challenge.objects.filter(pk=retrofit.pk).update(stage=R, stage_changed_on=dt.date(2023, 1, 17))
    ChallengeStageChange.objects.get_or_create(
        challenge=retrofit,
        stage=R,
        changed_on=dt.date(2023, 1, 17),
        defaults={"note": f"Outcomes reviewed by the task-and-finish group “{sprint.name}”."},
    )
    _challenge(
        zcop,
        "Retrofit at scale through a Future Fit One Stop Shop",
        "A feasibility study to find a route to delivering building retrofit at scale in the city via a Future "
        "Fit One Stop Shop, and a residential pilot in Rose Hill to test it for replication.",
        HIGH,
        [LOW_CARBON],
        None,
        [
            (H, dt.date(2023, 1, 17), "Raised by the retrofit sprint group as it closed."),
            (A, dt.date(2023, 2, 14), "Funded by Innovate UK and the MCS Foundation; the study is under way."),
        ],
        follows_from=retrofit,
        raised_by_group=sprint,
        raised_by_organisation=lucy,
    )

    # The OSP annual update to Council (March 2023) §34: a sprint group still at work, dated from today so that its warnings show.
    insetting = _challenge(
        zcop,
        "Bridging funding gaps in local carbon reduction projects",
        "Local carbon reduction projects struggle to close their funding gaps.",
        MEDIUM,
        [LOW_CARBON],
        None,
        [(H, today - relativedelta(months=10), "Raised at a ZCOP meeting."), (A, today - relativedelta(months=8), "")],
    )
    _group(
        zcop,
        insetting,
        "Sprint group on area-based insetting",
        problem_definition=(
            "Can area-based insetting (ABI) act as a mechanism for bridging funding gaps in local carbon "
            "reduction projects in Oxford?"
        ),
        definition_status=TaskGroup.Definition.AGREED,
        definition_agreed_on=today - relativedelta(months=7),
        objectives=(
            "Establish an area-based insetting trial in the city\n"
            "Show whether insetting can bridge funding gaps in local carbon reduction projects"
        ),
        lead_person=jarvis,
        lead_organisation=oxford,
        link_member=brown,
        start_date=today - relativedelta(months=8),
        end_date=today + relativedelta(months=4),
        report_every_months=TaskGroup.Cadence.QUARTERLY,
        status=TaskGroup.Status.ACTIVE,
        milestones=[
            ("Trial area and partners agreed", today - relativedelta(months=5), done, today - relativedelta(months=5)),
            ("Insetting trial established", today - dt.timedelta(days=21), in_progress, None),
            ("First projects funded through insetting", today + dt.timedelta(days=10), planned, None),
            ("Findings reported to ZCOP", today + relativedelta(months=3), planned, None),
        ],
        reports=[
            (
                "Area-based insetting: trial design",
                today - relativedelta(months=4),
                "The trial area and the partners taking part are agreed.",
            )
        ],
    )

    # The OSP annual update to Council (March 2023) §22: the OIEP's four action-focused working groups.
    long, coles = _person("Jeremy", "Long"), _person("Emma", "Coles")
    inclusive = _challenge(
        oiep,
        "An inclusive economy for Oxfordshire",
        "Create a more equal and sustainable region that creates opportunities and benefits for all people within "
        "the county.",
        HIGH,
        [],
        None,
        [
            (H, dt.date(2021, 3, 1), "The OIEP was established in March 2021."),
            (INF, dt.date(2022, 12, 6), "Oxford Living Wage reached 100 accredited employers."),
            (A, dt.date(2023, 2, 1), "Inclusive Economy Charter launched in February 2023."),
        ],
    )
    # The inclusive economy is part of the OSP's economic growth theme, which tells of the OIEP's work.
    inclusive.themes.add(*Theme.objects.filter(partnership=osp, title=ECONOMY))
    working = {
        "Education": (TaskGroup.Status.DEFINING, TaskGroup.Definition.DRAFT),
        "Employment": (TaskGroup.Status.PROPOSED, TaskGroup.Definition.DRAFT),
        "Social value and procurement": (TaskGroup.Status.ACTIVE, TaskGroup.Definition.AGREED),
        "Place shaping": (TaskGroup.Status.PROPOSED, TaskGroup.Definition.DRAFT),
    }
    for area, (status, definition) in working.items():
        agreed = definition == TaskGroup.Definition.AGREED
        _group(
            oiep,
            inclusive,
            f"{area} working group",
            problem_definition=(
                f"Which projects across Oxfordshire on {area.lower()} can the partnership support, grow or amplify, "
                "and what case studies, information and signposting would help others do the same?"
                if status != TaskGroup.Status.PROPOSED
                else ""
            ),
            definition_status=definition,
            definition_agreed_on=today - relativedelta(months=6) if agreed else None,
            objectives=(
                f"Find projects on {area.lower()} the partnership can support, grow or amplify\n"
                "Build a repository of case studies, information and signposting on the inclusive economy"
            ),
            lead_person=coles,
            link_member=long,
            # The OSP's annual update to Council, March 2023 (§22), names the four groups at work; the start day is illustrative.
            start_date=dt.date(2022, 6, 1),
            end_date=today + relativedelta(months=9),
            report_every_months=TaskGroup.Cadence.QUARTERLY,
            status=status,
            milestones=(
                [
                    (
                        "Charter commitments on social value mapped",
                        today - relativedelta(months=3),
                        done,
                        today - relativedelta(months=3),
                    ),
                    ("Repository of case studies published", today - dt.timedelta(days=12), in_progress, None),
                    ("Procurement workshop with partners", today + dt.timedelta(days=6), planned, None),
                ]
                if agreed
                else []
            ),
            reports=(
                [
                    (
                        "Social value and procurement: progress",
                        today - relativedelta(months=4),
                        "Partners' social value commitments under the Charter are mapped.",
                    )
                ]
                if agreed
                else []
            ),
        )
