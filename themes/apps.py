from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = "Themes"

    def ready(self):
        from partnerships.access import Level
        from partnerships.context_processors import register_nav
        from partnerships.services import register_warning_provider
        from partnerships.tabs import register_tab

        from . import tasks  # noqa: F401  (adds the daily reminder job to the schedule)

        register_tab("Themes", "themes:theme_list", level=Level.READ, order=30)
        register_tab("Achievements", "themes:achievement_list", level=Level.READ, order=32)
        register_tab("Plan", "themes:plan_overview", level=Level.READ, order=34)
        register_tab("Outcomes", "themes:framework_list", level=Level.READ, order=36)
        register_nav("Theme reports due", "themes:reports_due", audience="officer", order=40)

        from .warnings import overdue_report_warnings

        register_warning_provider(overdue_report_warnings)
