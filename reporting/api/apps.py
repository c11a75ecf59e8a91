from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "reporting.api"
    label = "reporting_api"
    verbose_name = "Open data API"
    default_auto_field = "django.db.models.BigAutoField"
