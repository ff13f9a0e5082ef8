import datetime

import pytest
from django.utils import timezone

from clpages.models import PartnershipNextStep
from clpages.registrations.models import Registration
from clpages.stages import Stage
from tests.builders import (
    build_partner_world,
    build_site,
    built_once,
    fresh,
    make_evaluation,
    make_measure,
    make_partnership,
    make_program,
)


def _starting_in(days, hours=2, **fields):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    return (start, start + datetime.timedelta(hours=hours), fields)


def build_reports_world(tree):
    """The partner world, plus: a storytime co-created with A taking 10 registrations here (its
    next date in 3 days: 3 places taken, 2 people waiting; a date 10 days ago), results pages of
    A's and B's programs with two measures each, and partnerships' next steps."""
    world = build_partner_world(tree)
    org_a, org_b = world["org_a"], world["org_b"]
    storytime = make_program(
        tree["programs"],
        "Storytime in Arabic",
        partners=[org_a],
        sessions=[
            _starting_in(3, registration="site", capacity=10),
            _starting_in(-10),
        ],
        stage=Stage.DELIVER,
    )
    date = storytime.occurrences.filter(start__gt=timezone.now()).get()
    for status, places, name in (("confirmed", 3, "Amina Patron"), ("waitlisted", 2, "Omar Patron")):
        Registration.objects.create(
            session=date.session,
            date_key=date.key,
            status=status,
            places=places,
            name=name,
            email=f"{name.split()[0].lower()}@patrons.example.org",
        )
    evaluation = make_evaluation(
        tree["evaluations"],
        program=world["a_program"],
        title="Story time: first term",
        period_start=datetime.date(2026, 2, 1),
        period_end=datetime.date(2026, 6, 30),
    )
    b_evaluation = make_evaluation(
        tree["evaluations"],
        program=world["b_program"],
        title="Zine lab: autumn",
        period_start=datetime.date(2026, 9, 1),
        period_end=datetime.date(2026, 11, 30),
    )
    met = make_measure(
        evaluation,
        "Families who came back",
        results=[(datetime.date(2026, 3, 1), 8, ""), (datetime.date(2026, 6, 1), 20, "")],
        target=15,
        unit="families",
    )
    not_yet = make_measure(
        evaluation,
        "Children reading at home",
        results=[(datetime.date(2026, 6, 1), 40, "")],
        target=70,
        unit="%",
    )
    no_goal = make_measure(b_evaluation, "Zines made", results=[(datetime.date(2026, 10, 1), 12, "")])
    nothing = make_measure(b_evaluation, "Teens who led a session", target=5)
    partnership_a = make_partnership(tree["partnerships"], org_a, "Working with the Newcomers Network")
    partnership_b = make_partnership(tree["partnerships"], org_b, "Working with the Youth Collective")
    today = timezone.localdate()
    steps = {
        "late": PartnershipNextStep.objects.create(
            partnership=partnership_a,
            what="Book the hall",
            who="Amira",
            when=today - datetime.timedelta(days=5),
        ),
        "late_b": PartnershipNextStep.objects.create(
            partnership=partnership_b,
            what="Share the survey",
            who="Ben",
            when=today - datetime.timedelta(days=40),
        ),
        "done": PartnershipNextStep.objects.create(
            partnership=partnership_a,
            what="Call the school",
            who="Edith",
            when=today - datetime.timedelta(days=3),
            done=True,
        ),
        "ahead": PartnershipNextStep.objects.create(
            partnership=partnership_a,
            what="Plan the party",
            who="Edith",
            when=today + datetime.timedelta(days=3),
        ),
        "undated": PartnershipNextStep.objects.create(
            partnership=partnership_a, what="Find a date", who="Ben"
        ),
    }
    return {
        **world,
        "tree": tree,
        "storytime": storytime,
        "evaluation": evaluation,
        "b_evaluation": b_evaluation,
        "measures": {"met": met, "not_yet": not_yet, "no_goal": no_goal, "nothing": nothing},
        "partnership_a": partnership_a,
        "partnership_b": partnership_b,
        "steps": steps,
    }


@pytest.fixture(scope="module")
def reports_world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, lambda: build_reports_world(build_site())) as world:
        yield world


@pytest.fixture
def world(db, reports_world_once):
    return fresh(reports_world_once)
