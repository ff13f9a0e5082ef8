"""Public URLs of the community section that are not pages: include them before Wagtail's."""

from django.urls import include, path

from .api import api_router
from .feeds import NewProgramsAtomFeed, NewProgramsFeed
from .sitemaps import sitemap
from .views import robots_txt

app_name = "clpages"

urlpatterns = []

# Taking content away: feeds, sitemap, robots.txt and the read-only JSON API.
urlpatterns += [
    path("feeds/programs/rss/", NewProgramsFeed(), name="programs_rss"),
    path("feeds/programs/atom/", NewProgramsAtomFeed(), name="programs_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("api/v2/", include((api_router.get_urlpatterns(), "api"))),
]

# Finding programs: search, and iCalendar files (Wagtail page URLs cannot end in ".ics").
from django.urls import re_path  # noqa: E402

from . import ical, search  # noqa: E402

urlpatterns += [
    path("search/", search.search, name="search"),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)calendar\.ics$", ical.page_calendar, name="calendar_ics"),
]
