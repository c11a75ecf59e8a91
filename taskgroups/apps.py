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
