"""Switching language: links to the same page in each language, the page not yet translated,
``hreflang`` alternates, and the language remembered without breaking the page cache."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.builders import make_program
from tests.i18n.translating import copied_translation as translate

pytestmark = pytest.mark.django_db


def _switcher(html):
    match = re.search(r'<nav class="language-switcher"[^>]*>(.*?)</nav>', html, re.S)
    return match.group(0) if match else ""


def _links(html):
    return re.findall(r"<a ([^>]*)>([^<]*)</a>", _switcher(html))


@pytest.fixture
def program(tree):
    return make_program(tree["programs"], title="Seed library swap", slug="seed-library-swap")


def test_switcher_links_to_each_live_translation_in_its_own_language(client, program):
    french = translate(program, "fr", title="Troc de semences")
    translate(program, "ar", title="تبادل البذور")

    html = client.get(program.url).content.decode()
    switcher = _switcher(html)
    assert 'aria-label="Languages"' in switcher
    links = _links(html)
    assert [name for _, name in links] == ["English", "Français", "العربية"]
    english, fr, ar = (attributes for attributes, _ in links)
    assert 'lang="en"' in english and 'hreflang="en"' in english and 'aria-current="page"' in english
    assert 'lang="fr"' in fr and 'hreflang="fr"' in fr and "aria-current" not in fr
    assert 'lang="ar"' in ar and 'hreflang="ar"' in ar
    assert "/i18n/language/fr/?next=%2Ffr%2F" in fr
    assert french.url.startswith("/fr/")

    # On the French page, French is the current one.
    french_links = _links(client.get(french.url).content.decode())
    assert [name for _, name in french_links] == ["English", "Français", "العربية"]
    assert 'aria-current="page"' in french_links[1][0]


def test_switcher_leaves_out_drafts_and_private_translations(client, program):
    translate(program, "fr")
    arabic = translate(program, "ar")
    arabic.unpublish()

    names = [name for _, name in _links(client.get(program.url).content.decode())]
    assert names == ["English", "Français"]


def test_a_page_in_one_language_shows_no_switcher(client, program):
    assert _switcher(client.get(program.url).content.decode()) == ""


def test_private_translation_is_not_offered(client, program):
    french = translate(program, "fr")
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    assert _switcher(client.get(program.url).content.decode()) == ""


def test_search_links_to_search_in_every_language(client, tree):
    names = [name for _, name in _links(client.get("/search/?q=seed").content.decode())]
    assert names == ["English", "Français", "العربية"]
    assert "next=%2Ffr%2Fsearch%2F%3Fq%3Dseed" in _switcher(client.get("/search/?q=seed").content.decode())


def test_choosing_a_language_remembers_it_and_goes_to_the_page(client, program):
    french = translate(program, "fr")
    response = client.get(f"/i18n/language/fr/?next={french.url}")
    assert response.status_code == 302
    assert response["Location"] == french.url
    assert response.cookies["django_language"].value == "fr"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    "target",
    ["https://elsewhere.example/fr/", "//elsewhere.example/fr/", "/community/", "javascript:alert(1)"],
)
def test_choosing_a_language_never_leaves_for_another_address(client, tree, target):
    response = client.get("/i18n/language/fr/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_choosing_an_unknown_language_chooses_the_default(client, tree):
    response = client.get("/i18n/language/xx/?next=/fr/")
    assert response["Location"] == "/"
    assert response.cookies["django_language"].value == "en"


def test_untranslated_page_says_so_in_the_visitors_language_and_links_to_the_original(client, tree, program):
    # The French programs index exists; the program has no French translation yet.
    translate(tree["programs"], "fr", title="Programmes")
    response = client.get("/fr/community/programs/seed-library-swap/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "Cette page n’est pas encore disponible en Français" in html
    assert f'href="{program.url}" lang="en" hreflang="en">Seed library swap</a>' in html
    # No alternates for a page that is not one.
    assert 'rel="alternate" hreflang' not in html


def test_untranslated_page_is_found_under_a_translated_parents_own_slug(client, tree, program):
    translate(tree["programs"], "fr", title="Programmes", slug="programmes")
    response = client.get("/fr/community/programmes/seed-library-swap/")
    assert response.status_code == 200
    assert f'href="{program.url}"' in response.content.decode()


def test_untranslated_page_without_any_french_page_links_to_the_original(client, tree, program):
    response = client.get("/fr/community/programs/seed-library-swap/")
    assert response.status_code == 200
    assert f'href="{program.url}"' in response.content.decode()


def test_a_translation_under_its_own_slug_is_reached_from_the_original_address(client, tree, program):
    french = translate(program, "fr", slug="troc-de-semences")
    response = client.get("/fr/community/programs/seed-library-swap/")
    assert response.status_code == 302
    assert response["Location"] == french.url


def test_a_private_original_asks_for_a_sign_in_when_no_french_page_exists(client, tree, program):
    PageViewRestriction.objects.create(page=program, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/community/programs/seed-library-swap/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_a_page_that_exists_in_no_language_is_still_not_found(client, tree):
    assert client.get("/fr/community/programs/no-such-program/").status_code == 404
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert _switcher(html) == ""
    assert 'rel="alternate" hreflang' not in html


def test_an_unpublished_or_private_original_is_not_offered(client, tree, program):
    translate(tree["programs"], "fr")
    PageViewRestriction.objects.create(page=program, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/fr/community/programs/seed-library-swap/").status_code == 404
    program.unpublish()
    assert client.get("/fr/community/programs/seed-library-swap/").status_code == 404


def test_head_has_hreflang_alternates_and_x_default(client, program):
    french = translate(program, "fr")
    arabic = translate(program, "ar")
    for url in (program.url, french.url):
        html = client.get(url).content.decode()
        alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        assert alternates == [
            ("en", "http://testserver" + program.url),
            ("fr", "http://testserver" + french.url),
            ("ar", "http://testserver" + arabic.url),
            ("x-default", "http://testserver" + program.url),
        ]


def test_page_in_one_language_has_no_alternates(client, program):
    assert 'rel="alternate" hreflang' not in client.get(program.url).content.decode()


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): [
            (link.get("hreflang"), link.get("href")) for link in url.findall(f"{XHTML}link")
        ]
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_language_with_its_alternates(client, tree, program):
    french = translate(program, "fr", slug="troc-de-semences")
    arabic = translate(program, "ar")
    english_only = make_program(tree["programs"], title="Bike repair")

    entries = _sitemap(client)

    full = "http://localhost"
    alternates = [
        ("en", full + program.url),
        ("fr", full + french.url),
        ("ar", full + arabic.url),
        ("x-default", full + program.url),
    ]
    for page in (program, french, arabic):
        assert entries[full + page.url] == alternates
    assert entries[full + english_only.url] == []
    # The French and Arabic parents were copied too: they are listed, in their own language.
    assert full + "/fr/community/programs/" in entries
    assert entries[full + "/ar/community/"][0] == ("en", full + "/community/")


def test_sitemap_queries_stay_flat_with_the_number_of_translations(client, tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    for _ in range(2):
        translate(make_program(tree["programs"]), "fr")
    few = queries()
    for _ in range(8):
        translate(make_program(tree["programs"]), "ar")
    assert queries() == few


@pytest.fixture
def cache_on(settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300


def test_a_french_cookie_holder_is_sent_to_the_french_page(client, cache_on, program):
    french = translate(program, "fr")
    client.cookies["django_language"] = "fr"
    response = client.get(program.url + "?page=2")
    assert response.status_code == 302
    assert response["Location"] == french.url + "?page=2"
    assert "Cookie" in response["Vary"]
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_cookie_naming_the_default_language_or_nonsense_changes_nothing(client, program):
    translate(program, "fr")
    for value in ("en", "xx", ""):
        client.cookies["django_language"] = value
        assert client.get(program.url).status_code == 200


def test_the_listing_calendar_follows_the_remembered_language(client, tree, program):
    french_index = translate(tree["programs"], "fr")
    client.cookies["django_language"] = "fr"
    calendar = tree["programs"].url + "calendar/"
    response = client.get(calendar)
    assert response.status_code == 302
    assert response["Location"] == french_index.url + "calendar/"


def test_search_follows_the_remembered_language_for_a_browser(client, tree):
    client.cookies["django_language"] = "ar"
    response = client.get("/search/?q=seed", HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert response["Location"] == "/ar/search/?q=seed"
    # Feed readers and API clients are answered where they asked.
    assert client.get("/search/?q=seed", HTTP_ACCEPT="application/json").status_code == 200


def test_cached_page_is_served_from_the_cache_to_a_cookie_holder(client, cache_on, program):
    """A page without a French translation: the French cookie holder is served from the cache
    like everyone else, and the cookie does not stop the page from being stored."""
    client.cookies["django_language"] = "fr"
    first = client.get(program.url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert not first.cookies
    second = client.get(program.url)
    assert second["X-Page-Cache"] == "hit"


def test_cookie_less_visitors_still_hit_the_cache_of_a_translated_page(
    client, cache_on, program, django_assert_num_queries
):
    translate(program, "fr")
    assert client.get(program.url)["X-Page-Cache"] == "miss"
    # One query, as for any cache hit: the language memory costs nothing without the cookie.
    with django_assert_num_queries(1):
        hit = client.get(program.url)
    assert hit["X-Page-Cache"] == "hit"
    # Only the cookie holder is sent on.
    client.cookies["django_language"] = "fr"
    assert client.get(program.url).status_code == 302


def test_choosing_english_on_the_french_page_keeps_the_visitor_in_english(client, cache_on, program):
    translate(program, "fr")
    client.cookies["django_language"] = "fr"
    assert client.get(program.url).status_code == 302
    response = client.get(f"/i18n/language/en/?next={program.url}")
    assert response["Location"] == program.url
    assert client.get(program.url).status_code == 200


def test_prefixed_addresses_are_never_redirected(client, program):
    french = translate(program, "fr")
    client.cookies["django_language"] = "ar"
    assert client.get(french.url).status_code == 200
