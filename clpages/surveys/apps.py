from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "clpages.surveys"
    label = "clpages_surveys"
    verbose_name = "Outcome surveys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete

        from clpages.performance.cache import new_generation
        from clpages.surveys.models import Survey, SurveyQuestion
        from clpages.surveys.tallies import forget_figure

        pre_delete.connect(forget_figure, sender=SurveyQuestion, dispatch_uid="clpages-surveys-forget-figure")
        # A results and learning page invites its readers to a survey once it opens, not after.
        post_save.connect(new_generation, sender=Survey, dispatch_uid="clpages-surveys-page-cache-save")
        post_delete.connect(new_generation, sender=Survey, dispatch_uid="clpages-surveys-page-cache-delete")
