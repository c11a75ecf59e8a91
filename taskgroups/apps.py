from django.apps import AppConfig


class TaskgroupsConfig(AppConfig):
    name = "taskgroups"
    verbose_name = "Task-and-finish groups"

    def ready(self):
        from partnerships.access import Level
        from partnerships.context_processors import register_nav
        from partnerships.services import register_warning_provider
        from partnerships.tabs import register_tab

        from . import services, tasks  # noqa: F401  (tasks registers the reminder schedule)

        register_tab("Challenges and groups", "taskgroups:challenge_list", level=Level.READ, order=50)
        register_nav("Task-and-finish work", "taskgroups:overview", audience="officer", order=60)
        register_warning_provider(services.partnership_task_group_warnings)
