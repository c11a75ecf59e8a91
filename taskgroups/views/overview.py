"""The officer's overview: every warning, open group and coming milestone across the partnerships they look after."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from partnerships.access import require_officer
from partnerships.fragments import fragment_key, lazy_context
from partnerships.models import Partnership

from ..models import Challenge, Milestone, TaskGroup
from ..services import task_group_warnings

SHOWN = 50


@login_required
def overview(request):
    access = require_officer(request.user)
    today = dt.date.today()
    context = {
        "today": today,
        # Worked out only when the cached page is missing: same reach, same data, same day.
        "fragment_key": fragment_key("taskgroups:overview", access=access, depends=OVERVIEW_TABLES, parts=(today,)),
        **lazy_context(lambda: _overview(access, today), OVERVIEW_NAMES),
    }
    return render(request, "taskgroups/overview.html", context)


OVERVIEW_NAMES = ("warnings", "warning_count", "open_groups", "more_groups", "coming", "stages", "unprioritised")
# The warnings read seats (a link member must hold one) and the groups' leads and partnerships.
OVERVIEW_TABLES = ("taskgroups", "partnerships.partnership", "partnerships.membership", "partnerships.person")
OVERVIEW_TABLES = (*OVERVIEW_TABLES, "partnerships.organisation")


def _overview(access, today: dt.date) -> dict:
    partnerships = (
        Partnership.objects.all() if access.is_admin else Partnership.objects.filter(pk__in=access.officer_ids)
    )
    groups = TaskGroup.objects.filter(partnership__in=partnerships)
    warnings = task_group_warnings(groups=groups, today=today)
    open_groups = (
        groups.open()
        .select_related("partnership", "lead_person", "lead_organisation")
        .with_last_report()
        .order_by("end_date", "name")
    )
    coming = (
        Milestone.objects.filter(group__in=groups.open(), due_on__range=(today, today + dt.timedelta(days=30)))
        .exclude(status__in=Milestone.FINISHED)
        .select_related("group")
        .order_by("due_on", "pk")
    )
    stage_counts = (
        Challenge.objects.filter(partnership__in=partnerships).values("stage").annotate(count=Count("pk")).order_by()
    )
    by_stage = {row["stage"]: row["count"] for row in stage_counts}
    open_group_list = list(open_groups[: SHOWN + 1])
    return {
        "warnings": warnings[:SHOWN],
        "warning_count": len(warnings),
        "open_groups": open_group_list[:SHOWN],
        "more_groups": len(open_group_list) > SHOWN,
        "coming": list(coming[:20]),
        "stages": [(label, by_stage.get(value, 0)) for value, label in Challenge.Stage.choices],
        "unprioritised": Challenge.objects.filter(partnership__in=partnerships, priority__isnull=True)
        .filter(~Q(stage=Challenge.Stage.CLOSED))
        .count(),
    }
