"""Breadcrumbs without a query per page view: a page's trail is its parent's, shared by siblings."""

from django import template
from wagtail.models import Site

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
            (ancestor.get_url(request), "Home" if depth == 0 else ancestor.title)
            for depth, ancestor in enumerate(ancestors)
        ]

    return shared(f"breadcrumbs:{site.pk if site else 0}:{parent_path}", read)
