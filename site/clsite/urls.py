from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views

from clpages import urls as clpages_urls
from clpages.listening import urls as listening_urls
from clpages.registrations import urls as registration_urls
from clpages.surveys import urls as survey_urls
from clsite.lockout import count_failed_passwords, limit_password_reset
from clsite.media import serve_image

# Wagtail's own password forms, at their own addresses and names, with guessing cut off
# (clsite/lockout.py). They come before Wagtail's patterns, which would match first otherwise.
password_forms = [
    path(
        "admin/password_reset/",
        limit_password_reset(PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        count_failed_passwords(document_views.authenticate_with_password, "document password"),
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        count_failed_passwords(wagtail_views.authenticate_with_password, "page password"),
        name="wagtailcore_authenticate_with_password",
    ),
]

urlpatterns = password_forms + [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The language switcher's links: remember the choice in a cookie, then go to the page in it.
    path("i18n/language/", include("clpages.language_urls")),
    # Django's language switch (a POST), which remembers the choice in the same cookie.
    path("i18n/", include("django.conf.urls.i18n")),
]

# Media on local disk (object storage never reaches this view): images only (clsite/media.py).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_image)]

# Everything the public reads or fills in is in the visitor's language, which the address carries:
# /fr/..., /ar/...; the default language keeps the addresses it always had.
urlpatterns += i18n_patterns(
    path("register/", include(registration_urls)),
    path("have-your-say/", include(listening_urls)),
    path("survey/", include(survey_urls)),
    path("", include(clpages_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
