from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from partnerships.access import Level
        from partnerships.context_processors import register_nav
        from partnerships.tabs import register_tab

        from . import home, tasks  # noqa: F401  (the home page's items; the pack job for Celery)

        register_tab("Meetings", "meetings:meeting_list", order=30)
        register_tab("Forward plan", "meetings:forward_plan", order=34, under="meetings:meeting_list")
        register_tab("Actions", "meetings:action_list", level=Level.READ, order=35, under="meetings:meeting_list")
        register_tab(
            "Standing items", "meetings:standing_items", level=Level.EDIT, order=36, under="meetings:meeting_list"
        )
        register_nav("Meetings", "meetings:calendar", order=20)
        register_nav("My meetings", "meetings:my_meetings", audience="signed_in", order=25)
