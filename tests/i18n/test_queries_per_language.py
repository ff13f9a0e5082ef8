"""Listing, calendar, search and feeds cost as many queries with 40 more programs as with 20,
in English, in French (half the programs translated) and in Arabic (none translated)."""

import pytest

from clpages.models import ProgramPage
from tests.builders import NOW, add_many, build_catalogue, count_queries, freeze
from tests.builders.translations import add_translations, build_translated_site

pytestmark = pytest.mark.django_db


def views(prefix):
    index = f"{prefix}/community/programs/"
    return [
        (index, {}),
        (index, {"when": "month"}),
        (index, {"sort": "newest", "page": "2"}),
        (index + "calendar/", {"period": "month"}),
        (index + "calendar.ics", {}),
        (f"{prefix}/search/", {"q": "program"}),
        (f"{prefix}/search/", {"q": "program", "type": "program"}),
        (f"{prefix}/feeds/programs/rss/", {}),
    ]


def grow(tree, catalogue, french_index, french, count, start):
    """``count`` more programs, every other one translated into French."""
    add_many(tree["programs"], catalogue, count, start=start)
    slugs = [f"program-{i}" for i in range(start, start + count, 2)]
    originals = ProgramPage.objects.filter(slug__in=slugs, locale__language_code="en")
    add_translations(french_index, list(originals), french, NOW)


def counts(client, prefix):
    client.get(f"{prefix}/community/programs/")
    return [count_queries(client, url, params, warm=False) for url, params in views(prefix)]


@pytest.mark.parametrize("prefix", ["", "/fr", "/ar"], ids=["en", "fr", "ar"])
def test_lists_cost_the_same_with_more_programs_in_every_language(client, monkeypatch, prefix):
    freeze(monkeypatch)
    tree, indexes, french = build_translated_site()
    catalogue = build_catalogue(tree["programs"])
    french_index = indexes["programs"]
    # Twenty: ten French results, a whole page of search results before any untranslated one.
    grow(tree, catalogue, french_index, french, 20, 0)
    few = counts(client, prefix)
    grow(tree, catalogue, french_index, french, 40, 20)
    many = counts(client, prefix)
    assert few == many, list(zip(views(prefix), few, many, strict=True))
    # The French listing did show translations and originals side by side.
    if prefix == "/fr":
        html = client.get("/fr/community/programs/", {"sort": "newest"}).content.decode()
        assert "[fr]" in html and 'class="meta in-original"' in html
