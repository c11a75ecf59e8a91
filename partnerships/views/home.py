import datetime as dt

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from ..access import get_access
from ..home import HomeContext, home_sections, home_visit_since
from ..models import Partnership


@never_cache
def home(request):
    """Where everyone starts: what to do next in each role, then the partnerships this login works with."""
    access = get_access(request.user)
    if access.is_authenticated and (access.is_officer or access.readable_ids or access.is_clerk):
        since = home_visit_since(user=request.user, session=request.session, now=timezone.now())
        roles = home_sections(HomeContext(access=access, user=request.user, today=dt.date.today(), since=since))
        mine = access.readable_partnerships().select_related("parent").order_by("name")
        editable = [p for p in mine if access.can_edit(p)]
        reading = [p for p in mine if not access.can_edit(p)]
        return render(
            request,
            "partnerships/home.html",
            {
                "mode": "mine",
                "roles": roles,
                "since": since,
                "editable": editable[:50],
                "reading": reading[:50],
                "editable_count": len(editable),
            },
        )
    public = Partnership.objects.public().filter(parent__isnull=True).order_by("name")
    return render(request, "partnerships/home.html", {"mode": "public", "public": public[:100]})
