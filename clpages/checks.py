"""Settings clpages relies on, checked when the site starts (`manage.py check`)."""

from django.conf import settings
from django.core import checks
from django.db import connection

from clpages.conf import setting
from clpages.translating import rights as translation_rights  # noqa: F401 - its checks

# Backends whose entries live in one process only.
PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.", "django.core.cache.backends.dummy.")


@checks.register(checks.Tags.caches)
def check_page_cache_is_shared(app_configs, **kwargs):
    # Still correct (the content generation is in the database), but each worker would render
    # and keep its own copy of every page.
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if (
        settings.DEBUG
        or not setting("CLPAGES_PAGE_CACHE_SECONDS")
        or not backend.startswith(PER_PROCESS_CACHES)
    ):
        return []
    return [
        checks.Warning(
            "The page cache is on, but the default cache is kept in each process: every worker "
            "renders and stores its own copy of each page.",
            hint="Use a shared cache such as Redis (REDIS_URL), or set CLPAGES_PAGE_CACHE_SECONDS = 0.",
            id="clpages.W001",
        )
    ]


DATABASE_SEARCH_BACKENDS = ("wagtail.search.backends.database", "modelsearch.backends.database")


@checks.register(checks.Tags.database)
def check_postgres_search_splits_words_only(app_configs, **kwargs):
    # clpages.search.words stems the indexed text and the words searched for; a stemming
    # configuration would stem the index again, and find a little less than on SQLite.
    params = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get("default", {})
    if (
        connection.vendor != "postgresql"
        or not params.get("BACKEND", "").startswith(DATABASE_SEARCH_BACKENDS)
        or params.get("SEARCH_CONFIG") == "simple"
    ):
        return []
    return [
        checks.Warning(
            "Search on PostgreSQL indexes words with the "
            f"“{params.get('SEARCH_CONFIG') or 'database default'}” text search configuration; "
            "clpages expects “simple”, as it stems words itself.",
            hint='Add "SEARCH_CONFIG": "simple" to WAGTAILSEARCH_BACKENDS["default"], then run '
            "python manage.py update_index.",
            id="clpages.W002",
        )
    ]
