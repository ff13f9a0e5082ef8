"""The XML sitemap: every live page anyone may view, with the date it was last published.

Wagtail's own sitemap (wagtail.contrib.sitemaps) builds a full page object for every page and
renders a template line by line; with 10,000 programs that takes seconds. Here the URLs come
from one narrow query and are written out directly, which keeps the sitemap fast at any size.
Page types that change their own URLs or sitemap entries (``get_url_parts`` or
``get_sitemap_urls``) still get Wagtail's treatment, so nothing is lost for them.

Every language's pages are listed, each with ``xhtml:link`` alternates naming the same page in
the site's other languages (same ``translation_key``) and ``x-default`` (the default language's),
read from the same query.

One sitemap file holds at most 50,000 URLs (the protocol's limit); past that a site would add
a sitemap index.
"""

import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

MAX_URLS = 50_000


def _keeps_wagtail_urls(model):
    return model.get_url_parts is Page.get_url_parts and model.get_sitemap_urls is Page.get_sitemap_urls


def _lastmod(value):
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.isoformat()


def _roots(site):
    """The site's home page in each language: (path, url_path, serve prefix), default first."""
    root = site.root_page
    roots = [root] + list(root.get_translations().select_related("locale").order_by("path"))
    default = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    result = []
    for page in roots:
        code = page.locale.language_code if page is not root else default
        with translation.override(code):
            result.append((page.path, page.url_path, reverse("wagtail_serve", args=("",)), code))
    return result


def sitemap_entries(request, site):
    """(location, lastmod, alternates) for the live, public pages of ``site`` in every language;
    alternates are (hreflang, location) pairs, empty for a page in one language only."""
    roots = _roots(site)
    root_url = site.root_url
    in_site = Q()
    for path, *_ in roots:
        in_site |= Q(path__startswith=path)
    rows = (
        Page.objects.filter(in_site)
        .live()
        .public()
        .order_by("path")
        .values_list(
            "pk",
            "path",
            "url_path",
            "content_type_id",
            "last_published_at",
            "latest_revision_created_at",
            "translation_key",
        )
    )
    default = roots[0][3]
    entries, custom, languages = [], [], {}
    for pk, path, url_path, content_type_id, published, revised, key in rows[:MAX_URLS]:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if not _keeps_wagtail_urls(model):
            custom.append(pk)
            continue
        _, root_url_path, serve_prefix, code = next(root for root in roots if path.startswith(root[0]))
        location = root_url + serve_prefix + url_path[len(root_url_path) :]
        entries.append((location, _lastmod(published or revised), key))
        languages.setdefault(key, {})[code] = location
    result = []
    for location, lastmod, key in entries:
        versions = languages[key]
        alternates = []
        if len(versions) > 1:
            alternates = [(code, versions[code]) for code, _ in settings.LANGUAGES if code in versions]
            if default in versions:
                alternates.append(("x-default", versions[default]))
        result.append((location, lastmod, alternates))
    for page in Page.objects.filter(pk__in=custom).order_by("path").specific():
        result += [
            (url["location"], _lastmod(url.get("lastmod")), []) for url in page.get_sitemap_urls(request)
        ]
    return result


def _url_element(location, lastmod, alternates):
    lastmod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(href)}"/>' for code, href in alternates
    )
    return f"<url><loc>{escape(location)}</loc>{lastmod}{links}</url>"


# GET and HEAD: crawlers and uptime checks ask with HEAD first.
@require_safe
def sitemap(request):
    site = Site.find_for_request(request) or Site.objects.select_related("root_page").get(
        is_default_site=True
    )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        *(_url_element(*entry) for entry in sitemap_entries(request, site)),
        "</urlset>",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="application/xml")
