from functools import lru_cache

from django.urls import NoReverseMatch, get_script_prefix, reverse

from .access import get_access

# (label, url name, who sees it, order); audiences: "all", "signed_in" (any role), "officer", "clerk".
NAVIGATION: list[tuple[str, str, str, int]] = []


def register_nav(label: str, url_name: str, *, audience: str = "all", order: int = 50) -> None:
    """Add an item to the service navigation; each app calls this from its AppConfig.ready()."""
    if not any(item[1] == url_name for item in NAVIGATION):
        NAVIGATION.append((label, url_name, audience, order))
        NAVIGATION.sort(key=lambda item: item[3])


register_nav("Partnerships", "partnerships:partnership_list", order=10)
register_nav("Organisations", "partnerships:organisation_list", audience="signed_in", order=80)
register_nav("People", "partnerships:person_list", audience="officer", order=90)


@lru_cache(maxsize=256)
def _nav_url(prefix: str, name: str) -> str | None:
    # The URL list is fixed once the process has started: each navigation link is worked out once.
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def roundtable(request):
    access = get_access(getattr(request, "user", None))
    has_role = access.is_officer or bool(access.readable_ids) or access.is_clerk
    items = []
    for label, name, audience, _order in NAVIGATION:
        if audience == "officer" and not access.is_officer:
            continue
        if audience == "clerk" and not (access.is_clerk or access.is_officer):
            continue
        if audience == "signed_in" and not has_role:
            continue
        url = _nav_url(get_script_prefix(), name)
        if url is None:
            continue
        items.append({"label": label, "url": url, "active": request.path.startswith(url) and url != "/"})
    return {"nav_items": items, "access": access}
