"""The self-assessment's own screens: a team's assessments compared over time, and the printable
copies of an assessment, blank and filled.

Every screen checks its right first (clpages.assessment.access) and answers anyone without it
with a 403 page, changing nothing.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from clpages.assessment.access import access_for
from clpages.assessment.comparison import chart, compare
from clpages.assessment.facets import LAYERS, LEVEL_DESCRIPTIONS, Level
from clpages.assessment.models import Assessment

MENU_LABEL = gettext_lazy("Self-assessment")


def refused(request):
    # Returned, not raised: Wagtail turns PermissionDenied into a redirect to the dashboard.
    return TemplateResponse(
        request, "clpages_assessment/admin/refused.html", {"page_title": MENU_LABEL}, status=403
    )


def team_url(team):
    return reverse("clpages_assessment_admin:team") + "?" + urlencode({"name": team})


def print_url(assessment):
    return reverse("clpages_assessment_admin:print", args=[assessment.pk])


def blank_print_url():
    return reverse("clpages_assessment_admin:print_blank")


def worksheets_url():
    return reverse("clpages_assessment_worksheets:index")


class StaffOnly:
    """Library staff with the view's right only; anyone else gets a 403 page and changes nothing."""

    required_action = "view"

    def dispatch(self, request, *args, **kwargs):
        access = access_for(request.user)
        if not (access.sees if self.required_action == "view" else access.may(self.required_action)):
            return refused(request)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return refused(request)


class TeamView(StaffOnly, WagtailAdminTemplateMixin, View):
    """One team's assessments over time: the chart, the same as a table, and what changed."""

    template_name = "clpages_assessment/admin/team.html"
    header_icon = "tasks"

    def get(self, request):
        self.team = " ".join(request.GET.get("name", "").split())
        if not self.team:
            raise Http404
        assessments = list(Assessment.objects.of_team(self.team).order_by("date", "pk"))
        if not assessments:
            raise Http404
        self.team = assessments[-1].team
        comparison = compare(assessments)
        access = access_for(request.user)
        context = self.get_context_data(
            team=self.team,
            comparison=comparison,
            chart=chart(comparison),
            layers=LAYERS,
            add_url=reverse("clpages_assessment_admin:add") if access.may("add") else "",
            copy_url=(
                reverse("clpages_assessment_admin:copy", args=[comparison.latest.pk])
                if access.may("add")
                else ""
            ),
            may_change=access.may("change"),
            levels=[(level, LEVEL_DESCRIPTIONS[level]) for level in Level],
        )
        return self.render_to_response(context)

    def get_page_title(self):
        return _("%(team)s over time") % {"team": self.team}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("clpages_assessment_admin:index"), "label": MENU_LABEL},
            {"url": "", "label": self.get_page_title()},
        ]


def print_context(assessment=None):
    """The printed copy: every layer's facets, with the level, notes and focus when filled."""
    layers = [
        {
            "layer": layer,
            "facets": [
                {
                    "facet": facet,
                    "level": assessment.level(facet) if assessment else None,
                    "notes": assessment.notes(facet) if assessment else "",
                    "focus": assessment.needs_focus(facet) if assessment else False,
                }
                for facet in layer.facets
            ],
        }
        for layer in LAYERS
    ]
    levels = [
        {"value": level.value, "label": level.label, "words": LEVEL_DESCRIPTIONS[level]} for level in Level
    ]
    return {"assessment": assessment, "layers": layers, "levels": levels}


class BlankPrintView(StaffOnly, View):
    """The assessment on paper, to fill in by hand in a team meeting."""

    def get(self, request):
        return TemplateResponse(request, "clpages_assessment/print.html", print_context())


class PrintView(StaffOnly, View):
    """One assessment as filled in, to print or keep."""

    def get(self, request, pk):
        assessment = get_object_or_404(Assessment, pk=pk)
        return TemplateResponse(request, "clpages_assessment/print.html", print_context(assessment))
