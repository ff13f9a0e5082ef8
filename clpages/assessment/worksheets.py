"""Printable workshop worksheets: the community-led framing and the partnership brainstorming
tool, blank or filled from a partnership page.

Blank worksheets hold nothing but the seed's prompts: anyone who works in the admin may print
them, partners included, for a workshop with their community. A filled worksheet shows a
partnership page's own plan as it is being written (its latest revision), so it is for the
people who may edit that page: library staff, and the partners of that partnership only, as
Wagtail's page permissions (narrowed to their organisations, clpages.partners) decide. Anyone
else gets a 403 page.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from clpages.models import PartnershipPage
from clpages.stages import FramingStage

# The framing's steps as the seed lists them, with the partnership page's notes field for each.
FRAMING = [
    ("notes_relationships", _("Community relationships")),
    ("notes_learn", _("Learn")),
    ("notes_listen", _("Listen")),
    ("notes_align", _("Align")),
    ("notes_share", _("Share")),
    ("notes_co_create", _("Co-create")),
]
assert [name for name, _label in FRAMING] == [f"notes_{stage.value}" for stage in FramingStage]

# The brainstorming tool's prompts in the seed's own words, with the page's field for each.
BRAINSTORMING = [
    ("people_to_reach", _("The people I want to reach are")),
    ("get_to_know_them_by", _("I can get to know them by")),
    ("one_of_their_goals", _("One of their goals is")),
    ("they_are_ready_to", _("To reach that goal, they are ready")),
    ("library_can_support_by", _("The library can support their effort by")),
    ("success_looks_like", _("Success looks like")),
    ("we_will_communicate_by", _("We will communicate by")),
]

KINDS = {
    "framing": (_("Community-led framing"), "clpages_assessment/worksheets/framing.html"),
    "brainstorming": (
        _("Partnership brainstorming tool"),
        "clpages_assessment/worksheets/brainstorming.html",
    ),
}

# Rows to write next steps on, on a blank worksheet (and below a filled one's own).
BLANK_STEPS = 4


def refused(request):
    return TemplateResponse(
        request,
        "clpages_assessment/admin/worksheet_refused.html",
        {"page_title": _("Worksheets")},
        status=403,
    )


def may_print(user, page):
    return page.permissions_for_user(user).can_edit()


def editable_partnerships(user):
    """The partnership pages this user may print filled worksheets of."""
    pages = PartnershipPage.objects.order_by("title").select_related("partner")
    return [page for page in pages if may_print(user, page)]


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class IndexView(WagtailAdminTemplateMixin, View):
    template_name = "clpages_assessment/admin/worksheets.html"
    page_title = _("Workshop worksheets")
    header_icon = "doc-full"

    def get(self, request):
        return self.render_to_response(
            self.get_context_data(kinds=KINDS, partnerships=editable_partnerships(request.user))
        )


class WorksheetView(View):
    def get(self, request, kind, page_id=None):
        if kind not in KINDS:
            raise Http404
        title, template = KINDS[kind]
        page = None
        if page_id is not None:
            stored = get_object_or_404(PartnershipPage, pk=page_id)
            if not may_print(request.user, stored):
                return refused(request)
            # As it is being written: the latest draft, not only what is live.
            page = stored.get_latest_revision_as_object()
        framing = [
            {"label": label, "lines": _lines(getattr(page, name)) if page else []} for name, label in FRAMING
        ]
        prompts = [
            {"label": label, "text": getattr(page, name) if page else ""} for name, label in BRAINSTORMING
        ]
        steps = list(page.next_steps.all()) if page else []
        context = {
            "title": title,
            "page": page,
            "framing": framing,
            "prompts": prompts,
            "steps": steps,
            "blank_steps": range(max(BLANK_STEPS - len(steps), 2)),
            "index_url": reverse("clpages_assessment_worksheets:index"),
        }
        return TemplateResponse(request, template, context)


def urlpatterns():
    views = [
        ("", IndexView, "index"),
        ("<str:kind>/", WorksheetView, "blank"),
        ("<str:kind>/<int:page_id>/", WorksheetView, "filled"),
    ]
    return [path(route, never_cache(view.as_view()), name=name) for route, view, name in views]
