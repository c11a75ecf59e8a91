from django.shortcuts import render

from ..access import get_access
from ..models import Partnership


def home(request):
    """Where everyone starts: the partnerships this login works with, or the public ones."""
    access = get_access(request.user)
    if access.is_authenticated and (access.is_officer or access.readable_ids):
        mine = access.readable_partnerships().select_related("parent").order_by("name")
        editable = [p for p in mine if access.can_edit(p)]
        reading = [p for p in mine if not access.can_edit(p)]
        return render(
            request,
            "partnerships/home.html",
            {"mode": "mine", "editable": editable[:50], "reading": reading[:50], "editable_count": len(editable)},
        )
    public = Partnership.objects.public().filter(parent__isnull=True).order_by("name")
    return render(request, "partnerships/home.html", {"mode": "public", "public": public[:100]})
