from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "clpages.registrations"
    label = "clpages_registrations"
    verbose_name = "Registrations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from clpages.registrations import checks  # noqa: F401
        from clpages.registrations.receivers import connect_signals

        connect_signals()
