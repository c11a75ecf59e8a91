"""Task-and-finish deadlines on an officer's home page."""

import datetime as dt

from partnerships.home import OFFICER, HomeContext, HomeItem, register_home_section

from .models import TaskGroup
from .services import task_group_warnings

ENDING_WITHIN = dt.timedelta(weeks=6)
LINKS = {
    "group_end": "Close the group or change its end date",
    "group_report": "Add the group's report",
    "milestone": "Update the milestone",
    "link_member": "Choose a link member",
}


def task_group_deadlines(context: HomeContext) -> list[HomeItem]:
    """Warnings about the officer's open groups, then the groups whose required end date is near."""
    groups = TaskGroup.objects.filter(context.officer_filter())
    items = []
    for warning in task_group_warnings(groups=groups, today=context.today):
        partnership = warning.group.partnership
        items.append(
            HomeItem(
                warning.message,
                warning.group.get_absolute_url(),
                LINKS.get(warning.kind, "See the group"),
                detail=partnership.short_name or partnership.name,
                when=warning.due_on,
            )
        )
    ending = (
        groups.open()
        .filter(end_date__range=(context.today, context.today + ENDING_WITHIN))
        .select_related("partnership")
        .order_by("end_date", "pk")[:20]
    )
    for group in ending:
        items.append(
            HomeItem(
                f"“{group.name}” must finish by {group.end_date:%-d %B %Y}.",
                group.get_absolute_url(),
                "Plan the group's close",
                detail=group.partnership.short_name or group.partnership.name,
                when=group.end_date,
            )
        )
    return items


register_home_section(
    "task_groups",
    "Task-and-finish deadlines",
    task_group_deadlines,
    role=OFFICER,
    order=40,
    empty="No task-and-finish group has a deadline in the next six weeks.",
    see_all=("taskgroups:overview", "See all task-and-finish work"),
)
