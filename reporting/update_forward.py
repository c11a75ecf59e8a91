"""The annual update's forward planning: the Chair's forward programme, workshop topics, the plan for the year ahead.

Each is as it stood on the report date. A plan that has run its course is not offered as the plan for
the year ahead, and a challenge's place in the cycle is told in a council's words, never a stage name.
"""

import datetime as dt
from dataclasses import dataclass, field

from meetings.models import ProgrammeItem
from partnerships.history import records_at
from partnerships.models import Partnership, financial_year_label
from taskgroups.models import Challenge, TaskGroup
from themes.models import Plan

from .blocks import Paragraph, paragraphs, repeats, said_in

# Where a challenge stands in the cycle of the OSP Terms of Reference, as a council report says it.
STAGE_WORDS = {
    "highlighted": "brought to partners' attention",
    "influence": "partners are using their influence",
    "action": "partners are taking action",
    "review": "partners are reviewing the outcomes",
}


@dataclass
class ForwardPlan:
    plan_title: str
    plan_current: bool
    priorities: list[str]
    challenges: list[str]
    task_groups: list[str]
    text: list[Paragraph]
    programme_year: int | None = None
    programme: list[str] = field(default_factory=list)
    workshops: list[str] = field(default_factory=list)
    year_ahead: str = ""


def plan_title(plan) -> str:
    """A plan's title with its years, said once: 'OSP rolling plan (2023 to 2026)'."""
    return plan.title if plan.years_label in plan.title else f"{plan.title} ({plan.years_label})"


def plan_priorities(*, partnership: Partnership, as_at: dt.date, year: int | None = None):
    """The plan in force on the report date (adopted by then, latest version) and its priorities as they stood.

    Returns the plan's title, whether it covers the year ahead, and its priorities.
    """
    plan = Plan.objects.in_force_on(as_at, partnership_ids=[partnership.pk]).get(partnership.pk)
    if plan is None:
        return "", False, []
    ahead = (year + 1) if year is not None else as_at.year
    current = plan.start_year <= ahead < plan.end_year
    titles = Plan.objects.priority_titles_on(as_at, [plan])[plan.pk]
    return plan_title(plan), current, titles


def open_challenges(*, partnership: Partnership, as_at: dt.date) -> list[str]:
    """Challenges raised by the report date and still open then, with where each stood in the cycle then."""
    return [
        f"{challenge.title}: {STAGE_WORDS.get(stage, 'brought to partners attention')}"
        for challenge, stage in Challenge.objects.open_on(as_at, partnership=partnership)
    ]


def open_task_groups(*, partnership: Partnership, as_at: dt.date) -> list[str]:
    """Task-and-finish groups at work on the report date, with their lead and required end date."""
    found = (
        TaskGroup.objects.filter(partnership=partnership)
        .open_on(as_at)
        .select_related("lead_person", "lead_organisation")
        .order_by("end_date", "name")
    )
    return [
        f"{g.name}{f', led by {g.lead_label}' if g.lead_label else ''}, to finish by {g.end_date:%-d %B %Y}"
        for g in found
    ]


def programme(*, partnership: Partnership, as_at: dt.date) -> tuple[int | None, list[str], list[str]]:
    """The forward programme on the report date: the latest year's items, then its workshop topics."""
    items = [
        i
        for i in records_at(ProgrammeItem, as_at, partnership_id=partnership.pk)
        if i.added_on <= as_at and (i.removed_on is None or i.removed_on > as_at)
    ]
    if not items:
        return None, [], []
    year = max(i.year for i in items)
    chosen = sorted((i for i in items if i.year == year), key=lambda i: (i.position, i.pk))
    return (
        year,
        [i.text for i in chosen if i.kind == ProgrammeItem.Kind.PROGRAMME],
        [i.text for i in chosen if i.kind == ProgrammeItem.Kind.WORKSHOP],
    )


def forward_planning(*, partnership: Partnership, narrative, year: int, as_at: dt.date, topics=()) -> ForwardPlan:
    """The forward programme and workshop topics, the plan for the year ahead, open challenges and groups at work.

    Nothing already said is said again: a plan priority that the programme names, or a challenge that is
    one of the year's topics, is left out.
    """
    title, current, priorities = plan_priorities(partnership=partnership, as_at=as_at, year=year)
    programme_year, items, workshops = programme(partnership=partnership, as_at=as_at)
    said = said_in(narrative.forward_planning, *items, *workshops)
    priorities = [p for p in priorities if not repeats(p, said)]
    said |= said_in(*priorities)
    topic_words = said | said_in(*topics)
    challenges = [
        c for c in open_challenges(partnership=partnership, as_at=as_at) if not repeats(c.split(":")[0], topic_words)
    ]
    return ForwardPlan(
        plan_title=title,
        plan_current=current,
        priorities=priorities,
        challenges=challenges,
        task_groups=open_task_groups(partnership=partnership, as_at=as_at),
        text=paragraphs(narrative.forward_planning),
        programme_year=programme_year,
        programme=items,
        workshops=workshops,
        year_ahead=financial_year_label(year + 1),
    )
