"""The language switcher's address, outside the languages' own patterns: include it once, e.g.
``path("i18n/language/", include("clpages.language_urls"))``."""

from django.urls import path

from clpages.publishing.language_choice import choose_language

app_name = "clpages_language"

urlpatterns = [
    path("<str:code>/", choose_language, name="choose"),
]
