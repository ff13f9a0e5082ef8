"""Shared values and stored pages are kept per language: no visitor gets another language's."""

import pytest
from django.test import override_settings
from django.utils import translation

from clpages.performance import cache as page_cache
from tests.builders import freeze, make_program
from tests.builders.translations import build_translated_site, translate

pytestmark = pytest.mark.django_db


def test_a_shared_value_is_kept_per_language():
    with translation.override("en"):
        assert page_cache.shared("greeting", lambda: "Hello") == "Hello"
    with translation.override("fr"):
        assert page_cache.shared("greeting", lambda: "Bonjour") == "Bonjour"
    with translation.override("en"):
        assert page_cache.shared("greeting", lambda: "not read again") == "Hello"


def test_a_value_shared_by_every_language_is_read_once():
    with translation.override("en"):
        assert page_cache.shared("ids", lambda: [1, 2], per_language=False) == [1, 2]
    with translation.override("ar"):
        assert page_cache.shared("ids", lambda: [3], per_language=False) == [1, 2]


def test_a_value_shared_until_a_moment_is_kept_per_language():
    from tests.builders import NOW

    with translation.override("en"):
        assert page_cache.shared_until("order", lambda: ("en", None), NOW) == "en"
    with translation.override("fr"):
        assert page_cache.shared_until("order", lambda: ("fr", None), NOW) == "fr"
    with translation.override("fr"):
        assert page_cache.shared_until("order", lambda: ("again", None), NOW) == "fr"


@pytest.fixture
def translated_site(monkeypatch):
    freeze(monkeypatch)
    tree, french, fr = build_translated_site()
    program = make_program(tree["programs"], "Homework Help", sessions=0)
    translate(program, fr, title="Aide aux devoirs", slug="aide-aux-devoirs")
    return tree, french


def main_nav(html):
    return html[html.index('<nav class="site-nav"') :].split("</nav>", 1)[0]


def test_the_main_navigation_is_shared_per_language(client, translated_site):
    tree, french = translated_site
    # English first: a navigation shared across languages would send French visitors to English.
    english = main_nav(client.get(tree["programs"].url).content.decode())
    french_nav = main_nav(client.get(french["programs"].url).content.decode())
    assert 'href="/search/"' in english and 'href="/community/programs/"' in english
    assert 'href="/fr/search/"' in french_nav and 'href="/fr/community/programs/"' in french_nav
    assert main_nav(client.get(tree["programs"].url).content.decode()) == english


@override_settings(CLPAGES_PAGE_CACHE_SECONDS=300)
def test_stored_pages_never_cross_languages(client, translated_site):
    tree, french = translated_site
    english_url, french_url = tree["programs"].url, french["programs"].url
    first = client.get(french_url)
    assert first["X-Page-Cache"] == "miss"
    english = client.get(english_url)
    assert english["X-Page-Cache"] == "miss"
    assert "Aide aux devoirs" not in english.content.decode()
    assert "Aide aux devoirs" in client.get(french_url).content.decode()
    for url, words in ((english_url, "Homework Help"), (french_url, "Aide aux devoirs")):
        hit = client.get(url)
        assert hit["X-Page-Cache"] == "hit"
        assert words in hit.content.decode()


@override_settings(CLPAGES_PAGE_CACHE_SECONDS=300)
def test_a_remembered_language_still_gets_stored_pages(client, translated_site):
    tree, french = translated_site
    # Each address in the language the cookie remembers: a French cookie on an English address
    # with a French translation is sent to it instead (clpages.publishing.language_choice).
    for url, lang in ((french["programs"].url, "fr"), (tree["programs"].url, "en")):
        client.cookies["django_language"] = lang
        assert client.get(url)["X-Page-Cache"] == "miss"
        hit = client.get(url)
        assert hit["X-Page-Cache"] == "hit"
        assert f'<html lang="{lang}"' in hit.content.decode()
