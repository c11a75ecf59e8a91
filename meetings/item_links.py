"""Records from the apps above meetings that an agenda item may take: a theme's report, a group's report.

Themes and task-and-finish groups build on meetings, so meetings never imports them. Each keeps its own link
model (one per agenda item) and registers it here in AppConfig.ready(); the agenda item form, the meeting page
and the pack read the links through this list.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import models


@dataclass(frozen=True)
class ItemLink:
    """One kind of record an item may take, kept in `model` (an `item` one-to-one and a `report` key)."""

    name: str
    label: str
    model: type[models.Model]
    choices: Callable[[int], models.QuerySet]
    related: tuple[str, ...]
    help_text: str = ""
    order: int = 50

    @property
    def accessor(self) -> str:
        return self.model._meta.get_field("item").remote_field.get_accessor_name()

    @property
    def paths(self) -> list[str]:
        """What `select_related` follows from an agenda item to the record and what its name needs."""
        return [f"{self.accessor}__report", *(f"{self.accessor}__report__{path}" for path in self.related)]

    def taken(self, item):
        """The record the item takes, or None."""
        try:
            return getattr(item, self.accessor).report
        except ObjectDoesNotExist:
            return None


_LINKS: dict[str, ItemLink] = {}


def register_item_link(link: ItemLink) -> None:
    _LINKS[link.name] = link


def item_links() -> list[ItemLink]:
    return sorted(_LINKS.values(), key=lambda link: (link.order, link.name))


def item_link_paths() -> list[str]:
    """Every link's `select_related` paths, so a list of items names what each takes without a query per item."""
    return [path for link in item_links() for path in link.paths]
