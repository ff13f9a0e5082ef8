"""Fixtures every test folder shares.

Data built once for a whole module lives in a fixture whose name ends in ``_once`` (or in
``demo_module``). Such data stays in the database for the rest of the module, so the module's
tests that do not use it run first, on an empty site (see ``pytest_collection_modifyitems``).
"""

import os
from pathlib import Path

import pytest
from django.test import TestCase, TransactionTestCase

# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _uses_module_data(item):
    names = getattr(item, "fixturenames", ())
    return any(name == "demo_module" or name.endswith("_once") for name in names)


def _reads_committed_data(item):
    return "read_only_server" in getattr(item, "fixturenames", ())


def _phase(item):
    """Where a test runs: in a rolled-back transaction, then emptying the database after it,
    then without a database, then reading data committed for its module.

    pytest-django orders tests the same way, but pytest then regroups every test sharing a
    session-scoped parameter (Playwright's browser) around the first of them, which would put
    tests that empty the database, and Wagtail's root page with it, before the others.
    """
    if _reads_committed_data(item):
        return 3
    test_case = getattr(item, "cls", None)
    if test_case and issubclass(test_case, TransactionTestCase):
        return 0 if issubclass(test_case, TestCase) else 1
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db") if hasattr(item, "get_closest_marker") else None
    options = marker.kwargs if marker else {}
    if (
        options.get("transaction")
        or options.get("reset_sequences")
        or "transactional_db" in names
        or "live_server" in names
    ):
        return 1
    return 0 if marker or "db" in names else 2


def pytest_configure(config):
    # Handing out whole files or classes would let a worker run a module's rolled-back tests
    # after another module's tests emptied the database (see ``_phase``).
    dist = getattr(config.option, "dist", "no")
    if dist not in ("no", "load"):
        raise pytest.UsageError(f"--dist {dist} breaks the test order; use the default (--dist load).")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Whole runs of a module's tests to one worker (``tests/scheduling.py``)."""
    from tests.scheduling import ModuleRunScheduling

    return ModuleRunScheduling(config, log)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests run by phase (see ``_phase``); in each module, tests using data built once for it go
    after the module's other tests.

    Committed data is only emptied after its module, so no test that expects an untouched
    database may come after it. Under pytest-xdist each worker takes its next run of a module's
    tests from the front of this order, so every worker runs its share in the same order (see
    ``pytest_configure`` and ``tests/scheduling.py``).
    """
    ordered, run = [], []
    for item in sorted(items, key=_phase):
        if run and (item.module is not run[0].module or _phase(item) != _phase(run[0])):
            ordered += sorted(run, key=_uses_module_data)
            run = []
        run.append(item)
    ordered += sorted(run, key=_uses_module_data)
    items[:] = ordered


@pytest.fixture(scope="session", autouse=True)
def _screenshots_tried_again():
    """Chromium on a busy machine sometimes cannot capture a page ("Unable to capture
    screenshot"): a fault of the moment, not of the page, so the capture is tried again, twice
    at most. Any other error, or a third failure, still fails the test."""
    from playwright.sync_api import Error, Page

    original = Page.screenshot

    def screenshot(self, *args, **kwargs):
        for attempt in range(3):
            try:
                return original(self, *args, **kwargs)
            except Error as error:
                if "Unable to capture screenshot" not in str(error) or attempt == 2:
                    raise
                self.wait_for_timeout(500)

    Page.screenshot = screenshot
    yield
    Page.screenshot = original


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import caches

    from clpages.performance import cache as page_cache

    def clear():
        for cache in caches.all():
            cache.clear()
        # The process's own copies of shared values too: a module's tests share one generation.
        page_cache._local_values.clear()

    clear()
    yield
    clear()


@pytest.fixture
def tree(request, db):
    """The test's own site: home page, community hub and its three indexes.

    A test that also uses data built once for its module (a ``*_once`` fixture holding a site)
    gets that data's site instead, reloaded.
    """
    from tests.builders import build_site, fresh

    for name in request.fixturenames:
        if name.endswith("_once"):
            shared = request.getfixturevalue(name)
            if isinstance(shared, dict) and "tree" in shared:
                return fresh(shared["tree"])
    return build_site()


def build_demo():
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)


def load_demo():
    """The demo library: built the first time in this process, copied back after that."""
    from tests.builders.demo_copy import load_demo_copied

    load_demo_copied(build_demo)


@pytest.fixture
def live_db(transactional_db):
    """Database for live_server tests: committed data the server thread can see."""
    from tests.builders import ensure_wagtail_base

    ensure_wagtail_base()


@pytest.fixture
def demo_site(live_db):
    load_demo()


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo library, loaded once for a whole test module and rolled back after it.

    Tests using it also take the ``db`` fixture, whose per-test transaction nests inside.
    """
    from tests.builders import built_once

    with built_once(django_db_blocker, load_demo):
        yield


@pytest.fixture(scope="session")
def read_only_server(django_db_setup):
    """A server thread for browser tests that only read data committed for their whole module.

    pytest-django's ``live_server`` makes every test that uses it transactional: the database is
    emptied after each test, and its data built again for the next one. Tests using this one
    take the ``django_db`` mark (so that the test database exists) and run last.
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def demo_server_once(django_db_setup, django_db_blocker, read_only_server):
    """The demo library, committed once for a module of browser tests that only read it."""
    from tests.builders import committed

    with committed(django_db_blocker, load_demo):
        yield read_only_server


@pytest.fixture(scope="module")
def partner_world_once(django_db_setup, django_db_blocker):
    """The partner world (``tests.builders.build_partner_world``) on its own site, built once for a
    module whose tests each take it reloaded, ``fresh(partner_world_once)``; each test's changes
    are rolled back after it."""
    from tests.builders import build_partner_world, build_site, built_once

    def build():
        tree = build_site()
        return {**build_partner_world(tree), "tree": tree}

    with built_once(django_db_blocker, build) as world:
        yield world


@pytest.fixture
def frozen(monkeypatch):
    """The programs catalogue's moment (tests/builders/catalogue.py) is now, everywhere."""
    from tests.builders import freeze

    return freeze(monkeypatch)


@pytest.fixture
def catalogue(tree, frozen):
    """Programs with known answers for every filter of the listing, calendar, feed and search."""
    from tests.builders import build_catalogue

    return build_catalogue(tree["programs"])


@pytest.fixture(scope="module")
def catalogue_once(django_db_setup, django_db_blocker):
    """The site and its catalogue, built once at the catalogue's moment, for a module whose tests
    only need them as they were built: each test's changes are rolled back after it.

    A module opts in by defining ``catalogue(db, catalogue_once, frozen)`` as
    ``fresh(catalogue_once["catalogue"])``; its tests that take ``tree`` too get the same site.
    """
    from tests.builders import catalogue_built_once

    with catalogue_built_once(django_db_blocker) as built:
        yield built


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request to /fr/ or /ar/ leaves its
    language active in the thread, as Django does between requests."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
