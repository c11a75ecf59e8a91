import datetime as dt

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from ..access import get_access
from ..fragments import conditional, fragment_key, lazy_context
from ..home import HomeContext, home_sections, home_visit_since
from ..models import Partnership


@never_cache
def home(request):
    """Where everyone starts: what to do next in each role, then the partnerships this login works with."""
    access = get_access(request.user)
    today = dt.date.today()
    if access.is_authenticated and (access.is_officer or access.readable_ids or access.is_clerk):
        since = home_visit_since(user=request.user, session=request.session, now=timezone.now())

        def mine() -> dict:
            roles = home_sections(HomeContext(access=access, user=request.user, today=today, since=since))
            partnerships = access.readable_partnerships().select_related("parent").order_by("name")
            editable = [p for p in partnerships if access.can_edit(p)]
            reading = [p for p in partnerships if not access.can_edit(p)]
            return {
                "roles": roles,
                "editable": editable[:50],
                "reading": reading[:50],
                "editable_count": len(editable),
            }

        # Every app adds its sections, so any save anywhere makes the page again; "new since" is this session's.
        key = fragment_key("home", access=access, depends=HOME_APPS, parts=(request.user.pk, since, today))
        context = {"mode": "mine", "since": since, "fragment_key": key, **lazy_context(mine, HOME_NAMES)}
        return render(request, "partnerships/home.html", context)
    key = fragment_key("home", access=access, depends=("partnerships.partnership",), parts=("public",))
    context = {
        "mode": "public",
        "fragment_key": key,
        **lazy_context(lambda: {"public": _public_partnerships()}, ("public",)),
    }
    return conditional(request, key, lambda: render(request, "partnerships/home.html", context))


HOME_APPS = ("partnerships", "meetings", "themes", "taskgroups", "reporting")
HOME_NAMES = ("roles", "editable", "reading", "editable_count")


def _public_partnerships() -> list:
    return list(Partnership.objects.public().filter(parent__isnull=True).order_by("name")[:100])
