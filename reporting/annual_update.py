"""The annual update report to Council for one partnership and year, every fact as it stood on the as-at date.

It follows "The Oxford Strategic Partnership, annual update to Council, March 2023" section by section.
Names, job titles, organisations, roles, stages, plans, theme leads and partnerships are read from their
recorded history as at the report's date, so a past year's report made again says what it said then.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from partnerships.history import records_at
from partnerships.models import (
    Budget,
    Contribution,
    FundingAward,
    Membership,
    Partnership,
    financial_year_end,
    financial_year_label,
    financial_year_start,
)

from .blocks import (
    SECTOR_PHRASES,
    Author,
    Paragraph,
    Seat,
    _month,
    _narrative,
    _seat_sort_key,
    author,
    paragraphs,
    repeats,
    said_in,
)
from .models import Kind, Narrative
from .register import Register, SubGroup, sub_groups
from .update_activity import ThemeActivity, activity, topics
from .update_forward import ForwardPlan, forward_planning


def _held(memberships: list[Membership], first: dt.date, last: dt.date) -> list[Membership]:
    return [
        m
        for m in memberships
        if (m.start_date is None or m.start_date <= last) and (m.end_date is None or m.end_date >= first)
    ]


# The summary table ---------------------------------------------------------------------------------


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
    """Introduction and background: founded, who it brings together, its role and remit.

    A remit line already said in the officer's introduction, the vision, the aims or the legal note
    is left out: the report states each fact once.
    """
    found = []
    opening = partnership.purpose.strip()
    if partnership.founded_year:
        opening = f"{opening} It was founded in {partnership.founded_year}.".strip()
    if partnership.kind == Partnership.Kind.STATUTORY and partnership.legal_basis:
        opening = f"{opening} It is a statutory partnership under the {partnership.legal_basis}."
    found.append(Paragraph(f"{opening} A list of members is set out in Appendix 1.".strip()))
    if partnership.mission:
        found.append(Paragraph(f"Its mission: {partnership.mission}"))
    said = said_in(partnership.purpose, narrative.introduction, partnership.vision, partnership.aims, narrative.legal)
    will = [line for line in partnership.will_do_list if not repeats(line, said)]
    wont = [line for line in partnership.wont_do_list if not repeats(line, said)]
    short = partnership.short_name or "The partnership"
    if will:
        found.append(Paragraph(f"Its remit: the {short} will", will))
    if wont:
        found.append(Paragraph(f"The {short} will not", wont))
    found.extend(paragraphs(narrative.introduction))
    return found


# The steering group and its chairs -----------------------------------------------------------------


def _stood_down(seat: Seat) -> bool:
    reason = seat.end_reason.lower()
    return any(words in reason for words in ("stood down", "standing down", "stepped down", "resigned"))


def _interim(seat: Seat) -> bool:
    return "interim" in seat.end_reason.lower()


def _handed_over_by(seat: Seat) -> str:
    """How a predecessor is named after 'following': 'the previous Chair, Baroness Jan Royall standing down'."""
    if _stood_down(seat):
        return f"the previous Chair, {seat.name} standing down"
    return f"the previous Chair, {seat.name}"


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
        """Who chairs it and who chaired before them in the year: an interim chair, a chair standing down, or none."""
        since = f" in {_month(self.chair_since)}" if self.chair_since else ""
        if not self.chair:
            if not self.predecessors:
                return f"The {self.short} had no chair on the date of this report."
            last = self.predecessors[0]
            ended = f" since {_month(last.end_date)}" if last.end_date else ""
            how = " stood down" if _stood_down(last) else "'s term as Chair ended"
            return f"The chair of the {self.short} has been vacant{ended}, when {last.name}{how}."
        if not self.predecessors:
            if self.chair_since:
                return f"{self.chair.name_and_position} has chaired the {self.short} since {_month(self.chair_since)}."
            return f"{self.chair.name_and_position} chairs the {self.short}."
        latest = self.predecessors[0]
        if _interim(latest):
            text = f"{self.chair.name_and_position} took on the role of Chair{since} from the interim Chair {latest.name_and_position}"
            if len(self.predecessors) > 1:
                text += f" who had chaired meetings following {_handed_over_by(self.predecessors[1])}"
            return f"{text}."
        if _stood_down(latest):
            return (
                f"{self.chair.name_and_position} took on the role of Chair{since} following {_handed_over_by(latest)}."
            )
        return (
            f"{self.chair.name_and_position} took on the role of Chair{since} from the previous Chair, {latest.name}."
        )


def steering_group(
    *, partnership: Partnership, memberships: list[Membership], year: int, as_at: dt.date
) -> SteeringGroup:
    """How often it meets, who it draws on, the chair and the chairs before them in the year."""
    current = [m for m in memberships if m.is_current(as_at)]
    seats = [m for m in current if m.role in Membership.SEAT_ROLES]
    organisations = sorted({m.organisation.name for m in seats if m.organisation})
    present = {m.organisation.sector for m in seats if m.organisation}
    sectors = [label for value, label in SECTOR_PHRASES if value in present]
    chairs = sorted(
        (m for m in memberships if m.role == Membership.Role.CHAIR and (m.start_date is None or m.start_date <= as_at)),
        key=lambda m: (m.start_date or dt.date.min, m.end_date or dt.date.max),
    )
    chair = next((m for m in reversed(chairs) if m.is_current(as_at)), None)
    # The chairs who held it during the year before the current one, and the one who handed over to the
    # first of them: an interim chair is named with the chair before her.
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


# Sub-groups ----------------------------------------------------------------------------------------


# Money ---------------------------------------------------------------------------------------------


@dataclass
class Money:
    budget: Budget | None
    host: str
    contributions: list[Contribution]
    awards: list[FundingAward]
    text: list[Paragraph]

    @property
    def contributions_total(self) -> Decimal:
        return sum((c.amount for c in self.contributions), Decimal(0))


def money(*, partnership: Partnership, narrative: Narrative, year: int, register: Register | None = None) -> Money:
    """Financial implications: the partnership's own budget, contributions and funding won in the year.

    Its sub-groups' money is theirs: it is told in their part of the activity section.
    """
    budget = Budget.objects.filter(partnership=partnership, year=year).first()
    contributions = list(
        Contribution.objects.filter(partnership=partnership, year=year)
        .select_related("organisation")
        .order_by("-amount", "organisation__name")
    )
    awards = list(FundingAward.objects.filter(partnership=partnership, year=year).order_by("-amount", "funder"))
    host = ""
    if partnership.host_organisation_id:
        if register is not None:
            register.load(organisations={partnership.host_organisation_id})
            found = register.organisations.get(partnership.host_organisation_id)
            host = found.name if found else ""
        else:
            host = partnership.host_organisation.name
    return Money(
        budget=budget, host=host, contributions=contributions, awards=awards, text=paragraphs(narrative.financial)
    )


# The report ----------------------------------------------------------------------------------------


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
    achievements: list[ThemeActivity]
    topics: list[str]
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


def membership_appendix(*, memberships: list[Membership], as_at: dt.date) -> list[Seat]:
    """Appendix 1: the seats and alternates as at the report date, the chair first."""
    current = [m for m in memberships if m.is_current(as_at)]
    by_key = {m.pk: m for m in memberships}
    seats = [Seat.of(m) for m in current if m.role in Membership.SEAT_ROLES]
    for m in current:
        if m.role == Membership.Role.ALTERNATE:
            lead = by_key.get(m.alternate_for_id)
            seats.append(Seat.of(m, alternate_for=lead.person.display_name if lead else ""))
    return sorted(seats, key=_seat_sort_key)


def annual_update(*, partnership: Partnership, year: int, as_at: dt.date) -> AnnualUpdate:
    """Everything the annual update report for one partnership and year says, as it stood on the as-at date."""
    register = Register(as_at)
    register.load(partnerships={partnership.pk})
    live = partnership
    partnership = register.partnerships.get(partnership.pk, live)
    narrative = _narrative(kind=Kind.ANNUAL_UPDATE, year=year, partnership=live)
    first, last = financial_year_start(year), financial_year_end(year)
    memberships = [
        m
        for m in records_at(Membership, as_at, partnership_id=live.pk)
        if _held([m], first, last) or m.is_current(as_at) or m.role == Membership.Role.CHAIR
    ]
    memberships = register.seats(memberships)
    writer = None
    if narrative.author_id:
        register.load(people={narrative.author_id})
        writer = register.people.get(narrative.author_id)
    groups = sub_groups(partnership=partnership, as_at=as_at, register=register)
    work = activity(partnership=partnership, groups=groups, year=year, as_at=as_at, register=register)
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
        sub_groups=groups,
        achievements=work,
        topics=topics(partnership=live, year=year),
        forward_planning=forward_planning(
            partnership=partnership,
            narrative=narrative,
            year=year,
            as_at=as_at,
            topics=topics(partnership=live, year=year),
        ),
        money=money(partnership=partnership, narrative=narrative, year=year, register=register),
        legal=paragraphs(narrative.legal),
        risk=paragraphs(narrative.risk),
        equalities=paragraphs(narrative.equalities),
        conclusion=paragraphs(narrative.conclusion),
        author=author(narrative=narrative, person=writer),
        background_papers=narrative.background_paper_list,
        appendix=membership_appendix(memberships=memberships, as_at=as_at),
    )
