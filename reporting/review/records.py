"""What a council's review draws from the records: the partnerships it takes part in and how, the money it put
in, what each partnership did that year, and other bodies' decision sheets."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q

from meetings.models import Decision, Meeting, Paper
from partnerships.intervals import held_between
from partnerships.models import (
    Budget,
    Contribution,
    Membership,
    Organisation,
    Participation,
    Partnership,
    financial_year_end,
    financial_year_start,
)
from themes.models import Achievement

from ..blocks import Paragraph, Seat, _seat_sort_key, paragraphs
from ..models import Kind, Narrative


@dataclass
class Numbered:
    """A paragraph with the number it prints under, e.g. 3.10."""

    number: str
    text: str
    bullets: list[str] = field(default_factory=list)


@dataclass
class Representative:
    """Who holds the council's seat: a named person, or an office, or nobody."""

    name: str
    job_title: str
    role_label: str
    is_voting: bool
    by_office: bool = False

    @classmethod
    def of_seat(cls, seat: Seat) -> "Representative":
        return cls(name=seat.name, job_title=seat.job_title, role_label=seat.role_label, is_voting=seat.is_voting)

    @classmethod
    def of_office(cls, participation: Participation) -> "Representative":
        role = "" if participation.role == Membership.Role.MEMBER else participation.get_role_display()
        return cls(
            name=participation.office, job_title="", role_label=role, is_voting=participation.is_voting, by_office=True
        )

    @property
    def text(self) -> str:
        """'Cllr Anna Smith', 'the Leader (Observer, no vote)'."""
        text = f"{self.name}, {self.job_title}" if self.job_title else self.name
        if self.role_label:
            vote = "" if self.is_voting or self.role_label not in ("Observer",) else ", no vote"
            text = f"{text} ({self.role_label}{vote})"
        return text


@dataclass
class ContributionLine:
    """Money the council put into a partnership in the year: a contribution, or a budget it funds."""

    partnership: Partnership
    amount: Decimal
    purpose: str


@dataclass
class DecisionLine:
    meeting: str
    text: str


@dataclass
class DecisionAppendix:
    """Another body's decision sheet from one meeting, attached to the review as an appendix."""

    letter: str
    partnership: Partnership
    meeting_name: str
    date: dt.date
    papers: list[str]
    decisions: list[DecisionLine]
    report: str = ""

    @property
    def label(self) -> str:
        return f"Appendix {self.letter}"

    @property
    def title(self) -> str:
        if self.report:
            return f"{self.report} to the {self.partnership.name} meeting, {self.date:%-d %B %Y}"
        return f"Decision Sheet from the {self.partnership.name} meeting, {self.date:%-d %B %Y}"


@dataclass
class PartnershipInReview:
    """One partnership's section: its purpose, how the council takes part, what it did, what it decided."""

    partnership: Partnership
    representatives: list[Representative]
    vacant: list[Participation]
    member_organisations: int
    is_member_organisation: bool
    hosted: bool
    folded: list[tuple[Partnership, str]]
    others: list[Seat]
    contributions: list[ContributionLine]
    achievements: list[Paragraph]
    appendices: list[DecisionAppendix] = field(default_factory=list)
    paragraphs: list[Numbered] = field(default_factory=list)

    @property
    def heading(self) -> str:
        p = self.partnership
        if len(self.folded) == 1:
            sub = self.folded[0][0]
            return f"{p.short_name or p.name} and {sub.short_name or sub.name}"
        return f"{p.name} ({p.short_name})" if p.short_name else p.name

    @property
    def decisions(self) -> list[DecisionLine]:
        return [d for appendix in self.appendices for d in appendix.decisions]


# Which partnerships, and how the council takes part ------------------------------------------------


def _figure_stated(figure, text: str) -> bool:
    """Whether the prose already gives a figure, as '£1.5m', '£1.8 million', '£1,500,000' or '30'."""
    text = text.lower()
    value = Decimal(figure.value)
    forms = {figure.number.lower(), f"{value:,.0f}", f"{value:.0f}"}
    if value >= 1_000_000:
        millions = f"{(value / 1_000_000).normalize():f}"
        forms |= {f"{millions}m", f"{millions} million", f"{millions}million"}
    if value >= 1_000 and value % 1_000 == 0:
        forms.add(f"{value / 1_000:.0f}k")
    prefix = figure.unit if figure.unit in ("£", "$", "€") else ""
    return any(f"{prefix}{form}" in text for form in forms)


def _achievement_paragraphs(achievement) -> list[Paragraph]:
    """An achievement as the review tells it: its own words, then any figure the words do not give."""
    found = paragraphs(achievement.description) or [Paragraph(achievement.title.strip())]
    prose = " ".join(p.text + " " + " ".join(p.bullets) for p in found)
    missing = [f.display for f in achievement.figures.all() if not _figure_stated(f, prose)]
    if missing:
        found[-1].bullets.extend(missing)
    return found


def review_achievements(*, partnerships: list[Partnership], year: int) -> dict[int, list[list[Paragraph]]]:
    """What each partnership did in the year, from its achievements, in the order they happened."""
    found: dict[int, list[list[Paragraph]]] = {}
    for achievement in (
        Achievement.objects.in_year(year)
        .filter(partnership__in=partnerships)
        .prefetch_related("figures")
        .order_by("achieved_on", "pk")
    ):
        found.setdefault(achievement.partnership_id, []).append(_achievement_paragraphs(achievement))
    return found


def decision_window(*, organisation: Organisation, year: int, as_at: dt.date) -> tuple[dt.date, dt.date]:
    """Meetings whose decisions the review attaches: from the start of the year, or from the day after
    last year's review went to committee, up to the date the review is as at.

    The meeting date decides, not the financial year: a 2023/24 review made in June 2024 attaches
    the decisions of a meeting on 5 June 2024.
    """
    start = financial_year_start(year)
    previous = (
        Narrative.objects.filter(kind=Kind.COUNCIL_REVIEW, organisation=organisation, year=year - 1)
        .values_list("report_date", flat=True)
        .first()
    )
    if previous and previous >= start:
        start = previous + dt.timedelta(days=1)
    return start, as_at


def review_decision_appendices(
    *, organisation: Organisation, partnerships: list[Partnership], year: int, as_at: dt.date
) -> list[DecisionAppendix]:
    """The decision sheets of other bodies' meetings in the window, each an appendix, in date order."""
    first, last = decision_window(organisation=organisation, year=year, as_at=as_at)
    others = [p for p in partnerships if p.host_organisation_id != organisation.pk]
    meetings = (
        # Never an empty list: the query runs (and is counted) whether or not there are other bodies.
        Meeting.objects.filter(partnership_id__in=[p.pk for p in others] or [0], date__range=(first, last))
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("partnership")
        .prefetch_related(
            Prefetch(
                "items__papers",
                queryset=Paper.objects.filter(is_confidential=False).order_by("position"),
                to_attr="public_papers",
            ),
            Prefetch("items__decisions", queryset=Decision.objects.order_by("recorded_at"), to_attr="decisions_taken"),
        )
        .order_by("date", "start_time", "pk")
    )
    sheets_found, reports_found = [], []
    for meeting in meetings:
        items = sorted(meeting.items.all(), key=lambda i: i.position)
        papers = [paper.title for item in items for paper in item.public_papers]
        sheets = [title for title in papers if title.lower().startswith("decision sheet")]
        decisions = []
        for item in items:
            for decision in item.decisions_taken:
                text = " ".join(decision.resolution.split())
                if decision.method == Decision.Method.VOTE:
                    text = (
                        f"{text} ({decision.get_outcome_display()}: {decision.votes_for} for, "
                        f"{decision.votes_against} against)"
                    )
                decisions.append(DecisionLine(meeting=f"{meeting.name}, {meeting.date:%-d %B %Y}", text=text))
        if not sheets and not decisions:
            continue
        base = {"partnership": meeting.partnership, "meeting_name": meeting.name, "date": meeting.date}
        sheets_found.append(DecisionAppendix(letter="", papers=sheets, decisions=decisions, **base))
        # The reports that went with a decision sheet to the same meeting follow the decision sheets.
        reports_found.extend(
            DecisionAppendix(letter="", papers=[title], decisions=[], report=title, **base)
            for title in papers
            if title not in sheets
        )
    found = sheets_found + reports_found
    for index, appendix in enumerate(found):
        appendix.letter = chr(ord("A") + index) if index < 26 else str(index + 1)
    return found


def _contributions(*, organisation: Organisation, year: int) -> list[ContributionLine]:
    """Contributions in the year, and every budget the council funds as its contribution to that partnership."""
    found = [
        ContributionLine(partnership=c.partnership, amount=c.amount, purpose=c.purpose)
        for c in Contribution.objects.filter(organisation=organisation, year=year).select_related("partnership")
    ]
    paid = {line.partnership.pk for line in found}
    for budget in Budget.objects.filter(funded_by=organisation, year=year).select_related("partnership"):
        if budget.partnership_id not in paid:
            found.append(
                ContributionLine(
                    partnership=budget.partnership,
                    amount=budget.amount,
                    purpose=budget.notes or f"Funds the {budget.partnership.name}'s budget",
                )
            )
    return sorted(found, key=lambda line: (-line.amount, line.partnership.name))


def _matches(partnership: Partnership, name: str) -> bool:
    name = name.strip().lower()
    return name in {partnership.name.lower(), partnership.short_name.lower(), partnership.slug}


def _involved(organisation: Organisation, ids: set[int]) -> dict[int, Partnership]:
    """The partnerships named, those the council hosts, and the parents of sub-groups it sits on."""
    # A sub-group is told under its parent: the parent joins the review when the council sits on a sub-group.
    return {
        p.pk: p
        for p in Partnership.objects.filter(
            Q(pk__in=ids) | Q(host_organisation=organisation) | Q(sub_groups__pk__in=ids)
        ).distinct()
    }


def _nested(involved: dict[int, Partnership]) -> tuple[list[Partnership], dict[int, list[Partnership]]]:
    """The top partnerships, and each one's sub-groups among those involved."""
    by_parent: dict[int, list[Partnership]] = {}
    tops = []
    for partnership in sorted(involved.values(), key=lambda p: (p.name if not p.parent_id else "", p.pk)):
        if partnership.parent_id in involved:
            by_parent.setdefault(partnership.parent_id, []).append(partnership)
        else:
            tops.append(partnership)
    return tops, by_parent


def _member_counts(involved: dict[int, Partnership], as_at: dt.date) -> dict[int, int]:
    counts = dict.fromkeys(involved, 0)
    for row in Participation.objects.current(as_at).filter(
        partnership__in=list(involved), kind=Participation.Kind.MEMBER_ORGANISATION
    ):
        counts[row.partnership_id] += 1
    return counts


def _sitting(involved: dict[int, Partnership], as_at: dt.date) -> dict[int, list[Membership]]:
    sitting: dict[int, list[Membership]] = {}
    for membership in (
        Membership.objects.current(as_at)
        .filter(partnership__in=list(involved), role__in=Membership.SEAT_ROLES)
        .select_related("person", "person__organisation", "organisation")
    ):
        sitting.setdefault(membership.partnership_id, []).append(membership)
    return sitting


@dataclass
class _Council:
    """The council's own seats and places in the year, read once for every section."""

    organisation: Organisation
    as_at: dt.date
    seats: list[Membership]
    taking_part: list[Participation]

    def held(self, rows):
        current = [r for r in rows if r.is_current(self.as_at)]
        return current or rows

    def seats_on(self, partnership: Partnership) -> list[Membership]:
        return [m for m in self.seats if m.partnership_id == partnership.pk]

    def parts_in(self, partnership: Partnership) -> list[Participation]:
        return [p for p in self.taking_part if p.partnership_id == partnership.pk]

    def relation(self, partnership: Partnership) -> str:
        parts = self.parts_in(partnership)
        if self.seats_on(partnership) or any(p.is_seat for p in parts):
            return "sits on"
        if parts:
            return "takes part in"
        if partnership.host_organisation_id == self.organisation.pk:
            return "hosts"
        return ""


def _section_achievements(partnership, subs, folded, achievements) -> list:
    work = [p for told in achievements.get(partnership.pk, []) for p in told]
    for sub in subs:
        for told in achievements.get(sub.pk, []):
            # A sub-group's results are its own: named, unless the heading already names it.
            if len(folded) != 1 or folded[0][0] != sub:
                told = [Paragraph(f"{sub.label}: {told[0].text}", told[0].bullets), *told[1:]]
            work.extend(told)
    return work


def _in_narrative_order(found: list[PartnershipInReview], narrative: Narrative | None) -> list[PartnershipInReview]:
    order = narrative.section_order_list if narrative else []

    def position(item: PartnershipInReview):
        for index, name in enumerate(order):
            if _matches(item.partnership, name):
                return (index, "")
        return (len(order), item.partnership.name.lower())

    return sorted(found, key=position)


def review_partnerships(
    *, organisation: Organisation, year: int, as_at: dt.date, narrative: Narrative | None = None
) -> tuple[list[PartnershipInReview], list[ContributionLine]]:
    """Every partnership the council took part in during the year, a sub-group folded into its parent's section."""
    first, last = financial_year_start(year), financial_year_end(year)
    council = _Council(
        organisation=organisation,
        as_at=as_at,
        seats=list(
            Membership.objects.filter(organisation=organisation)
            .filter(held_between(first, last) | held_between(as_at, as_at))
            .filter(role__in=[*Membership.SEAT_ROLES, Membership.Role.ALTERNATE])
            .select_related("person", "person__organisation", "organisation")
        ),
        taking_part=list(
            Participation.objects.filter(organisation=organisation)
            .filter(held_between(first, last) | held_between(as_at, as_at))
            .select_related("organisation")
        ),
    )
    contributions = _contributions(organisation=organisation, year=year)
    involved = _involved(
        organisation,
        {m.partnership_id for m in council.seats}
        | {p.partnership_id for p in council.taking_part}
        | {c.partnership.pk for c in contributions},
    )
    tops, by_parent = _nested(involved)
    member_counts = _member_counts(involved, as_at)
    sitting = _sitting(involved, as_at)
    achievements = review_achievements(partnerships=list(involved.values()), year=year)

    found = []
    for partnership in tops:
        mine = council.held(council.seats_on(partnership))
        parts = council.held(council.parts_in(partnership))
        representatives = sorted((Seat.of(m) for m in mine), key=_seat_sort_key)
        offices = [p for p in parts if p.kind == Participation.Kind.OFFICE]
        subs = by_parent.get(partnership.pk, [])
        folded = [(sub, council.relation(sub)) for sub in subs if council.relation(sub)]
        others = []
        if not mine and not parts:
            others = sorted(
                (Seat.of(m) for m in sitting.get(partnership.pk, []) if m.organisation_id != organisation.pk),
                key=_seat_sort_key,
            )
        found.append(
            PartnershipInReview(
                partnership=partnership,
                representatives=[Representative.of_seat(s) for s in representatives]
                + [Representative.of_office(p) for p in offices],
                vacant=[p for p in parts if p.kind == Participation.Kind.VACANT],
                member_organisations=member_counts.get(partnership.pk, 0),
                is_member_organisation=any(p.kind == Participation.Kind.MEMBER_ORGANISATION for p in parts),
                hosted=partnership.host_organisation_id == organisation.pk,
                folded=folded,
                others=others,
                contributions=[c for c in contributions if c.partnership.pk in {partnership.pk, *[s.pk for s in subs]}],
                achievements=_section_achievements(partnership, subs, folded, achievements),
            )
        )
    return _in_narrative_order(found, narrative), contributions
