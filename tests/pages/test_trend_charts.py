"""The sentence that says whether a measure's goal was met, its SVG chart over time, and the
spread of answers, with known answers."""

import datetime
import re
from decimal import Decimal

import pytest

from clpages import chart_svg
from clpages.charts import summary
from clpages.models import MeasureResult
from tests.builders import make_evaluation, make_measure, make_program


def reading(day, value):
    return MeasureResult(date=day, value=None if value is None else Decimal(value))


MARCH, JUNE, SEPTEMBER = datetime.date(2026, 3, 1), datetime.date(2026, 6, 1), datetime.date(2026, 9, 1)


def test_the_summary_says_whether_the_latest_figure_meets_the_goal():
    results = [reading(MARCH, 40), reading(JUNE, 120), reading(SEPTEMBER, 90)]
    said = summary(results, baseline=Decimal(10), target=Decimal(100), unit="visits")
    assert (said.met, said.date, said.words) == (False, SEPTEMBER, "90 visits (goal: 100 visits or more)")
    said = summary(results[:2], baseline=Decimal(10), target=Decimal(100), unit="visits")
    assert (said.met, said.date, said.words) == (True, JUNE, "120 visits (goal: 100 visits or more)")


def test_a_goal_below_the_start_is_met_by_going_down():
    said = summary([reading(MARCH, 12)], baseline=Decimal(30), target=Decimal(15), unit="days")
    assert (said.met, said.words) == (True, "12 days (goal: 15 days or less)")


def test_without_a_goal_or_a_figure_the_summary_says_only_what_it_knows():
    said = summary([reading(MARCH, 7)], baseline=None, target=None, unit="%")
    assert (said.met, said.words) == (None, "7%")
    said = summary([reading(MARCH, None)], baseline=None, target=Decimal(3), unit="")
    assert (said.met, said.date, said.words) == (None, None, "")


def test_a_trend_needs_two_figures():
    assert (
        chart_svg.trend([reading(MARCH, 5), reading(JUNE, None)], baseline=None, target=None, unit="") is None
    )


def test_the_trend_runs_left_to_right_in_time_and_up_with_the_figure():
    results = [reading(MARCH, 20), reading(JUNE, 50), reading(SEPTEMBER, 80)]
    trend = chart_svg.trend(results, baseline=Decimal(35), target=Decimal(70), unit="%")
    xs = [point.x for point in trend.points]
    ys = [point.y for point in trend.points]
    assert xs[0] == trend.plot_left and xs[-1] == trend.plot_right and xs == sorted(xs)
    # June is 92 of the 184 days between March and September: half way across.
    assert xs[1] == pytest.approx((trend.plot_left + trend.plot_right) / 2, abs=0.5)
    assert ys == sorted(ys, reverse=True)
    # A percentage is drawn on a 0-100 scale: 80% sits at four fifths of the height.
    assert ys[2] == pytest.approx(trend.plot_bottom - 0.8 * (trend.plot_bottom - 20), abs=0.5)
    assert [point.met for point in trend.points] == [False, False, True]
    assert trend.start_y > trend.goal_y
    assert {label.text for label in trend.labels} >= {
        "Goal: 70%",
        "At the start: 35%",
        "Mar 2026",
        "Sep 2026",
    }


def test_the_spread_of_answers_gives_each_option_its_share():
    spread = chart_svg.spread([("Strongly agree", 6), ("Agree", 3), ("Disagree", 1)])
    assert [(bar.count, bar.share, bar.words) for bar in spread.bars] == [
        (6, 60, "6 answers (60%)"),
        (3, 30, "3 answers (30%)"),
        (1, 10, "1 answer (10%)"),
    ]
    assert spread.bars[0].width == 2 * spread.bars[1].width
    assert spread.total == 10
    assert chart_svg.spread([("Yes", 0), ("No", 0)]) is None


@pytest.mark.django_db
def test_the_evaluation_page_draws_the_trend_with_a_title_and_escapes_the_unit(client, tree):
    program = make_program(tree["programs"], "Story time")
    evaluation = make_evaluation(tree["evaluations"], program=program, title="Story time results")
    make_measure(
        evaluation,
        name="Families <i>back</i>",
        unit="<b>families</b>",
        baseline=5,
        target=20,
        results=[(MARCH, Decimal(12), ""), (JUNE, Decimal(21), "Summer")],
    )
    evaluation.save_revision().publish()
    html = client.get(evaluation.url).content.decode()
    svg = re.search(r"<svg class=\"trend__svg\".*?</svg>", html, re.S).group(0)
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
    assert (
        f'<title id="{labelled_by}">Families &lt;i&gt;back&lt;/i&gt;: the results over time, against' in svg
    )
    assert svg.count('class="trend__point trend__point--met"') == 1 and svg.count("<circle") == 2
    assert "Goal: 20 &lt;b&gt;families&lt;/b&gt;" in svg and "<b>" not in html
    assert "<strong>Goal met.</strong> Latest result, on <time" in html
    assert "21 &lt;b&gt;families&lt;/b&gt; (goal: 20 &lt;b&gt;families&lt;/b&gt; or more)." in html
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", html, re.S)
    assert len(rows) == 2 and "Summer" in rows[1] and "Entered by the team" in rows[1]
