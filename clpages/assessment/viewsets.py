"""The admin's "Self-assessment" menu item: Wagtail's generic model views for the assessments,
a team's comparison over time, and the printable copies (clpages.assessment.admin_views).

Library staff only (clpages.assessment.access): anyone else, partners included, gets a 403 page
on every screen, and a forged request changes nothing.
"""

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem

from clpages.assessment import admin_views
from clpages.assessment.access import access_for
from clpages.assessment.admin_views import StaffOnly, team_url
from clpages.assessment.forms import edit_handler
from clpages.assessment.models import Assessment


class ParticipantsColumn(Column):
    def get_value(self, instance):
        return len(instance.participant_list)


class IndexView(StaffOnly, generic.IndexView):
    required_action = "view"

    @property
    def header_buttons(self):
        return super().header_buttons + [
            HeaderButton(_("Print a blank copy"), url=admin_views.blank_print_url(), icon_name="doc-empty"),
            HeaderButton(_("Workshop worksheets"), url=admin_views.worksheets_url(), icon_name="doc-full"),
        ]

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + [
            ButtonMenuItem(
                _("Compare over time"), url=team_url(instance.team), icon_name="calendar", priority=5
            ),
            ButtonMenuItem(_("Print"), url=admin_views.print_url(instance), icon_name="doc-full", priority=6),
        ]


class CreateView(StaffOnly, generic.CreateView):
    required_action = "add"

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        return instance

    def get_success_url(self):
        return team_url(self.object.team)


class EditView(StaffOnly, generic.EditView):
    required_action = "change"

    def get_success_url(self):
        return team_url(self.object.team)


class DeleteView(StaffOnly, generic.DeleteView):
    required_action = "delete"


class HistoryView(StaffOnly, history.HistoryView):
    required_action = "view"


class UsageView(StaffOnly, usage.UsageView):
    required_action = "view"


class CopyView(StaffOnly, generic.CopyView):
    """A new assessment that starts from an earlier one's levels and notes."""

    required_action = "add"

    def get_initial_form_instance(self):
        # A new assessment, never the earlier one: dated today, for whoever records it.
        copy = self.get_object()
        copy.pk = copy.id = None
        copy.date = timezone.localdate()
        copy.created_by = None
        return copy

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        return instance

    def get_success_url(self):
        return team_url(self.object.team)


class AssessmentMenuItem(MenuItem):
    def is_shown(self, request):
        return access_for(request.user).sees


class AssessmentViewSet(ModelViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Self-assessment")
    menu_item_class = AssessmentMenuItem
    add_to_admin_menu = True
    menu_order = 260
    url_namespace = "clpages_assessment_admin"
    url_prefix = "self-assessment"
    list_display = ["team", "date", ParticipantsColumn("participants", label=_("People taking part"))]
    list_filter = ["team"]
    ordering = ["-date", "team"]
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_class = CopyView
    edit_handler = edit_handler()

    def get_urlpatterns(self):
        # Never cached: a team's frank view of itself is for the library only.
        views = [
            ("team/", admin_views.TeamView, "team"),
            ("print/", admin_views.BlankPrintView, "print_blank"),
            ("<int:pk>/print/", admin_views.PrintView, "print"),
        ]
        return super().get_urlpatterns() + [
            path(route, never_cache(view.as_view()), name=name) for route, view, name in views
        ]
