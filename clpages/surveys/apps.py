from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "clpages.surveys"
    label = "clpages_surveys"
    verbose_name = "Outcome surveys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_delete

        from clpages.surveys.models import SurveyQuestion
        from clpages.surveys.tallies import forget_figure

        pre_delete.connect(forget_figure, sender=SurveyQuestion, dispatch_uid="clpages-surveys-forget-figure")
