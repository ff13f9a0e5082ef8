"""The language switcher and the ``hreflang`` alternates of a page (clpages.publishing.translations)."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from clpages.publishing.language_choice import SERVE_VIEW
from clpages.publishing.translations import default_language, page_languages, view_languages

register = template.Library()


def _languages(context):
    if "page_languages" in context:
        return context["page_languages"]
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if isinstance(page, Page):
        if getattr(request, "is_preview", False) or not page.live:
            return []
        return page_languages(request, page)
    match = getattr(request, "resolver_match", None)
    # No page found at a page address (the "not found" page): it exists in no language.
    if match is None or match.url_name == SERVE_VIEW:
        return []
    return view_languages(request)


@register.inclusion_tag("clpages/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language it exists in, each named in its own language; shown
    when there is more than one, or when the visitor's language is not among them."""
    links = [
        {
            **link,
            "switch_url": reverse("clpages_language:choose", args=(link["code"],))
            + "?"
            + urlencode({"next": link["url"]}),
        }
        for link in _languages(context)
    ]
    shown = len(links) > 1 or (links and not any(link["current"] for link in links))
    return {"links": links if shown else []}


@register.inclusion_tag("clpages/includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language the page exists in, and x-default
    (the default language's)."""
    request = context.get("request")
    languages = _languages(context) if "page_languages" not in context else []
    if request is None or len(languages) < 2:
        return {"alternates": []}
    alternates = [(link["code"], request.build_absolute_uri(link["url"])) for link in languages]
    default = dict(alternates).get(default_language())
    if default:
        alternates.append(("x-default", default))
    return {"alternates": alternates, "language": translation.get_language()}
