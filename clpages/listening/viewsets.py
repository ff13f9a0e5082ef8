"""The admin's "Listening" menu item and its screens (clpages.listening.admin_views)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from clpages.listening import admin_views
from clpages.listening.access import access_for


class ListeningMenuItem(MenuItem):
    def is_shown(self, request):
        return access_for(request.user).sees_anything


class ListeningViewSet(ViewSet):
    name = "listening"
    url_namespace = "clpages_listening_admin"
    icon = "comment"
    menu_label = "Listening"
    add_to_admin_menu = True
    menu_item_class = ListeningMenuItem

    def get_urlpatterns(self):
        # Never cached, by the browser or anything between: answers are people's own words.
        views = [
            ("", admin_views.QuestionListView, "index"),
            ("add/", admin_views.QuestionEditView, "add"),
            ("<int:question_id>/", admin_views.QuestionEditView, "edit"),
            ("<int:question_id>/approve/", admin_views.ApproveView, "approve"),
            ("<int:question_id>/answers/", admin_views.AnswerListView, "answers"),
            ("<int:question_id>/answers/moderate/", admin_views.ModerateView, "moderate"),
            ("<int:question_id>/answers.csv", admin_views.SpreadsheetView, "csv"),
        ]
        return [path(route, never_cache(view.as_view()), name=name) for route, view, name in views]
