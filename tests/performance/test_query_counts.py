"""Listing pages cost the same number of queries with 10 programs as with 100.

The catalogue is the benchmark's own (bench/), so these tests also keep its bulk-built
page tree honest.
"""

import pytest
from django.test import Client
from wagtail.models import Page

from bench.catalogue import Catalogue
from clpages.models import ProgramPage, ProgramSession
from tests.builders import count_queries

pytestmark = pytest.mark.django_db

PAGES = {
    "community hub": lambda c: c.hub.url,
    "program index": lambda c: c.program_index.url,
    "program index, last page": lambda c: c.program_index.url + "?page=9999",
    "partnership index": lambda c: c.partnership_index.url,
    "evaluation index": lambda c: c.evaluation_index.url,
    "program page": lambda c: c.sample_program().url,
}


@pytest.fixture
def catalogue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Partners grow with programs too, so the hub's partner list is tested at two sizes.
    return Catalogue(programs_per_partner=4)


def test_query_counts_do_not_grow_with_programs(catalogue):
    client = Client(HTTP_HOST="localhost")
    catalogue.grow_to(10)
    # The first view of each page makes its image renditions: counted is the second.
    at_10 = {name: count_queries(client, url(catalogue)) for name, url in PAGES.items()}
    catalogue.grow_to(100)
    at_100 = {name: count_queries(client, url(catalogue)) for name, url in PAGES.items()}
    grew = {name: (at_10[name], at_100[name]) for name in PAGES if at_10[name] != at_100[name]}
    assert not grew, f"queries with 10 and with 100 programs: {grew}"


def test_bulk_built_catalogue_is_a_valid_page_tree(catalogue):
    catalogue.grow_to(30)
    problems = Page.find_problems()
    assert all(not problem for problem in problems), problems
    assert ProgramPage.objects.child_of(catalogue.program_index).live().count() == 30
    assert catalogue.program_index.get_children().count() == 30
    assert ProgramSession.objects.filter(program__in=catalogue.program_ids).exists()


def test_pages_added_after_a_bulk_build_get_valid_paths(catalogue):
    catalogue.grow_to(12)
    added = catalogue.program_index.add_child(instance=ProgramPage(title="Added by an editor", summary="x"))
    assert all(not problem for problem in Page.find_problems())
    assert added.get_parent().specific == catalogue.program_index.specific
