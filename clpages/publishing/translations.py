"""The same page in the site's other languages: for the language switcher, ``hreflang`` and the
"not yet translated" page.

A page exists in a language when a live, public translation of it (same ``translation_key``) is in
that language's locale. The languages are the site's ``LANGUAGES``, in their order; each is named
in its own language and script, as settings name it. Pages are looked up once per translation
key and shared until public content next changes (``clpages.performance.cache.shared``), so a page
costs no extra query once warm.
"""

from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from clpages.performance.cache import shared


def site_languages():
    """``[(code, own name), ...]`` of the site's languages, the default first."""
    return list(settings.LANGUAGES)


def default_language():
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def locale_code(locale_id):
    """The language code of a locale, without a query once warm (locales change almost never)."""
    codes = shared("locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    if locale_id not in codes:
        return Locale.objects.get(pk=locale_id).language_code
    return codes[locale_id]


def _translation_urls(request, translation_key):
    pages = Page.objects.live().public().filter(translation_key=translation_key).select_related("locale")
    urls = {}
    for page in pages:
        url = page.get_url(request)
        if url:
            urls[page.locale.language_code] = url
    return urls


def translation_urls(request, page):
    """``{language code: relative URL}`` of the live, public translations of ``page`` (itself
    included when it is live and public)."""
    host = request.get_host() if request is not None else ""
    return shared(
        f"translations:{host}:{page.translation_key}",
        lambda: _translation_urls(request, page.translation_key),
    )


def _ordered(urls, current):
    return [
        {"code": code, "name": name, "url": urls[code], "current": code == current}
        for code, name in site_languages()
        if code in urls
    ]


def page_languages(request, page, current=None):
    """The languages ``page`` exists in, in the site's order: code, own name, URL, current."""
    urls = translation_urls(request, page)
    if current is None:
        current = locale_code(page.locale_id) if page.locale_id else translation.get_language()
    return _ordered(urls, current)


def view_languages(request):
    """The same for a page that is not a Wagtail page (search): it exists in every language."""
    path = request.get_full_path()
    urls = {code: translate_url(path, code) for code, _ in site_languages()}
    # An address outside the languages' patterns translates to itself: it has one language.
    if len(set(urls.values())) < len(urls):
        return []
    return _ordered(urls, translation.get_language())


def _locale(code):
    try:
        return Locale.objects.get_for_language(code)
    except Locale.DoesNotExist:
        return None


def find_original(request, path):
    """For an address of a page missing in the active language, the page it would have been: the
    original in the default language, as a route result ``(page, args, kwargs)``, or None.

    The address is followed in the visitor's language as far as pages exist in it, then in the
    original language from the original of the last page found (same ``translation_key``): so
    ``/fr/community/programs/new-program/`` finds ``new-program`` when the French programs index
    exists but the program has no French translation yet, whatever the French index's slug.
    """
    site = Site.find_for_request(request)
    language = translation.get_language()
    if site is None or language == default_language():
        return None
    default_root = site.root_page
    locale = _locale(language)
    node = default_root.get_translation_or_none(locale) if locale else None
    components = [component for component in path.split("/") if component]
    walked = 0
    if node is not None:
        for component in components:
            child = node.get_children().filter(slug=component).first()
            if child is None:
                break
            node, walked = child, walked + 1
        original = node.get_translation_or_none(default_root.locale_id) if walked else default_root
    else:
        original = default_root
    if original is None:
        return None
    try:
        with translation.override(default_language()):
            result = original.specific.route(request, components[walked:])
    except Http404:
        return None
    page = result[0]
    if not page.live or not Page.objects.public().filter(pk=page.pk).exists():
        return None
    return result
