"""Everything a report says, read from the records: one function per section, a fixed number of queries.

The annual update lives in `annual_update` and follows "The Oxford Strategic Partnership, annual update to
Council, March 2023"; the council review below follows "Cambridge City Council, Annual Review of
Strategic Partnerships 2024". Sections whose records live in an app this service does not keep say so
in the report instead of inventing content: see `Unavailable`.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from partnerships.models import (
    Contribution,
    Membership,
    Organisation,
    Partnership,
    financial_year_end,
    financial_year_label,
    financial_year_start,
)

from .annual_update import AnnualUpdate, Cover, Money, SteeringGroup, SubGroup, annual_update, membership_appendix
from .blocks import (
    SEAT_ORDER,
    SECTOR_PHRASES,
    Author,
    Paragraph,
    Seat,
    Unavailable,
    _achievement_paragraph,
    _current,
    _during,
    _held_between,
    _model,
    _month,
    _narrative,
    _seat_sort_key,
    author,
    paragraphs,
)
from .models import Kind, Narrative
from .update_activity import ThemeActivity, topics
from .update_forward import ForwardPlan, open_challenges, open_task_groups, plan_priorities

__all__ = [
    "SEAT_ORDER",
    "SECTOR_PHRASES",
    "AnnualUpdate",
    "Author",
    "Cover",
    "ForwardPlan",
    "Money",
    "Paragraph",
    "Seat",
    "SteeringGroup",
    "SubGroup",
    "ThemeActivity",
    "Unavailable",
    "annual_update",
    "author",
    "council_review",
    "membership_appendix",
    "open_challenges",
    "open_task_groups",
    "paragraphs",
    "plan_priorities",
    "topics",
    "_achievement_paragraph",
    "_current",
    "_during",
    "_held_between",
    "_model",
    "_month",
    "_narrative",
    "_seat_sort_key",
]


# Council-wide review (seeds/004) ------------------------------------------------------------------


@dataclass
class DecisionLine:
    meeting: str
    text: str


@dataclass
class PartnershipInReview:
    """One partnership in a council's review: who represents the council, what it did, what it decided."""

    partnership: Partnership
    representatives: list[Seat]
    chair: Seat | None
    hosted: bool
    contributions: list[Contribution]
    achievements: list[Paragraph] | Unavailable
    decisions: list[DecisionLine] | Unavailable

    @property
    def heading(self) -> str:
        p = self.partnership
        return f"{p.name} ({p.short_name})" if p.short_name else p.name

    @property
    def description(self) -> str:
        p = self.partnership
        text = p.mission or p.purpose
        if p.kind == Partnership.Kind.STATUTORY and p.legal_basis:
            text = f"{text} It is a statutory partnership under the {p.legal_basis}.".strip()
        return text


def review_partnerships(*, organisation: Organisation, year: int, as_at: dt.date) -> list[PartnershipInReview]:
    """Every partnership the council sat on, hosted or paid into during the year, with its representatives."""
    seats = list(
        _during(Membership.objects.filter(organisation=organisation), year)
        .filter(role__in=[*Membership.SEAT_ROLES, Membership.Role.ALTERNATE])
        .select_related("person", "person__organisation", "organisation")
    )
    contributions = list(
        Contribution.objects.filter(organisation=organisation, year=year).select_related("organisation")
    )
    ids = {m.partnership_id for m in seats} | {c.partnership_id for c in contributions}
    partnerships = list(Partnership.objects.filter(Q(pk__in=ids) | Q(host_organisation=organisation)).order_by("name"))
    chairs: dict[int, Membership] = {}
    for membership in (
        Membership.objects.current(as_at)
        .filter(partnership__in=partnerships, role=Membership.Role.CHAIR)
        .select_related("person", "person__organisation", "organisation")
        .order_by("start_date")
    ):
        chairs[membership.partnership_id] = membership
    theme_work = review_achievements(partnerships=partnerships, year=year)
    decisions = review_decisions(partnerships=partnerships, year=year)
    found = []
    for partnership in partnerships:
        # Representatives as at the report date; if the council's seat ended during the year, those who held it.
        held = [m for m in seats if m.partnership_id == partnership.pk]
        current = [m for m in held if m.is_current(as_at)] or held
        found.append(
            PartnershipInReview(
                partnership=partnership,
                representatives=sorted((Seat.of(m) for m in current), key=_seat_sort_key),
                chair=Seat.of(chairs[partnership.pk]) if partnership.pk in chairs else None,
                hosted=partnership.host_organisation_id == organisation.pk,
                contributions=[c for c in contributions if c.partnership_id == partnership.pk],
                achievements=theme_work if isinstance(theme_work, Unavailable) else theme_work.get(partnership.pk, []),
                decisions=decisions if isinstance(decisions, Unavailable) else decisions.get(partnership.pk, []),
            )
        )
    return found


def review_achievements(*, partnerships: list[Partnership], year: int) -> dict[int, list[Paragraph]] | Unavailable:
    """What each partnership achieved in the year, from its achievements (seeds/004 §3.3–3.59)."""
    Achievement = _model("themes", "Achievement")
    if Achievement is None:
        return Unavailable(
            "Achievements are not yet recorded in Roundtable, so what the partnership did this year is not listed."
        )
    found: dict[int, list[Paragraph]] = {}
    for achievement in (
        Achievement.objects.filter(
            partnership__in=partnerships, achieved_on__range=(financial_year_start(year), financial_year_end(year))
        )
        .prefetch_related("figures")
        .order_by("achieved_on", "pk")
    ):
        found.setdefault(achievement.partnership_id, []).append(_achievement_paragraph(achievement))
    return found


def review_decisions(*, partnerships: list[Partnership], year: int) -> dict[int, list[DecisionLine]] | Unavailable:
    """Decisions each partnership took in the year, from its meetings (seeds/004 Appendices A and B)."""
    Decision = _model("meetings", "Decision")
    if Decision is None:
        return Unavailable("Meetings are not yet recorded in Roundtable, so decisions taken are not listed.")
    Meeting = _model("meetings", "Meeting")
    found: dict[int, list[DecisionLine]] = {}
    for decision in (
        Decision.objects.filter(
            item__meeting__partnership__in=partnerships,
            item__meeting__date__range=(financial_year_start(year), financial_year_end(year)),
        )
        .exclude(item__meeting__status=Meeting.Status.CANCELLED)
        .select_related("item__meeting")
        .order_by("item__meeting__date", "item__position", "recorded_at")
    ):
        meeting = decision.item.meeting
        text = " ".join(decision.resolution.split())
        if decision.method == Decision.Method.VOTE:
            text = (
                f"{text} ({decision.get_outcome_display()}: {decision.votes_for} for, {decision.votes_against} against)"
            )
        found.setdefault(meeting.partnership_id, []).append(
            DecisionLine(meeting=f"{meeting.name}, {meeting.date:%-d %B %Y}", text=f"{decision.item.title}: {text}")
        )
    return found


@dataclass
class ReviewCover:
    addressed_to: list[str]
    report_by: str
    contact: str
    wards_affected: str
    key_decision: str
    date_label: str


@dataclass
class CouncilReview:
    kind: str
    organisation: Organisation
    narrative: Narrative
    year: int
    as_at: dt.date
    cover: ReviewCover
    executive_summary: list[Paragraph]
    recommendations: list[str]
    background: list[Paragraph]
    partnerships: list[PartnershipInReview]
    contributions: list[Contribution]
    financial: list[Paragraph]
    staffing: list[Paragraph]
    equalities: list[Paragraph]
    environment: list[Paragraph]
    procurement: list[Paragraph]
    community_safety: list[Paragraph]
    consultation: list[Paragraph]
    background_papers: list[str]
    author: Author | None

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)

    @property
    def title(self) -> str:
        return f"{self.organisation.name}: annual review of strategic partnerships {self.year_label}"

    @property
    def contributions_total(self) -> Decimal:
        return sum((c.amount for c in self.contributions), Decimal(0))

    @property
    def decision_appendices(self) -> list[tuple[str, PartnershipInReview]]:
        """Appendix A, B, … for each partnership that took decisions in the year."""
        with_decisions = [p for p in self.partnerships if not isinstance(p.decisions, Unavailable) and p.decisions]
        return [(f"Appendix {chr(ord('A') + i)}", p) for i, p in enumerate(with_decisions[:26])]


def council_review(*, organisation: Organisation, year: int, as_at: dt.date) -> CouncilReview:
    """Everything a council's annual review of its strategic partnerships says."""
    narrative = _narrative(kind=Kind.COUNCIL_REVIEW, year=year, organisation=organisation)
    found = review_partnerships(organisation=organisation, year=year, as_at=as_at)
    contributions = sorted((c for p in found for c in p.contributions), key=lambda c: (-c.amount, c.partnership.name))
    writer = author(narrative=narrative)
    contact = ""
    if writer:
        contact = " ".join(
            part
            for part in (
                f"Tel: {writer.telephone}" if writer.telephone else "",
                f"Email: {writer.email}" if writer.email else "",
            )
            if part
        )
    recommendations = narrative.recommendation_list or [
        "Note the achievements and progress of the strategic partnerships the Council is engaged with, "
        "as detailed in section 3."
    ]
    summary = paragraphs(narrative.executive_summary) or [
        Paragraph(
            f"This report provides an annual report on the work of the strategic partnerships that "
            f"{organisation.name} is involved in, for {financial_year_label(year)}."
        )
    ]
    return CouncilReview(
        kind=Kind.COUNCIL_REVIEW,
        organisation=organisation,
        narrative=narrative,
        year=year,
        as_at=as_at,
        cover=ReviewCover(
            addressed_to=[line for line in narrative.addressed_to.splitlines() if line.strip()],
            report_by=", ".join(p for p in (writer.name, writer.job_title) if p) if writer else narrative.report_of,
            contact=contact,
            wards_affected=narrative.wards_affected or "All",
            key_decision="Key Decision" if narrative.is_key_decision else "Not a Key Decision",
            date_label=_month(narrative.report_date or as_at),
        ),
        executive_summary=summary,
        recommendations=recommendations,
        background=paragraphs(narrative.introduction),
        partnerships=found,
        contributions=contributions,
        financial=paragraphs(narrative.financial),
        staffing=paragraphs(narrative.staffing),
        equalities=paragraphs(narrative.equalities),
        environment=paragraphs(narrative.environment),
        procurement=paragraphs(narrative.procurement),
        community_safety=paragraphs(narrative.community_safety),
        consultation=paragraphs(narrative.consultation),
        background_papers=narrative.background_paper_list,
        author=writer,
    )
