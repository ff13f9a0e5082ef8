"""The system checks of clpages (clpages.checks) and its settings' defaults (clpages.conf)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from clpages.checks import check_page_cache_is_shared
from clpages.conf import DEFAULTS, setting

LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}


@override_settings(DEBUG=False, CACHES=LOCAL_MEMORY, CLPAGES_PAGE_CACHE_SECONDS=300)
def test_page_cache_in_each_process_is_warned_about():
    (warning,) = check_page_cache_is_shared(None)
    assert warning.id == "clpages.W001"
    assert "REDIS_URL" in warning.hint


@override_settings(DEBUG=False, CACHES=REDIS, CLPAGES_PAGE_CACHE_SECONDS=300)
def test_page_cache_with_a_shared_cache_passes():
    assert check_page_cache_is_shared(None) == []


@override_settings(DEBUG=False, CACHES=LOCAL_MEMORY, CLPAGES_PAGE_CACHE_SECONDS=0)
def test_page_cache_off_passes_whatever_the_cache():
    assert check_page_cache_is_shared(None) == []


def test_the_check_runs_with_the_others():
    with override_settings(DEBUG=False, CACHES=LOCAL_MEMORY, CLPAGES_PAGE_CACHE_SECONDS=300):
        with pytest.raises(SystemCheckError, match="clpages.W001"):
            call_command("check", "--fail-level", "WARNING")


def test_settings_are_read_when_asked(settings):
    assert setting("CLPAGES_ICAL_FEED_DAYS") == DEFAULTS["CLPAGES_ICAL_FEED_DAYS"]
    settings.CLPAGES_ICAL_FEED_DAYS = 7
    assert setting("CLPAGES_ICAL_FEED_DAYS") == 7
