"""Writing section 3 of a council's review: each partnership's paragraphs, in the council's own phrasing."""

from partnerships.models import Organisation, Participation, Partnership

from ..blocks import Paragraph, paragraphs
from .records import PartnershipInReview

NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
# Names that read with "the" in a sentence: "the Fast Growth Cities group", but "Innovate Cambridge".
ARTICLE_WORDS = {
    "agency",
    "alliance",
    "authority",
    "bid",
    "board",
    "council",
    "district",
    "group",
    "network",
    "partnership",
    "service",
    "system",
}


def _and(items: list[str]) -> str:
    items = [item for item in items if item]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _count(number: int) -> str:
    return NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else str(number)


def _the(partnership: Partnership, *, short: bool = True) -> str:
    """The partnership as a sentence names it: 'the GCP', 'the Fast Growth Cities group', 'Innovate Cambridge'."""
    name = partnership.name
    if name.lower().startswith("the "):
        return name
    wants_article = name.split()[-1].lower() in ARTICLE_WORDS
    if short and partnership.short_name:
        acronym = partnership.short_name.isupper() and " " not in partnership.short_name
        return f"the {partnership.short_name}" if wants_article or acronym else partnership.short_name
    return f"the {name}" if wants_article else name


# Writing section 3 -------------------------------------------------------------------------------


def _description(item: PartnershipInReview) -> list[Paragraph]:
    """What the partnership is: its mission quoted exactly, or its purpose in its own words."""
    p = item.partnership
    if p.mission:
        mission = " ".join(p.mission.split())
        if mission.startswith("To "):
            found = [Paragraph(f"The mission of {_the(p, short=False)} is to “{mission[3:]}”")]
        else:
            found = [Paragraph(f"The mission of {_the(p, short=False)} is: “{mission}”")]
    else:
        found = paragraphs(p.purpose)
    if p.kind == Partnership.Kind.STATUTORY and p.legal_basis:
        if found:
            found[0] = Paragraph(
                f"{found[0].text} It is a statutory partnership under the {p.legal_basis}.", found[0].bullets
            )
        else:
            found = [Paragraph(f"It is a statutory partnership under the {p.legal_basis}.")]
    return found


def _taking_part(item: PartnershipInReview, organisation: Organisation) -> Paragraph | None:
    """How the council takes part: one of its member organisations, who holds its seat, what it hosts."""
    p, council = item.partnership, organisation.name
    sentences = []
    reps = _and([r.text for r in item.representatives])
    if item.is_member_organisation:
        membership = (
            f"{council} is one of {_count(item.member_organisations)} member organisations of {_the(p)}"
            if item.member_organisations > 1
            else f"{council} is a member organisation of {_the(p)}"
        )
        sentences.append(f"{membership}, and is represented by {reps}." if reps else f"{membership}.")
    elif reps:
        sentences.append(f"{council} is represented on {_the(p)} by {reps}.")
    for seat in item.vacant:
        which = f"seat for {seat.office}" if seat.office else "seat"
        since = f" since {seat.start_date:%-d %B %Y}" if seat.start_date else ""
        sentences.append(f"{council}'s {which} on {_the(p)} has been vacant{since}.")
    if item.hosted:
        sentences.append(f"{council} hosts {_the(p)}.")
    for verb in ("sits on", "takes part in", "hosts"):
        subs = [f"{_the(sub, short=False)}" for sub, how in item.folded if how == verb]
        if subs:
            sentences.append(f"{council} {'also ' if sentences else ''}{verb} {_and(subs)}.")
    if not sentences:
        if item.others:
            sentences.append(
                f"{council} has no seat of its own on {_the(p)}; those who sit on it include "
                f"{_and([f'{s.name} ({s.position})' if s.position else s.name for s in item.others])}."
            )
        elif item.contributions:
            sentences.append(f"{council} contributes to {_the(p)} but holds no seat on it.")
        else:
            return None
    return Paragraph(" ".join(sentences))


def _decisions_paragraph(item: PartnershipInReview) -> Paragraph | None:
    """'The Board met on 20 March and 5 June. The decision sheets from those meetings are attached as …'"""
    sheets = [a for a in item.appendices if not a.report]
    if not sheets:
        return None
    name = _the(item.partnership, short=False)
    dates = _and([f"{d:%-d %B %Y}" for d in sorted({a.date for a in sheets})])
    letters = [a.letter for a in sheets]
    if len(letters) > 1:
        text = f"The decision sheets from those meetings are attached as Appendices {_and(letters)}."
    else:
        text = f"The decision sheet from that meeting is attached as Appendix {letters[0]}."
    for report in (a for a in item.appendices if a.report):
        text += (
            f" The {report.report} to the meeting on {report.date:%-d %B %Y} is attached as Appendix {report.letter}."
        )
    return Paragraph(f"{name[0].upper()}{name[1:]} met on {dates}. {text}")


def _by_default_paragraph(items: list[PartnershipInReview], organisation: Organisation, text: str) -> Paragraph:
    bullets = []
    for item in items:
        bullet = " ".join(item.partnership.purpose.split()).rstrip(".") or item.partnership.name
        done = "; ".join(p.text.rstrip(".") for p in item.achievements)
        bullets.append(f"{bullet}: {done[0].lower()}{done[1:]}" if done else bullet)
    intro = " ".join(text.split()) or (
        f"In addition to the strategic partnerships above, {organisation.name} works in partnership with others "
        "to achieve a range of policy priorities and objectives. These include:"
    )
    return Paragraph(intro, bullets)


def _shared_services_paragraphs(items: list[PartnershipInReview], organisation: Organisation, text: str):
    """Which services the council shares, with which councils, from each shared service's member organisations."""
    if not items:
        return []
    partners: dict[int, set[str]] = {}
    for row in (
        Participation.objects.filter(partnership__in=[i.partnership for i in items])
        .exclude(organisation=organisation)
        .select_related("organisation")
    ):
        partners.setdefault(row.partnership_id, set()).add(row.organisation.name)
    groups: dict[tuple[str, ...], list[str]] = {}
    for item in items:
        key = tuple(sorted(partners.get(item.partnership.pk, set())))
        groups.setdefault(key, []).append(item.partnership.short_name or item.partnership.name)
    everyone = sorted({name for key in groups for name in key})
    opening = f"{organisation.name} is also a strategic partner in a number of shared services"
    opening = f"{opening} with {_and(everyone)}:" if everyone else f"{opening}:"
    bullets = [
        f"Shared with {_and(list(key))}: {_and(names)}" if key else _and(names)
        for key, names in sorted(groups.items(), key=lambda kv: len(kv[0]))
    ]
    return [Paragraph(opening, bullets), *paragraphs(text)]
