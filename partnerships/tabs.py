"""The tabs across a partnership's pages; each app registers its own in AppConfig.ready()."""

from dataclasses import dataclass

from .access import Level


@dataclass(frozen=True)
class Tab:
    label: str
    url_name: str
    level: Level
    order: int


TABS: list[Tab] = []


def register_tab(label: str, url_name: str, *, level: Level = Level.PUBLIC, order: int = 50) -> None:
    """Add a tab shown to those with at least `level` on the partnership; the URL takes its slug."""
    if not any(tab.url_name == url_name for tab in TABS):
        TABS.append(Tab(label, url_name, level, order))
        TABS.sort(key=lambda tab: tab.order)


register_tab("Overview", "partnerships:partnership_detail", order=0)
register_tab("Members", "partnerships:membership_list", order=10)
register_tab("Sub-groups", "partnerships:partnership_tree", order=20)
register_tab("Money", "partnerships:partnership_money", level=Level.READ, order=80)
register_tab("History", "partnerships:partnership_history", level=Level.EDIT, order=90)
