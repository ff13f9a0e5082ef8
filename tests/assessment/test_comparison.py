"""A team's assessments compared over time: known levels give known chart points, the table says
the same in words, "what changed" reads the latest against the one before, and the page costs
the same queries however many assessments the team has."""

import datetime

import pytest
from django.urls import reverse

from clpages.assessment.comparison import chart, compare
from clpages.assessment.facets import FACETS, Level
from clpages.assessment.models import Assessment
from tests.assessment.conftest import make_assessment
from tests.builders import count_queries

pytestmark = pytest.mark.django_db


def facet_row(comparison, key):
    return next(row for row in comparison.rows if row.facet.key == key)


def test_the_comparison_puts_each_facet_at_each_assessment_oldest_first(world):
    comparison = compare([world["second"], world["first"]])
    assert comparison.assessments == [world["first"], world["second"]]
    assert [row.facet.key for row in comparison.rows] == [facet.key for facet in FACETS]
    growth = facet_row(comparison, "growth_mindset")
    assert [(c.level, c.level_name, c.focus) for c in growth.cells] == [
        (2, "Beginning", False),
        (3, "Developing", False),
    ]
    measure = facet_row(comparison, "measure_what_matters")
    assert [(c.level_name, c.focus) for c in measure.cells] == [("Beginning", False), ("Not started", True)]


def test_what_changed_since_last_time(world):
    comparison = compare([world["first"], world["second"]])
    assert [(c.facet.key, c.words) for c in comparison.went_up] == [
        ("growth_mindset", "up one level, from Beginning to Developing")
    ]
    assert [(c.facet.key, c.words) for c in comparison.went_down] == [
        ("measure_what_matters", "down one level, from Beginning to Not started; now marked for future focus")
    ]
    assert len(comparison.stayed) == 10
    assert comparison.stayed[0].words == "still Beginning"


def test_a_first_assessment_has_nothing_to_compare_with(world):
    comparison = compare([world["first"]])
    assert comparison.changes == [] and comparison.previous is None
    drawn = chart(comparison)
    assert {point.x for row in drawn.rows for point in row.points} == {453.0}


def test_the_chart_points_for_known_levels(world):
    drawn = chart(compare([world["first"], world["second"]]))
    assert [column.x for column in drawn.columns] == [226.0, 680.0]
    assert [column.label for column in drawn.columns] == ["1 Sep 2025", "1 Mar 2026"]
    assert [heading.text for heading in drawn.headings] == [
        "Inspirational change",
        "Transformational change",
        "Transactional change",
    ]
    rows = {row.label: row for row in drawn.rows}
    assert len(rows) == 12
    growth = rows["Growth mindset"]
    assert [(p.x, p.y, p.level, p.focus) for p in growth.points] == [
        (226.0, 249.0, 2, False),
        (680.0, 239.0, 3, False),
    ]
    assert (growth.top_y, growth.bottom_y) == (229, 259)
    assert growth.line == "226.0,249.0 680.0,239.0"
    measure = rows["Measure what matters"]
    assert [(p.x, p.y, p.level, p.focus) for p in measure.points] == [
        (226.0, 629.0, 2, False),
        (680.0, 639.0, 1, True),
    ]
    assert measure.points[1].diamond == "680.0,632.0 687.0,639.0 680.0,646.0 673.0,639.0"
    assert drawn.height == 658


def team_url(team="Youth services"):
    return reverse("clpages_assessment_admin:team") + "?" + f"name={team.replace(' ', '+')}"


def test_the_team_page_draws_the_chart_with_its_table_and_the_changes(client, world):
    client.force_login(world["editor"])
    html = client.get(team_url()).content.decode()
    assert 'role="img"' in html and '<title id="assessment-chart-title">' in html
    assert "Youth services: each facet's level at each of 2 assessments" in html
    assert 'points="226.0,249.0 680.0,239.0"' in html
    assert 'points="680.0,632.0 687.0,639.0 680.0,646.0 673.0,639.0"' in html  # the focus diamond
    assert "<caption>Youth services: the level of each facet at each assessment</caption>" in html
    assert '<th scope="row">1. Foster growth mindset</th>' in html
    assert "<td>Beginning</td><td>Developing</td>" in html
    assert "<td>Beginning</td><td>Not started<br><strong>Future focus needed</strong></td>" in html
    assert "What changed since last time" in html
    assert "Foster growth mindset: up one level, from Beginning to Developing" in html
    assert "Went down: 1 facet" in html
    assert "Ask partners what success looks like" in html


def test_an_unknown_team_is_not_found(client, world):
    client.force_login(world["editor"])
    assert client.get(team_url("Nobody")).status_code == 404
    assert client.get(reverse("clpages_assessment_admin:team")).status_code == 404


def test_the_team_page_costs_the_same_queries_for_2_and_8_assessments(client, world):
    client.force_login(world["editor"])
    for month in range(1, 9):
        make_assessment(
            team="Branch team", date=datetime.date(2024, month, 1), levels={"reflection": month % 4 + 1}
        )
    assert Assessment.objects.of_team("Branch team").count() == 8
    two = count_queries(client, team_url())
    eight = count_queries(client, team_url("Branch team"))
    assert eight == two
    assert str(Level(4).label) in client.get(team_url("Branch team")).content.decode()
