from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from clpages.assessment import worksheets
from clpages.assessment.models import Assessment
from clpages.assessment.permissions import AssessmentPermissionPolicy
from clpages.assessment.viewsets import AssessmentViewSet

register_permission_policy(Assessment, AssessmentPermissionPolicy(Assessment))


@hooks.register("register_admin_viewset")
def register_assessment():
    return AssessmentViewSet()


# The workshop worksheets: blank for anyone in the admin, filled for who may edit the partnership.
@hooks.register("register_admin_urls")
def worksheet_urls():
    return [
        path(
            "worksheets/",
            include(
                (worksheets.urlpatterns(), "clpages_assessment_worksheets"),
                namespace="clpages_assessment_worksheets",
            ),
        )
    ]
