"""A partnership's forward plan of coming key decisions."""

from django.shortcuts import render

from partnerships.access import get_partnership_for_user

from ..forward_plan import coming_key_decisions


def forward_plan(request, slug):
    """The key decisions on coming meetings' published agendas: open to whoever sees the partnership."""
    partnership, access = get_partnership_for_user(request.user, slug)
    return render(
        request,
        "meetings/forward_plan.html",
        {
            "partnership": partnership,
            "items": coming_key_decisions(partnership=partnership),
            "can_edit": access.can_edit(partnership),
        },
    )
