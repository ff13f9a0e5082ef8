"""Downloading an evaluation's measures: every measure with each result, formula-safe cells,
for everyone who may edit the page and no one else, at a cost that does not grow with results."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from clpages.measures.exporting import HEADER
from clpages.models import MeasureResult, ResultSource
from tests.builders import build_partner_world, count_queries, make_evaluation, make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    world = build_partner_world(tree)
    evaluation = make_evaluation(
        world["evaluations"], program=world["a_program"], title="How story time went"
    )
    families = make_measure(
        evaluation,
        results=[(datetime.date(2026, 3, 1), Decimal(7), "Spring")],
        target=10,
        baseline=4,
        unit="families",
    )
    MeasureResult.objects.create(
        measure=families,
        date=datetime.date(2026, 4, 1),
        value=Decimal("8.5"),
        note='=HYPERLINK("http://example.org","help")',
        source=ResultSource.SURVEY,
        answers=12,
    )
    make_measure(evaluation, name="@Stories shared", kind="story")
    evaluation.save_revision().publish()
    world["evaluation"] = evaluation
    return world


def export_url(evaluation):
    return reverse("clpages_export_measures", args=[evaluation.pk])


def download(client, user, evaluation):
    client.force_login(user)
    return client.get(export_url(evaluation))


def test_every_measure_and_result_with_formulas_written_as_text(client, world):
    response = download(client, world["editor"], world["evaluation"])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        HEADER,
        ["Families who came back", "Count", "families", "4.00", "10.00", "2026-03-01", "7.00", "Spring",
         "Entered by the team", ""],
        ["Families who came back", "Count", "families", "4.00", "10.00", "2026-04-01", "8.50",
         "'=HYPERLINK(\"http://example.org\",\"help\")", "Survey answers", "12"],
        ["'@Stories shared", "Stories and observations", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip


def test_the_partner_co_leading_the_work_may_download_it_others_may_not(client, world):
    assert download(client, world["partner_a"], world["evaluation"]).status_code == 200
    assert download(client, world["partner_b"], world["evaluation"]).status_code == 403


def test_the_download_costs_the_same_with_ten_times_the_results(client, world):
    client.force_login(world["editor"])
    measure = world["evaluation"].measures.first()

    def add(count):
        MeasureResult.objects.bulk_create(
            MeasureResult(
                measure=measure, date=datetime.date(2026, 5, 1), value=n, source=ResultSource.IMPORT
            )
            for n in range(count)
        )

    add(10)
    few = count_queries(client, export_url(world["evaluation"]))
    add(90)
    assert count_queries(client, export_url(world["evaluation"])) == few


def test_the_download_can_be_imported_again_and_every_row_is_known(client, world):
    from clpages.measures.importing import preview

    text = download(client, world["editor"], world["evaluation"]).content.decode()
    checked = preview(world["evaluation"], text)
    assert checked.ignored_columns == ["Kind", "Unit", "Baseline", "Target", "Source", "Answers"]
    problems = [row.problems for row in checked.rows]
    assert problems[:2] == [["This result is already recorded for this measure."]] * 2
