"""What the home page tells each person to do next; each app adds its own sections in AppConfig.ready().

partnerships cannot import the apps below it, so meetings, themes, task-and-finish groups and reporting
register providers here, as they register tabs and governance warnings.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from .access import Access
from .models import Membership, Partnership

MEMBER, OFFICER, CLERK = "member", "officer", "clerk"
ROLE_HEADINGS = {MEMBER: "As a member", OFFICER: "As an officer", CLERK: "As a clerk"}
ITEMS_SHOWN = 8


@dataclass(frozen=True)
class HomeItem:
    """One thing to do: what it is, and a link to the page where it is done."""

    text: str
    url: str
    link_text: str
    detail: str = ""
    when: dt.date | None = None


@dataclass
class HomeContext:
    """Who is looking and when, with the partnership filters every provider needs."""

    access: Access
    user: object
    today: dt.date
    since: dt.datetime | None = None

    def officer_filter(self, field: str = "partnership") -> Q:
        """Records of the partnerships this login looks after (all of them for an administrator)."""
        if self.access.is_admin:
            return Q()
        return Q(**{f"{field}_id__in": self.access.officer_ids})

    def member_filter(self, field: str = "partnership") -> Q:
        """Records of the partnerships where this login's person has a seat today."""
        return Q(**{f"{field}_id__in": self.access.member_ids})

    def clerk_filter(self, field: str = "partnership") -> Q:
        return Q(**{f"{field}_id__in": self.access.clerk_ids})


@dataclass(frozen=True)
class HomeSection:
    key: str
    heading: str
    role: str
    order: int
    provider: Callable[[HomeContext], list[HomeItem]]
    empty: str = ""
    see_all: tuple[str, str] | None = None


@dataclass
class ShownSection:
    key: str
    heading: str
    items: list[HomeItem] = field(default_factory=list)
    empty: str = ""
    more: int = 0
    see_all: tuple[str, str] | None = None


HOME_SECTIONS: list[HomeSection] = []


def register_home_section(
    key: str,
    heading: str,
    provider,
    *,
    role: str,
    order: int = 50,
    empty: str = "",
    see_all: tuple[str, str] | None = None,
) -> None:
    """provider(context: HomeContext) -> list[HomeItem], in a fixed number of queries whatever the data.

    Providers registered under the same key share one section (stalled packs and stalled reports).
    `see_all` is (URL name, link text) of the page that lists everything of the kind.
    """
    if role not in ROLE_HEADINGS:
        raise ValueError(f"Unknown role {role!r}")
    if not any(s.key == key and s.provider is provider for s in HOME_SECTIONS):
        HOME_SECTIONS.append(HomeSection(key, heading, role, order, provider, empty, see_all))
        HOME_SECTIONS.sort(key=lambda s: (s.order, s.key))


def roles_of(access: Access) -> list[str]:
    roles = []
    if access.member_ids:
        roles.append(MEMBER)
    if access.is_officer:
        roles.append(OFFICER)
    if access.is_clerk:
        roles.append(CLERK)
    return roles


def home_sections(context: HomeContext) -> list[tuple[str, str, list[ShownSection]]]:
    """(role, heading, sections) for each role the login has, items sorted by date."""
    shown = []
    for role in roles_of(context.access):
        sections: dict[str, ShownSection] = {}
        for section in HOME_SECTIONS:
            if section.role != role:
                continue
            entry = sections.setdefault(section.key, ShownSection(section.key, section.heading, empty=section.empty))
            entry.items.extend(section.provider(context))
            if section.see_all and not entry.see_all:
                entry.see_all = (reverse(section.see_all[0]), section.see_all[1])
        for entry in sections.values():
            entry.items.sort(key=lambda item: item.when or dt.date.max)
            entry.more = max(0, len(entry.items) - ITEMS_SHOWN)
            entry.items = entry.items[:ITEMS_SHOWN]
        shown.append((role, ROLE_HEADINGS[role], list(sections.values())))
    return shown


def governance_warnings(context: HomeContext) -> list[HomeItem]:
    """The seat warnings of every partnership the officer looks after, from one query for all the seats."""
    from .services import partnership_warnings

    seats = (
        Membership.objects.current(context.today)
        .filter(context.officer_filter())
        .select_related("person", "organisation", "partnership")
    )
    by_partnership: dict[int, list[Membership]] = {}
    partnerships: dict[int, Partnership] = {}
    for membership in seats:
        by_partnership.setdefault(membership.partnership_id, []).append(membership)
        partnerships[membership.partnership_id] = membership.partnership
    items = []
    for pk, memberships in sorted(by_partnership.items(), key=lambda kv: partnerships[kv[0]].name):
        partnership = partnerships[pk]
        url = reverse("partnerships:membership_list", args=[partnership.slug])
        for warning in partnership_warnings(partnership=partnership, memberships=memberships, today=context.today):
            items.append(
                HomeItem(warning.message, url, "Review the members", detail=partnership.short_name or partnership.name)
            )
    return items


register_home_section(
    "governance",
    "Governance warnings",
    governance_warnings,
    role=OFFICER,
    order=60,
    empty="No partnership you look after has a governance warning.",
)


SINCE_KEY = "home_since"


def home_visit_since(*, user, session, now: dt.datetime) -> dt.datetime | None:
    """The visit before this sign-in: kept for the whole session, so reloading the page loses nothing."""
    from .visits import HomeVisit

    if SINCE_KEY in session:
        stored = session[SINCE_KEY]
        return dt.datetime.fromisoformat(stored) if stored else None
    visit = HomeVisit.objects.filter(user=user).first()
    since = visit.seen_at if visit else None
    session[SINCE_KEY] = since.isoformat() if since else ""
    HomeVisit.objects.update_or_create(user=user, defaults={"seen_at": now})
    return since
