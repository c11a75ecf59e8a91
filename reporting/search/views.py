"""The search page: a plain GET form first, with live results swapped in by htmx as the reader types."""

from partnerships.access import get_access
from partnerships.views.common import render_partial

from .selectors import MAX_QUERY, search


def search_page(request):
    query = " ".join(request.GET.get("q", "").split())
    error = f"Enter {MAX_QUERY} characters or fewer" if len(query) > MAX_QUERY else ""
    groups = [] if error else search(get_access(request.user), query)
    context = {
        "query": query,
        "error": error,
        "groups": groups,
        "total": sum(len(group.hits) for group in groups),
        "max_query": MAX_QUERY,
    }
    return render_partial(request, "reporting/search/search.html", context, "results")
