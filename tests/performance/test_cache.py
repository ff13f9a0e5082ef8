"""The page cache: anonymous views come from the cache, and public changes show at once."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from clpages.models import ProgramPage, ProgramSession
from clpages.performance import cache as page_cache
from tests.builders import make_location, make_partner, make_program

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300


def _calendar_url(index):
    return index.url + index.reverse_subpage("calendar").lstrip("/")


def _public_urls(tree):
    """The listing, calendar and feeds that must show a newly published program."""
    index = tree["programs"]
    return {
        "listing": index.url,
        "calendar": _calendar_url(index),
        "rss": reverse("clpages:programs_rss"),
        "ical": reverse("clpages:calendar_ics", kwargs={"page_path": index.url.lstrip("/")}),
        "api": reverse("clpages:api:pages:listing") + "?type=clpages.ProgramPage",
    }


def test_second_anonymous_view_is_served_from_the_cache(client, tree, django_assert_num_queries):
    make_program(tree["programs"], title="Seed library swap")
    url = tree["programs"].url

    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"

    # One query: the content generation, which every process reads from the database.
    with django_assert_num_queries(1):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def _draft_program_happening_now(index, title):
    """A draft program with a session under way, so every listing, feed and calendar period holds it."""
    program = index.add_child(
        instance=ProgramPage(title=title, summary=f"{title}, with neighbours.", live=False)
    )
    now = timezone.now()
    ProgramSession.objects.create(
        program=program,
        start=now - datetime.timedelta(minutes=1),
        end=now + datetime.timedelta(hours=2),
        address="12 River Road, Riverbend",
    )
    return program


@pytest.mark.parametrize("name", ["listing", "calendar", "rss", "ical", "api"])
def test_a_published_program_shows_at_once(client, tree, name):
    make_program(tree["programs"], title="Seed library swap")
    draft = _draft_program_happening_now(tree["programs"], "Tenant rights clinic")
    url = _public_urls(tree)[name]
    client.get(url)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert b"Tenant rights clinic" not in cached.content

    draft.save_revision().publish()

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Tenant rights clinic" in response.content


def test_a_new_program_shows_on_the_hub_at_once(client, tree):
    client.get(tree["hub"].url)
    make_program(tree["programs"], title="Tenant rights clinic")
    assert b"Tenant rights clinic" in client.get(tree["hub"].url).content


def test_an_unpublished_program_leaves_the_listing_and_calendar_at_once(client, tree):
    program = _draft_program_happening_now(tree["programs"], "Seed library swap")
    program.save_revision().publish()
    urls = [tree["programs"].url, _calendar_url(tree["programs"])]
    for url in urls:
        assert b"Seed library swap" in client.get(url).content

    program.refresh_from_db()
    program.unpublish()

    for url in urls:
        assert b"Seed library swap" not in client.get(url).content
    assert client.get(program.url).status_code == 404


def test_a_deleted_program_leaves_the_listing_at_once(client, tree):
    program = make_program(tree["programs"], title="Seed library swap")
    assert b"Seed library swap" in client.get(tree["programs"].url).content

    program.refresh_from_db()
    program.delete()

    assert b"Seed library swap" not in client.get(tree["programs"].url).content


def test_renaming_a_partner_shows_on_program_pages_at_once(client, tree):
    partner = make_partner("Riverbend Tenants")
    program = make_program(tree["programs"], partners=[partner])
    assert b"Riverbend Tenants" in client.get(program.url).content

    partner.name = "Riverbend Tenants Union"
    partner.save()

    assert b"Riverbend Tenants Union" in client.get(program.url).content


def test_moving_a_session_to_another_place_shows_at_once(client, tree):
    first, second = make_location("Central Branch"), make_location("Maple Community Centre")
    program = make_program(tree["programs"], location=first)
    assert b"Central Branch" in client.get(program.url).content

    session = program.sessions.get()
    session.location = second
    session.save()

    assert b"Maple Community Centre" in client.get(program.url).content


def test_logged_in_people_never_get_or_fill_the_cache(client, tree, django_assert_max_num_queries):
    make_program(tree["programs"], title="Seed library swap")
    url = tree["programs"].url
    client.get(url)  # an anonymous copy is now stored

    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-Secret-123")
    client.force_login(editor)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert "Cookie" in response["Vary"]

    client.logout()
    client.cookies.clear()
    assert client.get(url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_requests_with_a_session_csrf_or_messages_cookie_bypass_the_cache(client, tree, settings, cookie):
    url = tree["programs"].url
    client.get(url)
    client.cookies[cookie] = "something"
    assert "X-Page-Cache" not in client.get(url)


def test_posts_admin_pages_and_a_zero_timeout_bypass_the_cache(client, tree, settings):
    url = tree["programs"].url
    assert "X-Page-Cache" not in client.post(url)
    assert "X-Page-Cache" not in client.get("/admin/login/")
    settings.CLPAGES_PAGE_CACHE_SECONDS = 0
    assert "X-Page-Cache" not in client.get(url)


def _middleware_response(make_response, path="/community/programs/"):
    middleware = page_cache.AnonymousPageCacheMiddleware(lambda request: make_response())
    request = RequestFactory().get(path)
    first = middleware(request)
    second = middleware(RequestFactory().get(path))
    return first, second


def test_responses_that_set_a_cookie_are_never_stored():
    def make_response():
        response = HttpResponse("hello")
        response.set_cookie("csrftoken", "abc")
        return response

    first, second = _middleware_response(make_response)
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second


@pytest.mark.parametrize(
    "headers",
    [
        {"Cache-Control": "private"},
        {"Cache-Control": "no-store"},
        {"Vary": "User-Agent"},
        # In another language than its address names: it came from the header or a cookie.
        {"Vary": "Accept-Language", "Content-Language": "fr"},
    ],
)
def test_private_or_unkeyed_responses_are_never_stored(headers):
    def make_response():
        return HttpResponse("hello", headers=headers)

    first, second = _middleware_response(make_response)
    assert "X-Page-Cache" not in second


def test_errors_are_never_stored():
    first, second = _middleware_response(lambda: HttpResponse("gone", status=404))
    assert "X-Page-Cache" not in second


def test_a_lost_generation_counter_never_revives_stale_pages():
    page_cache.current_generation()
    stored = page_cache.current_generation()
    from clpages.models import ContentGeneration

    ContentGeneration.objects.all().delete()
    page_cache.new_generation()
    assert page_cache.current_generation() != stored


def _production_page_cache_seconds(**env):
    """CLPAGES_PAGE_CACHE_SECONDS as the production settings compute it in a fresh process."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    environment = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "PAGE_CACHE_SECONDS"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="clsite.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="library.example.org",
        WAGTAILADMIN_BASE_URL="https://library.example.org",
        **env,
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.CLPAGES_PAGE_CACHE_SECONDS)",
        ],
        cwd=Path(__file__).resolve().parents[2] / "site",
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def test_production_keeps_the_page_cache_off_without_a_shared_cache():
    assert _production_page_cache_seconds() == 0
    assert _production_page_cache_seconds(REDIS_URL="redis://127.0.0.1:6379/9") == 300


@pytest.mark.parametrize(
    "change, update_fields",
    [
        ({"live": False}, None),
        ({"live": False}, ["live"]),
        ({"title": "Seed library swap (new dates)"}, ["title"]),
    ],
)
def test_a_live_page_saved_directly_leaves_the_cache_at_once(client, tree, change, update_fields):
    program = make_program(tree["programs"], title="Seed library swap")
    urls = [program.url, tree["programs"].url]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"

    for name, value in change.items():
        setattr(program, name, value)
    program.save(update_fields=update_fields)

    if not program.live:
        assert client.get(program.url).status_code == 404
        assert b"Seed library swap" not in client.get(tree["programs"].url).content
    else:
        for url in urls:
            assert b"Seed library swap (new dates)" in client.get(url).content


def test_a_saved_draft_of_a_live_page_keeps_the_cache(client, tree):
    program = make_program(tree["programs"], title="Seed library swap")
    client.get(program.url)
    program.title = "Seed library swap (draft)"
    program.save_revision()
    response = client.get(program.url)
    assert response["X-Page-Cache"] == "hit"
    assert b"(draft)" not in response.content


def _page_cache_entries():
    from django.core.cache import cache

    return [key for key in cache._cache if page_cache.ENTRY_PREFIX in key]


def test_query_parameters_no_page_reads_never_fill_the_cache(client, tree):
    program = make_program(tree["programs"], title="Seed library swap")
    for url in (tree["programs"].url, program.url, _calendar_url(tree["programs"])):
        client.get(url)
        stored = len(_page_cache_entries())
        for n in range(20):
            response = client.get(url, {"junk": n})
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
        assert len(_page_cache_entries()) == stored
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_pages_are_still_stored_per_parameter_they_read(client, tree):
    for n in range(14):
        make_program(tree["programs"], title=f"Program number {n}")
    url = tree["programs"].url
    first, second = client.get(url, {"page": 1}), client.get(url, {"page": 2})
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "miss")
    again = client.get(url, {"page": 2})
    assert again["X-Page-Cache"] == "hit"
    assert again.content == second.content != first.content
    # A parameter the page reads, next to one it does not: not stored, and never served another's copy.
    mixed = client.get(url, {"page": 2, "junk": 1})
    assert "X-Page-Cache" not in mixed
    assert client.get(url, {"q": "number", "page": 2})["X-Page-Cache"] == "miss"
