"""Each index page costs the same number of SQL queries with 5 children as with 50."""

import pytest

from tests.builders import count_queries, make_evaluation, make_partner, make_partnership, make_program

pytestmark = pytest.mark.django_db


def _grow(tree, kind, count):
    for _ in range(count):
        partner = make_partner()
        if kind == "programs":
            make_program(tree["programs"], partners=[partner, make_partner()])
        elif kind == "partnerships":
            make_partnership(tree["partnerships"], partner)
        else:
            program = make_program(tree["programs"], partners=[partner], sessions=0)
            make_evaluation(
                tree["evaluations"],
                program=program,
                partnership=make_partnership(tree["partnerships"], partner),
            )


@pytest.mark.parametrize("kind", ["programs", "partnerships", "evaluations"])
def test_index_query_count_does_not_grow_with_children(client, tree, kind, monkeypatch):
    index = tree[kind]
    # All children on one page, so every one of them is rendered.
    monkeypatch.setattr(type(index), "per_page", 100)
    _grow(tree, kind, 5)
    at_5 = count_queries(client, index.url)
    _grow(tree, kind, 45)
    at_50 = count_queries(client, index.url)
    assert at_5 == at_50, f"{kind}: {at_5} queries with 5 children, {at_50} with 50"
