"""The XML sitemap: every live page anyone may view, with the date it was last published.

Wagtail's own sitemap (wagtail.contrib.sitemaps) builds a full page object for every page and
renders a template line by line; with 10,000 programs that takes seconds. Here the URLs come
from one narrow query and are written out directly, which keeps the sitemap fast at any size.
Page types that change their own URLs or sitemap entries (``get_url_parts`` or
``get_sitemap_urls``) still get Wagtail's treatment, so nothing is lost for them.

One sitemap file holds at most 50,000 URLs (the protocol's limit); past that a site would add
a sitemap index.
"""

import datetime
from xml.sax.saxutils import escape

from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
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


def sitemap_entries(request, site):
    """(location, lastmod) pairs for the live, public pages of ``site``."""
    root = site.root_page
    root_url = site.root_url
    serve_prefix = reverse("wagtail_serve", args=("",))
    rows = (
        root.get_descendants(inclusive=True)
        .live()
        .public()
        .order_by("path")
        .values_list("pk", "url_path", "content_type_id", "last_published_at", "latest_revision_created_at")
    )
    entries, custom = [], []
    for pk, url_path, content_type_id, published, revised in rows[:MAX_URLS]:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if not _keeps_wagtail_urls(model):
            custom.append(pk)
            continue
        path = serve_prefix + url_path[len(root.url_path) :]
        entries.append((root_url + path, _lastmod(published or revised)))
    for page in Page.objects.filter(pk__in=custom).order_by("path").specific():
        entries += [(url["location"], _lastmod(url.get("lastmod"))) for url in page.get_sitemap_urls(request)]
    return entries


def _url_element(location, lastmod):
    lastmod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    return f"<url><loc>{escape(location)}</loc>{lastmod}</url>"


# GET and HEAD: crawlers and uptime checks ask with HEAD first.
@require_safe
def sitemap(request):
    site = Site.find_for_request(request) or Site.objects.select_related("root_page").get(
        is_default_site=True
    )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        *(_url_element(location, lastmod) for location, lastmod in sitemap_entries(request, site)),
        "</urlset>",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="application/xml")
