from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level, get_partnership_for_user
from partnerships.concurrency import save_form, save_versioned
from partnerships.govuk import EARLIEST_YEAR, LATEST_YEAR, query_int, query_text
from partnerships.models import financial_year_bounds, financial_year_label, financial_year_of
from partnerships.views.common import paginate, render_partial

from ..access import get_achievement_for_user
from ..forms import AchievementForm, FigureFormSet
from ..models import Achievement


def achievement_list(request, slug):
    """Activity and results by date, filtered by financial year and theme; what the annual report reads."""
    partnership, access = get_partnership_for_user(request.user, slug)
    achievements = (
        Achievement.objects.filter(partnership=partnership).select_related("theme").prefetch_related("figures")
    )
    dates = list(Achievement.objects.filter(partnership=partnership).dates("achieved_on", "month"))
    years = sorted({financial_year_of(d) for d in dates}, reverse=True)
    year = query_text(request.GET.get("year"))
    if (chosen_year := query_int(year, low=EARLIEST_YEAR, high=LATEST_YEAR)) is not None:
        achievements = achievements.filter(achieved_on__range=financial_year_bounds(chosen_year))
    theme = query_text(request.GET.get("theme"))
    if (theme_id := query_int(theme)) is not None:
        achievements = achievements.filter(theme_id=theme_id)
    page, querystring = paginate(request, achievements.order_by("-achieved_on", "-pk"))
    context = {
        "partnership": partnership,
        "page": page,
        "querystring": querystring,
        "years": [(str(y), financial_year_label(y)) for y in years],
        "year": year,
        "themes": list(partnership.themes.all()),
        "theme": theme,
        "can_edit": access.level(partnership) >= Level.EDIT,
    }
    return render_partial(request, "themes/achievement_list.html", context, "achievement-results")


def _achievement_form(request, partnership, achievement=None):
    form = AchievementForm(request.POST or None, instance=achievement, partnership=partnership)
    formset = FigureFormSet(request.POST or None, instance=form.instance, prefix="figures")
    if request.method == "POST" and form.is_valid() and formset.is_valid():

        def save_with_figures(record, version):
            saved = save_versioned(record, started_from=version if achievement else None)
            formset.instance = saved
            formset.save()
            return saved

        if saved := save_form(form, save_with_figures):
            messages.success(request, f"“{saved.title}” has been {'updated' if achievement else 'added'}.")
            return redirect("themes:achievement_list", slug=partnership.slug)
    return render(
        request,
        "themes/achievement_form.html",
        {"form": form, "formset": formset, "partnership": partnership, "achievement": achievement},
    )


@login_required
@require_http_methods(["GET", "POST"])
def achievement_add(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    return _achievement_form(request, partnership)


@login_required
@require_http_methods(["GET", "POST"])
def achievement_edit(request, pk):
    achievement, access = get_achievement_for_user(request.user, pk, write=True)
    return _achievement_form(request, achievement.partnership, achievement)


@login_required
@require_POST
def achievement_delete(request, pk):
    achievement, access = get_achievement_for_user(request.user, pk, write=True)
    slug = achievement.partnership.slug
    achievement.delete()
    messages.success(request, f"“{achievement.title}” has been removed.")
    return redirect("themes:achievement_list", slug=slug)
