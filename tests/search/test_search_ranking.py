"""Search finds what the search backend finds, filters included, at a fixed cost per page.

On SQLite and PostgreSQL this goes through the one-pass ranking of clpages.search.ranking, which
must give the backend's own answers in the backend's own order.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from bench.catalogue import Catalogue
from clpages.models import ProgramPage
from clpages.search import ranking as search_ranking
from clpages.search import words as search_words
from clpages.search.query import search_within

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Catalogue().grow_to(60)


def _pks(results):
    return [page.pk for page in results[0 : results.count() if hasattr(results, "count") else len(results)]]


def test_search_finds_what_the_backend_finds(catalogue):
    programs = ProgramPage.objects.live()
    found = _pks(search_within(programs, "garden"))
    expected = {page.pk for page in get_search_backend().search("garden", programs)}
    assert expected
    assert len(found) == len(expected)
    assert set(found) == expected


def test_the_callers_filters_still_apply(catalogue):
    stage_one = ProgramPage.objects.live().filter(stage=1)
    found = _pks(search_within(stage_one, "garden"))
    assert found
    assert set(found) == {page.pk for page in get_search_backend().search("garden", stage_one)}
    assert set(ProgramPage.objects.filter(pk__in=found).values_list("stage", flat=True)) == {1}


def test_a_page_of_results_costs_the_same_however_many_match(catalogue):
    def queries_for_first_page():
        results = search_within(ProgramPage.objects.live(), "garden", ("image",), ("co_created_with",))
        with CaptureQueriesContext(connection) as queries:
            list(results[0:10])
        return len(queries)

    with_60 = queries_for_first_page()
    catalogue.grow_to(180)
    assert queries_for_first_page() == with_60


def test_one_pass_ranking_is_used_on_both_databases(catalogue):
    applies = search_ranking.applies(get_search_backend(), ProgramPage.objects.all())
    assert applies == (connection.vendor in ("sqlite", "postgresql"))


def test_blank_words_find_nothing(catalogue):
    assert _pks(search_within(ProgramPage.objects.live(), "  ")) == []


@pytest.mark.parametrize("words", ["garden", "garden club", "families"])
def test_relevance_order_is_the_backends(catalogue, words, monkeypatch):
    # The backend is asked for the same match: the stems, with no word matched as a prefix
    # (which the backend's own search cannot ask for, and which scores prefixes its own way).
    monkeypatch.setattr(search_words, "PREFIX_MIN_LENGTH", 100)
    stems = " ".join(term.stem for term in search_words.query_terms(words))
    programs = ProgramPage.objects.live()
    found = _pks(search_within(programs, words))
    backend = list(get_search_backend().search(stems, programs).annotate_score("_score"))
    score = {page.pk: round(page._score, 6) for page in backend}
    assert set(found) == set(score)
    # Best first, as the backend ranks them (pages with equal scores may swap places).
    assert [score[pk] for pk in found] == [score[page.pk] for page in backend]
