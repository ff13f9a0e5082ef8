"""Measure charts say in words, beside each bar, whether the goal was met."""

import datetime
import re
from decimal import Decimal

import pytest

from clpages.charts import measure_chart
from clpages.models import MeasureResult
from tests.builders import make_evaluation, make_measure, make_program


def results(*values):
    return [
        MeasureResult(date=datetime.date(2026, month, 1), value=None if value is None else Decimal(value))
        for month, value in enumerate(values, start=1)
    ]


def words(chart):
    return [row.words for row in chart.rows]


def test_a_count_says_goal_met_or_not_yet_against_the_goal():
    chart = measure_chart(results(40, 120), baseline=Decimal(10), target=Decimal(100), unit="visits")
    assert words(chart) == ["10 visits", "Not yet: 40 of 100 visits", "Goal met: 120 of 100 visits"]
    assert [row.met for row in chart.rows] == [None, False, True]
    assert chart.rows[0].is_baseline and not chart.rows[1].is_baseline
    assert chart.goal_words == "100 visits or more"
    assert chart.start_words == "10 visits"


def test_reaching_the_goal_exactly_meets_it():
    chart = measure_chart(results(30), baseline=None, target=Decimal(30), unit="children")
    assert words(chart) == ["Goal met: 30 of 30 children"]


def test_a_percentage_names_its_goal_rather_than_a_share_of_a_share():
    chart = measure_chart(results("68", "71.5"), baseline=Decimal(35), target=Decimal(70), unit=" % ")
    assert words(chart) == ["35%", "Not yet: 68% (goal: 70% or more)", "Goal met: 71.5% (goal: 70% or more)"]
    # Percentages are drawn on a scale of 100, so 68% fills 68% of the width.
    assert [row.width for row in chart.rows] == [35, 68, 71]
    assert chart.goal_position == 70


def test_a_goal_below_the_starting_point_means_fewer_is_better():
    chart = measure_chart(results(20, 15, 12), baseline=Decimal(30), target=Decimal(15), unit="minutes")
    assert words(chart) == [
        "30 minutes",
        "Not yet: 20 minutes (goal: 15 minutes or less)",
        "Goal met: 15 minutes (goal: 15 minutes or less)",
        "Goal met: 12 minutes (goal: 15 minutes or less)",
    ]
    assert chart.goal_words == "15 minutes or less"


def test_without_a_goal_the_numbers_are_given_and_nothing_is_judged():
    chart = measure_chart(results(64), baseline=None, target=None, unit="families")
    assert words(chart) == ["64 families"]
    assert chart.rows[0].met is None
    assert chart.goal_position is None and chart.goal_words == ""


def test_stories_without_numbers_draw_no_bars():
    chart = measure_chart(results(None), baseline=Decimal(3), target=Decimal(10), unit="stories")
    assert chart.rows == [] and chart.goal_position is None
    assert chart.start_words == "3 stories" and chart.goal_words == "10 stories or more"


def test_numbers_keep_only_the_decimals_that_say_something():
    chart = measure_chart(results("3.25", "7.10", "8.00"), baseline=None, target=None, unit="hours")
    assert words(chart) == ["3.25 hours", "7.1 hours", "8 hours"]


def test_bars_stay_inside_the_chart_whatever_the_numbers():
    chart = measure_chart(results(-5, 250), baseline=Decimal(0), target=Decimal(100), unit="")
    assert [row.width for row in chart.rows] == [0, 0, 100]
    assert words(chart)[1:] == ["Not yet: -5 of 100", "Goal met: 250 of 100"]


@pytest.mark.django_db
def test_the_evaluation_page_gives_each_bar_its_words(client, tree):
    program = make_program(tree["programs"], "Story time")
    evaluation = make_evaluation(tree["evaluations"], program=program, title="Story time results")
    make_measure(
        evaluation,
        name="Families who came back",
        kind="count",
        unit="<b>families</b>",
        baseline=5,
        target=20,
        results=[
            (datetime.date(2026, 12, 8), Decimal(12), ""),
            (datetime.date(2027, 3, 2), Decimal(21), "Spring"),
        ],
    )
    evaluation.save_revision().publish()
    html = client.get(evaluation.url).content.decode()
    rows = re.findall(r'<li class="chart__row[^"]*">(.*?)</li>', html, re.S)
    assert len(rows) == 3
    start, first, second = rows
    assert "At the start" in start and 'class="bar"' in start
    assert "5 &lt;b&gt;families&lt;/b&gt;" in start
    # Each result's date, its bar and its words sit together, in the same list item.
    assert "Tuesday 8 December 2026" in first and 'style="width: 57%"' in first
    assert '<span class="chart__words">Not yet: 12 of 20 &lt;b&gt;families&lt;/b&gt;</span>' in first
    assert '<span class="chart__words">Goal met: 21 of 20 &lt;b&gt;families&lt;/b&gt;</span>' in second
    assert 'class="chart__row chart__row--met"' in html
    assert "The dashed line marks the goal: 20 &lt;b&gt;families&lt;/b&gt; or more." in html
    assert "<b>families</b>" not in html
