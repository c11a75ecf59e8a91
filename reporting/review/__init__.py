"""A council's annual review of every partnership it takes part in, read from the records.

The layout is that of "Cambridge City Council, Annual Review of Strategic Partnerships 2024": the
recommendations to each addressee, then in section 3 one section per partnership (its purpose, how the
council takes part, what it did that year, the decisions attached as appendices), the partnerships
"by default" listed together, and the shared services. Section 3 is numbered here, before rendering,
so that the recommendations can point at the paragraphs the report prints.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from partnerships.models import Organisation, Partnership, financial_year_label

from ..blocks import Author, Paragraph, _month, _narrative, author, paragraphs
from ..models import Kind, Narrative
from .records import (
    ContributionLine,
    DecisionAppendix,
    DecisionLine,
    Numbered,
    PartnershipInReview,
    Representative,
    _matches,
    decision_window,
    review_decision_appendices,
    review_partnerships,
)
from .writing import (
    _by_default_paragraph,
    _decisions_paragraph,
    _description,
    _shared_services_paragraphs,
    _taking_part,
)

REFERENCE = re.compile(r"\[paragraphs?:\s*(?P<names>[^\]]+?)\s*\]", re.IGNORECASE)


@dataclass
class RecommendationGroup:
    """The recommendations to one addressee: 'That the Leader:' then a), b) …"""

    addressee: str
    items: list[str]


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
    recommendation_groups: list[RecommendationGroup]
    background: list[Numbered]
    partnerships: list[PartnershipInReview]
    by_default: list[Numbered]
    shared_services: list[Numbered]
    contributions: list[ContributionLine]
    financial: list[Paragraph]
    staffing: list[Paragraph]
    equalities: list[Paragraph]
    environment: list[Paragraph]
    procurement: list[Paragraph]
    community_safety: list[Paragraph]
    consultation: list[Paragraph]
    background_papers: list[str]
    author: Author | None
    decision_appendices: list[DecisionAppendix]

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
    def recommendations(self) -> list[str]:
        return [item for group in self.recommendation_groups for item in group.items]

    @property
    def takes_part(self) -> bool:
        return bool(self.partnerships or self.by_default or self.shared_services)


class _Numberer:
    def __init__(self, section: int):
        self.section, self.count = section, 0

    def take(self, paragraph: Paragraph) -> Numbered:
        self.count += 1
        return Numbered(f"{self.section}.{self.count}", paragraph.text, list(paragraph.bullets))


def _resolve(text: str, ranges: dict[str, tuple[str, str]]) -> str:
    """[paragraphs: CSP] or [paragraphs: CPCA to Innovate Cambridge] -> 'paragraphs 3.47 – 3.53'."""

    def replace(match):
        names = re.split(r"\s+(?:to|–|-)\s+", match.group("names"))
        found = [ranges.get(name.strip().lower()) for name in names]
        if any(f is None for f in found):
            return match.group(0)
        first, last = found[0][0], found[-1][1]
        return f"paragraph {first}" if first == last else f"paragraphs {first} – {last}"

    return REFERENCE.sub(replace, text)


def _resolved(paras: list[Paragraph], ranges) -> list[Paragraph]:
    return [Paragraph(_resolve(p.text, ranges), [_resolve(b, ranges) for b in p.bullets]) for p in paras]


def recommendation_groups(text: str, ranges, *, fallback: str) -> list[RecommendationGroup]:
    """The officer's recommendations, each addressee's line ('That the Leader:') starting a group."""
    groups: list[RecommendationGroup] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(":"):
            groups.append(RecommendationGroup(addressee=line, items=[]))
            continue
        if not groups:
            groups.append(RecommendationGroup(addressee="", items=[]))
        groups[-1].items.append(_resolve(line.lstrip("-• ").strip(), ranges))
    groups = [g for g in groups if g.items]
    return groups or [RecommendationGroup(addressee="", items=[_resolve(fallback, ranges)])]


def council_review(*, organisation: Organisation, year: int, as_at: dt.date) -> CouncilReview:
    """Everything a council's annual review of its strategic partnerships says."""
    narrative = _narrative(kind=Kind.COUNCIL_REVIEW, year=year, organisation=organisation)
    found, contributions = review_partnerships(organisation=organisation, year=year, as_at=as_at, narrative=narrative)
    appendices = review_decision_appendices(
        organisation=organisation, partnerships=[i.partnership for i in found], year=year, as_at=as_at
    )
    for item in found:
        item.appendices = [a for a in appendices if a.partnership.pk == item.partnership.pk]
    defaults = narrative.by_default_list
    by_default = sorted(
        (i for i in found if any(_matches(i.partnership, name) for name in defaults)),
        key=lambda i: next(n for n, name in enumerate(defaults) if _matches(i.partnership, name)),
    )
    shared = sorted(
        (i for i in found if i.partnership.kind == Partnership.Kind.SHARED_SERVICE and i not in by_default),
        key=lambda i: i.partnership.pk,
    )
    sections = [i for i in found if i not in by_default and i not in shared]

    number = _Numberer(3)
    background = [number.take(p) for p in paragraphs(narrative.introduction)] or [
        number.take(
            Paragraph(
                f"A summary of the activities of each of the partnerships that {organisation.name} takes part in, "
                "and of its part in each, is set out below."
            )
        )
    ]
    ranges: dict[str, tuple[str, str]] = {}
    for item in sections:
        raw = [*_description(item), _taking_part(item, organisation), *item.achievements, _decisions_paragraph(item)]
        item.paragraphs = [number.take(p) for p in raw if p is not None]
        if item.paragraphs:
            span = (item.paragraphs[0].number, item.paragraphs[-1].number)
            for key in (item.partnership.name, item.partnership.short_name, item.partnership.slug):
                if key:
                    ranges.setdefault(key.lower(), span)
    default_paras = (
        [number.take(_by_default_paragraph(by_default, organisation, narrative.by_default_introduction))]
        if by_default
        else []
    )
    if default_paras:
        ranges.setdefault("partnership by default", (default_paras[0].number, default_paras[-1].number))
    shared_paras = [
        number.take(p) for p in _shared_services_paragraphs(shared, organisation, narrative.shared_services)
    ]
    if shared_paras:
        ranges.setdefault("shared services", (shared_paras[0].number, shared_paras[-1].number))

    writer = author(narrative=narrative)
    contact = " ".join(
        part
        for part in (
            f"Tel: {writer.telephone}" if writer and writer.telephone else "",
            f"Email: {writer.email}" if writer and writer.email else "",
        )
        if part
    )
    everything = (sections[0].partnership.name, sections[-1].partnership.name) if sections else None
    fallback = (
        "Note the achievements and progress of the strategic partnerships the Council is engaged with, as detailed "
        + (f"in [paragraphs: {everything[0]} to {everything[1]}]." if everything else "in section 3.")
    )
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
        recommendation_groups=recommendation_groups(narrative.recommendations, ranges, fallback=fallback),
        background=background,
        partnerships=sections,
        by_default=default_paras,
        shared_services=shared_paras,
        contributions=contributions,
        financial=_resolved(paragraphs(narrative.financial), ranges),
        staffing=_resolved(paragraphs(narrative.staffing), ranges),
        equalities=_resolved(paragraphs(narrative.equalities), ranges),
        environment=_resolved(paragraphs(narrative.environment), ranges),
        procurement=_resolved(paragraphs(narrative.procurement), ranges),
        community_safety=_resolved(paragraphs(narrative.community_safety), ranges),
        consultation=paragraphs(narrative.consultation),
        background_papers=narrative.background_paper_list,
        author=writer,
        decision_appendices=appendices,
    )


__all__ = [
    "ContributionLine",
    "CouncilReview",
    "DecisionAppendix",
    "DecisionLine",
    "PartnershipInReview",
    "Representative",
    "council_review",
    "decision_window",
    "recommendation_groups",
    "review_partnerships",
]
