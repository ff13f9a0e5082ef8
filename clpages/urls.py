"""Public URLs of the community section that are not pages: include them before Wagtail's."""

from django.urls import include, path, re_path

from clpages.hear_back import views as hear_back
from clpages.programs import ical
from clpages.programs.feeds import NewProgramsAtomFeed, NewProgramsFeed
from clpages.publishing.api import api_router
from clpages.publishing.robots import robots_txt
from clpages.publishing.sitemaps import sitemap
from clpages.search import views as search

app_name = "clpages"

urlpatterns = [
    # Taking content away: feeds, sitemap, robots.txt and the read-only JSON API.
    path("feeds/programs/rss/", NewProgramsFeed(), name="programs_rss"),
    path("feeds/programs/atom/", NewProgramsAtomFeed(), name="programs_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("api/v2/", include((api_router.get_urlpatterns(), "api"))),
    # Finding programs. iCalendar files are plain URLs: Wagtail page URLs cannot end in ".ics".
    path("search/", search.search, name="search"),
    # Hearing back once when results are shared: the form, and the link in its email.
    path("hear-back/<int:page_id>/", hear_back.ask, name="hear_back"),
    path("hear-back/<int:page_id>/sent/", hear_back.sent, name="hear_back_sent"),
    path("hear-back/confirm/<str:token>/", hear_back.confirm, name="hear_back_confirm"),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)calendar\.ics$", ical.page_calendar, name="calendar_ics"),
]
