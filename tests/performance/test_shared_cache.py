"""Facts every public page shares (filter menus, main navigation, private sections) are read once
per content change, and a change shows on the very next request."""

import datetime

import pytest
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from clpages.models import Audience, ProgramIndexPage
from clpages.performance import cache as shared_cache
from tests.builders import make_location, make_partner, make_program, request_queries

pytestmark = pytest.mark.django_db


def _menu_queries(client, url):
    """Queries of one listing view that read a filter menu or the main navigation."""
    queries = request_queries(client, url, warm=False)
    menu_tables = ('FROM "clpages_audience"', 'FROM "clpages_language"', 'FROM "clpages_location"')
    # The cards' own audiences and places are read with the programs: those are not menus.
    return [
        sql for sql in queries if any(table in sql for table in menu_tables) and "clpages_program" not in sql
    ]


def test_menus_are_read_once_until_content_changes(client, tree):
    make_program(tree["programs"], location=make_location("Central Branch"))
    url = tree["programs"].url
    assert _menu_queries(client, url)
    assert _menu_queries(client, url) == []
    Audience.objects.create(name="Grandparents")
    assert _menu_queries(client, url)


@pytest.mark.parametrize(
    "make, text",
    [
        (lambda: make_partner("Riverbend Tenants Union"), "Riverbend Tenants Union"),
        (lambda: make_location("Maple Community Centre"), "Maple Community Centre"),
        (lambda: Audience.objects.create(name="Grandparents"), "Grandparents"),
    ],
)
def test_a_new_choice_shows_in_the_menus_at_once(client, tree, make, text):
    make_program(tree["programs"])
    url = tree["programs"].url
    assert text not in client.get(url).content.decode()
    make()
    assert text in client.get(url).content.decode()


def test_a_renamed_topic_shows_in_the_menu_at_once(client, tree):
    make_program(tree["programs"], title="Seed swap")
    program = tree["programs"].get_children().get().specific
    program.tags.add("gardening")
    program.save_revision().publish()
    url = tree["programs"].url
    assert ">gardening</option>" in client.get(url).content.decode()
    tag = Tag.objects.get(name="gardening")
    tag.name = "growing food"
    tag.save()
    assert ">growing food</option>" in client.get(url).content.decode()


def test_a_new_page_in_the_menu_shows_at_once(client, tree):
    html = client.get(tree["programs"].url).content.decode()
    assert ">Community planning</a>" in html
    assert ">Take part</a>" not in html
    tree["home"].add_child(instance=ProgramIndexPage(title="Take part", slug="take-part", show_in_menus=True))
    assert ">Take part</a>" in client.get(tree["programs"].url).content.decode()


def test_a_section_made_private_leaves_listings_and_the_menu_at_once(client, tree):
    make_program(tree["programs"], title="Seed library swap")
    assert "Seed library swap" in client.get(tree["programs"].url).content.decode()
    assert ">Community planning</a>" in client.get("/").content.decode()

    PageViewRestriction.objects.create(page=tree["hub"], restriction_type=PageViewRestriction.LOGIN)

    # The listing itself is now behind a login, and its programs are out of search and the menu.
    assert client.get(tree["programs"].url).status_code == 302
    assert "Seed library swap" not in client.get("/search/", {"q": "seed"}).content.decode()
    assert ">Community planning</a>" not in client.get("/").content.decode()


def test_shared_values_can_be_turned_off(settings):
    settings.CLPAGES_SHARED_CACHE = False
    calls = []
    for _ in range(2):
        shared_cache.shared("test-value", lambda: calls.append(1) or len(calls))
    assert calls == [1, 1]


def test_a_value_read_before_a_change_is_not_served_after_it():
    assert shared_cache.shared("test-value", lambda: "before") == "before"
    assert shared_cache.shared("test-value", lambda: "unused") == "before"
    shared_cache.new_generation()
    assert shared_cache.shared("test-value", lambda: "after") == "after"


def test_no_restriction_lookup_while_no_page_is_restricted(client, tree):
    program = make_program(tree["programs"], title="Seed library swap")
    queries = request_queries(client, program.url)
    assert not [sql for sql in queries if "pageviewrestriction" in sql]


def test_a_restriction_anywhere_brings_back_the_full_check(client, tree):
    program = make_program(tree["programs"], title="Seed library swap")
    assert client.get(tree["partnerships"].url).status_code == 200
    PageViewRestriction.objects.create(page=tree["partnerships"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get(tree["partnerships"].url).status_code == 302
    assert client.get(program.url).status_code == 200
    assert tree["programs"].specific.get_view_restrictions().count() == 0
    assert tree["partnerships"].specific.get_view_restrictions().count() == 1


def test_a_request_reads_the_generation_once(client, tree, monkeypatch):
    make_program(tree["programs"], location=make_location("Central Branch"))
    url = tree["programs"].url
    client.get(url)
    reads = []
    real = shared_cache.current_generation
    monkeypatch.setattr(shared_cache, "current_generation", lambda: reads.append(1) or real())
    html = client.get(url).content.decode()
    assert "Central Branch</option>" in html
    assert len(reads) == 1


def test_a_change_during_a_request_shows_in_the_rest_of_it(rf):
    token = shared_cache._request_state.set({})
    try:
        assert shared_cache.shared("test-value", lambda: "before") == "before"
        shared_cache.new_generation()
        assert shared_cache.shared("test-value", lambda: "after") == "after"
    finally:
        shared_cache._request_state.reset(token)


START = datetime.datetime(2026, 11, 18, 10, tzinfo=datetime.UTC)
END = START + datetime.timedelta(hours=2)


def _until(calls, until):
    def compute():
        calls.append(1)
        return len(calls), until

    return compute


def test_a_value_with_an_end_is_served_only_until_then():
    start, end, calls = START, END, []
    assert shared_cache.shared_until("test-until", _until(calls, end), start) == 1
    assert (
        shared_cache.shared_until("test-until", _until(calls, end), end - datetime.timedelta(seconds=1)) == 1
    )
    assert shared_cache.shared_until("test-until", _until(calls, None), end) == 2
    # No end: until content changes.
    assert shared_cache.shared_until("test-until", _until(calls, None), end + datetime.timedelta(days=9)) == 2
    shared_cache.new_generation()
    assert shared_cache.shared_until("test-until", _until(calls, None), end + datetime.timedelta(days=9)) == 3


def test_a_value_with_an_end_is_read_again_for_an_earlier_moment():
    start, end, calls = START, END, []
    assert shared_cache.shared_until("test-until", _until(calls, end), start) == 1
    assert (
        shared_cache.shared_until("test-until", _until(calls, end), start - datetime.timedelta(minutes=1))
        == 2
    )


def test_a_value_with_an_end_is_shared_through_the_cache(settings):
    start, end, calls = START, END, []
    shared_cache.shared_until("test-until", _until(calls, end), start)
    # Another process: no copy of its own, the same cache.
    shared_cache._local_values.clear()
    assert shared_cache.shared_until("test-until", _until(calls, end), start) == 1
    settings.CLPAGES_SHARED_CACHE = False
    assert shared_cache.shared_until("test-until", _until(calls, end), start) == 2
    assert shared_cache.shared_until("test-until", _until(calls, end), start) == 3


def test_the_listing_form_with_nothing_chosen_is_rendered_once(client, tree, settings, monkeypatch):
    from clpages.programs import listing

    make_program(tree["programs"], location=make_location("Central Branch"))
    url = tree["programs"].url
    renders = []
    real = listing.render_to_string
    monkeypatch.setattr(listing, "render_to_string", lambda *args: renders.append(1) or real(*args))
    shared_pages = [client.get(url).content, client.get(url, {"page": "2"}).content]
    assert len(renders) == 1
    # Chosen, the form shows what was chosen: rendered by the page itself.
    assert b'value="online" selected' in client.get(url, {"format": "online"}).content
    assert len(renders) == 1
    settings.CLPAGES_SHARED_CACHE = False
    assert [client.get(url).content, client.get(url, {"page": "2"}).content] == shared_pages
