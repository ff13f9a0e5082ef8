"""A program's page leads its results with the latest evaluation's headline figures."""

import datetime
from decimal import Decimal

import pytest

from tests.builders import count_queries, make_evaluation, make_measure, make_program

pytestmark = pytest.mark.django_db


def evaluation_with(tree, program, title, period_end, measures):
    evaluation = make_evaluation(tree["evaluations"], program=program, title=title, period_end=period_end)
    for name, target, values in measures:
        make_measure(
            evaluation,
            name=name,
            target=target,
            unit="families",
            results=[(datetime.date(2026, 3, day), value, "") for day, value in enumerate(values, start=1)],
        )
    evaluation.save_revision().publish()
    return evaluation


def test_the_program_page_shows_the_latest_evaluations_figures(client, tree):
    program = make_program(tree["programs"], "Story time")
    evaluation_with(
        tree, program, "Autumn results", datetime.date(2026, 6, 1), [("Old measure", 5, [Decimal(1)])]
    )
    latest = evaluation_with(
        tree,
        program,
        "Winter results",
        datetime.date(2026, 12, 1),
        [("Families who came back", 20, [Decimal(12), Decimal(21)]), ("New families", 30, [Decimal(9)])],
    )
    html = client.get(program.url).content.decode()
    aside = html[html.index("<h2>Results and learning</h2>") :]
    assert f'<a href="{latest.url}">Winter results</a>' in aside
    assert (
        "Families who came back</span>: <strong>goal met</strong>, 21 families (goal: 20 families or more)"
        in aside
    )
    assert (
        "New families</span>: <strong>not met yet</strong>, 9 families (goal: 30 families or more)" in aside
    )
    assert "Old measure" not in aside and "Earlier:" in aside and "Autumn results" in aside


def test_an_unpublished_evaluation_gives_no_headline(client, tree):
    program = make_program(tree["programs"], "Story time")
    draft = evaluation_with(
        tree, program, "Draft results", datetime.date(2026, 6, 1), [("Hidden", 5, [Decimal(9)])]
    )
    draft.unpublish()
    html = client.get(program.url).content.decode()
    assert "Hidden" not in html and "What we find and learn will be shared here" in html


def test_the_program_page_reads_figures_in_the_same_queries_however_many_there_are(client, tree):
    program = make_program(tree["programs"], "Story time")
    evaluation_with(tree, program, "First", datetime.date(2026, 6, 1), [("One", 5, [Decimal(1), Decimal(2)])])
    few = count_queries(client, program.url)
    evaluation_with(
        tree,
        program,
        "Second",
        datetime.date(2026, 9, 1),
        [(f"Measure {n}", 5, [Decimal(n), Decimal(n + 1), Decimal(n + 2)]) for n in range(6)],
    )
    assert count_queries(client, program.url) == few
