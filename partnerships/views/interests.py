"""The public part of a partnership's register of interests: the entries its members declared public."""

import datetime as dt

from django.shortcuts import render

from ..access import get_partnership_for_user
from ..interests import public_interests


def interest_register(request, slug):
    """Who sits on the partnership and what each has declared public; guests for one item are not listed."""
    partnership, access = get_partnership_for_user(request.user, slug)
    people = public_interests(partnership=partnership, on=dt.date.today())
    return render(
        request,
        "partnerships/interest_register.html",
        {"partnership": partnership, "people": people, "declaring": sum(1 for p in people if p.declared)},
    )
