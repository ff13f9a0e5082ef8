from django.apps import AppConfig


class ListeningConfig(AppConfig):
    name = "clpages.listening"
    label = "clpages_listening"
    verbose_name = "Listening"
    default_auto_field = "django.db.models.BigAutoField"
