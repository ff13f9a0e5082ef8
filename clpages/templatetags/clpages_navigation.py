"""Breadcrumbs without a query per page view: a page's trail is its parent's, shared by siblings."""

from django import template
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from clpages.models import CommunityHubPage
from clpages.performance.cache import shared

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """(url, title) of each ancestor below the root, the first titled Home, for `page`.

    Every program under an index has the same trail, so it is read once per parent and content
    change (clpages.performance.cache.shared) instead of once per page view.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    parent_path = page.path[: -page.steplen]

    def read():
        ancestors = list(page.get_ancestors().order_by("path"))[1:]
        return [
            (ancestor.get_url(request), _("Home") if depth == 0 else ancestor.title)
            for depth, ancestor in enumerate(ancestors)
        ]

    return shared(f"breadcrumbs:{site.pk if site else 0}:{parent_path}", read)


# Where the hub explains the five stages (community_hub_page.html).
STAGES_ANCHOR = "#stages"


@register.simple_tag(takes_context=True)
def stages_explained_url(context, page):
    """The address of the explanation of the five stages: the community hub above `page`, at its
    stages section; "" when no live hub is above it.

    Shared by the siblings of `page`, like the breadcrumbs, so a program page view reads it from
    the shared facts instead of the database.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    parent_path = page.path[: -page.steplen]

    def read():
        hub = CommunityHubPage.objects.ancestor_of(page).live().order_by("-depth").first()
        url = hub.get_url(request) if hub else None
        return f"{url}{STAGES_ANCHOR}" if url else ""

    return shared(f"stages-explained:{site.pk if site else 0}:{parent_path}", read)
