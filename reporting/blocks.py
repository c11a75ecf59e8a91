"""What every report is built from: numbered paragraphs, seats as a council report names them, the officer's text."""

import datetime as dt
import re
from dataclasses import dataclass, field

from partnerships.intervals import held_between
from partnerships.models import Membership, Organisation, financial_year_end, financial_year_start

from .models import Narrative

SECTOR_PHRASES = [
    (Organisation.Sector.PUBLIC, "public sector"),
    (Organisation.Sector.PRIVATE, "private sector"),
    (Organisation.Sector.REPRESENTATIVE, "representative organisations"),
]
SEAT_ORDER = {Membership.Role.CHAIR: 0, Membership.Role.DEPUTY_CHAIR: 1}


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


def _month(value: dt.date | None) -> str:
    return f"{value:%B %Y}" if value else ""


def _during(queryset, year: int):
    """Memberships held at any time during the financial year."""
    return queryset.filter(held_between(financial_year_start(year), financial_year_end(year)))


# Words too common to tell one statement from another when looking for a fact said twice.
_COMMON = {
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "into",
    "will",
    "have",
    "been",
    "their",
    "them",
    "they",
    "also",
    "which",
    "where",
    "what",
    "more",
    "most",
    "over",
    "such",
    "than",
    "then",
    "there",
    "these",
    "those",
    "were",
    "when",
    "while",
    "your",
    "about",
    "after",
    "before",
    "being",
    "both",
    "each",
    "other",
    "only",
    "some",
    "very",
}


def _words(text: str) -> set[str]:
    return {word.rstrip("s") for word in re.findall(r"[a-z0-9£]+", text.lower()) if len(word) > 3} - _COMMON


def repeats(text: str, said: set[str], share: float = 0.6) -> bool:
    """Whether a statement is already made: most of its telling words are in what has been said."""
    words = _words(text)
    return bool(words) and len(words & said) / len(words) >= share


def said_in(*texts: str) -> set[str]:
    """The telling words of what a report has already said."""
    found: set[str] = set()
    for text in texts:
        found |= _words(text or "")
    return found


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
    alternate_for: str = ""

    @classmethod
    def of(cls, membership: Membership, *, alternate_for: str = "") -> "Seat":
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
            alternate_for=alternate_for,
        )

    @property
    def position(self) -> str:
        """'Registrar, University of Oxford', as the OSP's membership appendix prints it."""
        return ", ".join(part for part in (self.job_title, self.organisation) if part)

    @property
    def name_and_position(self) -> str:
        """'Paul James – Chief Executive, River Learning Trust', as the annual update names a chair."""
        return f"{self.name} – {self.position}" if self.position else self.name

    @property
    def appendix_label(self) -> str:
        """What follows the name in a membership appendix: '(Chair)', '(Observer, no vote)', '(alternate for …)'."""
        if self.role == Membership.Role.OBSERVER:
            return "Observer, no vote"
        if self.role == Membership.Role.ALTERNATE:
            return f"alternate for {self.alternate_for}" if self.alternate_for else "alternate"
        if self.role == Membership.Role.DEPUTY_CHAIR:
            return "Deputy Chair"
        return self.role_label


def _seat_sort_key(seat: Seat):
    return (SEAT_ORDER.get(seat.role, 2), seat.name.split()[-1].lower(), seat.name.lower())


def _current(memberships: list[Membership], on: dt.date) -> list[Membership]:
    return [m for m in memberships if m.is_current(on)]


def _narrative(*, kind: str, year: int, partnership=None, organisation=None) -> Narrative:
    """The officer's narrative for the year, or an empty one (not saved) when none has been written."""
    found = (
        Narrative.objects.filter(kind=kind, year=year, partnership=partnership, organisation=organisation)
        .select_related("author")
        .first()
    )
    return found or Narrative(kind=kind, year=year, partnership=partnership, organisation=organisation)


def _achievement_paragraph(achievement) -> Paragraph:
    """An achievement as the annual update sets one out: what was done, then its figures as bullets."""
    text = achievement.title.strip()
    if achievement.description.strip():
        text = f"{text.rstrip('.')}. {' '.join(achievement.description.split())}"
    return Paragraph(text, [figure.display for figure in achievement.figures.all()])


@dataclass
class Author:
    name: str
    job_title: str
    service_area: str
    telephone: str
    email: str


def author(*, narrative: Narrative, person=None) -> Author | None:
    """The report author and contact table, after the conclusion; `person` as at the report date if given."""
    person = person or narrative.author
    if person is None:
        return None
    return Author(
        name=person.display_name,
        job_title=person.job_title,
        service_area=narrative.author_service_area,
        telephone=narrative.author_telephone or person.phone,
        email=narrative.author_email or person.email,
    )
