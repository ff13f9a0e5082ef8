"""Two self-assessments of one team, six months apart, for the demo library (home/demo)."""

import datetime

from clpages.assessment.facets import FACETS, Level
from clpages.assessment.models import Assessment

DEMO_TEAM = "Branch services"

# (months before today, levels by facet key (Beginning otherwise), facets marked for focus, notes, goals)
DEMO_ASSESSMENTS = [
    (
        6,
        {"prioritize_edi": Level.NOT_STARTED, "measure_what_matters": Level.NOT_STARTED},
        {"prioritize_edi", "relationship_time"},
        {"relationship_time": "Outreach happens only when someone has a free afternoon."},
        ("Spend one hour a week out of the building.", "Agree what we expect of ourselves on EDI."),
    ),
    (
        0,
        {
            "prioritize_edi": Level.BEGINNING,
            "growth_mindset": Level.DEVELOPING,
            "community_knowledge": Level.DEVELOPING,
            "relationship_time": Level.DEVELOPING,
        },
        {"measure_what_matters"},
        {
            "relationship_time": "Two hours a week are set aside for time with partners.",
            "measure_what_matters": "We still count visits; partners want to say what success looks like.",
        },
        ("Learn three partners' own goals.", "Agree success measures with partners before programs start."),
    ),
]


def add_demo_assessments(today):
    """The demo team's assessments, once: nothing is added when the team already has any.

    Returns how many were created.
    """
    if Assessment.objects.of_team(DEMO_TEAM).exists():
        return 0
    for months, levels, focus, notes, (personal, team) in DEMO_ASSESSMENTS:
        values = {}
        for facet in FACETS:
            values[facet.level_field] = levels.get(facet.key, Level.BEGINNING)
            values[facet.focus_field] = facet.key in focus
            values[facet.notes_field] = notes.get(facet.key, "")
        Assessment.objects.create(
            team=DEMO_TEAM,
            date=today - datetime.timedelta(days=round(months * 30.5)),
            participants="Branch manager\nTwo library assistants\nOutreach librarian",
            personal_goals=personal,
            team_goals=team,
            **values,
        )
    return len(DEMO_ASSESSMENTS)
