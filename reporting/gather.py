"""Everything a report says, read from the records: one function per section, a fixed number of queries.

The annual update follows seeds/001 section by section; the council review follows seeds/004. Sections
whose records live in an app this service does not yet keep (meetings, themes, task-and-finish groups)
say so in the report instead of inventing content: see `Unavailable`.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import Q

from partnerships.models import (
    Budget,
    Contribution,
    FundingAward,
    Membership,
    Organisation,
    Partnership,
    financial_year_end,
    financial_year_label,
    financial_year_start,
)

from .models import Kind, Narrative

SECTOR_PHRASES = [
    (Organisation.Sector.PUBLIC, "public sector"),
    (Organisation.Sector.PRIVATE, "private sector"),
    (Organisation.Sector.REPRESENTATIVE, "representative organisations"),
]
SEAT_ORDER = {Membership.Role.CHAIR: 0, Membership.Role.DEPUTY_CHAIR: 1}


# Building blocks ----------------------------------------------------------------------------------


@dataclass
class Paragraph:
    """A numbered paragraph: its text, then any bullet points under it."""

    text: str
    bullets: list[str] = field(default_factory=list)


def paragraphs(text: str) -> list[Paragraph]:
    """An officer's text as paragraphs: a blank line starts a new one, lines starting '- ' are bullets."""
    found: list[Paragraph] = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        prose, bullets = [], []
        for line in block.splitlines():
            stripped = line.strip()
            if not stripped:
                continue
            if stripped[:2] in ("- ", "• ", "* "):
                bullets.append(stripped[2:].strip())
            elif bullets:
                bullets[-1] = f"{bullets[-1]} {stripped}"
            else:
                prose.append(stripped)
        if prose or bullets:
            found.append(Paragraph(" ".join(prose), bullets))
    return found


@dataclass
class Unavailable:
    """A section whose records are not kept by this service yet: the report says so, plainly."""

    note: str
    available: bool = False


def _model(app_label: str, name: str):
    """The model if its app has landed in this service, else None."""
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _month(value: dt.date | None) -> str:
    return f"{value:%B %Y}" if value else ""


def _held_between(first: dt.date, last: dt.date) -> Q:
    """Memberships held at any time between two dates; an unknown start counts as held."""
    return (Q(start_date__isnull=True) | Q(start_date__lte=last)) & (Q(end_date__isnull=True) | Q(end_date__gte=first))


def _during(queryset, year: int):
    """Memberships held at any time during the financial year."""
    return queryset.filter(_held_between(financial_year_start(year), financial_year_end(year)))


@dataclass
class Seat:
    """A person on a partnership as a council report names them."""

    name: str
    role: str
    role_label: str
    job_title: str
    organisation: str
    start_date: dt.date | None
    end_date: dt.date | None
    end_reason: str
    is_voting: bool

    @classmethod
    def of(cls, membership: Membership) -> "Seat":
        person = membership.person
        organisation = membership.organisation or person.organisation
        return cls(
            name=person.display_name,
            role=membership.role,
            role_label=membership.role_label,
            job_title=person.job_title,
            organisation=organisation.name if organisation else "",
            start_date=membership.start_date,
            end_date=membership.end_date,
            end_reason=membership.end_reason,
            is_voting=membership.is_voting,
        )

    @property
    def position(self) -> str:
        """'Registrar, University of Oxford', as seeds/001 Appendix 1 prints it."""
        return ", ".join(part for part in (self.job_title, self.organisation) if part)

    @property
    def name_and_position(self) -> str:
        """'Paul James – Chief Executive, River Learning Trust', as seeds/001 §7 writes it."""
        return f"{self.name} – {self.position}" if self.position else self.name


def _seat_sort_key(seat: Seat):
    return (SEAT_ORDER.get(seat.role, 2), seat.name.split()[-1].lower(), seat.name.lower())


def _current(memberships: list[Membership], on: dt.date) -> list[Membership]:
    return [m for m in memberships if m.is_current(on)]


# Annual update (seeds/001) ------------------------------------------------------------------------


@dataclass
class Cover:
    addressed_to: str
    date_label: str
    report_of: str
    title: str
    purpose: str
    key_decision: str
    cabinet_member: str
    corporate_priority: str
    policy_framework: str
    wards_affected: str
    recommendations: list[str]
    appendices: list[tuple[str, str]]


def cover(*, partnership: Partnership, narrative: Narrative, year: int, as_at: dt.date) -> Cover:
    """The summary table on the first page: from the officer's settings for the year, else from the record."""
    label = partnership.label
    recommendations = narrative.recommendation_list or [f"Note the annual update report on the work of the {label}."]
    return Cover(
        addressed_to=narrative.addressed_to or "Council",
        date_label=_month(narrative.report_date or as_at),
        report_of=narrative.report_of or (narrative.author.job_title if narrative.author else ""),
        title=f"The {partnership.name}" if not partnership.name.startswith("The ") else partnership.name,
        purpose=narrative.purpose or f"To note the annual update on the {partnership.name}",
        key_decision="Yes" if narrative.is_key_decision else "No",
        cabinet_member=narrative.cabinet_member,
        corporate_priority=narrative.corporate_priority,
        policy_framework=narrative.policy_framework or "None.",
        wards_affected=narrative.wards_affected,
        recommendations=recommendations,
        appendices=[("Appendix 1", f"{partnership.name} Membership")],
    )


def introduction(*, partnership: Partnership, narrative: Narrative) -> list[Paragraph]:
    """Introduction and background (seeds/001 §1–3): founded, who it brings together, its role and remit."""
    found = []
    opening = partnership.purpose.strip()
    if partnership.founded_year:
        opening = f"{opening} It was founded in {partnership.founded_year}.".strip()
    if partnership.kind == Partnership.Kind.STATUTORY and partnership.legal_basis:
        opening = f"{opening} It is a statutory partnership under the {partnership.legal_basis}."
    found.append(Paragraph(f"{opening} A list of members is set out in Appendix 1.".strip()))
    if partnership.mission:
        found.append(Paragraph(f"Its mission: {partnership.mission}"))
    if partnership.will_do_list or partnership.wont_do_list:
        short = partnership.short_name or "The partnership"
        if partnership.will_do_list:
            found.append(Paragraph(f"Its remit: the {short} will", partnership.will_do_list))
        if partnership.wont_do_list:
            found.append(Paragraph(f"The {short} will not", partnership.wont_do_list))
    found.extend(paragraphs(narrative.introduction))
    return found


@dataclass
class SteeringGroup:
    short: str
    frequency: str
    annual_review_month: str
    organisations: list[str]
    sectors: list[str]
    chair: Seat | None
    chair_since: dt.date | None
    predecessors: list[Seat]
    deputy: Seat | None
    supporting_team: str
    supporting_officers: list[Seat]
    seat_count: int

    @property
    def chair_text(self) -> str:
        """Who chairs it and who chaired it before them in the year, as seeds/001 §7 tells it."""
        if not self.chair and not self.predecessors:
            return f"The {self.short} had no chair on the date of this report."
        handover = ""
        for index, seat in enumerate(self.predecessors):
            reason = f" ({seat.end_reason[0].lower()}{seat.end_reason[1:]})" if seat.end_reason else ""
            if index == 0:
                handover = f" from {seat.name_and_position}{reason}"
            else:
                handover += f", who had followed the previous Chair, {seat.name_and_position}{reason}"
        if not self.chair:
            last = self.predecessors[0]
            return f"The chair has been vacant since {_month(last.end_date)}, when {last.name_and_position} stood down."
        if self.predecessors:
            when = f" in {_month(self.chair_since)}" if self.chair_since else ""
            return f"{self.chair.name_and_position} took on the role of Chair{when}{handover}."
        if self.chair_since:
            return f"{self.chair.name_and_position} has chaired the {self.short} since {_month(self.chair_since)}."
        return f"{self.chair.name_and_position} chairs the {self.short}."


def steering_group(
    *, partnership: Partnership, memberships: list[Membership], year: int, as_at: dt.date
) -> SteeringGroup:
    """How often it meets, who it draws on, the chair and the chairs before them in the year (seeds/001 §6–8)."""
    current = _current(memberships, as_at)
    seats = [m for m in current if m.role in Membership.SEAT_ROLES]
    organisations = sorted({m.organisation.name for m in seats if m.organisation_id})
    present = {m.organisation.sector for m in seats if m.organisation_id}
    sectors = [label for value, label in SECTOR_PHRASES if value in present]
    chairs = sorted(
        (m for m in memberships if m.role == Membership.Role.CHAIR),
        key=lambda m: (m.start_date or dt.date.min, m.end_date or dt.date.max),
    )
    chair = next((m for m in reversed(chairs) if m.is_current(as_at)), None)
    # Chairs who held the chair during the year before the current one, and the one who handed over
    # to the first of them: seeds/001 §7 names the interim chair and "the previous Chair" before her.
    earlier = [m for m in chairs if m is not chair and m.end_date and m.end_date <= as_at]
    in_year = [m for m in earlier if m.end_date >= financial_year_start(year)]
    before = [m for m in earlier if m.end_date < financial_year_start(year)]
    if before and (in_year or (chair and chair.start_date and chair.start_date >= financial_year_start(year))):
        in_year.insert(0, before[-1])
    deputy = next((m for m in current if m.role == Membership.Role.DEPUTY_CHAIR), None)
    officers = [m for m in current if m.role == Membership.Role.SUPPORTING_OFFICER]
    review_month = partnership.annual_review_month
    return SteeringGroup(
        short=partnership.short_name or partnership.name,
        frequency=partnership.get_meeting_frequency_display().lower(),
        annual_review_month=dt.date(2000, review_month, 1).strftime("%B") if review_month else "",
        organisations=organisations,
        sectors=sectors,
        chair=Seat.of(chair) if chair else None,
        chair_since=chair.start_date if chair else None,
        predecessors=[Seat.of(m) for m in reversed(in_year)],
        deputy=Seat.of(deputy) if deputy else None,
        supporting_team=partnership.supporting_team,
        supporting_officers=sorted((Seat.of(m) for m in officers), key=_seat_sort_key),
        seat_count=len(seats),
    )


@dataclass
class SubGroup:
    name: str
    short_name: str
    purpose: str
    legal_basis: str
    founded_year: int | None
    chair: Seat | None
    support_officers: list[Seat]

    @property
    def heading(self) -> str:
        return f"{self.name} ({self.short_name}) sub-group" if self.short_name else f"{self.name} sub-group"


def sub_groups(*, partnership: Partnership, as_at: dt.date) -> list[SubGroup]:
    """Each sub-group with its purpose, chair and support officers as at the report date (seeds/001 §9–15)."""
    groups = list(Partnership.objects.filter(parent=partnership).order_by("name"))
    seats: dict[int, list[Membership]] = {}
    for membership in (
        Membership.objects.current(as_at)
        .filter(partnership__in=groups, role__in=[Membership.Role.CHAIR, Membership.Role.SUPPORTING_OFFICER])
        .select_related("person", "person__organisation", "organisation")
    ):
        seats.setdefault(membership.partnership_id, []).append(membership)
    found = []
    for group in groups:
        held = seats.get(group.pk, [])
        chair = next((m for m in held if m.role == Membership.Role.CHAIR), None)
        found.append(
            SubGroup(
                name=group.name,
                short_name=group.short_name,
                purpose=group.purpose,
                legal_basis=group.legal_basis if group.kind == Partnership.Kind.STATUTORY else "",
                founded_year=group.founded_year,
                chair=Seat.of(chair) if chair else None,
                support_officers=sorted(
                    (Seat.of(m) for m in held if m.role == Membership.Role.SUPPORTING_OFFICER), key=_seat_sort_key
                ),
            )
        )
    return found


@dataclass
class ThemeActivity:
    """One theme's year: its achievements (with figures) and what its theme reports said."""

    name: str
    lead: str
    achievements: list[Paragraph]
    reports: list[Paragraph]


def _achievement_paragraph(achievement) -> Paragraph:
    """An achievement as seeds/001 §17 sets one out: what was done, then its figures as bullets."""
    text = achievement.title.strip()
    if achievement.description.strip():
        text = f"{text.rstrip('.')}. {' '.join(achievement.description.split())}"
    return Paragraph(text, [figure.display for figure in achievement.figures.all()])


def _family_ids(partnership: Partnership) -> set[int]:
    from partnerships.access import descendant_ids

    return {partnership.pk} | descendant_ids(partnership.pk)


def achievements(*, partnership: Partnership, year: int) -> list[ThemeActivity] | Unavailable:
    """Activity and achievements over the year, by theme, from achievements and theme reports (seeds/001 §16–35)."""
    Achievement = _model("themes", "Achievement")
    ThemeReport = _model("themes", "ThemeReport")
    if Achievement is None or ThemeReport is None:
        return Unavailable(
            "Themes and achievements are not yet recorded in Roundtable, so this section cannot list the "
            "partnership's activity and achievements for the year."
        )
    family = _family_ids(partnership)
    by_theme: dict[object, ThemeActivity] = {}
    order: dict[object, tuple] = {}

    def activity(theme, group) -> ThemeActivity:
        key = theme.pk if theme else f"group-{group.pk}"
        if key not in by_theme:
            lead = ""
            if theme and theme.lead_group_id:
                lead = theme.lead_group.name
            by_theme[key] = ThemeActivity(
                name=theme.title if theme else group.name, lead=lead, achievements=[], reports=[]
            )
            order[key] = (0, theme.order, theme.title) if theme else (1, 0, group.name)
        return by_theme[key]

    start, end = financial_year_start(year), financial_year_end(year)
    for achievement in (
        Achievement.objects.filter(partnership_id__in=family, achieved_on__range=(start, end))
        .select_related("theme", "theme__lead_group", "partnership")
        .prefetch_related("figures")
        .order_by("achieved_on", "pk")
    ):
        activity(achievement.theme, achievement.partnership).achievements.append(_achievement_paragraph(achievement))
    for report in (
        ThemeReport.objects.filter(theme__partnership_id__in=family, year=year, status=ThemeReport.Status.SUBMITTED)
        .select_related("theme", "theme__lead_group", "theme__partnership")
        .order_by("half")
    ):
        if report.progress.strip():
            for index, para in enumerate(paragraphs(report.progress)):
                if index == 0:
                    para.text = f"{report.period.label}: {para.text}"
                activity(report.theme, report.theme.partnership).reports.append(para)
    return [by_theme[key] for key in sorted(by_theme, key=lambda k: order[k])]


def topics(*, partnership: Partnership, year: int) -> list[str] | Unavailable:
    """Other topics covered at the year's meetings, from their agendas (seeds/001 §36).

    Major and other items only: standing items are the same at every meeting, and theme updates and
    task-and-finish reports have sections of their own.
    """
    AgendaItem = _model("meetings", "AgendaItem")
    if AgendaItem is None:
        return Unavailable(
            "Meetings are not yet recorded in Roundtable, so the topics covered at the year's meetings cannot "
            "be listed here."
        )
    Meeting = AgendaItem._meta.get_field("meeting").related_model
    titles = (
        AgendaItem.objects.filter(
            meeting__partnership=partnership,
            meeting__date__range=(financial_year_start(year), financial_year_end(year)),
            kind__in=[AgendaItem.Kind.MAJOR, AgendaItem.Kind.OTHER],
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .order_by("meeting__date", "position")
        .values_list("title", flat=True)
    )
    found: dict[str, None] = {}
    for title in titles:
        found.setdefault(title.strip(), None)
    return list(found)


@dataclass
class ForwardPlan:
    plan_title: str
    priorities: list[str] | Unavailable
    challenges: list[str] | Unavailable
    task_groups: list[str] | Unavailable
    text: list[Paragraph]


def plan_priorities(*, partnership: Partnership, as_at: dt.date) -> tuple[str, list[str] | Unavailable]:
    """The priorities of the plan in force on the report date: the latest version adopted by then."""
    Plan = _model("themes", "Plan")
    if Plan is None:
        return "", Unavailable("Plans are not yet recorded in Roundtable, so the plan's priorities are not listed.")
    plan = (
        Plan.objects.filter(partnership=partnership)
        .filter(Q(adopted_on__lte=as_at) | Q(adopted_on__isnull=True, status=Plan.Status.CURRENT))
        .exclude(status=Plan.Status.DRAFT)
        .order_by("-number")
        .first()
    )
    if plan is None:
        return "", []
    return f"{plan.title} ({plan.years_label})", [p.title for p in plan.priorities.all()]


def open_challenges(*, partnership: Partnership, as_at: dt.date) -> list[str] | Unavailable:
    """Challenges raised by the report date and not closed by then (seeds/002 'How the OSP will achieve its aims')."""
    Challenge = _model("taskgroups", "Challenge")
    if Challenge is None:
        return Unavailable("Challenges are not yet recorded in Roundtable, so open challenges are not listed.")
    found = (
        Challenge.objects.filter(partnership=partnership, raised_on__lte=as_at)
        .exclude(stage=Challenge.Stage.CLOSED, stage_changed_on__lte=as_at)
        .order_by("priority", "raised_on", "title")
    )
    return [f"{c.title} ({c.get_stage_display().lower()})" for c in found]


def open_task_groups(*, partnership: Partnership, as_at: dt.date) -> list[str] | Unavailable:
    """Task-and-finish groups at work on the report date, with their lead and required end date."""
    TaskGroup = _model("taskgroups", "TaskGroup")
    if TaskGroup is None:
        return Unavailable(
            "Task-and-finish groups are not yet recorded in Roundtable, so the groups at work are not listed."
        )
    found = (
        TaskGroup.objects.filter(partnership=partnership, start_date__lte=as_at)
        .exclude(status=TaskGroup.Status.CLOSED, closed_on__lte=as_at)
        .select_related("lead_person", "lead_organisation")
        .order_by("end_date", "name")
    )
    return [
        f"{g.name}{f', led by {g.lead_label}' if g.lead_label else ''}, to finish by {g.end_date:%-d %B %Y}"
        for g in found
    ]


def forward_planning(*, partnership: Partnership, narrative: Narrative, year: int, as_at: dt.date) -> ForwardPlan:
    """The plan's priorities, open challenges and task-and-finish groups at work (seeds/001 §37–38)."""
    plan_title, priorities = plan_priorities(partnership=partnership, as_at=as_at)
    return ForwardPlan(
        plan_title=plan_title,
        priorities=priorities,
        challenges=open_challenges(partnership=partnership, as_at=as_at),
        task_groups=open_task_groups(partnership=partnership, as_at=as_at),
        text=paragraphs(narrative.forward_planning),
    )


@dataclass
class Money:
    budget: Budget | None
    host: str
    contributions: list[Contribution]
    awards: list[tuple[str, FundingAward]]
    text: list[Paragraph]

    @property
    def contributions_total(self) -> Decimal:
        return sum((c.amount for c in self.contributions), Decimal(0))


def money(*, partnership: Partnership, narrative: Narrative, year: int) -> Money:
    """Financial implications: the year's budget, contributions and funding won (seeds/001 §32–33, §39)."""
    budget = Budget.objects.filter(partnership=partnership, year=year).first()
    contributions = list(
        Contribution.objects.filter(partnership=partnership, year=year)
        .select_related("organisation")
        .order_by("-amount", "organisation__name")
    )
    awards = [
        (award.partnership.short_name or award.partnership.name, award)
        for award in FundingAward.objects.filter(Q(partnership=partnership) | Q(partnership__parent=partnership))
        .filter(year=year)
        .select_related("partnership")
        .order_by("-amount", "funder")
    ]
    return Money(
        budget=budget,
        host=partnership.host_organisation.name if partnership.host_organisation_id else "",
        contributions=contributions,
        awards=awards,
        text=paragraphs(narrative.financial),
    )


@dataclass
class Author:
    name: str
    job_title: str
    service_area: str
    telephone: str
    email: str


def author(*, narrative: Narrative) -> Author | None:
    """The report author and contact table (seeds/001, after the conclusion)."""
    person = narrative.author
    if person is None:
        return None
    return Author(
        name=person.display_name,
        job_title=person.job_title,
        service_area=narrative.author_service_area,
        telephone=narrative.author_telephone or person.phone,
        email=narrative.author_email or person.email,
    )


def membership_appendix(*, memberships: list[Membership], as_at: dt.date) -> list[Seat]:
    """Appendix 1: the seats as at the report date, the chair first (seeds/001 Appendix 1)."""
    seats = [Seat.of(m) for m in _current(memberships, as_at) if m.role in Membership.SEAT_ROLES]
    return sorted(seats, key=_seat_sort_key)


@dataclass
class AnnualUpdate:
    kind: str
    partnership: Partnership
    narrative: Narrative
    year: int
    as_at: dt.date
    cover: Cover
    introduction: list[Paragraph]
    vision: str
    aims: list[str]
    steering_group: SteeringGroup
    sub_groups: list[SubGroup]
    achievements: list[ThemeActivity] | Unavailable
    topics: list[str] | Unavailable
    forward_planning: ForwardPlan
    money: Money
    legal: list[Paragraph]
    risk: list[Paragraph]
    equalities: list[Paragraph]
    conclusion: list[Paragraph]
    author: Author | None
    background_papers: list[str]
    appendix: list[Seat]

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)

    @property
    def short(self) -> str:
        return self.partnership.short_name or self.partnership.name

    @property
    def title(self) -> str:
        return f"{self.partnership.name}: annual update report {self.year_label}"


def _narrative(*, kind: str, year: int, partnership=None, organisation=None) -> Narrative:
    """The officer's narrative for the year, or an empty one (not saved) when none has been written."""
    found = (
        Narrative.objects.filter(kind=kind, year=year, partnership=partnership, organisation=organisation)
        .select_related("author")
        .first()
    )
    return found or Narrative(kind=kind, year=year, partnership=partnership, organisation=organisation)


def annual_update(*, partnership: Partnership, year: int, as_at: dt.date) -> AnnualUpdate:
    """Everything the annual update report for one partnership and year says."""
    narrative = _narrative(kind=Kind.ANNUAL_UPDATE, year=year, partnership=partnership)
    # Seats held during the year or on the report date: one query, people and organisations joined.
    memberships = list(
        Membership.objects.filter(partnership=partnership)
        .filter(
            _held_between(financial_year_start(year), financial_year_end(year))
            | _held_between(as_at, as_at)
            # Every chair, so that the one who handed over at the start of the year can be named.
            | Q(role=Membership.Role.CHAIR, start_date__lte=as_at)
        )
        .select_related("person", "person__organisation", "organisation")
    )
    return AnnualUpdate(
        kind=Kind.ANNUAL_UPDATE,
        partnership=partnership,
        narrative=narrative,
        year=year,
        as_at=as_at,
        cover=cover(partnership=partnership, narrative=narrative, year=year, as_at=as_at),
        introduction=introduction(partnership=partnership, narrative=narrative),
        vision=partnership.vision,
        aims=partnership.aims_list,
        steering_group=steering_group(partnership=partnership, memberships=memberships, year=year, as_at=as_at),
        sub_groups=sub_groups(partnership=partnership, as_at=as_at),
        achievements=achievements(partnership=partnership, year=year),
        topics=topics(partnership=partnership, year=year),
        forward_planning=forward_planning(partnership=partnership, narrative=narrative, year=year, as_at=as_at),
        money=money(partnership=partnership, narrative=narrative, year=year),
        legal=paragraphs(narrative.legal),
        risk=paragraphs(narrative.risk),
        equalities=paragraphs(narrative.equalities),
        conclusion=paragraphs(narrative.conclusion),
        author=author(narrative=narrative),
        background_papers=narrative.background_paper_list,
        appendix=membership_appendix(memberships=memberships, as_at=as_at),
    )


# Council-wide review ------------------------------------------------------------------------------


def council_review(*, organisation: Organisation, year: int, as_at: dt.date):
    """Everything a council's annual review of its strategic partnerships says (see reporting/review.py)."""
    from .review import council_review as gather_review

    return gather_review(organisation=organisation, year=year, as_at=as_at)
