import datetime

import pytest

from clpages.assessment.facets import FACETS, Level
from clpages.assessment.models import Assessment
from tests.builders import fresh, make_partnership


def make_assessment(
    team="Youth services", date=datetime.date(2026, 3, 1), levels=None, focus=(), notes=None, **fields
):
    """An assessment with every facet at ``levels.get(key, Level.BEGINNING)``; ``focus``: keys marked."""
    levels, notes = levels or {}, notes or {}
    values = {}
    for facet in FACETS:
        values[facet.level_field] = levels.get(facet.key, Level.BEGINNING)
        values[facet.focus_field] = facet.key in focus
        values[facet.notes_field] = notes.get(facet.key, "")
    fields.setdefault("participants", "Sam (youth services)\nLee (branch manager)")
    return Assessment.objects.create(team=team, date=date, **values, **fields)


@pytest.fixture
def world(db, partner_world_once):
    """The partner world (built once for the module), a partnership page for each organisation,
    and two assessments of one team."""
    world = fresh(partner_world_once)
    tree = world["tree"]
    world["a_partnership"] = make_partnership(
        tree["partnerships"],
        world["org_a"],
        title="Riverbend Newcomers Network",
        notes_learn="Visited the Saturday market\nAsked about English classes",
        people_to_reach="Newcomer families",
        success_looks_like="Families feel at home in the library",
    )
    world["b_partnership"] = make_partnership(tree["partnerships"], world["org_b"], title="Northside Youth")
    world["first"] = make_assessment(date=datetime.date(2025, 9, 1), personal_goals="Listen more")
    world["second"] = make_assessment(
        date=datetime.date(2026, 3, 1),
        levels={"growth_mindset": Level.DEVELOPING, "measure_what_matters": Level.NOT_STARTED},
        focus={"measure_what_matters"},
        team_goals="Ask partners what success looks like",
    )
    return world
