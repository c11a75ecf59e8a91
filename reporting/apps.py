from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Reporting"

    def ready(self):
        from partnerships.context_processors import register_nav
        from partnerships.tabs import register_tab

        register_tab("Reports", "reporting:partnership_reports", order=85)
        register_nav("Reports", "reporting:report_index", audience="clerk", order=70)

        from . import home  # noqa: F401  (reports due and ready on the home page)
