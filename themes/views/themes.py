import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerships.access import Level, get_partnership_for_user
from partnerships.concurrency import save_form

from ..access import can_draft_reports, get_theme_for_user
from ..forms import ScheduleForm, ThemeForm
from ..models import Theme, ThemeReportSchedule
from ..services import report_obligations, schedule_save
from .common import render_form

# How far ahead the theme pages look for the next report due.
AHEAD_DAYS = 200


def _lead_group(access, theme):
    """The leading sub-group, unless it is one this login may not know exists."""
    return theme.lead_group if theme.lead_group and access.can_see(theme.lead_group) else None


def theme_list(request, slug):
    """A partnership's themes with who leads them and, to its readers, where their reports stand."""
    partnership, access = get_partnership_for_user(request.user, slug)
    themes = list(
        Theme.objects.filter(partnership=partnership).select_related(
            "partnership", "partnership__theme_report_schedule", "lead_group", "lead_officer"
        )
    )
    obligations = report_obligations(themes=themes, ahead_days=AHEAD_DAYS)
    by_theme: dict[int, list] = {}
    for obligation in obligations:
        by_theme.setdefault(obligation.theme.pk, []).append(obligation)
    rows = [
        {"theme": theme, "obligations": by_theme.get(theme.pk, []), "lead_group": _lead_group(access, theme)}
        for theme in themes
    ]
    return render(
        request,
        "themes/theme_list.html",
        {
            "partnership": partnership,
            "rows": rows,
            "can_edit": access.level(partnership) >= Level.EDIT,
            "reads_in_full": access.can_read(partnership),
            "schedule": ThemeReportSchedule.for_partnership(partnership),
        },
    )


def theme_detail(request, pk):
    theme, access = get_theme_for_user(request.user, pk)
    # Theme reports are the steering group's working papers: the public sees the theme and its results.
    reads_in_full = access.can_read(theme.partnership) or can_draft_reports(access, theme)
    obligations, reports = [], []
    if reads_in_full:
        theme.partnership.theme_report_schedule = ThemeReportSchedule.for_partnership(theme.partnership)
        obligations = report_obligations(themes=[theme], ahead_days=AHEAD_DAYS)
        reports = list(theme.reports.select_related("submitted_by").order_by("-year", "-half"))
    return render(
        request,
        "themes/theme_detail.html",
        {
            "theme": theme,
            "partnership": theme.partnership,
            "obligations": obligations,
            "reports": reports,
            "achievements": list(theme.achievements.prefetch_related("figures")[:20]),
            "can_edit": access.level(theme.partnership) >= Level.EDIT,
            "can_draft": can_draft_reports(access, theme),
            "reads_in_full": reads_in_full,
            "lead_group": _lead_group(access, theme),
            "today": dt.date.today(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_add(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = ThemeForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid() and (theme := save_form(form)):
        messages.success(request, f"The theme {theme.title} has been added.")
        return redirect(theme)
    return render_form(
        request,
        form,
        heading="Add a theme",
        caption=partnership.name,
        back=f"/partnerships/{partnership.slug}/themes/",
        submit="Add theme",
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request, pk):
    theme, access = get_theme_for_user(request.user, pk, write=True)
    form = ThemeForm(request.POST or None, instance=theme, partnership=theme.partnership)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "Your changes have been saved.")
        return redirect(theme)
    return render_form(
        request, form, heading=f"Change {theme.title}", caption=theme.partnership.name, back=theme.get_absolute_url()
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule_edit(request, slug):
    """The two dates a year the partnership's theme reports fall due."""
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    schedule = ThemeReportSchedule.for_partnership(partnership)
    form = ScheduleForm(request.POST or None, instance=schedule)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, lambda record, _: schedule_save(schedule=record))
    ):
        messages.success(request, "The theme report dates have been saved. Draft reports now use the new dates.")
        return redirect("themes:theme_list", slug=partnership.slug)
    return render_form(
        request,
        form,
        heading="When theme reports are due",
        caption=partnership.name,
        back=f"/partnerships/{partnership.slug}/themes/",
    )
