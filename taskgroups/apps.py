from django.apps import AppConfig


class TaskgroupsConfig(AppConfig):
    name = "taskgroups"
    verbose_name = "Task-and-finish groups"

    def ready(self):
        from partnerships.access import Level
        from partnerships.services import register_warning_provider
        from partnerships.tabs import register_tab

        from . import home, services, tasks  # noqa: F401  (home adds its items; tasks the reminder schedule)

        register_tab(
            "Challenges and groups",
            "taskgroups:challenge_list",
            level=Level.READ,
            order=50,
            own_label="Challenges programme",
        )
        register_tab(
            "Task-and-finish groups",
            "taskgroups:group_list",
            level=Level.READ,
            order=52,
            under="taskgroups:challenge_list",
        )
        register_warning_provider(services.partnership_task_group_warnings)

        from meetings.item_links import ItemLink, register_item_link

        from .models import GroupReport, GroupReportItem

        register_item_link(
            ItemLink(
                name="task_group_report",
                label="Task-and-finish group report",
                model=GroupReportItem,
                choices=lambda partnership_id: GroupReport.objects.filter(
                    group__partnership_id=partnership_id
                ).select_related("group"),
                related=("group",),
                help_text="For a task-and-finish report: the group's report this item takes.",
                order=20,
            )
        )
