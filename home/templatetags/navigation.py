from django import template
from wagtail.models import Site

from clpages.performance.cache import shared
from clpages.performance.visibility import public

register = template.Library()


def _menu_rows(root, request):
    """(pk, path, url, title) of the site's menu pages: the same for every visitor of the site."""
    return [
        (item.pk, item.path, item.get_url(request), item.title)
        for item in public(root.get_children().live().in_menu())
    ]


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    current = context.get("page")
    items = []
    if root:
        rows = shared(f"main-nav:{site.pk}", lambda: _menu_rows(root, request))
        for pk, path, url, title in rows:
            if current and current.pk == pk:
                state = "page"
            elif current and current.path.startswith(path):
                state = "true"
            else:
                state = ""
            items.append(({"url": url, "title": title}, state))
    return {"root": root, "items": items, "home_current": bool(current and root and current.pk == root.pk)}
