"""What one search finds, kind by kind, and only what the reader may open.

Each kind is one query whatever the number of hits. The queryset narrows to the partnerships the
reader may see (the access rules' own querysets) and to the meetings whose agenda or record is out;
every hit is then checked again with the meetings app's own rules (can_read_paper, page_flags)
before it is shown, so a search can never say more than the page it links to.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.functions import NullIf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.access import can_read_paper
from meetings.models import Action, AgendaItem, Decision, Meeting, Paper, PaperVersion
from meetings.views.common import page_flags
from partnerships.access import Access

MAX_QUERY = 200
PER_KIND = 10
SNIPPET_CHARS = 220
CONFIG = "english"
# Private-use characters mark the match in PostgreSQL's headline; the text is escaped before they become <mark>.
_START, _STOP = "\ue000", "\ue001"


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    context: str
    snippet: SafeString


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    hits: list[Hit]


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    queryset: Callable[[Access], object]
    fields: tuple[str, ...]
    snippet: tuple[str, ...]
    may_read: Callable[[Access, object], bool]
    title: Callable[[object], str]
    url: Callable[[object], str]
    context: Callable[[object], str]


def _meeting_label(meeting: Meeting) -> str:
    partnership = meeting.partnership
    return f"{partnership.short_name or partnership.name}: {meeting.name}, {meeting.date:%-d %B %Y}"


def _public(prefix: str, *, shown: str) -> Q:
    """Rows of a public partnership's meetings whose agenda is published (or whose minutes are approved)."""
    public = Q(**{f"{prefix}partnership__is_public": True})
    if shown == "agenda":
        return public & Q(**{f"{prefix}agenda_published_at__isnull": False}) & ~Q(**{f"{prefix}status": "cancelled"})
    return public & Q(**{f"{prefix}minutes_status": Meeting.MinutesStatus.APPROVED})


def _scope(access: Access, prefix: str, *, shown: str) -> Q:
    """Rows of meetings whose agenda (or record) the reader may see: all of them where it reads the partnership."""
    if access.is_admin:
        return Q()
    return Q(**{f"{prefix}partnership_id__in": access.readable_ids}) | _public(prefix, shown=shown)


def _shows(meeting: Meeting, access: Access, flag: str) -> bool:
    return access.can_see(meeting.partnership) and page_flags(access.level(meeting.partnership), meeting)[flag]


def _papers(access: Access):
    papers = Paper.objects.filter(current__isnull=False).select_related("current", "item__meeting__partnership")
    if access.is_admin:
        return papers
    return papers.filter(
        Q(item__meeting__partnership_id__in=access.readable_ids)
        | (_public("item__meeting__", shown="agenda") & Q(is_confidential=False))
    )


def _paper_readable(access: Access, paper: Paper) -> bool:
    meeting = paper.item.meeting
    return can_read_paper(access.level(meeting.partnership), paper, meeting)


KINDS = [
    Kind(
        "partnerships",
        "Partnerships",
        lambda access: access.visible_partnerships(),
        ("name", "short_name", "purpose", "vision", "mission", "aims"),
        ("purpose", "vision", "mission", "aims"),
        lambda access, partnership: access.can_see(partnership),
        lambda partnership: partnership.name,
        lambda partnership: partnership.get_absolute_url(),
        lambda partnership: partnership.get_kind_display(),
    ),
    Kind(
        "people",
        "People",
        lambda access: access.readable_people().select_related("organisation"),
        ("first_name", "last_name", "honorific", "job_title"),
        ("job_title",),
        lambda access, person: True,
        lambda person: person.display_name,
        lambda person: person.get_absolute_url(),
        lambda person: person.organisation.name if person.organisation else "",
    ),
    Kind(
        "meetings",
        "Meetings",
        lambda access: Meeting.objects.visible_to(access).select_related("partnership"),
        ("title", "venue", "cancelled_reason"),
        ("venue", "cancelled_reason"),
        lambda access, meeting: access.can_see(meeting.partnership),
        lambda meeting: f"{meeting.name}, {meeting.date:%-d %B %Y}",
        lambda meeting: meeting.get_absolute_url(),
        lambda meeting: meeting.partnership.name,
    ),
    Kind(
        "items",
        "Agenda items",
        lambda access: AgendaItem.objects.filter(_scope(access, "meeting__", shown="agenda")).select_related(
            "meeting__partnership"
        ),
        ("title", "summary"),
        ("summary",),
        lambda access, item: _shows(item.meeting, access, "show_agenda"),
        lambda item: item.title,
        lambda item: f"{item.meeting.get_absolute_url()}#item-{item.pk}",
        lambda item: _meeting_label(item.meeting),
    ),
    Kind(
        "papers",
        "Papers",
        _papers,
        ("title", "current__text"),
        ("current__text",),
        _paper_readable,
        lambda paper: paper.title,
        lambda paper: paper.get_absolute_url(),
        lambda paper: _meeting_label(paper.item.meeting),
    ),
    Kind(
        "minutes",
        "Minutes",
        lambda access: (
            AgendaItem.objects.exclude(minutes="")
            .filter(_scope(access, "meeting__", shown="record"))
            .select_related("meeting__partnership")
        ),
        ("minutes",),
        ("minutes",),
        lambda access, item: _shows(item.meeting, access, "show_record"),
        lambda item: f"Minute {item.position}: {item.title}",
        lambda item: f"{item.meeting.get_absolute_url()}#item-{item.pk}",
        lambda item: _meeting_label(item.meeting),
    ),
    Kind(
        "decisions",
        "Decisions",
        lambda access: Decision.objects.filter(_scope(access, "item__meeting__", shown="record")).select_related(
            "item__meeting__partnership"
        ),
        ("resolution",),
        ("resolution",),
        lambda access, decision: _shows(decision.item.meeting, access, "show_record"),
        lambda decision: f"{decision.get_outcome_display()}: {decision.item.title}",
        lambda decision: f"{decision.item.meeting.get_absolute_url()}#item-{decision.item_id}",
        lambda decision: _meeting_label(decision.item.meeting),
    ),
    Kind(
        "actions",
        "Actions",
        lambda access: Action.objects.filter(_scope(access, "raised_at__", shown="record")).select_related(
            "raised_at__partnership"
        ),
        ("description", "update"),
        ("description", "update"),
        lambda access, action: _shows(action.raised_at, access, "show_record"),
        lambda action: str(action),
        lambda action: action.raised_at.get_absolute_url() + (f"#item-{action.item_id}" if action.item_id else ""),
        lambda action: _meeting_label(action.raised_at),
    ),
]


def terms(query: str) -> tuple[list[str], list[str]]:
    """Words and "quoted phrases" to find, and -words to leave out, as websearch syntax reads them."""
    wanted, unwanted = [], []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        term = " ".join((phrase or word).split())
        if not term or (word and term.lower() == "or"):
            continue
        if word and term.startswith("-") and len(term) > 1:
            unwanted.append(term[1:])
        elif term.strip("-"):
            wanted.append(term.lstrip("-") if word else term)
    return wanted, unwanted


def highlight(text: str, words: list[str]) -> SafeString:
    """A window of the text round the first match, escaped, every match wrapped in <mark>."""
    if not words:
        return mark_safe(escape(text[:SNIPPET_CHARS]))
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_CHARS // 3) if first else 0
    window = text[start : start + SNIPPET_CHARS]
    if start:
        window = "…" + window.split(" ", 1)[-1]
    if start + SNIPPET_CHARS < len(text):
        window = window.rsplit(" ", 1)[0] + "…"
    out, at = [], 0
    for match in pattern.finditer(window):
        out.append(escape(window[at : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        at = match.end()
    out.append(escape(window[at:]))
    return mark_safe("".join(out))


def _headline(text: str) -> SafeString:
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _snippet_source(kind: Kind):
    """The snippet's fields joined, the empty ones left out (concat_ws skips NULLs)."""
    if len(kind.snippet) == 1:
        return F(kind.snippet[0])
    parts = [NullIf(F(name), Value("")) for name in kind.snippet]
    return Func(Value(" … "), *parts, function="concat_ws", output_field=TextField())


def _postgres(kind: Kind, rows, query: str):
    search = SearchQuery(query, search_type="websearch", config=CONFIG)
    # Each field matched on its own, so an index on one field's words (a paper's text) can do the work;
    # the rank weighs them all together.
    fields = {
        f"_words_{n}": SearchVector(name, config=CONFIG) for n, name in enumerate(kind.fields) if "__" not in name
    }
    any_field = Q()
    for alias in fields:
        any_field |= Q(**{alias: search})
    if "current__text" in kind.fields:
        # A paper's words live on its current version: matched in their own table, where their index is.
        versions = PaperVersion.objects.alias(words=SearchVector("text", config=CONFIG)).filter(words=search)
        titles = Paper.objects.alias(words=SearchVector("title", config=CONFIG)).filter(words=search)
        any_field = Q(pk__in=titles.values("pk")) | Q(current__in=versions.values("pk"))
    rows = (
        rows.alias(**fields)
        .filter(any_field)
        .annotate(
            rank=SearchRank(SearchVector(*kind.fields, config=CONFIG), search),
            headline=SearchHeadline(
                _snippet_source(kind),
                search,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
    )
    if "current__text" in kind.fields:
        rows = rows.defer("current__text")
    return rows.order_by("-rank", "-pk")[:PER_KIND], lambda row: _headline(row.headline)


def _fallback(kind: Kind, rows, query: str):
    wanted, unwanted = terms(query)
    if not wanted:
        return [], None
    for term in wanted:
        any_field = Q()
        for name in kind.fields:
            any_field |= Q(**{f"{name}__icontains": term})
        rows = rows.filter(any_field)
    for term in unwanted:
        for name in kind.fields:
            rows = rows.exclude(**{f"{name}__icontains": term})

    def snippet(row) -> SafeString:
        text = " … ".join(filter(None, (_value(row, name) for name in kind.snippet)))
        return highlight(" ".join(text.split()), wanted)

    return rows.order_by("-pk")[:PER_KIND], snippet


def _value(row, name: str) -> str:
    for part in name.split("__"):
        row = getattr(row, part, "")
    return row or ""


def search(access: Access, query: str) -> list[Group]:
    """The groups of hits for a query, each kind's best first; kinds with no hits are left out."""
    query = " ".join(query.split())[:MAX_QUERY]
    if not query:
        return []
    groups = []
    for kind in KINDS:
        rows = kind.queryset(access)
        if connection.vendor == "postgresql":
            rows, snippet = _postgres(kind, rows, query)
        else:
            rows, snippet = _fallback(kind, rows, query)
        hits = [
            Hit(kind.title(row), kind.url(row), kind.context(row), snippet(row))
            for row in rows
            if kind.may_read(access, row)
        ]
        if hits:
            groups.append(Group(kind.key, kind.label, hits))
    return groups
