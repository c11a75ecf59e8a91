from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = "Partnerships"

    def ready(self):
        from .throttle import install_for_sign_in

        install_for_sign_in()

        from . import fragments

        fragments.connect()

        from . import collation  # noqa: F401  (the name collation on SQLite connections)
