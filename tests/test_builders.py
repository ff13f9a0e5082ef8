"""The test builders themselves: indexes skipped while building end up as every save would leave them,
the one partner world has the shape its tests rely on, and the query counter counts one request."""

import contextlib
import re
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import TestCase as DjangoTestCase
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from tests import conftest
from tests.builders import (
    count_queries,
    fresh,
    make_evaluation,
    make_location,
    make_partner,
    make_partnership,
    make_program,
    request_queries,
)
from tests.builders import programs as program_builders


def _indexes(page, names):
    """The search index entry and the reference index rows of a page, without the page's own id;
    references to the pages built with it are by their name in ``names`` (their ids differ)."""
    entries = [
        {name: value for name, value in row.items() if name not in ("id", "object_id")}
        for row in IndexEntry.objects.filter(object_id=str(page.pk)).values()
    ]
    references = sorted(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk)
        ).values_list("content_type", "to_content_type", "to_object_id", "model_path", "content_path")
    )
    assert len(entries) == 1 and entries[0]["title"], page
    references = [(*row[:2], names.get(row[2], row[2]), *row[3:]) for row in references]
    return entries, _child_ids_by_order(references)


def _child_ids_by_order(references):
    """Content paths name child rows by id ("sessions.6231.location"); ids differ between two
    builds (PostgreSQL's sequences do not roll back), so each is named by its order instead."""
    ids = sorted({int(n) for row in references for n in re.findall(r"\.(\d+)\.", row[4])})
    order = {str(pk): str(number) for number, pk in enumerate(ids)}
    return [
        (*row[:4], re.sub(r"\.(\d+)\.", lambda m: f".#{order[m.group(1)]}.", row[4])) for row in references
    ]


def _build(tree, partner, location, *, skipping):
    """A program with sessions and a topic, its partnership and its evaluation."""
    if not skipping:
        # Every save updates both indexes, as it does outside the builders.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(program_builders, "index_updates_skipped", contextlib.nullcontext)
            return _build(tree, partner, location, skipping=True)
    program = make_program(
        tree["programs"], "Seed library swap", [partner], sessions=2, location=location, tags=["seeds"]
    )
    partnership = make_partnership(tree["partnerships"], partner, "Growing with the garden club")
    evaluation = make_evaluation(
        tree["evaluations"], program=program, partnership=partnership, title="The swap, a year on"
    )
    return program, partnership, evaluation


def test_indexes_end_as_they_would_if_every_save_updated_them(tree):
    partner, location = make_partner("Garden club"), make_location("Seed corner")
    found = {}
    for skipping in (True, False):
        with transaction.atomic():
            pages = _build(tree, partner, location, skipping=skipping)
            names = {
                str(page.pk): name
                for page, name in zip(pages, ("program", "partnership", "evaluation"), strict=True)
            }
            found[skipping] = [_indexes(page, names) for page in pages]
            transaction.set_rollback(True)
    assert found[True] == found[False]
    (_, program_references), _, (_, evaluation_references) = found[True]
    assert (str(location.pk), "sessions.item.location") in {row[2:4] for row in program_references}
    assert {"program", "partnership"} <= {row[3] for row in evaluation_references}


def test_the_partner_world_has_a_program_of_each_organisation_and_one_they_share(partner_world_once, db):
    world = fresh(partner_world_once)
    co_creators = {
        name: set(world[name].co_created_with.values_list("name", flat=True))
        for name in ("a_program", "b_program", "ab_program")
    }
    assert co_creators == {
        "a_program": {"Riverbend Newcomers Network"},
        "b_program": {"Northside Youth Collective"},
        "ab_program": {"Riverbend Newcomers Network", "Northside Youth Collective"},
    }
    assert list(world["partner_a"].partner_organisations.all()) == [world["org_a"]]
    assert list(world["partner_b"].partner_organisations.all()) == [world["org_b"]]
    assert not world["editor"].partner_organisations.exists()
    assert world["tree"]["programs"].pk == world["a_program"].get_parent().pk


def test_fresh_reloads_nested_records_and_keeps_other_values(tree):
    partner = make_partner("Garden club")
    shared = SimpleNamespace(
        partners=SimpleNamespace(garden=partner), label="kept", site={"hub": tree["hub"]}
    )
    partner.name = "Changed in memory only"
    reloaded = fresh(shared)
    assert reloaded.partners.garden.name == "Garden club"
    assert reloaded.partners.garden is not partner
    assert reloaded.label == "kept" and reloaded.site["hub"].pk == tree["hub"].pk


def test_the_query_counter_counts_one_request_after_a_first_one_warmed_caches(client, tree):
    url = tree["programs"].url
    cold = count_queries(client, url, warm=False)
    assert 0 < count_queries(client, url) < cold
    assert all(isinstance(sql, str) for sql in request_queries(client, url))
    with pytest.raises(AssertionError):
        count_queries(client, "/no-such-page/")


def _item(module, *fixtures):
    return SimpleNamespace(module=module, fixturenames=list(fixtures), name=f"{module}:{fixtures}")


def test_tests_using_data_built_for_their_module_run_after_its_other_tests():
    items = [
        _item("a", "db", "world_once"),
        _item("a", "db", "tree"),
        _item("a", "db", "demo_module"),
        _item("a", "db", "tree", "frozen"),
        _item("c", "page", "demo_server_once", "read_only_server"),
        _item("b", "db", "catalogue_once"),
        _item("b", "db", "client"),
        _item("a", "db", "tree"),  # a later run of module a
    ]
    # Browser tests reading data committed for their module go last of all.
    expected = [items[i] for i in (1, 3, 0, 2, 6, 5, 7, 4)]
    conftest.pytest_collection_modifyitems(items)
    assert items == expected


def test_tests_that_empty_the_database_run_after_every_test_that_needs_its_base():
    # pytest moves every test using Playwright's browser next to the first of them, which may
    # put one emptying the database before the tests relying on Wagtail's root page.
    items = [
        _item("browser", "page", "live_server", "transactional_db"),
        _item("pages", "db", "tree"),
        _item("plain", "settings"),
        _item("find", "page", "read_only_server"),
        _item("partners", "db", "partner_world_once"),
        SimpleNamespace(module="tree", cls=DjangoTestCase, fixturenames=[], name="a TestCase"),
    ]
    expected = [items[i] for i in (1, 4, 5, 0, 2, 3)]
    conftest.pytest_collection_modifyitems(items)
    assert items == expected


@pytest.mark.parametrize("dist", ["loadfile", "loadscope", "loadgroup", "worksteal"])
def test_workers_handed_whole_files_or_stealing_tests_are_refused(dist):
    # Each of these can give a worker rolled-back tests after another module emptied its database.
    with pytest.raises(pytest.UsageError, match="breaks the test order"):
        conftest.pytest_configure(SimpleNamespace(option=SimpleNamespace(dist=dist)))


def test_a_worker_is_handed_a_modules_run_whole_and_runs_in_order():
    from tests.scheduling import runs

    collection = [
        "tests/a.py::test_rolled_back",
        "tests/a.py::test_also_rolled_back",
        "tests/b.py::test_rolled_back",
        "tests/a.py::test_empties_the_database",
    ]
    keys = runs(collection)
    assert keys[collection[0]] == keys[collection[1]] != keys[collection[3]]
    # Keys sort in the collected order, so units are handed out in phase order.
    assert sorted(set(keys.values())) == [keys[collection[0]], keys[collection[2]], keys[collection[3]]]


def test_the_demo_copy_writes_back_every_row_the_demo_built(db):
    """Loading the demo copies the first build back after that: the copy must be the build."""
    from tests.builders import demo_copy

    before = demo_copy.state()
    with transaction.atomic():
        conftest.build_demo()
        built = demo_copy.state()
        transaction.set_rollback(True)
    changed = {table for table, rows in built.items() if rows != before[table]}
    assert {
        "wagtailcore_page",
        "clpages_programpage",
        "wagtailsearch_indexentry",
        "wagtailcore_referenceindex",
    } <= changed
    with transaction.atomic():
        demo_copy.restore(built)
        assert demo_copy.state() == built
        assert "homework-help-club" in {page.slug for page in Page.objects.live().search("homework")}
        transaction.set_rollback(True)
    assert demo_copy.state() == before
