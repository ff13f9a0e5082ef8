"""Settings clpages relies on, checked when the site starts (`manage.py check`)."""

from django.conf import settings
from django.core import checks

from clpages.conf import setting

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
