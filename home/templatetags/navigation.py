from django import template

from home.sections import current_states, site_sections

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation: Home, then the sections patrons look for, the current one marked."""
    request = context.get("request")
    sections = site_sections(request)
    menu = sections.menu
    states = current_states(menu, request, context.get("page"))
    return {
        "root_url": sections.root_url if request is not None else "",
        "home_current": request is not None and request.path == sections.root_url,
        "items": [(section, states.get(section, "")) for section in menu],
    }
