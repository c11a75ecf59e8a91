"""Who changed a theme or a theme report, and what, for the officers who may change it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from partnerships.views.common import history_entries

from ..access import get_theme_for_user, get_theme_report_for_user


@login_required
def theme_history(request, pk):
    theme, access = get_theme_for_user(request.user, pk, write=True)
    return render(
        request,
        "partnerships/history.html",
        {"record": theme, "entries": history_entries(theme), "back": theme.get_absolute_url()},
    )


@login_required
def theme_report_history(request, pk):
    report, access = get_theme_report_for_user(request.user, pk, write=True)
    return render(
        request,
        "partnerships/history.html",
        {"record": report, "entries": history_entries(report), "back": report.get_absolute_url()},
    )
