"""The admin's "Surveys" menu item: Wagtail's generic model views kept to what each user may
prepare, and the screens of one survey (clpages.surveys.admin_views)."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from clpages.surveys import admin_views
from clpages.surveys.access import access_for
from clpages.surveys.admin_forms import SurveyAdminForm
from clpages.surveys.admin_views import refused
from clpages.surveys.models import Survey


class Refuses403:
    """A forged or out-of-scope request gets a 403 page, and changes nothing."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return refused(request)


class InScope(Refuses403):
    def get_object(self, queryset=None):
        survey = super().get_object(queryset) if queryset is not None else super().get_object()
        if not access_for(self.request.user).may_prepare(survey.evaluation_id):
            raise PermissionDenied
        return survey

    def setup(self, request, *args, **kwargs):
        # History and usage read their survey while being set up, before ``dispatch``.
        try:
            super().setup(request, *args, **kwargs)
        except PermissionDenied:
            self.refused_in_setup = True

    def dispatch(self, request, *args, **kwargs):
        if getattr(self, "refused_in_setup", False):
            return refused(request)
        return super().dispatch(request, *args, **kwargs)


class IndexView(Refuses403, generic.IndexView):
    def get_base_queryset(self):
        evaluations = access_for(self.request.user).evaluations().values("pk")
        return super().get_base_queryset().filter(evaluation__in=evaluations).select_related("evaluation")


class CreateView(Refuses403, generic.CreateView):
    pass


class EditView(InScope, generic.EditView):
    pass


class DeleteView(InScope, generic.DeleteView):
    pass


# A survey's history, where it is used, and copying it: the same scope as editing it.
class HistoryView(InScope, history.HistoryView):
    pass


class UsageView(InScope, usage.UsageView):
    pass


class CopyView(InScope, generic.CopyView):
    pass


class SurveyViewSet(ModelViewSet):
    model = Survey
    icon = "form"
    menu_label = "Surveys"
    add_to_admin_menu = True
    url_namespace = "clpages_surveys_admin"
    url_prefix = "surveys"
    list_display = ["title", "evaluation", "kind", admin_views.StatusColumn("status", label="Status")]
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_class = CopyView
    # The form keeps each user to the pages whose surveys they prepare, and checks what feeds what.
    edit_handler = ObjectList(Survey.panels, base_form_class=SurveyAdminForm)

    def get_urlpatterns(self):
        # The survey's own screens; never cached: the answers are only for the people running it.
        return super().get_urlpatterns() + [
            path("<int:pk>/", never_cache(admin_views.OverviewView.as_view()), name="overview"),
            path("<int:pk>/approve/", never_cache(admin_views.ApproveView.as_view()), name="approve"),
            path("<int:pk>/paper/", never_cache(admin_views.PaperAnswersView.as_view()), name="paper"),
            path("<int:pk>/print/", never_cache(admin_views.PrintView.as_view()), name="print"),
            path("<int:pk>/answers.csv", never_cache(admin_views.ExportView.as_view()), name="csv"),
        ]
