"""A cache of rendered public pages for anonymous visitors, emptied whenever public content changes.

Patrons browsing programs are nearly all anonymous and see the same HTML, so a rendered page is
stored under its URL and served to the next anonymous visitor without touching the database.
Every stored page carries the content *generation* it was rendered in; publishing, unpublishing,
moving or deleting a page, or changing a partner, a place or an image, starts a new generation,
so listings, feeds and the calendar show the change on the very next request. Old entries are
never served again and simply expire.

The generation is a row in the database, not a cache entry: every server process reads the same
one, whatever cache each process has (its own local memory, Redis, none), so a page made
private in one process is private in all of them on their next request; and a change made in a
transaction starts its generation only when it commits, so no process can store what it read
before the commit under the new generation. It costs one query per request, even a cache hit.

What is never cached: anything but a plain GET; requests carrying a session, messages or CSRF
cookie (logged-in editors, a pending flash message, a form in progress); requests with a query
parameter the page never read (``?junk=1``: otherwise any address would fill the cache);
responses that set a cookie, are not 200, stream, ask not to be stored, or vary on a header the
key does not hold.
"""

import contextvars
import hashlib
import math
import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.db import connections, router
from django.http import HttpResponse, QueryDict
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_vary_headers

from clpages.conf import setting

GENERATION_ROW = 1
ENTRY_PREFIX = "clpages:page-cache:page:"
# Headers a cached page may vary on: Cookie (only cookie-less requests are served), Accept, which
# is part of the key (the API negotiates its format on it), and Accept-Language, which Django adds
# to pages of the default language: their language comes from the address, like every other's
# (i18n_patterns), and a page is stored only when it is in that language (_in_its_address_language).
STORABLE_VARY = {"cookie", "accept", "accept-language", ""}
UNSTORABLE_CACHE_CONTROL = ("private", "no-store", "no-cache")


def timeout():
    """Seconds a rendered page may be served; 0 turns the cache off."""
    return int(setting("CLPAGES_PAGE_CACHE_SECONDS") or 0)


def _excluded_prefixes():
    return tuple(setting("CLPAGES_PAGE_CACHE_EXCLUDE"))


def _generations():
    return apps.get_model("clpages", "ContentGeneration").objects


def _unused_value():
    # Random, never counted up: a generation named in a transaction that was rolled back is never
    # named again, so what was stored under it can never pass for a later generation's.
    return secrets.randbits(62)


def _read_generation():
    # Read on every request, a cache hit included: plain SQL, as building the ORM's query costs
    # many times the primary-key lookup itself.
    model = apps.get_model("clpages", "ContentGeneration")
    connection = connections[router.db_for_read(model)]
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = %s", [GENERATION_ROW])
        row = cursor.fetchone()
    return row[0] if row else None


def current_generation():
    """The content generation every process is serving (one query)."""
    generation = _read_generation()
    if generation is None:
        generation = (
            _generations().get_or_create(pk=GENERATION_ROW, defaults={"value": _unused_value()})[0].value
        )
    return generation


def new_generation(**kwargs):
    """Make every stored page stale at once. Connected to the signals that change public content."""
    if not _generations().filter(pk=GENERATION_ROW).update(value=_unused_value()):
        _generations().get_or_create(pk=GENERATION_ROW, defaults={"value": _unused_value()})
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


def _shared_key(name, per_language):
    # Menus, labels and names are shown in the visitor's language: each language has its copy.
    if per_language:
        return f"{SHARED_PREFIX}{name}:{translation.get_language() or settings.LANGUAGE_CODE}"
    return SHARED_PREFIX + name


def shared(name, compute, *, per_language=True):
    """``compute()``, shared by every request until public content next changes.

    For facts many pages show and no visitor changes: the filter menus, the main navigation,
    the breadcrumbs, the private sections. Stored with the content generation it was read in,
    so a change (the same signals as the page cache) makes the next request read it afresh.
    Unlike the page cache this applies to every visitor: the values are public and the same
    for all. Each process keeps a copy for the current generation, so a request reads the
    generation once, not once per value; the generation is the database's, so a copy is never
    served after a change made in another process.

    Each language has its own copy (the active one, ``translation.get_language()``), unless
    ``per_language`` is false: for values no word of which depends on the language.
    """
    if not setting("CLPAGES_SHARED_CACHE"):
        return compute()
    generation = generation_for_request()
    key = _shared_key(name, per_language)
    local = _local_values.get(key)
    if local is not None and local[0] == generation:
        return local[1]
    entry = cache.get(key)
    if entry is None or entry[0] != generation:
        # Read in `generation`: if content changed meanwhile, the next request sees a newer one.
        entry = (generation, compute())
        cache.set(key, entry, SHARED_SECONDS)
    _local_values[key] = entry
    return entry[1]


def shared_until(name, compute, now, *, per_language=True):
    """Like ``shared``, for a fact that also changes as time passes, at a moment known in advance.

    ``compute()`` gives ``(value, until)``: the value holds from the moment it was read until
    ``until`` (None: until content changes). A copy is served only in its own generation and
    between the two: the clock moving back (a test, another server a little behind) reads it
    afresh, as does reaching ``until``. One copy per language, as ``shared``'s.
    """
    if not setting("CLPAGES_SHARED_CACHE"):
        return compute()[0]
    generation = generation_for_request()
    key = _shared_key(name, per_language)

    def current(entry):
        if entry is None or entry[0] != generation:
            return False
        _, since, until, _ = entry
        return since <= now and (until is None or now < until)

    entry = _local_values.get(key)
    if not current(entry):
        entry = cache.get(key)
        if not current(entry):
            value, until = compute()
            entry = (generation, now, until, value)
            seconds = SHARED_SECONDS if until is None else (until - now).total_seconds()
            cache.set(key, entry, max(1, min(SHARED_SECONDS, math.ceil(seconds))))
        _local_values[key] = entry
    return entry[3]


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


def _in_its_address_language(request, response):
    """Whether the page is in the language its address names (none: the default language).

    Otherwise the language came from something the key does not hold (a cookie, a header)."""
    spoken = response.get("Content-Language")
    if spoken is None:
        return True
    return spoken == (translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE)


def is_storable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNSTORABLE_CACHE_CONTROL):
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    return vary <= STORABLE_VARY


class _ReadRecordingQueryDict(QueryDict):
    """``request.GET`` that notes the parameters a page asks for by name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.names_read = set()

    def _note(self, key):
        # Building the dict looks keys up before names_read exists: those are not the page's reads.
        if hasattr(self, "names_read"):
            self.names_read.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)

    # A form may read a copy of the parameters (to add a default): its reads are the page's.
    def __copy__(self):
        result = super().__copy__()
        result.names_read = self.names_read
        return result

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.names_read = self.names_read
        return result


def _recording_query(request):
    return _ReadRecordingQueryDict(
        get_bytes_from_wsgi(request.META, "QUERY_STRING", ""), encoding=request.encoding
    )


def reads_every_parameter(query):
    """Whether the page read each parameter of the request, so its address names what it shows.

    Only then is the response stored: a parameter no page reads (``?junk=N``) gives a new address
    for the same page, and storing each would fill the cache. The key still holds the whole
    query, so a page is never served for parameters other than those it was rendered for.
    """
    return set(query) <= query.names_read


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
    a hit then costs one cache round trip and one database query (the generation).
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
        generation = generation_for_request()
        entry = cache.get(key)
        if entry is not None and entry[0] == generation:
            response = _thaw(entry)
            response["X-Page-Cache"] = "hit"
            return response

        query = request.GET = _recording_query(request)
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        if (
            is_storable_response(response)
            and reads_every_parameter(query)
            and _in_its_address_language(request, response)
        ):
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
    from wagtail.models import Locale, Page, PageViewRestriction, Site

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

    # A new view restriction hides a section at once; a renamed topic shows in menus at once; a
    # changed phone number shows in every footer at once.
    # A new language changes which translation every listing shows.
    shown_on_pages = [Site, Locale, get_image_model(), PageViewRestriction, Tag] + [
        apps.get_model("clpages", name)
        for name in ("CommunityPartner", "Location", "Audience", "Language", "LibraryDetails")
    ]
    for model in shown_on_pages:
        post_save.connect(
            new_generation, sender=model, dispatch_uid=f"clpages-page-cache-save-{model.__name__}"
        )
        post_delete.connect(
            new_generation, sender=model, dispatch_uid=f"clpages-page-cache-delete-{model.__name__}"
        )
    # Sessions and their changes to single dates edited outside a page revision (imports, the
    # shell) change listings and calendars.
    for name in ("ProgramSession", "SessionException"):
        model = apps.get_model("clpages", name)
        post_save.connect(new_generation, sender=model, dispatch_uid=f"clpages-page-cache-{name}-save")
        post_delete.connect(new_generation, sender=model, dispatch_uid=f"clpages-page-cache-{name}-delete")
    _connect_live_page_saves(Page)


def _on_page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    # post_delete fires once per model in a page's inheritance chain; any of them will do.
    if isinstance(instance, Page):
        new_generation()


# Page fields Wagtail saves alone for a draft, a lock or a comment: the public copy is unchanged.
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_by",
    "locked_at",
    "numchild",
}


def changes_public_copy(page, created, update_fields):
    """Whether saving ``page`` directly (not through publishing) may change what the public sees.

    A page that stops being live (``page.live = False; page.save()``) must leave listings and
    the cache as surely as an unpublished one; a saved page that was live may have been before.
    """
    if update_fields is not None:
        fields = set(update_fields)
        return "live" in fields or (page.live and not fields <= DRAFT_FIELDS)
    # A whole save of an existing page may have taken it out of the public site.
    return page.live or not created


def _connect_live_page_saves(page_model):
    from django.db.models.signals import post_save

    def on_save(sender, instance, created=False, update_fields=None, **kwargs):
        if isinstance(instance, page_model) and changes_public_copy(instance, created, update_fields):
            new_generation()

    post_save.connect(on_save, weak=False, dispatch_uid="clpages-page-cache-live-page-save")
