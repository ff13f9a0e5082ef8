"""The pages the benchmark measures, and how: queries per request and median server time.

Each target is named and found at run time. A page whose feature is not part of the site (its
module is missing, its URL does not resolve or it does not answer 200) is reported as not
available rather than failing the run, so the table always shows what exists.
"""

import importlib
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, reverse

# Program pages are the most visited and the simplest: they get the tighter limit.
LIMIT_MS = 50.0
PROGRAM_PAGE_LIMIT_MS = 25.0


@dataclass
class Result:
    name: str
    url: str | None = None
    status: int | None = None
    queries: int | None = None
    median_ms: float | None = None
    cpu_ms: float | None = None
    cached_ms: float | None = None
    cached_queries: int | None = None
    limit_ms: float = LIMIT_MS
    note: str = ""

    @property
    def available(self):
        return self.url is not None and self.status == 200

    @property
    def within_limit(self):
        return self.available and self.median_ms is not None and self.median_ms < self.limit_ms


@dataclass
class Target:
    name: str
    locate: object  # callable(catalogue) -> url or None
    requires: tuple = ()  # modules that provide the feature
    limit_ms: float = LIMIT_MS
    extra: bool = False  # measured for information; not one of the named pages
    notes: list = field(default_factory=list)


def _module_exists(name):
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def _route(page, *names, query=""):
    """The URL of one of a routable page's sub-routes, by the first name that exists."""
    for name in names:
        try:
            return page.url + page.reverse_subpage(name).lstrip("/") + query
        except (AttributeError, NoReverseMatch):
            continue
    return None


def _reverse(*names, query=""):
    for name in names:
        try:
            return reverse(name) + query
        except NoReverseMatch:
            continue
    return None


def _registering_program_url(catalogue):
    from bench.registrations import registering_program

    session = registering_program(catalogue)
    return session.program.url if session else None


def filtered_query(catalogue):
    """A realistic combined filter: an audience (a program filter) and online (a session filter)."""
    return f"?audience={catalogue.audiences[2].slug}&format=online"


def _ical_feed(catalogue):
    """The subscribable feed of all upcoming sessions under the program index."""
    try:
        return reverse("clpages:calendar_ics", kwargs={"page_path": catalogue.program_index.url.lstrip("/")})
    except NoReverseMatch:
        return None


TARGETS = [
    Target("program index", lambda c: c.program_index.url),
    Target(
        "program index, filtered",
        lambda c: c.program_index.url + filtered_query(c),
        requires=("clpages.programs.filters",),
    ),
    Target("program index, page 50", lambda c: c.program_index.url + "?page=50"),
    Target("program page", lambda c: c.sample_program().url, limit_ms=PROGRAM_PAGE_LIMIT_MS),
    Target(
        "program page with places left",
        lambda c: _registering_program_url(c),
        requires=("clpages.registrations",),
        limit_ms=PROGRAM_PAGE_LIMIT_MS,
    ),
    Target(
        "search", lambda c: _reverse("clpages:search", query="?q=garden"), requires=("clpages.search.views",)
    ),
    Target(
        "calendar", lambda c: _route(c.program_index, "calendar"), requires=("clpages.programs.calendar",)
    ),
    Target("iCal feed", _ical_feed, requires=("clpages.programs.ical",)),
    Target(
        "API listing",
        lambda c: _reverse("clpages:api:pages:listing", query="?type=clpages.ProgramPage"),
        requires=("clpages.publishing.api",),
    ),
    Target("community hub", lambda c: c.hub.url, extra=True),
    Target("partnership index", lambda c: c.partnership_index.url, extra=True),
    Target("evaluation index", lambda c: c.evaluation_index.url, extra=True),
    Target(
        "RSS feed",
        lambda c: _reverse("clpages:programs_rss"),
        requires=("clpages.programs.feeds",),
        extra=True,
    ),
    Target("sitemap", lambda c: _reverse("clpages:sitemap"), extra=True),
]


def _client():
    return Client(HTTP_HOST="localhost", raise_request_exception=False)


def _median_ms(client, url, repeat):
    """Median wall-clock and CPU milliseconds of this thread per request.

    On a busy shared machine the wall clock includes time spent waiting for a core; the CPU time
    of the serving thread does not (on SQLite it includes the database's work, which runs in
    this process; on PostgreSQL the server's own time is not in it).
    """
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def measure_target(target, catalogue, repeat):
    result = Result(target.name, limit_ms=target.limit_ms)
    missing = [name for name in target.requires if not _module_exists(name)]
    if missing:
        result.note = "not available"
        return result
    try:
        result.url = target.locate(catalogue)
    except Exception as error:  # noqa: BLE001 - a feature half-built elsewhere must not stop the run
        result.note = f"not available ({error.__class__.__name__})"
        return result
    if not result.url:
        result.note = "not available"
        return result
    client = _client()
    # Uncached: the rendered-page cache is off, as for the first visitor after a change.
    with override_settings(CLPAGES_PAGE_CACHE_SECONDS=0):
        response = client.get(result.url)  # warm up: renditions, template loading
        result.status = response.status_code
        if response.status_code != 200:
            result.note = f"not available (HTTP {response.status_code})"
            return result
        with CaptureQueriesContext(connection) as queries:
            client.get(result.url)
        result.queries = len(queries)
        result.median_ms, result.cpu_ms = _median_ms(client, result.url, repeat)
    # Cached: repeated anonymous views, served from the page cache.
    client.get(result.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(result.url)
    result.cached_queries = len(queries)
    result.cached_ms, _ = _median_ms(client, result.url, repeat)
    return result


def measure_all(catalogue, repeat, targets=TARGETS):
    return [measure_target(target, catalogue, repeat) for target in targets]
