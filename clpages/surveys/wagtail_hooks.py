from django.contrib.auth.models import Permission
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from clpages.joining import OPEN_SURVEYS_HOOK, SURVEY_LINKS_HOOK
from clpages.surveys.links import open_survey_links, surveys_inviting
from clpages.surveys.models import Survey
from clpages.surveys.permissions import SurveyPermissionPolicy
from clpages.surveys.viewsets import SurveyViewSet

register_permission_policy(Survey, SurveyPermissionPolicy(Survey))


@hooks.register("register_admin_viewset")
def register_surveys():
    return SurveyViewSet()


# The rights library staff may be given in Settings > Groups (clpages.surveys.access).
@hooks.register("register_permissions")
def survey_permissions():
    return Permission.objects.filter(content_type__app_label="clpages_surveys")


# The thank-you and follow-up emails of registration on this website link to open surveys.
hooks.register(SURVEY_LINKS_HOOK, open_survey_links)
# A results and learning page invites its readers to answer its open surveys.
hooks.register(OPEN_SURVEYS_HOOK, surveys_inviting)
