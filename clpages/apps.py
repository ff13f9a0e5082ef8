from django.apps import AppConfig


class ClpagesConfig(AppConfig):
    name = "clpages"
    verbose_name = "Community-led planning"
    default_auto_field = "django.db.models.BigAutoField"
