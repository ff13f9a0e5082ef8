from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "clpages.assessment"
    label = "clpages_assessment"
    verbose_name = _("Change-model self-assessment")
    default_auto_field = "django.db.models.BigAutoField"
