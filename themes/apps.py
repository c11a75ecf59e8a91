from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = "Themes"

    def ready(self):
        from partnerships.services import register_warning_provider
        from partnerships.tabs import register_tab

        from . import home, tasks  # noqa: F401  (the home page's items; the daily reminder job)

        register_tab("Themes", "themes:theme_list", order=30)
        register_tab("Achievements", "themes:achievement_list", order=32, under="themes:theme_list")
        register_tab("Plan", "themes:plan_overview", order=34, under="themes:theme_list")
        register_tab("Outcomes", "themes:framework_list", order=36, under="themes:theme_list")

        from .warnings import overdue_report_warnings

        register_warning_provider(overdue_report_warnings)

        from meetings.item_links import ItemLink, register_item_link

        from .models import ThemeReport, ThemeReportItem

        register_item_link(
            ItemLink(
                name="theme_report",
                label="Theme report",
                model=ThemeReportItem,
                choices=lambda partnership_id: ThemeReport.objects.filter(
                    theme__partnership_id=partnership_id
                ).select_related("theme"),
                related=("theme",),
                help_text="For a theme update: the theme's report this item takes.",
                order=10,
            )
        )
