"""The annual update's activity and achievements, theme by theme, each result under the partnership that holds it.

A theme led by a sub-group carries that sub-group's achievements, funding won and agreed priorities, told
as the sub-group's. A partnership outside the family whose work touches one of the themes (one that
reports to another body) is described in the theme's part with its chairs, support and working groups.
What the theme reports say is kept only where it adds to the achievements: nothing is said twice.
"""

import datetime as dt
from dataclasses import dataclass, field

from meetings.models import AgendaItem, Meeting
from partnerships.history import by_key_at, moment_after, records_at
from partnerships.models import FundingAward, Partnership, financial_year_end, financial_year_start
from taskgroups.models import Challenge, TaskGroup
from themes.models import Achievement, Plan, Theme, ThemeReport

from .blocks import Paragraph, _achievement_paragraph, paragraphs, repeats, said_in
from .register import groups_of


@dataclass
class ThemeActivity:
    """One theme's year: its achievements (with figures), the lead group's money and priorities, what is under way."""

    name: str
    lead: str
    lead_label: str = ""
    owned_by_lead: bool = False
    achievements: list[Paragraph] = field(default_factory=list)
    awards: list[Paragraph] = field(default_factory=list)
    priorities_intro: str = ""
    priorities: list[str] = field(default_factory=list)
    related: list[Paragraph] = field(default_factory=list)
    reports: list[Paragraph] = field(default_factory=list)

    @property
    def lead_text(self) -> str:
        if not self.lead:
            return ""
        if self.owned_by_lead and self.achievements:
            return f"Led by the {self.lead}; the results below are its own."
        return f"Led by the {self.lead}."


def _and_join(items: list[str]) -> str:
    items = [i for i in items if i]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


def _pounds(value) -> str:
    return f"£{value:,.0f}"


def _award_paragraph(award: FundingAward, label: str) -> Paragraph:
    match = f", with {_pounds(award.match_funding)} of match funding" if award.match_funding else ""
    purpose = f" {award.purpose.strip()}" if award.purpose.strip() else ""
    return Paragraph(f"The {label} was awarded {_pounds(award.amount)} by {award.funder}{match}.{purpose}")


def _related_paragraphs(group, register, achievements: list[Paragraph], as_at: dt.date) -> list[Paragraph]:
    """A related partnership in the words of a council report: what it is, who it reports to, who chairs it."""
    partnership = register.partnerships[group]
    detail = groups_of([partnership], register)[0]
    reports_to_keys = list(
        Partnership.reports_to.through.objects.filter(from_partnership_id=group).values_list(
            "to_partnership_id", flat=True
        )
    )
    register.load(partnerships=reports_to_keys)
    bodies = [register.partnerships[k].name for k in reports_to_keys if k in register.partnerships]
    parts = []
    if bodies:
        parts.append(f"reports to the {_and_join(bodies)}")
    chairs = [s.name_and_position for s in detail.chairs]
    if len(chairs) > 1:
        parts.append(f"is co-chaired by {_and_join(chairs)}")
    elif chairs:
        parts.append(f"is chaired by {chairs[0]}")
    if detail.support_officers:
        parts.append(f"is supported by {_and_join([s.name_and_position for s in detail.support_officers])}")
    text = partnership.purpose.strip() or f"The {partnership.label}."
    if parts:
        listed = (
            parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])}{',' if len(parts) > 2 else ''} and {parts[-1]}"
        )
        text = f"{text} It {listed}."
    found = [Paragraph(text)]
    aims = partnership.aims_list
    if len(aims) == 1:
        found.append(Paragraph(f"The aim of the {detail.label} is to {aims[0][0].lower()}{aims[0][1:].rstrip('.')}."))
    elif aims:
        found.append(Paragraph(f"The aims of the {detail.label} are:", aims))
    groups = [g for g in records_at(TaskGroup, as_at, partnership_id=group) if g.was_open_on(as_at)]
    if groups:
        names = [g.name for g in sorted(groups, key=lambda g: g.name)]
        count = len(names)
        found.append(
            Paragraph(
                f"There {'is' if count == 1 else 'are'} {count} working group{'s' if count != 1 else ''} "
                f"to deliver the {detail.label}'s work: {_and_join(names)}."
            )
        )
    found.extend(achievements)
    return found


def _agreed_priorities(group_keys: list[int], as_at: dt.date) -> dict[int, list[str]]:
    """Each group's priorities in the plan it had adopted by the report date: agreed, never claimed delivered."""
    if not group_keys:
        return {}
    in_force = Plan.objects.in_force_on(as_at, partnership_ids=group_keys)
    titles = Plan.objects.priority_titles_on(as_at, in_force.values())
    return {key: titles[plan.pk] for key, plan in in_force.items() if titles[plan.pk]}


def activity(*, partnership: Partnership, groups: list, year: int, as_at: dt.date, register) -> list[ThemeActivity]:
    """Activity and achievements over the year, by theme, each result under the partnership that holds it."""
    family = {partnership.pk} | Partnership.objects.descendant_ids(partnership.pk)
    themes = sorted(
        (t for t in records_at(Theme, as_at, partnership_id=partnership.pk) if t.status != Theme.Status.CLOSED),
        key=lambda t: (t.order, t.title),
    )
    register.load(partnerships=family | {t.lead_group_id for t in themes if t.lead_group_id})
    sections = _Sections(themes, register)
    told = _achievements(sections, partnership=partnership, family=family, themes=themes, year=year, as_at=as_at)
    _awards(sections, told, partnership=partnership, family=family, year=year)
    for group_key, titles in _agreed_priorities(list(sections.led_by), as_at).items():
        target = sections.by_theme[sections.led_by[group_key]]
        owner = register.partnerships[group_key]
        target.priorities_intro = f"The {owner.short_name or owner.name}'s priorities in {year}/{str(year + 1)[-2:]}, as agreed in its plan, were:"
        target.priorities = titles
    _related(partnership, family, themes, sections.by_theme, register, year, as_at)
    _reports(sections, told, year=year, as_at=as_at)
    return sections.in_order()


class _Sections:
    """The update's parts: one for each theme, then one for each sub-group whose work no theme holds."""

    def __init__(self, themes, register):
        self.register = register
        self.by_theme: dict[object, ThemeActivity] = {}
        self.order: dict[object, tuple] = {}
        self.owners: dict[object, set[int]] = {}
        self.led_by = {t.lead_group_id: t.pk for t in themes if t.lead_group_id}
        self.theme_keys = {t.pk for t in themes}
        for theme in themes:
            self.section(theme.pk, theme.title, theme.lead_group_id, (0, theme.order, theme.title))

    def section(self, key, title, lead_key, position) -> ThemeActivity:
        if key not in self.by_theme:
            lead = self.register.partnerships.get(lead_key) if lead_key else None
            self.by_theme[key] = ThemeActivity(
                name=title, lead=lead.label if lead else "", lead_label=(lead.short_name or lead.name) if lead else ""
            )
            self.order[key] = position
            self.owners[key] = set()
        return self.by_theme[key]

    def place(self, owner_key: int, theme_key) -> tuple[object, ThemeActivity]:
        """The part a result belongs in, and its key: its theme, the theme its owner leads, or the owner's own."""
        if theme_key in self.theme_keys:
            return theme_key, self.by_theme[theme_key]
        if owner_key in self.led_by:
            return self.led_by[owner_key], self.by_theme[self.led_by[owner_key]]
        owner = self.register.partnerships[owner_key]
        key = f"group-{owner_key}"
        return key, self.section(key, owner.name, None, (1, 0, owner.name))

    def in_order(self) -> list[ThemeActivity]:
        return [self.by_theme[key] for key in sorted(self.by_theme, key=lambda k: self.order[k])]


def _achievements(sections: _Sections, *, partnership, family, themes, year, as_at) -> dict[object, list[str]]:
    """Each achievement in its part; returns what each part has said, so nothing is told twice."""
    told: dict[object, list[str]] = {}
    held: dict[object, list[tuple[Paragraph, int]]] = {}
    for achievement in Achievement.objects.in_year_as_at(year, as_at, partnership_ids=family):
        key, _ = sections.place(achievement.partnership_id, achievement.theme_id)
        para = _achievement_paragraph(achievement)
        sections.owners[key].add(achievement.partnership_id)
        told.setdefault(key, []).extend([para.text, *para.bullets])
        held.setdefault(key, []).append((para, achievement.partnership_id))
    for key, theme in sections.by_theme.items():
        lead_key = _lead_key(themes, key)
        theme.owned_by_lead = bool(lead_key) and sections.owners[key] == {lead_key}
        for para, owner_key in held.get(key, []):
            # A sub-group's result among others is named as the sub-group's.
            if not theme.owned_by_lead and owner_key != partnership.pk:
                owner = sections.register.partnerships[owner_key]
                para.text = f"{owner.short_name or owner.name}: {para.text}"
            theme.achievements.append(para)
    return told


def _awards(sections: _Sections, told, *, partnership, family, year) -> None:
    """A sub-group's funding won, told in its own part unless an achievement has told it already."""
    for award in FundingAward.objects.filter(partnership_id__in=family - {partnership.pk}, year=year).order_by(
        "-amount", "funder"
    ):
        key, target = sections.place(award.partnership_id, None)
        if _pounds(award.amount) in " ".join(told.get(key, [])):
            continue
        owner = sections.register.partnerships[award.partnership_id]
        target.awards.append(_award_paragraph(award, owner.short_name or owner.name))


def _reports(sections: _Sections, told, *, year, as_at) -> None:
    """What the submitted theme reports add that the achievements, reports and priorities have not said."""
    reports = (
        ThemeReport.objects.filter(theme_id__in=sections.theme_keys, year=year, status=ThemeReport.Status.SUBMITTED)
        .filter(submitted_at__lt=moment_after(as_at))
        .order_by("half")
    )
    for report in reports:
        target = sections.by_theme[report.theme_id]
        said = said_in(*told.get(report.theme_id, []), *(p.text for p in target.reports), *target.priorities)
        for para in paragraphs(report.progress):
            if repeats(" ".join([para.text, *para.bullets]), said):
                continue
            target.reports.append(para)
            said |= said_in(para.text, *para.bullets)


def _lead_key(themes, key):
    for theme in themes:
        if theme.pk == key:
            return theme.lead_group_id
    return None


def _related(partnership, family, themes, by_theme, register, year, as_at) -> None:
    """Partnerships outside the family whose challenges touch one of the themes: told in that theme's part."""
    links = (
        Challenge.themes.through.objects.filter(theme_id__in=[t.pk for t in themes], challenge__raised_on__lte=as_at)
        .exclude(challenge__partnership_id__in=family)
        .order_by("challenge__partnership__name")
        .values_list("theme_id", "challenge__partnership_id")
    )
    seen: dict[int, int] = {}
    for theme_key, group in links:
        seen.setdefault(group, theme_key)
    if not seen:
        return
    register.load(partnerships=set(seen))
    achieved: dict[int, list[Paragraph]] = {}
    for achievement in Achievement.objects.in_year_as_at(year, as_at, partnership_ids=seen):
        achieved.setdefault(achievement.partnership_id, []).append(_achievement_paragraph(achievement))
    for group, theme_key in seen.items():
        if group in register.partnerships:
            by_theme[theme_key].related.extend(_related_paragraphs(group, register, achieved.get(group, []), as_at))


def topics(*, partnership: Partnership, year: int) -> list[str]:
    """Other topics covered at the year's meetings, from their agendas.

    Major and other items only: standing items are the same at every meeting, and theme updates and
    task-and-finish reports have sections of their own.
    """
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


__all__ = ["ThemeActivity", "activity", "topics", "by_key_at"]
