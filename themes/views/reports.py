import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import get_access
from partnerships.concurrency import StaleEdit, save_form
from partnerships.fragments import fragment_key, lazy_context
from partnerships.views.common import render_partial

from ..access import can_draft_reports, get_theme_for_user, get_theme_report_for_user
from ..forms import ThemeReportForm
from ..models import ReportPeriod
from ..services import (
    ReportAlreadySubmitted,
    report_obligations,
    theme_report_save,
    theme_report_start,
    theme_report_submit,
    themes_supported_by,
)

# The dashboard looks this far ahead for reports coming due.
DASHBOARD_AHEAD_DAYS = 62
# Beyond this many rows a table is no longer read; the partnership filter narrows it.
ROWS_SHOWN = 100


@login_required
@require_POST
def theme_report_start_view(request, pk):
    """Open the draft for a half-year (or find the one already open) and go to it."""
    theme, access = get_theme_for_user(request.user, pk)
    if not can_draft_reports(access, theme):
        raise PermissionDenied("Only the theme's lead officer or the partnership's officers can write its reports.")
    try:
        period = ReportPeriod(int(request.POST.get("year", "")), int(request.POST.get("half", "")))
    except ValueError:
        raise Http404("No such half-year.") from None
    if period.half not in (1, 2) or not 2000 <= period.year <= 2100:
        raise Http404("No such half-year.")
    report = theme_report_start(theme=theme, period=period)
    if report.is_submitted:
        return redirect(report)
    return redirect("themes:theme_report_edit", pk=report.pk)


def theme_report_detail(request, pk):
    report, access = get_theme_report_for_user(request.user, pk)
    return render(
        request,
        "themes/theme_report_detail.html",
        {
            "report": report,
            "theme": report.theme,
            "partnership": report.theme.partnership,
            "can_draft": can_draft_reports(access, report.theme) and not report.is_submitted,
            "can_see_history": can_draft_reports(access, report.theme),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_report_edit(request, pk):
    report, access = get_theme_report_for_user(request.user, pk, write=True)
    if report.is_submitted:
        messages.info(request, "This report has been submitted, so it can no longer be changed.")
        return redirect(report)
    form = ThemeReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_form(form, lambda record, version: theme_report_save(report=record, started_from=version))
        except ReportAlreadySubmitted as error:
            messages.info(request, str(error))
            return redirect(report)
        if saved:
            if "submit" in request.POST:
                return redirect("themes:theme_report_submit", pk=report.pk)
            messages.success(request, "Your draft has been saved.")
            return redirect(report)
    return render(
        request,
        "themes/theme_report_form.html",
        {"form": form, "report": report, "theme": report.theme, "partnership": report.theme.partnership},
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_report_submit_view(request, pk):
    """Check the report once more, then submit it to the steering group."""
    report, access = get_theme_report_for_user(request.user, pk, write=True)
    if report.is_submitted:
        messages.info(request, "This report has already been submitted.")
        return redirect(report)
    error = None
    if request.method == "POST":
        try:
            theme_report_submit(report=report, user=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        except (StaleEdit, ReportAlreadySubmitted) as problem:
            error = str(problem)
        else:
            messages.success(request, f"The {report.theme} report for {report.period.short_label} has been submitted.")
            return redirect(report)
    return render(
        request,
        "themes/theme_report_submit.html",
        {"report": report, "theme": report.theme, "partnership": report.theme.partnership, "error": error},
    )


@login_required
def reports_due(request):
    """Theme reports due and overdue across every partnership this officer supports."""
    access = get_access(request.user)
    themes = themes_supported_by(access)
    if not access.is_officer and not themes.exists():
        raise PermissionDenied("This page is for officers who support partnerships and for theme leads.")
    chosen = request.GET.get("partnership", "")
    today = dt.date.today()
    context = {
        "rows_shown": ROWS_SHOWN,
        "chosen": chosen,
        # Worked out only when the cached page is missing: same reach, same data, same day.
        "fragment_key": fragment_key(
            "themes:reports_due", access=access, depends=DUE_TABLES, parts=(today, chosen, ROWS_SHOWN)
        ),
        **lazy_context(lambda: _due_context(themes, chosen, today), DUE_NAMES),
    }
    return render_partial(request, "themes/reports_due.html", context, "due-results")


DUE_NAMES = ("overdue", "overdue_count", "upcoming", "upcoming_count", "partnerships")
DUE_TABLES = ("themes.theme", "themes.themereport", "themes.themereportschedule", "partnerships.partnership")
DUE_TABLES = (*DUE_TABLES, "partnerships.person")


def _due_context(themes, chosen: str, today: dt.date) -> dict:
    obligations = [
        o for o in report_obligations(themes=themes, today=today, ahead_days=DASHBOARD_AHEAD_DAYS) if not o.is_submitted
    ]
    partnerships = sorted({o.theme.partnership for o in obligations}, key=lambda p: p.name)
    if chosen:
        obligations = [o for o in obligations if o.theme.partnership.slug == chosen]
    overdue = [o for o in obligations if o.is_overdue]
    upcoming = [o for o in obligations if not o.is_overdue]
    return {
        "overdue": overdue[:ROWS_SHOWN],
        "overdue_count": len(overdue),
        "upcoming": upcoming[:ROWS_SHOWN],
        "upcoming_count": len(upcoming),
        "partnerships": partnerships,
    }
