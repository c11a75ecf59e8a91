"""Small helpers shared by the partnership views."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

PAGE_SIZE = 25


def vary_on_htmx(response):
    """Marks a response that htmx gets in part, so no cache gives the fragment for the page or the page for it."""
    patch_vary_headers(response, ["HX-Request"])
    return response


def wants_fragment(request) -> bool:
    """htmx asking to swap part of the page; restoring history (the Back button) needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def render_partial(request, template: str, context: dict, partial: str | None = None, **kwargs):
    """The whole page, or only the named partial when htmx asks for that fragment."""
    if partial and wants_fragment(request):
        template = f"{template}#{partial}"
    response = render(request, template, context, **kwargs)
    return vary_on_htmx(response) if partial else response


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
