from django.urls import NoReverseMatch, reverse

from .access import get_access

# (label, url name, who sees it): "all", "signed_in" (any role) or "officer".
NAVIGATION = [
    ("Partnerships", "partnerships:partnership_list", "all"),
    ("Organisations", "partnerships:organisation_list", "signed_in"),
    ("People", "partnerships:person_list", "officer"),
]


def roundtable(request):
    access = get_access(getattr(request, "user", None))
    has_role = access.is_officer or bool(access.readable_ids) or access.is_clerk
    items = []
    for label, name, audience in NAVIGATION:
        if audience == "officer" and not access.is_officer:
            continue
        if audience == "signed_in" and not has_role:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": request.path.startswith(url) and url != "/"})
    return {"nav_items": items, "access": access}
