"""Data built once for a whole test module: rolled back after it, or committed for a server thread."""

import contextlib
from types import SimpleNamespace

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page


@contextlib.contextmanager
def built_once(django_db_blocker, build):
    """Data for a whole test module, in a transaction rolled back when the module is done.

    Each test still runs in its own savepoint (pytest-django's ``db``), so what a test writes is
    gone before the next one; pair with ``fresh`` so no test sees another's Python objects.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)


def fresh(world):
    """Reloaded copies of a shared world's model instances: an earlier test may have changed them.

    Takes a dict or a SimpleNamespace, nested as the catalogue is; other values are kept as they are.
    """
    if isinstance(world, SimpleNamespace):
        return SimpleNamespace(**fresh(vars(world)))
    return {name: _fresh_value(value) for name, value in world.items()}


def _fresh_value(value):
    if isinstance(value, SimpleNamespace | dict):
        return fresh(value)
    if hasattr(value, "_meta"):
        return type(value)._default_manager.get(pk=value.pk)
    return value


def ensure_wagtail_base():
    """Recreate what Wagtail's data migrations provide, after a transactional test flushed it."""

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@contextlib.contextmanager
def committed(django_db_blocker, build):
    """Data committed for a whole module of browser tests that only read it; gone after the module.

    A server thread sees only committed data. pytest-django's ``live_server`` makes each test
    transactional, so the data was built again for every test; here it is built once, and the
    database is emptied after the module, as a transactional test leaves it. The database stays
    open to the module's tests, which only read it.
    """
    with django_db_blocker.unblock():
        ensure_wagtail_base()
        try:
            yield build()
        finally:
            call_command("flush", verbosity=0, interactive=False)
