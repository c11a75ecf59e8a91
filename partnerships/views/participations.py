"""Seats with no named person: held by an office or vacant, and organisations taking part as themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ..access import get_partnership_for_user
from ..concurrency import StaleEdit
from ..forms import ParticipationForm
from ..models import Participation
from ..services import participation_save


def _form_page(request, partnership, participation=None):
    form = ParticipationForm(request.POST or None, instance=participation, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            saved = participation_save(participation=form.save(commit=False), started_from=form.cleaned_data["version"])
        except StaleEdit:
            form.add_error(None, "Someone else saved this record at the same moment. Check it and save again.")
        else:
            messages.success(request, f"{saved.organisation}: {saved.label.lower()} has been saved.")
            return redirect("partnerships:membership_list", slug=partnership.slug)
    return render(
        request,
        "partnerships/participation_form.html",
        {"form": form, "partnership": partnership, "participation": participation},
    )


@login_required
@require_http_methods(["GET", "POST"])
def participation_add(request, slug):
    partnership, _access = get_partnership_for_user(request.user, slug, write=True)
    return _form_page(request, partnership)


@login_required
@require_http_methods(["GET", "POST"])
def participation_edit(request, pk):
    participation = get_object_or_404(Participation.objects.select_related("partnership"), pk=pk)
    partnership, _access = get_partnership_for_user(request.user, participation.partnership.slug, write=True)
    return _form_page(request, partnership, participation)
