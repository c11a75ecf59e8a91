"""The challenges programme: a partnership's rolling list of issues, and each one's way round the cycle."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerships.access import Level, get_partnership_for_user
from partnerships.concurrency import save_form
from partnerships.views.common import history_entries, paginate, render_partial

from ..access import get_challenge_for_user
from ..forms import ORDERINGS, ChallengeFilterForm, ChallengeForm, ChallengeMoveForm
from ..models import Challenge, ChallengeStageChange, TaskGroup
from ..services import challenge_move, challenge_raise, challenge_save
from ..themes import challenge_themes, theme_choices


def challenge_list(request, slug):
    """Ordered and filtered by stage, theme and priority; open challenges first shown."""
    partnership, access = get_partnership_for_user(request.user, slug, full=True)
    themes = theme_choices(partnership)
    form = ChallengeFilterForm(request.GET or None, themes=themes)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    challenges = (
        Challenge.objects.filter(partnership=partnership)
        .with_stage_order()
        .select_related("raised_by", "raised_by_organisation")
    )
    show = filters.get("show") or "open"
    if show == "open":
        challenges = challenges.open()
    elif show == "closed":
        challenges = challenges.filter(stage=Challenge.Stage.CLOSED)
    if filters.get("stage"):
        challenges = challenges.filter(stage=filters["stage"])
    if filters.get("priority") == "none":
        challenges = challenges.filter(priority__isnull=True)
    elif filters.get("priority"):
        challenges = challenges.filter(priority=int(filters["priority"]))
    if filters.get("theme"):
        challenges = challenges.filter(themes__pk=filters["theme"])
    order = filters.get("order") or "priority"
    _label, fields = ORDERINGS[order]
    challenges = challenges.order_by(
        *[F(f[1:]).desc(nulls_last=True) if f.startswith("-") else F(f).asc(nulls_last=True) for f in fields]
    )
    page, querystring = paginate(request, challenges)
    page.object_list = list(page.object_list)
    themes_by_challenge = challenge_themes(page.object_list)
    for challenge in page.object_list:
        challenge.theme_list = themes_by_challenge[challenge.pk]
    context = {
        "partnership": partnership,
        "form": form,
        "page": page,
        "querystring": querystring,
        "can_edit": access.level(partnership) >= Level.EDIT,
        "show_themes": bool(themes),
        "open_group_count": TaskGroup.objects.open_for(partnership).count(),
    }
    return render_partial(request, "taskgroups/challenge_list.html", context, "results")


@login_required
@require_http_methods(["GET", "POST"])
def challenge_create(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    initial = {}
    if request.GET.get("follows", "").isdigit():
        initial["follows_from"] = request.GET["follows"]
    form = ChallengeForm(request.POST or None, partnership=partnership, initial=initial)
    if request.method == "POST" and form.is_valid():
        challenge = save_form(form, lambda new, _: challenge_raise(challenge=new, user=request.user))
        if challenge:
            messages.success(request, f"“{challenge.title}” has been added to the challenges programme.")
            return redirect(challenge)
    return render(request, "taskgroups/challenge_form.html", {"form": form, "partnership": partnership})


def challenge_detail(request, pk):
    """A challenge and what the partnership did with it over time."""
    challenge, access = get_challenge_for_user(request.user, pk)
    can_edit = access.level(challenge.partnership) >= Level.EDIT
    changes = list(ChallengeStageChange.objects.filter(challenge=challenge).select_related("recorded_by"))
    context = {
        "challenge": challenge,
        "partnership": challenge.partnership,
        "changes": changes,
        "groups": list(challenge.task_groups.select_related("lead_person", "lead_organisation")),
        "follow_ons": list(challenge.follow_ons.all()),
        "themes": challenge_themes([challenge]).get(challenge.pk, []),
        "can_edit": can_edit,
        "stages": [
            {"value": value, "label": label, "number": index + 1, "current": value == challenge.stage}
            for index, (value, label) in enumerate(Challenge.Stage.choices)
        ],
    }
    if can_edit:
        context["move_form"] = ChallengeMoveForm(challenge=challenge)
    return render(request, "taskgroups/challenge_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def challenge_edit(request, pk):
    challenge, access = get_challenge_for_user(request.user, pk, write=True)
    form = ChallengeForm(request.POST or None, instance=challenge, partnership=challenge.partnership)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, lambda record, version: challenge_save(challenge=record, started_from=version))
    ):
        messages.success(request, "Your changes have been saved.")
        return redirect(challenge)
    return render(
        request,
        "taskgroups/challenge_form.html",
        {"form": form, "partnership": challenge.partnership, "challenge": challenge},
    )


@login_required
@require_http_methods(["GET", "POST"])
def challenge_move_view(request, pk):
    """Record the challenge's next step round the cycle, with its date."""
    challenge, access = get_challenge_for_user(request.user, pk, write=True)
    form = ChallengeMoveForm(request.POST or None, challenge=challenge)
    if request.method == "POST" and form.is_valid():
        moved = save_form(
            form,
            lambda _, version: challenge_move(
                challenge=challenge,
                stage=form.cleaned_data["stage"],
                on=form.cleaned_data["changed_on"],
                note=form.cleaned_data["note"],
                user=request.user,
                started_from=version,
            ),
        )
        if moved:
            messages.success(request, f"“{challenge.title}” is now at “{challenge.get_stage_display()}”.")
            return redirect(challenge)
    return render(
        request,
        "taskgroups/challenge_move.html",
        {"form": form, "challenge": challenge, "partnership": challenge.partnership},
    )


@login_required
def challenge_history(request, pk):
    challenge, access = get_challenge_for_user(request.user, pk, write=True)
    return render(
        request,
        "partnerships/history.html",
        {
            "record": challenge,
            "entries": history_entries(challenge),
            "back": challenge.get_absolute_url(),
            "partnership": challenge.partnership,
        },
    )
