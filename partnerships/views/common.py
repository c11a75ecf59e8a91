"""Small helpers shared by the partnership views."""

from django.core.paginator import Paginator
from django.shortcuts import render

PAGE_SIZE = 25


def render_partial(request, template: str, context: dict, partial: str | None = None, **kwargs):
    """The whole page, or only the named partial when htmx asks for that fragment."""
    if partial and request.htmx:
        template = f"{template}#{partial}"
    return render(request, template, context, **kwargs)


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def history_entries(record, limit: int = 100) -> list[dict]:
    """Who changed what and when, newest first, from the record's stored history."""
    records = list(record.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    entries = []
    for newer, older in zip(records, records[1:] + [None], strict=False):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            for change in delta.changes:
                field = record._meta.get_field(change.field)
                if field.name == "version":
                    continue
                changes.append({"field": str(field.verbose_name), "old": change.old, "new": change.new})
        entries.append(
            {
                "when": newer.history_date,
                "who": newer.history_user,
                "kind": {"+": "Created", "~": "Changed", "-": "Deleted"}[newer.history_type],
                "changes": changes,
            }
        )
    return entries[:limit]
