"""SQLite relevance ranking in one pass finds what the search backend finds, filters included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from clpages import search_ranking
from clpages.bench.catalogue import Catalogue
from clpages.models import ProgramPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Catalogue().grow_to(60)


def test_one_pass_ranking_finds_what_the_backend_finds(catalogue):
    backend = get_search_backend()
    programs = ProgramPage.objects.live()
    assert search_ranking.applies(backend, programs)

    ranked = search_ranking.search(backend, programs, "garden")
    expected = {page.pk for page in backend.search("garden", programs)}

    assert expected
    assert set(ranked.pks) == expected
    assert ranked.count() == len(expected)
    assert [page.pk for page in ranked[:5]] == ranked.pks[:5]


def test_the_callers_filters_still_apply(catalogue):
    backend = get_search_backend()
    stage_one = ProgramPage.objects.live().filter(stage=1)

    ranked = search_ranking.search(backend, stage_one, "garden")

    assert ranked.pks
    assert all(page.stage == 1 for page in ranked[0 : ranked.count()])
    assert set(ranked.pks) == {page.pk for page in backend.search("garden", stage_one)}


def test_loading_a_page_of_results_costs_a_fixed_number_of_queries(catalogue):
    ranked = search_ranking.search(get_search_backend(), ProgramPage.objects.live(), "garden")
    with CaptureQueriesContext(connection) as queries:
        ranked[0:10]
    assert len(queries) == 1


def test_queries_it_cannot_rank_go_back_to_the_backend(catalogue):
    # An empty query matches everything: the backend's own path handles it.
    assert search_ranking.search(get_search_backend(), ProgramPage.objects.live(), "") is None
