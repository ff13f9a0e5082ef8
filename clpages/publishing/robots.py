"""Small public views that are not pages."""

from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


def _path(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _disallowed_paths():
    paths = [_path("wagtailadmin_home")]
    # The JSON API repeats the public pages for other systems: no need to index them twice.
    api_pages = _path("clpages:api:pages:listing")
    if api_pages:
        paths.append(api_pages.removesuffix("pages/"))
    return [path for path in paths if path]


# GET and HEAD: crawlers and uptime checks ask with HEAD first.
@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    """Point crawlers at the sitemap and keep them out of the admin."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in _disallowed_paths()]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('clpages:sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
