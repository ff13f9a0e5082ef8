"""A measure's results are records: those typed in the page travel with its revisions, the others
(surveys, attendance, imports) are never removed by publishing."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Avg, Count

from clpages.models import EvaluationMeasure, MeasureResult, ResultSource
from tests.builders import edit_form_data, make_evaluation, make_measure, make_program

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 1)


@pytest.fixture
def measure(tree):
    evaluation = make_evaluation(tree["evaluations"], program=make_program(tree["programs"], "Story time"))
    measure = make_measure(evaluation, results=[(DAY, Decimal(7), "Spring")], target=10, unit="families")
    evaluation.save_revision().publish()
    return measure


def survey_result(measure, value, day=datetime.date(2026, 4, 1)):
    return MeasureResult.objects.create(
        measure=measure, date=day, value=value, source=ResultSource.SURVEY, answers=9
    )


def test_results_from_a_survey_outlive_publishing_any_revision(measure):
    evaluation = measure.evaluation
    older = evaluation.get_latest_revision()
    survey_result(measure, Decimal(9))
    evaluation.save_revision().publish()
    older.publish()
    readings = [
        (r.date, r.value, r.source) for r in EvaluationMeasure.objects.get(pk=measure.pk).sorted_results
    ]
    assert readings == [(DAY, Decimal(7), "entered"), (datetime.date(2026, 4, 1), Decimal(9), "survey")]


def test_a_result_removed_in_the_page_editor_goes_with_the_next_publication(measure):
    evaluation = measure.evaluation.get_latest_revision().as_object()
    survey_result(measure, Decimal(9))
    evaluation.measures.all()[0].entered_results.set([])
    evaluation.save_revision().publish()
    assert list(MeasureResult.objects.values_list("source", flat=True)) == ["survey"]


def test_the_page_shows_every_source_in_date_order_and_the_latest_figure(client, measure):
    survey_result(measure, Decimal(12), day=datetime.date(2026, 2, 1))
    fresh_measure = EvaluationMeasure.objects.get(pk=measure.pk)
    assert [r.value for r in fresh_measure.sorted_results] == [Decimal(12), Decimal(7)]
    assert fresh_measure.latest_value == Decimal(7)
    html = client.get(measure.evaluation.url).content.decode()
    assert html.index("Sunday 1 February 2026") < html.index("Sunday 1 March 2026")


def test_a_survey_result_is_not_in_the_page_revision(measure):
    survey_result(measure, Decimal(9))
    revision = measure.evaluation.save_revision()
    notes = [r["source"] for r in revision.content["measures"][0]["entered_results"]]
    assert notes == ["entered"]


def test_results_can_be_counted_and_averaged_in_the_database(measure):
    survey_result(measure, Decimal(9))
    figures = MeasureResult.objects.filter(measure=measure).aggregate(n=Count("pk"), mean=Avg("value"))
    assert figures["n"] == 2 and Decimal(figures["mean"]) == Decimal(8)


def test_an_editor_adds_a_result_in_the_page_editor_and_survey_results_stay(
    client, measure, django_user_model
):
    survey_result(measure, Decimal(9))
    editor = django_user_model.objects.create_superuser("editor-results", "results@example.org", "x")
    client.force_login(editor)
    evaluation = measure.evaluation
    data = edit_form_data(client, evaluation)
    assert data["measures-0-entered_results-TOTAL_FORMS"] == ["1"]
    data.update(
        {
            "measures-0-entered_results-TOTAL_FORMS": ["2"],
            "measures-0-entered_results-1-date": ["2026-05-01"],
            "measures-0-entered_results-1-value": ["11"],
            "measures-0-entered_results-1-note": ["<script>alert(1)</script> summer"],
            "measures-0-entered_results-1-ORDER": ["2"],
            "action-publish": ["action-publish"],
        }
    )
    response = client.post(f"/admin/pages/{evaluation.pk}/edit/", data)
    assert response.status_code == 302
    results = EvaluationMeasure.objects.get(pk=measure.pk).sorted_results
    assert [(r.value, r.source) for r in results] == [
        (Decimal(7), "entered"),
        (Decimal(9), "survey"),
        (Decimal(11), "entered"),
    ]
    html = client.get(evaluation.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; summer" in html and "<script>alert(1)" not in html
