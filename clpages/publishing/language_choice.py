"""Choosing a language, remembering it, and a kind word where a page is not translated yet.

Every address carries its language (``/fr/...``, ``/ar/...``; the default language has none), so
the page cache stores each page once, in one language, and serves it to every anonymous visitor.
The choice is remembered in Django's language cookie without costing the cache anything:

- The language switcher's links go to ``choose_language``: a plain link (no form, no JavaScript,
  no CSRF token on cached pages), never cached, which sets the cookie and sends the visitor on to
  the page in the chosen language.
- ``RememberedLanguageMiddleware``, placed before the page cache, sends a visitor whose cookie
  names another language from a default-language address to that page's translation in it, when
  a live one exists. Visitors without the cookie (nearly all, and every crawler) pass straight
  through to the cache; the cookie itself is not one that makes a page uncacheable, so a page
  that has no translation is still served from the cache to those who hold it.
- ``UntranslatedPageMiddleware`` turns a miss in another language (``/fr/...`` that has no French
  page) into a page, in the visitor's language, saying the page is not translated yet and linking
  to the original: status 200 so a patron is not told "not found" for a page that exists, with
  ``noindex`` so search engines do not list it as the French page.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page

from clpages.conf import setting
from clpages.publishing.translations import (
    default_language,
    find_original,
    language_name,
    locale_code,
    page_languages,
    translation_urls,
)

SERVE_VIEW = "wagtail_serve"


def _served_path(match):
    """The page path Wagtail's serve view was given (its pattern passes it by position)."""
    return match.kwargs.get("path", match.args[0] if match.args else "")


def _language_home(code):
    with translation.override(code):
        return reverse(SERVE_VIEW, args=("",))


def _set_language_cookie(response, code):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )


@require_safe
@never_cache
def choose_language(request, code):
    """Remember ``code`` as the visitor's language and go to ``?next=`` (the page in that language).

    ``next`` must be an address on this site in the chosen language; anything else leads to the
    home page in that language.
    """
    if code not in dict(settings.LANGUAGES):
        code = default_language()
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    path = target.split("?", 1)[0]
    if not safe or not target.startswith("/") or _address_language(path) != code:
        target = _language_home(code)
    response = HttpResponseRedirect(target)
    _set_language_cookie(response, code)
    return response


def _address_language(path):
    return translation.get_language_from_path(path) or default_language()


def _remembered_language(request):
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code not in dict(settings.LANGUAGES) or code == default_language():
        return None
    return code


def _outside_pages(path):
    excluded = tuple(setting("CLPAGES_PAGE_CACHE_EXCLUDE")) + ("/i18n/",)
    return path.startswith(excluded)


def remembered_address(request, code):
    """The address of the page at ``request`` in language ``code``, or None when it has none."""
    path = request.path_info
    with translation.override(default_language()):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name != SERVE_VIEW:
            # Other public views (search, forms) exist in every language the patterns carry.
            if "text/html" not in request.META.get("HTTP_ACCEPT", ""):
                return None
            translated = translate_url(path, code)
            return None if translated == path else translated
        route = Page.route_for_request(request, _served_path(match))
        # The page is served afresh after this, with the request as the rest of the stack sees it.
        request.__dict__.pop("_wagtail_route_for_request", None)
        if route is None:
            return None
        page = route[0]
        own_url = page.get_url(request)
    if not own_url or not path.startswith(own_url):
        return None
    target = translation_urls(request, page).get(code)
    if target is None:
        return None
    # A page's own sub-addresses (a listing's calendar) follow it into the other language.
    return target + path[len(own_url) :]


class RememberedLanguageMiddleware:
    """Send a visitor who chose another language from a default-language address to the same page
    in their language. Place it before ``AnonymousPageCacheMiddleware``: without the cookie a
    request costs nothing here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = _remembered_language(request) if request.method in ("GET", "HEAD") else None
        if (
            code is not None
            and not _outside_pages(request.path_info)
            and translation.get_language_from_path(request.path_info) is None
        ):
            target = remembered_address(request, code)
            if target is not None:
                query = request.META.get("QUERY_STRING", "")
                response = HttpResponseRedirect(target + (f"?{query}" if query else ""))
                # For this visitor only: a shared cache must never hand it to anyone else.
                add_never_cache_headers(response)
                patch_vary_headers(response, ("Cookie",))
                return response
        return self.get_response(request)


UNTRANSLATED_TEMPLATE = "clpages/untranslated_page.html"


class UntranslatedPageMiddleware:
    """A page missing in the visitor's language, though it exists in the original: say so, in the
    visitor's language, and link to the original. Place it after ``LocaleMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != SERVE_VIEW:
            return response
        result = find_original(request, _served_path(match))
        if result is None:
            return response
        return untranslated_page(request, result[0].specific)


def untranslated_page(request, original):
    """The page saying ``original`` is not in the visitor's language yet, linking to it; or a
    redirect to its translation when it has one under another address."""
    language = translation.get_language()
    urls = translation_urls(request, original)
    if language in urls:
        # Translated after all, under another address (its own slugs): go there.
        return HttpResponseRedirect(urls[language])
    response = TemplateResponse(
        request,
        UNTRANSLATED_TEMPLATE,
        {
            "original": original,
            "original_url": original.get_url(request),
            "original_language": original.locale.language_code,
            "original_language_name": language_name(original.locale.language_code),
            "language_name": language_name(language),
            "page_languages": page_languages(request, original, current=language),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response.render()


def serve_in_its_language(page, request, serve_args, serve_kwargs):
    """``before_serve_page``: a page is served only in its own language. Wagtail falls back to the
    default language's tree when a language has no home page yet (``/fr/...`` then finds the
    English page): the visitor gets the "not translated yet" page instead."""
    if getattr(request, "is_preview", False) or not page.locale_id:
        return None
    if locale_code(page.locale_id) == translation.get_language():
        return None
    if not Page.objects.public().filter(pk=page.pk).exists():
        # Wagtail's own check asks for a sign-in or password, as for the original.
        return None
    return untranslated_page(request, page.specific)
