from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ..access import Level, get_partnership_for_user
from ..concurrency import save_form
from ..forms import BudgetForm, ContributionForm, FundingAwardForm

KINDS = {
    "budget": (BudgetForm, "budgets", "budget"),
    "contribution": (ContributionForm, "contributions", "contribution"),
    "funding-award": (FundingAwardForm, "funding_awards", "funding award"),
}


def partnership_money(request, slug):
    """Budget by year, contributions by organisation and funding won."""
    partnership, access = get_partnership_for_user(request.user, slug, full=True)
    return render(
        request,
        "partnerships/money.html",
        {
            "partnership": partnership,
            "can_edit": access.level(partnership) >= Level.EDIT,
            "budgets": partnership.budgets.all(),
            "contributions": partnership.contributions.select_related("organisation"),
            "awards": partnership.funding_awards.all(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def money_edit(request, slug, kind, pk=None):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    if kind not in KINDS:
        raise Http404()
    form_class, related, label = KINDS[kind]
    instance = get_object_or_404(getattr(partnership, related), pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance, partnership=partnership)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, f"The {label} has been {'updated' if pk else 'added'}.")
        return redirect("partnerships:partnership_money", slug=partnership.slug)
    return render(
        request,
        "partnerships/money_form.html",
        {"form": form, "partnership": partnership, "label": label, "editing": bool(pk)},
    )
