"""The admin's "Registrations" menu item and its screens (clpages.registrations.admin_views)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from clpages.registrations import admin_views
from clpages.registrations.access import access_for


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return access_for(request.user).sees_any_date


class RunningSessionsViewSet(ViewSet):
    name = "registrations"
    url_namespace = "clpages_registrations_admin"
    icon = "calendar-check"
    menu_label = "Registrations"
    add_to_admin_menu = True
    menu_item_class = RegistrationsMenuItem

    def get_urlpatterns(self):
        # Never cached, by the browser or anything between: they hold names and contacts.
        return [
            path("", never_cache(admin_views.DateListView.as_view()), name="index"),
            path(
                "<int:session_id>/<str:date_key>/", never_cache(admin_views.DateView.as_view()), name="date"
            ),
            path(
                "<int:session_id>/<str:date_key>/cancel/",
                never_cache(admin_views.CancelRegistrationView.as_view()),
                name="cancel",
            ),
            path(
                "<int:session_id>/<str:date_key>/sign-in/",
                never_cache(admin_views.SignInSheetView.as_view()),
                name="sign_in",
            ),
            path(
                "<int:session_id>/<str:date_key>/registrations.csv",
                never_cache(admin_views.SpreadsheetView.as_view()),
                name="csv",
            ),
        ]
