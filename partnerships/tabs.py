"""The tabs across a partnership's pages; each app registers its own in AppConfig.ready().

At most seven tabs sit across the top. A page that belongs with another (actions with meetings,
the plan with themes) is registered `under` that tab's URL name and shows as a link beneath it.
"""

from dataclasses import dataclass

from django.urls import reverse

from .access import Level

MAX_TABS = 7


@dataclass(frozen=True)
class Tab:
    label: str
    url_name: str
    level: Level
    order: int
    under: str = ""
    own_label: str = ""


TABS: list[Tab] = []


def register_tab(
    label: str,
    url_name: str,
    *,
    level: Level = Level.PUBLIC,
    order: int = 50,
    under: str = "",
    own_label: str = "",
) -> None:
    """Add a tab shown to those with at least `level` on the partnership; the URL takes its slug.

    With `under`, the page is listed beneath that top-level tab instead of beside it. `own_label` names
    a top-level tab's own page in the list beneath it, when the tab's label covers all of them.
    """
    if not any(tab.url_name == url_name for tab in TABS):
        TABS.append(Tab(label, url_name, level, order, under, own_label))
        TABS.sort(key=lambda tab: tab.order)
        top = [tab for tab in TABS if not tab.under]
        if len(top) > MAX_TABS:
            raise ValueError(f"A partnership has at most {MAX_TABS} tabs; register {label!r} under one of them.")


def tabs_for(*, partnership, level: Level, path: str) -> tuple[list[dict], list[dict]]:
    """The top-level tabs this level sees, and the pages beneath the current one."""
    top: list[dict] = []
    beneath: dict[str, list[dict]] = {}
    for tab in TABS:
        if level < tab.level:
            continue
        url = reverse(tab.url_name, args=[partnership.slug])
        entry = {
            "label": tab.label,
            "own_label": tab.own_label or tab.label,
            "url": url,
            "name": tab.url_name,
            "current": path == url,
        }
        if tab.under:
            beneath.setdefault(tab.under, []).append(entry)
        else:
            top.append(entry)
    overview = top[0]["url"] if top else ""
    for entry in top:
        children = beneath.get(entry["name"], [])
        # A page further down (a new meeting, one theme) keeps its tab marked, but not the overview's.
        within = entry["url"] != overview and path.startswith(entry["url"])
        entry["children"] = children
        entry["active"] = (
            entry["current"] or within or any(child["current"] or path.startswith(child["url"]) for child in children)
        )
    active = next((entry for entry in top if entry["active"]), None)
    sub = (
        []
        if active is None or not active["children"]
        else [{"label": active["own_label"], "url": active["url"], "current": active["current"]}, *active["children"]]
    )
    return top, sub


register_tab("Overview", "partnerships:partnership_detail", order=0)
register_tab("Members", "partnerships:membership_list", order=10)
register_tab("Register of interests", "partnerships:interest_register", order=15, under="partnerships:membership_list")
register_tab("Sub-groups", "partnerships:partnership_tree", order=20, under="partnerships:partnership_detail")
register_tab("Money", "partnerships:partnership_money", level=Level.READ, order=80)
register_tab(
    "History of changes",
    "partnerships:partnership_history",
    level=Level.EDIT,
    order=90,
    under="partnerships:partnership_detail",
)
