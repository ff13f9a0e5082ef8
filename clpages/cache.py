"""A cache of rendered public pages for anonymous visitors, emptied whenever public content changes.

Patrons browsing programs are nearly all anonymous and see the same HTML, so a rendered page is
stored under its URL and served to the next anonymous visitor without touching the database.
Every stored page carries the content *generation* it was rendered in; publishing, unpublishing,
moving or deleting a page, or changing a partner, a place or an image, starts a new generation,
so listings, feeds and the calendar show the change on the very next request. Old entries are
never served again and simply expire.

What is never cached: anything but a plain GET; requests carrying a session, messages or CSRF
cookie (logged-in editors, a pending flash message, a form in progress); responses that set a
cookie, are not 200, stream, ask not to be stored, or vary on a header the key does not hold.
"""

import contextvars
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers

GENERATION_KEY = "clpages:page-cache:generation"
ENTRY_PREFIX = "clpages:page-cache:page:"
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/")
# Headers a cached page may vary on: Cookie (only cookie-less requests are served) and Accept,
# which is part of the key (the API negotiates its format on it).
STORABLE_VARY = {"cookie", "accept", ""}
UNSTORABLE_CACHE_CONTROL = ("private", "no-store", "no-cache")


def timeout():
    """Seconds a rendered page may be served; 0 turns the cache off."""
    return int(getattr(settings, "CLPAGES_PAGE_CACHE_SECONDS", 0) or 0)


def _excluded_prefixes():
    return tuple(getattr(settings, "CLPAGES_PAGE_CACHE_EXCLUDE", DEFAULT_EXCLUDED_PREFIXES))


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock, not from 1, so a lost counter can never come back to a value
        # that pages already stored under it carry.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def new_generation(**kwargs):
    """Make every stored page stale at once. Connected to the signals that change public content."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)
    state = _request_state.get()
    if state is not None:
        # A change made while serving a request shows in the rest of that request too.
        state.pop("generation", None)


SHARED_PREFIX = "clpages:shared:"
# Shared values hold no clock-dependent facts; content changes replace them, not time.
SHARED_SECONDS = 3600

# The generation a request is served in, read once per request (set up by the middleware).
_request_state = contextvars.ContextVar("clpages_request_state", default=None)
# This process's copies of shared values, each with the generation it belongs to.
_local_values = {}


def generation_for_request():
    """The current content generation, read once per request (every time outside requests)."""
    state = _request_state.get()
    if state is None:
        return current_generation()
    if "generation" not in state:
        state["generation"] = current_generation()
    return state["generation"]


def shared(name, compute):
    """``compute()``, shared by every request until public content next changes.

    For facts many pages show and no visitor changes: the filter menus, the main navigation,
    the breadcrumbs, the private sections. Stored with the content generation it was read in,
    so a change (the same signals as the page cache) makes the next request read it afresh.
    Unlike the page cache this applies to every visitor: the values are public and the same
    for all. Each process keeps a copy for the current generation, so a request asks the cache
    for the generation once, not once per value.
    """
    if not getattr(settings, "CLPAGES_SHARED_CACHE", True):
        return compute()
    generation = generation_for_request()
    local = _local_values.get(name)
    if local is not None and local[0] == generation:
        return local[1]
    key = SHARED_PREFIX + name
    entry = cache.get(key)
    if entry is None or entry[0] != generation:
        # Read in `generation`: if content changed meanwhile, the next request sees a newer one.
        entry = (generation, compute())
        cache.set(key, entry, SHARED_SECONDS)
    _local_values[name] = entry
    return entry[1]


def _cookie_names():
    return (
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    )


def is_cacheable_request(request):
    if request.method != "GET" or timeout() <= 0:
        return False
    if request.path.startswith(_excluded_prefixes()):
        return False
    return not any(name in request.COOKIES for name in _cookie_names())


def is_storable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNSTORABLE_CACHE_CONTROL):
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    return vary <= STORABLE_VARY


def entry_key(request):
    address = "|".join(
        (
            request.scheme,
            request.META.get("HTTP_HOST", ""),
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT", ""),
        )
    )
    return ENTRY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _freeze(response, generation):
    headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
    return (generation, response.status_code, headers, response.content)


def _thaw(entry):
    _, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; store what is safe to share.

    Place it just after WhiteNoise, before the session, CSRF and authentication middleware:
    a hit then costs one cache round trip and no database query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_state.set({})
        try:
            return self._serve(request)
        finally:
            _request_state.reset(token)

    def _serve(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD"):
                # A shared cache downstream must not give a logged-in editor's page to a patron.
                patch_vary_headers(response, ("Cookie",))
            return response

        key = entry_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is None:
            generation = current_generation()
        _request_state.get()["generation"] = generation
        if entry is not None and entry[0] == generation:
            response = _thaw(entry)
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        if is_storable_response(response):
            cache.set(key, _freeze(response, generation), timeout())
            response["X-Page-Cache"] = "miss"
        return response


def connect_signals():
    """Start a new generation whenever something a public page shows may have changed."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from taggit.models import Tag
    from wagtail import signals
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site

    for name in (
        "page_published",
        "page_unpublished",
        "post_page_move",
        "page_slug_changed",
        "published",
        "unpublished",
    ):
        getattr(signals, name).connect(new_generation, dispatch_uid=f"clpages-page-cache-{name}")
    post_delete.connect(_on_page_deleted, dispatch_uid="clpages-page-cache-page-deleted")

    # A new view restriction hides a section at once; a renamed topic shows in menus at once.
    shown_on_pages = [Site, get_image_model(), PageViewRestriction, Tag] + [
        apps.get_model("clpages", name) for name in ("CommunityPartner", "Location", "Audience", "Language")
    ]
    for model in shown_on_pages:
        post_save.connect(
            new_generation, sender=model, dispatch_uid=f"clpages-page-cache-save-{model.__name__}"
        )
        post_delete.connect(
            new_generation, sender=model, dispatch_uid=f"clpages-page-cache-delete-{model.__name__}"
        )
    # Sessions edited outside a page revision (imports, the shell) change listings and calendars.
    session = apps.get_model("clpages", "ProgramSession")
    post_save.connect(new_generation, sender=session, dispatch_uid="clpages-page-cache-session-save")
    post_delete.connect(new_generation, sender=session, dispatch_uid="clpages-page-cache-session-delete")
    _connect_live_page_saves(Page)


def _on_page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    # post_delete fires once per model in a page's inheritance chain; any of them will do.
    if isinstance(instance, Page):
        new_generation()


def _connect_live_page_saves(page_model):
    from django.db.models.signals import post_save

    def on_save(sender, instance, update_fields=None, **kwargs):
        # A live page saved directly (not a draft revision) changes what the public sees.
        if isinstance(instance, page_model) and instance.live and not update_fields:
            new_generation()

    post_save.connect(on_save, weak=False, dispatch_uid="clpages-page-cache-live-page-save")
