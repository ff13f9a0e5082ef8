"""How words are indexed and asked for (clpages.search.words), and keeping the index complete."""

import pytest
from django.db import connection
from django.test import override_settings
from taggit.models import Tag

from clpages.checks import check_postgres_search_splits_words_only
from clpages.models import Location, PartnershipPage, ProgramPage
from clpages.search import reindex as search_reindex
from clpages.search import words
from clpages.search.query import matching_pks, search_within
from clpages.search.words import Term
from tests.factories import make_partnership
from tests.program_catalogue import queries_at_10_and_100

SEARCH_URL = "/search/"


def test_indexed_text_is_words_and_their_stems():
    assert words.indexed_text("Gardeners' Café: children's books!") == (
        "gardeners garden cafe children books book"
    )
    # A StreamField or a relation gives a list; an empty field gives nothing, not "None".
    assert words.indexed_text(["Story time", "Families"]) == "story stori time families famili"
    assert words.indexed_text(None) == ""
    # Other scripts are kept as they are written, without their vowel marks.
    assert words.indexed_text("قصص للأطفال") == "قصص للاطفال"


def test_each_word_is_asked_for_by_its_stem_and_the_last_as_a_prefix_too():
    assert words.query_terms("Families gardening") == [Term("famili"), Term("garden", "gardening")]
    assert words.query_terms("story") == [Term("stori", "story")]
    # Small words are left out, unless nothing else was typed; a short last word is matched whole.
    assert words.query_terms("help with homework") == [Term("help"), Term("homework", "homework")]
    assert words.query_terms("the") == [Term("the", "the")]
    assert words.query_terms("tv") == [Term("tv")]
    assert words.query_terms("?!") == []


def test_the_query_each_database_is_sent():
    terms = words.query_terms("garden story")
    assert words.fts5_query(terms) == '"garden" AND ("stori" OR "story"*)'
    assert words.tsquery(terms) == "'garden' & ('stori' | 'story':*)"
    assert words.fts5_query(words.query_terms("gardens")) == '("garden" OR "gardens"*)'
    assert words.tsquery(words.query_terms("garden")) == "'garden':*"


def test_query_syntax_typed_in_is_only_words():
    terms = words.query_terms("\"garden\" OR zine* NEAR(a b) 'x' -y {title}: ^z \\")
    assert all(term.stem.isalnum() and (not term.prefix or term.prefix.isalnum()) for term in terms)
    assert [term.stem for term in terms] == ["garden", "zine", "near", "b", "x", "y", "titl", "z"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q", ['"garden" OR zine*', "NEAR(zine lab)", "zine:*", "'zine' & !lab", "{title}: zine"]
)
def test_search_syntax_is_matched_as_words(client, catalogue, q):
    response = client.get(SEARCH_URL, {"q": q, "type": "program"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_published_program_is_found_by_its_topic_partner_audience_language_and_place(catalogue):
    story = catalogue.programs.story  # literacy; Arabic Families Circle; Families; Arabic; the hall
    for q in ["literacy", "arabic families circle", "families", "arabic", "eastside community hall"]:
        found = ProgramPage.objects.filter(pk__in=matching_pks(ProgramPage, q))
        assert story in found, q


@pytest.mark.django_db
def test_draft_words_are_not_found_until_published(catalogue):
    zine = catalogue.programs.zine
    zine.title = "Teen Zine Lab and walrus watching"
    zine.save_revision()

    def found():
        return [page.title for page in search_within(ProgramPage.objects.live(), "walrus")[0:10]]

    assert found() == []
    zine.get_latest_revision().publish()
    assert found() == ["Teen Zine Lab and walrus watching"]


def _found(q, model=ProgramPage):
    return {page.title for page in search_within(model.objects.live(), q)[0:10]}


@pytest.mark.django_db
def test_renamed_place_partner_and_topic_are_found_by_their_new_names(tree, catalogue):
    hall = Location.objects.get(pk=catalogue.locations.hall.pk)
    hall.name = "Riverside Pavilion"
    hall.save()
    assert _found("riverside pavilion") == {"Family Story Time in Arabic", "Winter Craft Fair"}
    assert _found("eastside") == set()

    circle = catalogue.partners.circle
    make_partnership(tree["partnerships"], circle, "Working together", summary="Plans.")
    circle.name = "Harbourside Storytellers"
    circle.save()
    assert _found("harbourside") == {"Family Story Time in Arabic", "Poetry Nights"}
    assert _found("harbourside", PartnershipPage) == {"Working together"}

    tag = Tag.objects.get(name="literacy")
    tag.name = "early reading"
    tag.save()
    assert _found("early reading") == {"Family Story Time in Arabic"}


@pytest.mark.django_db
def test_only_a_new_name_indexes_pages_again(catalogue, monkeypatch):
    calls = []
    monkeypatch.setattr(search_reindex, "reindex", lambda model, pks: calls.append(model))
    hall = Location.objects.get(pk=catalogue.locations.hall.pk)
    hall.save()
    hall.accessibility_notes = "A ramp at the side door."
    hall.save()
    assert calls == []
    hall.name = "Riverside Pavilion"
    hall.save()
    assert calls == [ProgramPage]


@pytest.mark.django_db
def test_stems_and_prefixes_cost_the_same_queries_however_many_programs(client, tree, catalogue):
    views = [{"q": "programs arts"}, {"q": "stor", "type": "program"}]
    # Each type's content types are read once per process, at the first search.
    client.get(SEARCH_URL, {"q": "zine"})
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, SEARCH_URL, views)
    assert at_hundred == at_ten


@pytest.mark.django_db
def test_the_listing_words_cost_the_same_queries_however_many_programs(client, tree, catalogue):
    views = [{"q": "program arts"}, {"q": "stor"}]
    url = tree["programs"].url
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, url, views)
    assert at_hundred == at_ten


@override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "wagtail.search.backends.database"}})
def test_postgres_search_with_a_stemming_configuration_is_warned_about(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "postgresql")
    (warning,) = check_postgres_search_splits_words_only(None)
    assert warning.id == "clpages.W002"
    assert '"SEARCH_CONFIG": "simple"' in warning.hint


def test_postgres_search_splitting_words_only_passes(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "postgresql")
    assert check_postgres_search_splits_words_only(None) == []
