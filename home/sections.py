"""The sections patrons look for, found once per content change: the program listing, its
calendar, the community-led planning hub, search, and any other page editors put in the menu.

The main navigation and the home page both link to them; the answer is the same for every
visitor of a site, so it is kept with the other shared facts (clpages.performance.cache.shared)
and costs no query on most page views.
"""

import dataclasses

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from clpages.models import CommunityHubPage, ProgramIndexPage
from clpages.performance.cache import shared
from clpages.performance.visibility import public
from clpages.translated import reading_default_language


@dataclasses.dataclass(frozen=True)
class Section:
    url: str
    title: str
    # The page's tree path: pages below it belong to the section. Empty for views that are not
    # pages (the calendar, search), which are current only at their own address.
    path: str = ""
    kind: str = "page"


@dataclasses.dataclass(frozen=True)
class SiteSections:
    root_url: str = "/"
    programs: Section | None = None
    calendar: Section | None = None
    hub: Section | None = None
    search: Section | None = None
    others: tuple = ()

    @property
    def menu(self):
        """The main navigation, in the order patrons look for things."""
        named = (self.programs, self.calendar, self.hub)
        return [section for section in (*named, *self.others, self.search) if section is not None]


def _first(pages):
    return public(pages.live()).order_by("path").first()


def _read(site, request):
    root = site.root_page
    if not reading_default_language():
        # The site's tree in the visitor's language, beside the default one (shared per language).
        root = root.localized
    hub = _first(CommunityHubPage.objects.descendant_of(root))
    programs = _first(ProgramIndexPage.objects.descendant_of(hub or root))
    shown = {page.pk for page in (hub, programs) if page is not None}
    others = tuple(
        Section(url=page.get_url(request), title=page.title, path=page.path)
        for page in public(root.get_children().live().in_menu())
        if page.pk not in shown
    )
    programs_url = programs.get_url(request) if programs else ""
    return SiteSections(
        root_url=root.get_url(request) or "/",
        programs=Section(programs_url, _("Programs"), programs.path) if programs else None,
        calendar=Section(f"{programs_url}calendar/", _("Calendar"), kind="calendar") if programs else None,
        hub=Section(hub.get_url(request), _("Community planning"), hub.path) if hub else None,
        search=Section(reverse("clpages:search"), _("Search"), kind="search"),
        others=others,
    )


def site_sections(request):
    """The SiteSections of the request's site; no sections without a site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return SiteSections()
    return shared(f"site-sections:{site.pk}", lambda: _read(site, request))


def current_states(sections, request, page):
    """{section: aria-current value} for the section a visitor is in.

    A section's own address is "page" (the listing, the calendar, search); a page below a
    section's page is "true" for the deepest such section only, so a program is in "Programs",
    not also in "Community planning".
    """
    path = request.path if request is not None else ""
    for section in sections:
        if section.url == path:
            return {section: "page"}
    if page is None or not getattr(page, "path", ""):
        return {}
    containing = [section for section in sections if section.path and page.path.startswith(section.path)]
    if not containing:
        return {}
    return {max(containing, key=lambda section: len(section.path)): "true"}
