"""The public part of the register of interests: the entries members have declared public."""

import datetime as dt

from django.db.models import Prefetch, Q

from .collation import by_name
from .models import Interest, Membership, Person


def public_interests(*, partnership, on: dt.date):
    """Each person seated on the partnership on a date, with their current interests declared public."""
    held = Q(ended_on__isnull=True) | Q(ended_on__gte=on)
    declared = Interest.objects.filter(held, is_public=True, registered_on__lte=on).order_by("kind", "-registered_on")
    seated = (
        Membership.objects.current(on)
        .filter(partnership=partnership, person__isnull=False)
        .exclude(role=Membership.Role.GUEST)
        .values("person_id")
    )
    return list(
        Person.objects.filter(pk__in=seated)
        .select_related("organisation")
        .prefetch_related(Prefetch("interests", queryset=declared, to_attr="declared"))
        .order_by(*by_name())
    )
