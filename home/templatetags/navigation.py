from django import template
from wagtail.models import Site

from clpages.visibility import public

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    current = context.get("page")
    items = []
    if root:
        for item in public(root.get_children().live().in_menu()):
            if current and current.pk == item.pk:
                state = "page"
            elif current and current.path.startswith(item.path):
                state = "true"
            else:
                state = ""
            items.append((item, state))
    return {"root": root, "items": items, "home_current": bool(current and root and current.pk == root.pk)}
