"""Demonstration themes, reports, achievements, plans and the Shared Ambition framework from shared/seeds.

Achievements and their figures are from seeds/001 §16-35; where the document gives no day, the date is
the end of the month it names and the record says so. Theme report texts are short summaries of what
seeds/001 says each sub-group did in 2022/23. Indicator figures on the Shared Ambition are illustrative:
"Shared Ambition for Cambridgeshire & Peterborough, CA Board 16 October 2024" §6.5 says the measures are
still to be co-developed, so they are labelled as examples. Cambridge's partnerships are in demo_cambridge.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

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
    ThemeReportSchedule,
)

OSP_THEMES = [
    # key, title, sub-group key, lead officer, description (seeds/002 Appendix B, seeds/001 §9-15)
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

# seeds/001 §16-35: (theme key, date, title, description, figures[(qualifier, value, unit, counts)], link)
ACHIEVEMENTS = [
    (
        "egsb",
        dt.date(2022, 7, 31),
        "Oxford Economic Strategy adopted and published",
        "The Economic Strategy was updated, adopted by Council and published in summer 2022 after extensive "
        "consultation in 2021. It covers the next 10 years, with a work plan and a dashboard of measures and KPIs.",
        [],
    ),
    (
        "egsb",
        dt.date(2023, 2, 10),
        "Kickstart scheme completed and final report launched",
        "As Gateway, Oxford City secured authorised placements under the Kickstart scheme, creating new jobs for "
        "young people; the final report was launched in Apprenticeship Week.",
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
        "Phase 1 of both projects has been completed, with phase 2 of each beginning now.",
        [],
    ),
    (
        "egsb",
        dt.date(2022, 12, 31),
        "100 Oxford Living Wage employers accredited",
        "The Oxford Living Wage campaign reached a milestone at its December 2022 reception event.",
        [("", "100", "employers", "accredited as Oxford Living Wage employers")],
    ),
    (
        "egsb",
        dt.date(2023, 2, 28),
        "Oxfordshire Inclusive Economy Partnership Charter launched",
        "The Charter asks organisations across the county to sign up to actions that make workplaces fairer and "
        "contribute directly to their local communities.",
        [],
    ),
    (
        "stronger",
        dt.date(2023, 1, 31),
        "Thriving Communities Strategy 2023/27 adopted",
        "The Stronger Communities Board helped develop and shape Oxford's Thriving Communities Strategy, adopted as "
        "part of the Council's policy framework in January 2023.",
        [],
    ),
    (
        "stronger",
        dt.date(2022, 10, 31),
        "Locality Working: phase 1 in place",
        "The Council implemented phase 1 of a Locality Working operating model, placing residents at the heart of "
        "service delivery; phases two and three bring in wider council services and other statutory agencies.",
        [],
    ),
    (
        "stronger",
        dt.date(2023, 3, 31),
        "Support for communities affected by the cost of living crisis",
        "Work continued with partners to support communities affected by the cost of living crisis.",
        [],
    ),
    (
        "oscp",
        dt.date(2023, 3, 31),
        "Community safety priorities for 2022-23 delivered",
        "Priorities included neighbourhood crime, anti-social behaviour, the Modern Slavery Strategy, preparing for "
        "the Serious Violence Duty, the Safe Journey, Safe Destination project, Domestic Abuse Housing Alliance "
        "accreditation, Nightsafe Oxford, a hate crime action plan and the Bike Crime Reduction Partnership.",
        [("", "10", "priorities", "for 2022-23")],
    ),
    (
        "zcop",
        dt.date(2023, 2, 28),
        "£75,000 from Innovate UK for a Future Fit One Stop Shop feasibility study",
        "A study of how to deliver building retrofit at scale in the city. The consortium, praised by Innovate UK "
        "assessors as 'enviable', involves five ZCOP partners.",
        [("", "75000", "£", "from Innovate UK, plus match contributions"), ("", "5", "partners", "in the consortium")],
    ),
    (
        "zcop",
        dt.date(2023, 3, 15),
        "Residential retrofit pilot funded in Rose Hill",
        "A separate award from the Microgeneration Certification Scheme Foundation, matched by ZCOP partners, will "
        "test the Future Fit One Stop Shop model in Rose Hill.",
        [
            ("", "20000", "£", "from the MCS Foundation"),
            ("", "20000", "£", "of match funding from ZCOP partners"),
        ],
    ),
    (
        "zcop",
        dt.date(2023, 3, 31),
        "Sprint groups: area-based insetting, freight, energy flexibility and renewables",
        "Sprint groups established an area-based insetting trial, a pilot freight consolidation project and "
        "flexibility energy capacity trading trials; scoped collaborative investment in onshore wind and solar PV; "
        "hosted Lord Deben; consulted the RAF and Defence Infrastructure Organisation on onshore wind; and held a "
        "workshop on corporate scope 3 emissions.",
        [],
    ),
]

OSP_REPORTS = {
    # key: (first half progress, second half progress, challenges, collaboration, task and finish, asks)
    "egsb": (
        "Economic Strategy adopted and published; delivery work plan and dashboard of measures in place.",
        "Kickstart scheme completed: 137 placements and 71 young people in new jobs. Living Wage employers reached 100.",
        "Keeping delivery partners engaged as national funding schemes end.",
        "Inclusive economy work overlaps with Stronger Communities on the cost of living.",
        "Social value in procurement across partners.",
        "Partners to sign the Inclusive Economy Charter.",
    ),
    "stronger": (
        "Locality Working phase 1 implemented; Thriving Communities Strategy drafted with partners.",
        "Thriving Communities Strategy adopted in January 2023; cost of living support coordinated.",
        "Aligning partner services with locality working.",
        "Health and wellbeing work with the Integrated Care Strategy.",
        "",
        "Partners to embed the Thriving Communities principles in their own work.",
    ),
    "zcop": (
        "Sprint groups on retrofit, insetting and freight under way; funding bids prepared.",
        "£75,000 from Innovate UK and £20,000 from MCS plus £20,000 match funding secured.",
        "Onshore wind radar constraints; supply chain capacity for retrofit.",
        "Freight consolidation with Economic Growth; retrofit with Stronger Communities in Rose Hill.",
        "Electric vehicle sharing and infrastructure.",
        "Partners to take part in the Rose Hill pilot.",
    ),
    "oscp": (
        "Priorities for 2022-23 agreed; Safe Journey, Safe Destination project started.",
        "Preparations for the Serious Violence Duty; hate crime action plan in development.",
        "Serious Violence Duty resourcing.",
        "Night-time economy with Economic Growth.",
        "",
        "Partners to support Domestic Abuse Housing Alliance accreditation.",
    ),
}

# seeds/001 §37-38: the Chair's forward programme for 2023.
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
            "summary": "The OSP's rolling 3-year plan (seeds/002), from the Chair's forward programme in seeds/001 §37-38.",
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
                # seeds/002 Appendix B: consolidated as business as usual after the 2017 review.
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
                    "submitted_at": timezone.make_aware(dt.datetime.combine(due - dt.timedelta(days=7), dt.time(10))),
                    "progress": progress,
                    "challenges": challenges,
                    "collaboration": collaboration,
                    "task_and_finish": task_and_finish,
                    "asks": asks,
                },
            )
    for key, day, title, description, figures in ACHIEVEMENTS:
        achievement, _ = Achievement.objects.update_or_create(
            partnership=osp,
            title=title,
            defaults={
                "theme": themes[key],
                "achieved_on": day,
                "description": description,
            },
        )
        _figures(achievement, figures)

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

    # seeds/000: the Oxford to Cambridge Partnership's programme of activity in three themes.
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
