import os
from pathlib import Path

import pytest

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

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def tree(db):
    from tests.factories import build_site

    return build_site()


def ensure_wagtail_base():
    """Recreate what Wagtail's data migrations provide, after a transactional test flushed it."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def live_db(transactional_db):
    """Database for live_server tests: committed data the server thread can see."""
    ensure_wagtail_base()


@pytest.fixture
def demo_site(live_db):
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo library, loaded once for a whole test module and rolled back after it.

    Tests using it also take the ``db`` fixture, whose per-test transaction nests inside.
    """
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo_content", verbosity=0)
            yield
            transaction.set_rollback(True)


@pytest.fixture
def frozen(monkeypatch):
    """The programs catalogue's moment (tests/program_catalogue.py) is now, everywhere."""
    from tests.program_catalogue import freeze

    return freeze(monkeypatch)


@pytest.fixture
def catalogue(tree, frozen):
    """Programs with known answers for every filter of the listing, calendar, feed and search."""
    from tests.program_catalogue import build_catalogue

    return build_catalogue(tree["programs"])
