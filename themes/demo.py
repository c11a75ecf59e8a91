"""Demonstration themes, reports, achievements, plans and the Shared Ambition framework, from public documents.

Achievements and their figures are from the OSP annual update to Council (March 2023) §16-35; where the document gives no day, the date is
the end of the month it names and the record says so. Theme report texts are short summaries of what
The OSP annual update to Council (March 2023) says each sub-group did in 2022/23. Indicator figures on the Shared Ambition are illustrative:
"Shared Ambition for Cambridgeshire & Peterborough, CA Board 16 October 2024" §6.5 says the measures are
still to be co-developed, so they are labelled as examples. Cambridge's partnerships are in demo_cambridge.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from meetings.models import AgendaItem, Meeting
from meetings.services import agenda_renumber
from partnerships.models import Person

from .models import (
    Achievement,
    AchievementFigure,
    Commitment,
    Framework,
    Indicator,
    Measurement,
    Outcome,
    Plan,
    PlanObjective,
    PlanPriority,
    Theme,
    ThemeReport,
    ThemeReportItem,
    ThemeReportSchedule,
)

OSP_THEMES = [
    # key, title, sub-group key, lead officer, description (the OSP Terms of Reference Appendix B, the OSP annual update to Council (March 2023) §9-15)
    (
        "egsb",
        "Economic Development, Growth and Regeneration",
        ("Clayton", "Lavallin"),
        "A city region focus to deliver the Oxford Economic Growth Strategy Action Plan and support the OxLEP "
        "Strategic Economic Plan; business engagement through the Economic Growth Steering Board.",
    ),
    (
        "stronger",
        "Stronger Communities",
        ("Ian", "Brooke"),
        "Stronger communities through addressing inequality and poverty, increasingly focused on health and wellbeing.",
    ),
    (
        "zcop",
        "Low Carbon City",
        ("Mai", "Jarvis"),
        "Supporting the city on its journey to net zero carbon emissions by 2040, ten years ahead of the UK "
        "Government's legal targets.",
    ),
    (
        "oscp",
        "Safer Communities",
        ("Richard", "Adams"),
        "Addressing local community safety concerns and making sure all partners tackle the crimes that affect "
        "our community.",
    ),
]

# "The Oxford Strategic Partnership, annual update to Council, March 2023" §16-35:
# (sub-group key, date, title, description, figures[(qualifier, value, unit, counts)]).
# Each result belongs to the sub-group that achieved it; the OSP's report tells it under the theme that
# sub-group leads. The Inclusive Economy Charter is the OIEP's, a partnership that reports elsewhere.
ACHIEVEMENTS = [
    (
        "egsb",
        dt.date(2022, 7, 31),
        "Oxford Economic Strategy adopted and published",
        "The Oxford Economic Strategy was updated and adopted by Council and published in summer 2022 following "
        "extensive consultation in 2021.",
        [],
    ),
    (
        "egsb",
        dt.date(2023, 2, 10),
        "Kickstart scheme completed and final report launched",
        "The final report was launched on Apprenticeship week. In the role of Gateway, Oxford City secured "
        "authorised placements under the scheme, creating new jobs for young people, and provided participating "
        "local employers with government funding.",
        [
            ("", "137", "placements", "authorised under the scheme"),
            ("", "71", "young people", "in new jobs"),
            ("over", "350000", "£", "of government funding for participating local employers"),
        ],
    ),
    (
        "egsb",
        dt.date(2023, 3, 1),
        "Meanwhile in Oxfordshire and Owned by Oxford: phase 1 completed",
        "Phase 1 of both the 'Meanwhile in Oxfordshire' and 'Owned by Oxford' projects have been completed with "
        "phase 2 of each project beginning now.",
        [],
    ),
    (
        "egsb",
        dt.date(2022, 12, 31),
        "100 Oxford Living Wage employers accredited",
        "The Oxford Living Wage campaign reached a milestone of 100 Oxford Living Wage Employers accredited at its "
        "December 2022 reception event.",
        [("", "100", "employers", "accredited as Oxford Living Wage employers")],
    ),
    (
        "oiep",
        dt.date(2023, 2, 28),
        "Oxfordshire Inclusive Economy Partnership Charter launched",
        "The Oxfordshire Inclusive Economy Partnership held its Charter launch in February 2023. The Charter is "
        "asking organisations across the county to demonstrate commitment by signing up to actions they will take "
        "to make workplaces fairer and contribute directly to their local communities.",
        [],
    ),
    (
        "stronger",
        dt.date(2023, 1, 31),
        "Thriving Communities Strategy 2023/27 adopted",
        "The Stronger Communities Board is an intrinsic partner in helping develop and shape Oxford's Thriving "
        "Community Strategy, 2023/27 (TCS). The TCS was adopted as part of the Council's policy framework "
        "(January 2023).",
        [],
    ),
    (
        "stronger",
        dt.date(2022, 10, 31),
        "Locality Working: phase 1 in place",
        "The Council has implemented Phase 1 of a Locality Working operating model with a working vision to place "
        "residents at the heart of service delivery; focusing on prevention and meeting residents' needs, "
        "especially those who are in crisis or need our help the most.",
        [],
    ),
    (
        "stronger",
        dt.date(2023, 3, 31),
        "Support for communities affected by the cost of living crisis",
        "Work is also continuing with partners to help provide support to communities impacted by the cost of "
        "living crisis.",
        [],
    ),
    (
        "zcop",
        dt.date(2023, 2, 28),
        "£75,000 from Innovate UK for a Future Fit One Stop Shop feasibility study",
        "Lucy Group is championing a Sprint Group on tenure and archetype agnostic retrofit, with support from "
        "Oxford City Council officers. ZCOP was recently awarded funding (plus match contributions) from Innovate "
        "UK to deliver a feasibility study to find a route to delivering building retrofit at scale in the city via "
        "a Future Fit One Stop Shop (FOSS). The project consortium (praised by Innovate UK assessors as "
        "'enviable') involves five ZCOP partners.",
        [("", "75000", "£", "from Innovate UK, plus match contributions"), ("", "5", "partners", "in the consortium")],
    ),
    (
        "zcop",
        dt.date(2023, 3, 15),
        "Residential retrofit pilot funded in Rose Hill",
        "A separate award from the Microgeneration Certification Scheme Foundation (MCS) and match funding "
        "provided by ZCOP partners will translate findings to an area specific residential retrofit pilot project, "
        "to test the delivery model FOSS for future replication and expansion in Rose Hill and the rest of Oxford.",
        [
            ("", "20000", "£", "from the MCS Foundation"),
            ("", "20000", "£", "of match funding from ZCOP partners"),
        ],
    ),
    (
        "zcop",
        dt.date(2023, 3, 31),
        "Sprint groups: area-based insetting, freight, energy flexibility and renewables",
        "ZCOP sprint groups established an innovative 'area-based insetting' (ABI) trial in the city and buy-in "
        "from partners and other key private stakeholders to participate in a pilot freight consolidation project; "
        "engaged partners in flexibility energy capacity trading trials; scoped potential for collaborative "
        "investment in onshore wind and solar PV across the County; hosted a meeting with Lord Deben, former "
        "Environment Minister and Chair of the Committee on Climate Change; consulted the RAF and Defence "
        "Infrastructure Organisation on onshore wind/radar issues; held a workshop to share best practice on "
        "corporate scope 3 emissions; and informed local activities and policy, contributing to Oxford's 2040 "
        "Local Plan and responding to Oxfordshire County Council's core transport schemes consultation.",
        [],
    ),
]

OSP_REPORTS = {
    # key: (first half progress, second half progress, challenges, collaboration, task and finish, asks).
    # The progress texts are the annual update's own words for what each sub-group is doing and will do next.
    "egsb": (
        "There has also been continued focus on promotion of the Oxford Living Wage and broader objectives for an "
        "inclusive economy.",
        "The strategy covers the next 10 years and updates are reported to both the Economic Growth Steering Board "
        "(EGSB) on a quarterly basis and OSP annually. A work plan outlining key roles and responsibilities for the "
        "Economic Strategy delivery is in place along with a dashboard of measures and KPIs. Year 1 Q3 reporting "
        "will be shared in March 23.",
        "Keeping delivery partners engaged as national funding schemes end.",
        "Inclusive economy work overlaps with Stronger Communities on the cost of living.",
        "Social value in procurement across partners.",
        "Partners to sign the Inclusive Economy Charter.",
    ),
    "stronger": (
        "The Stronger Communities Board includes senior representation from Oxfordshire Public Health team. This "
        "includes embedding the TCS principles across the Council's work and encouraging partners to do the same. "
        "Alongside, continuing to integrate Council services and seek out opportunities to better align Oxford's "
        "work with partner agencies, bringing partners and places together better to jointly grow and work.",
        "Oxford's Localities Team brings together the skills and experience of Oxford City Council staff and "
        "partners to support residents, respond to local needs, reduce inequalities and build strong, resilient "
        "communities.\n\n"
        "Phase two will see the model adopted by the wider council services and closer working with local "
        "stakeholders. Phase three involves service integration with other statutory agencies, housing "
        "associations, the new integrated care system and also co-locating teams in locations where our citizens "
        "are (e.g. taking the Council and its services to citizens rather than expecting them to find the Council).",
        "Aligning partner services with locality working.",
        "Health and wellbeing work with the Integrated Care Strategy.",
        "",
        "Partners to embed the Thriving Communities principles in their own work.",
    ),
    "zcop": (
        "Since its launch, ZCOP has delivered across numerous action areas by focusing on collaborative projects "
        "that accelerate city wide mitigation across sectors, businesses and communities. Partners support progress "
        "in the city by championing and participating in a range of 'sprint groups' through contributions of time, "
        "expertise and funding.",
        "Delivering net zero by 2040 requires an ambitious approach. Therefore, the partnership is pursuing both "
        "innovative and established work streams to facilitate the delivery of cost effective carbon emissions "
        "reductions for Oxford. ZCOP's two year forward plan includes actions on: EV sharing and infrastructure, "
        "Local Plan consultations, energy saving workshops, low carbon technology application potential study, SME "
        "engagement, adaptation, residential and commercial energy efficiency.\n\n"
        "ZCOP is working with Future Oxfordshire Partnership (FOP) to ensure alignment between ZCOP sprints and the "
        "emerging Pathways to Zero Carbon Oxfordshire (PaZCO) Route Map and Action Plan. This is being done on a "
        "case by case basis for sprints, to ensure their scope and timescales complement the work of FOP.",
        "Onshore wind radar constraints; supply chain capacity for retrofit.",
        "Freight consolidation with Economic Growth; retrofit with Stronger Communities in Rose Hill.",
        "Electric vehicle sharing and infrastructure.",
        "Partners to take part in the Rose Hill pilot.",
    ),
    "oscp": (
        "The OSCP work to address local community safety concerns and ensure that all partners tackle those crimes "
        "that affect our community. It involves senior representation from Thames Valley Police.",
        "OSCP Board members will review the 2022/23 priorities and agree those for 2023-24 at the next OSCP meeting.",
        "Serious Violence Duty resourcing.",
        "Night-time economy with Economic Growth.",
        "",
        "Partners to support Domestic Abuse Housing Alliance accreditation.",
    ),
}

# The annual update, §29: the OSCP's priorities for 2022-23, agreed; it does not say they were delivered.
OSCP_PRIORITIES = [
    "Develop responses to neighbourhood crime priorities such as open space drug misuse and dealing, anti-social "
    "behaviour and alcohol-related violence through the work of the Community Safety Problem Solving Officer",
    "Address anti-social behaviour that effects our communities through support and enforcement processes",
    "Coordinate and implement Oxfordshire's Modern Slavery Strategy through the work of the Oxfordshire "
    "Anti-Slavery Coordinator",
    "Prepare for and deliver the Serious Violence Duty in partnership with the Thames Valley Violence Reduction Unit",
    "Coordinate activity to address the violence against women and girls agenda with the Safe Journey, Safe "
    "Destination project that aims to keep women safe when out and about in Oxford late at night",
    "Continue to tackle domestic abuse and support the delivery of the government's Violence Against Women and "
    "Girls strategy through the introduction of Domestic Abuse Housing Alliance (DAHA) accreditation in social "
    "housing stock, support for the Oxfordshire Domestic Abuse Strategy Group and the implementation of Oxford "
    "City Council's scrutiny review recommendations",
    "Build on the work of the Safer Streets 3 project to improve our approach to alcohol-related disorder through "
    "the Nightsafe Oxford Network",
    "Develop a hate crime action plan to support communities",
    "Reduce the level of cycle crime in the city through the Bike Crime Reduction Partnership",
    "Support the work of the Prevent and Protect Duty of the Counter-Terrorism strategy",
]

# The OSP annual update to Council (March 2023) §37-38: the Chair's forward programme for 2023.
PLAN_V1 = [
    (
        "Revisit the clarity of purpose for the OSP",
        ["Stay connected to the City Strategy", "Provide clarity to partners of 'what is the ask'"],
    ),
    (
        "'Do less better': focus on significant complex issues",
        ["Think 'up-stream' (longer term)", "Early programming of topics"],
    ),
    ("Get the right people around the table", ["Meeting management: some face to face, and rotation of days"]),
]
PLAN_V2 = [
    (
        "Revisit the clarity of purpose for the OSP",
        ["Stay connected to the City Strategy", "Provide clarity to partners of 'what is the ask'"],
    ),
    (
        "'Do less better': focus on significant complex issues",
        [
            "Think 'up-stream' (longer term)",
            "Early programming of topics: Corporate Strategy, Local Plan 2040, "
            "Thriving Communities Strategy 2023/27 and housing delivery",
        ],
    ),
    ("Get the right people around the table", ["Meeting management: some face to face, and rotation of days"]),
    (
        "Focus on impact rather than activity",
        [
            "The OSP can and should hold partners to account",
            "The OSP holds itself to account on the impact of action over time",
        ],
    ),
]

SHARED_AMBITION_STATEMENT = (
    "By igniting innovation, embracing our diversity, and championing collaboration, Cambridgeshire and "
    "Peterborough will be globally recognised for our groundbreaking achievements, inspired by our rich history, "
    "determined communities and unique natural assets. Harnessing the collective strengths of our fast-growing "
    "cities, historic market towns and productive Fen landscapes, we will advance our equitable, pioneering, "
    "connected and resilient region."
)
# Shared Ambition for Cambridgeshire & Peterborough, CA Board 16 October 2024: the four outcomes (§2.4) and
# the commitments the paper names (§8.3, §8.5); it gives no words for the other outcomes or commitments.
OUTCOMES = [
    (
        "Equitable",
        "Tackling inequality, ensuring opportunities and benefits are better distributed across the region.",
        ["Harness Health & Wellbeing", "Education, Skills & Employment for All", "Homes for All"],
    ),
    ("Pioneering", "", []),
    ("Connected", "", []),
    ("Resilient", "Focussing on environmental and climate change.", []),
]
# (outcome, commitment, code, name, kind, unit, direction, baseline, target, target year, start value, yearly change)
INDICATORS = [
    (
        "Equitable",
        "Harness Health & Wellbeing",
        "healthy-life-expectancy-gap",
        "Gap in healthy life expectancy between the most and least deprived areas",
        "high_level",
        "years",
        "down",
        "10.5",
        "8",
        2035,
        10.5,
        -0.2,
    ),
    (
        "Equitable",
        "Education, Skills & Employment for All",
        "apprenticeship-starts",
        "Apprenticeship starts a year",
        "proxy",
        "",
        "up",
        "6200",
        "7500",
        2030,
        6200,
        180,
    ),
    (
        "Equitable",
        "Homes for All",
        "affordable-homes-completed",
        "Affordable homes completed a year",
        "proxy",
        "",
        "up",
        "1400",
        "2000",
        2030,
        1400,
        90,
    ),
    (
        "Pioneering",
        "",
        "research-jobs-share",
        "Share of jobs in knowledge-intensive sectors",
        "high_level",
        "%",
        "up",
        "22",
        "26",
        2035,
        22,
        0.4,
    ),
    (
        "Connected",
        "",
        "bus-journeys",
        "Bus passenger journeys a year (millions)",
        "proxy",
        "",
        "up",
        "18",
        "24",
        2030,
        18,
        0.7,
    ),
    (
        "Resilient",
        "",
        "carbon-emissions",
        "Carbon emissions per resident",
        "high_level",
        "tonnes",
        "down",
        "6.1",
        "4.5",
        2030,
        6.1,
        -0.15,
    ),
]


def _person(first: str, last: str) -> Person | None:
    return Person.objects.filter(first_name=first, last_name=last).first()


def _figures(achievement, figures):
    achievement.figures.all().delete()
    for order, (qualifier, value, unit, counts) in enumerate(figures):
        AchievementFigure.objects.create(
            achievement=achievement, order=order, qualifier=qualifier, value=Decimal(value), unit=unit, counts=counts
        )


def _plan(partnership, number, status, start_year, title, priorities, *, revised_from=None, adopted_on=None, note=""):
    plan, _ = Plan.objects.update_or_create(
        partnership=partnership,
        number=number,
        defaults={
            "title": title,
            "start_year": start_year,
            "status": status,
            "revised_from": revised_from,
            "adopted_on": adopted_on,
            "revision_note": note,
            "summary": "The OSP's rolling 3-year plan, from the Chair's forward programme for 2023.",
        },
    )
    owner = _person("Paul", "James")
    earlier = {p.title: p for p in revised_from.priorities.prefetch_related("objectives")} if revised_from else {}
    plan.priorities.all().delete()
    for order, (title, objectives) in enumerate(priorities, start=1):
        source = earlier.get(title)
        priority = PlanPriority.objects.create(plan=plan, order=order, title=title, owner=owner, copied_from=source)
        source_objectives = {o.text: o for o in source.objectives.all()} if source else {}
        for position, text in enumerate(objectives, start=1):
            copied = source_objectives.get(text)
            if copied is None and source and position <= len(source_objectives):
                copied = list(source_objectives.values())[position - 1]
            PlanObjective.objects.create(priority=priority, order=position, text=text, owner=owner, copied_from=copied)
    return plan


# The OSP Terms of Reference Appendix B: each theme reports twice a year; one or two present their update at a meeting.
THEME_UPDATES = {
    dt.date(2022, 11, 8): [("Low Carbon City", 2022, 1), ("Economic Development, Growth and Regeneration", 2022, 1)],
    dt.date(2023, 4, 11): [("Safer Communities", 2022, 2)],
}


def _theme_updates(osp) -> None:
    """The OSP meetings' theme updates, each taking its theme's report, before any other business."""
    for meeting in Meeting.objects.filter(partnership=osp, date__in=list(THEME_UPDATES)).order_by("date"):
        reports = [
            ThemeReport.objects.filter(theme__partnership=osp, theme__title=title, year=year, half=half).first()
            for title, year, half in THEME_UPDATES[meeting.date]
        ]
        theme_updates_add(meeting, [report for report in reports if report is not None])


def theme_updates_add(meeting, reports) -> None:
    """An item for each theme report at the meeting, linked to it, placed before any other business."""
    items = list(meeting.items.order_by("position"))
    added = []
    for report in reports:
        item, _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            title=f"Theme update: {report.theme.title}",
            defaults={
                "kind": AgendaItem.Kind.THEME_UPDATE,
                "duration_minutes": 40,
                "position": max([i.position for i in items] + [0]) + 100 + len(added),
            },
        )
        ThemeReportItem.objects.update_or_create(item=item, defaults={"report": report})
        added.append(item.pk)
    closing = [i.pk for i in items if i.kind == AgendaItem.Kind.ANY_OTHER_BUSINESS and i.pk not in added]
    kept = [i.pk for i in items if i.pk not in closing and i.pk not in added]
    agenda_renumber(meeting=meeting, ordered_ids=[*kept, *added, *closing])


@transaction.atomic
def seed(partnerships: dict) -> None:
    osp = partnerships["osp"]
    ThemeReportSchedule.objects.update_or_create(
        partnership=osp,
        defaults={"first_due_month": 10, "first_due_day": 31, "second_due_month": 4, "second_due_day": 30},
    )
    themes = {}
    for order, (key, title, (first, last), description) in enumerate(OSP_THEMES, start=1):
        themes[key], _ = Theme.objects.update_or_create(
            partnership=osp,
            title=title,
            defaults={
                "lead_group": partnerships[key],
                "lead_officer": _person(first, last),
                # The OSP Terms of Reference Appendix B: consolidated as business as usual after the 2017 review.
                "status": Theme.Status.BUSINESS_AS_USUAL,
                "starts_on": dt.date(2017, 4, 1),
                "description": description,
                "order": order,
            },
        )
    schedule = ThemeReportSchedule.for_partnership(osp)
    from .models import ReportPeriod

    for key, (first, second, challenges, collaboration, task_and_finish, asks) in OSP_REPORTS.items():
        for half, progress in ((1, first), (2, second)):
            period = ReportPeriod(2022, half)
            due = schedule.due_on(period)
            ThemeReport.objects.update_or_create(
                theme=themes[key],
                year=2022,
                half=half,
                defaults={
                    "due_on": due,
                    "status": ThemeReport.Status.SUBMITTED,
                    # The second half's report came in before the annual update was written (illustrative day).
                    "submitted_at": timezone.make_aware(
                        dt.datetime.combine(min(due - dt.timedelta(days=7), dt.date(2023, 3, 20)), dt.time(10))
                    ),
                    "progress": progress,
                    "challenges": challenges,
                    "collaboration": collaboration,
                    "task_and_finish": task_and_finish,
                    "asks": asks,
                },
            )
    for key, day, title, description, figures in ACHIEVEMENTS:
        # An earlier version of this data kept every result on the OSP itself: move it to its holder.
        achievement = Achievement.objects.filter(partnership__in=[osp, partnerships[key]], title=title).first()
        achievement = achievement or Achievement(title=title)
        achievement.partnership = partnerships[key]
        achievement.theme = None
        achievement.achieved_on = day
        achievement.description = description
        achievement.save()
        _figures(achievement, figures)
    Achievement.objects.filter(partnership=osp, title="Community safety priorities for 2022-23 delivered").delete()
    _theme_updates(osp)

    v1 = _plan(osp, 1, Plan.Status.SUPERSEDED, 2022, "OSP rolling plan", PLAN_V1, adopted_on=dt.date(2022, 11, 24))
    _plan(
        osp,
        2,
        Plan.Status.CURRENT,
        2023,
        "OSP rolling plan 2023 to 2026",
        PLAN_V2,
        revised_from=v1,
        adopted_on=dt.date(2023, 11, 23),
        note="Revised at the annual planning and review meeting: workshop topics named and a new priority on impact.",
    )

    # The OSCP's agreed priorities for 2022-23 (the annual update, §29); the day they were agreed is illustrative.
    oscp_plan, _ = Plan.objects.update_or_create(
        partnership=partnerships["oscp"],
        number=1,
        defaults={
            "title": "Priorities for 2022-23",
            "start_year": 2022,
            "status": Plan.Status.CURRENT,
            "adopted_on": dt.date(2022, 4, 1),
            "summary": "The Oxford Safer Communities Partnership's priorities for 2022-23.",
        },
    )
    oscp_plan.priorities.all().delete()
    for order, title in enumerate(OSCP_PRIORITIES, start=1):
        PlanPriority.objects.create(plan=oscp_plan, order=order, title=title)

    # The Oxford to Cambridge Partnership mission statement: the Oxford to Cambridge Partnership's programme of activity in three themes.
    prp = partnerships["prp"]
    for order, (title, description, lead) in enumerate(
        [
            (
                "Innovation & Economy",
                "International investment opportunities (Atlas); a Data Observatory to support local decision-making; "
                "an innovation network of networks.",
                None,
            ),
            (
                "Environment & Sustainability",
                "The Environmental Principles; nature recovery; regional water and energy challenges; environment "
                "infrastructure mapping and monitoring tools.",
                ("Bridget", "Smith"),
            ),
            (
                "Communications & engagement",
                "A partnership communications approach; organisational development; the annual Partnership conference.",
                None,
            ),
        ],
        start=1,
    ):
        Theme.objects.update_or_create(
            partnership=prp,
            title=title,
            defaults={
                "description": description,
                "order": order,
                "status": Theme.Status.PRIORITY,
                "lead_officer": _person(*lead) if lead else None,
            },
        )

    ca = partnerships["ca"]
    framework, _ = Framework.objects.update_or_create(
        partnership=ca,
        name="Shared Ambition for Cambridgeshire & Peterborough",
        defaults={
            "statement": SHARED_AMBITION_STATEMENT,
            "guiding_values": "Igniting Innovation\nEmbracing Diversity\nChampioning Collaboration",
            "horizon_year": 2050,
        },
    )
    outcomes, commitments = {}, {}
    for order, (name, description, names) in enumerate(OUTCOMES, start=1):
        outcomes[name], _ = Outcome.objects.update_or_create(
            framework=framework, name=name, defaults={"order": order, "description": description}
        )
        for position, commitment in enumerate(names, start=1):
            commitments[commitment], _ = Commitment.objects.update_or_create(
                outcome=outcomes[name], name=commitment, defaults={"order": position}
            )
    for order, row in enumerate(INDICATORS, start=1):
        outcome, commitment, code, name, kind, unit, direction, baseline, target, year, start, step = row
        indicator, _ = Indicator.objects.update_or_create(
            framework=framework,
            code=code,
            defaults={
                "outcome": outcomes[outcome],
                "commitment": commitments.get(commitment),
                "name": name,
                "kind": kind,
                "unit": unit,
                "direction": direction,
                "baseline_value": Decimal(baseline),
                "baseline_on": dt.date(2019, 3, 31),
                "target_value": Decimal(target),
                "target_on": dt.date(year, 3, 31),
                "is_illustrative": True,
                "source": (
                    "Illustrative figures for demonstration: the outcomes framework is still to be co-developed "
                    "(Shared Ambition for Cambridgeshire & Peterborough, CA Board 16 October 2024, §6.5)."
                ),
                "order": order,
            },
        )
        for offset in range(6):
            Measurement.objects.update_or_create(
                indicator=indicator,
                measured_on=dt.date(2019 + offset, 3, 31),
                defaults={"value": Decimal(str(round(start + step * offset, 2))), "note": "Illustrative"},
            )
    # Shared Ambition for Cambridgeshire & Peterborough, CA Board 16 October 2024, §3.3.
    achievement, _ = Achievement.objects.update_or_create(
        partnership=ca,
        title="Shared Ambition stakeholder workshops",
        defaults={
            "achieved_on": dt.date(2024, 7, 31),
            "description": "Three half-day stakeholder workshops in March, May and July 2024.",
        },
    )
    _figures(
        achievement,
        [("over", "169", "attendees", "at three workshops"), ("", "107", "organisations", "taking part")],
    )
    from . import demo_cambridge

    demo_cambridge.seed()
