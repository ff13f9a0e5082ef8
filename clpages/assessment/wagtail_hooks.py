from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from clpages.assessment import worksheets
from clpages.assessment.models import Assessment
from clpages.assessment.permissions import AssessmentPermissionPolicy
from clpages.assessment.viewsets import AssessmentViewSet
from clpages.models import PartnershipPage

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


# A partnership page's own worksheets, from its header's menu, for the people who may edit it.
@hooks.register("register_page_header_buttons")
def worksheet_buttons(page, user, next_url=None, view_name=None):
    if page.specific_class is not PartnershipPage or not worksheets.may_print(user, page):
        return []
    return [
        Button(
            label,
            url=reverse("clpages_assessment_worksheets:filled", args=[kind, page.pk]),
            icon_name="doc-full",
            priority=80 + number,
        )
        for number, (kind, (label, _template)) in enumerate(worksheets.KINDS.items())
    ]
