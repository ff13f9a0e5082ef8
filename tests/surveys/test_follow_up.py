"""Surveys reach registrants through the registration emails: the thank-you links the survey
asked right after a date, and a follow-up goes its weeks later, once."""

import pytest
from django.core import mail
from django.urls import reverse

from clpages.registrations.models import Registration
from tests.builders import make_evaluation
from tests.registrations.test_scheduled import DAY, HOUR, clock, program_on, register, run, sent, soon  # noqa: F401
from tests.surveys.conftest import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def surveyed_program(program_on, tree):  # noqa: F811
    start = soon()
    program, session = program_on(start)
    evaluation = make_evaluation(tree["evaluations"], program=program)
    immediate = build_survey(evaluation, [{"kind": "learned"}], title="After the session")
    follow_up = build_survey(
        evaluation, [{"kind": "apply"}], title="Since then", kind="follow_up", weeks_after=2
    )
    return start, session, immediate, follow_up


def test_the_thank_you_links_the_survey_asked_right_after(surveyed_program, clock, run):  # noqa: F811
    start, session, immediate, _ = surveyed_program
    register(session, "amina@example.org")
    clock(start + 2 * HOUR)
    assert "thank-yous: 1" in run()
    (message,) = mail.outbox
    assert "http://" in message.body
    assert reverse("clpages_surveys:answer", args=[immediate.pk]) in message.body


def test_the_follow_up_goes_once_its_weeks_later_to_those_not_marked_absent(surveyed_program, clock, run):  # noqa: F811
    start, session, _, follow_up = surveyed_program
    came = register(session, "amina@example.org")
    absent = register(session, "bo@example.org", name="Bo")
    Registration.objects.filter(pk=absent.pk).update(attended=False)
    clock(start + 2 * HOUR)
    run()
    sent()
    clock(start + 13 * DAY)
    assert "follow-up surveys: 0" in run()
    clock(start + 14 * DAY + 2 * HOUR)
    assert "follow-up surveys: 1" in run()
    (message,) = mail.outbox
    assert message.to == [came.email]
    assert message.subject == "How has it gone since? Family storytime"
    assert reverse("clpages_surveys:answer", args=[follow_up.pk]) in message.body
    sent()
    run()
    assert sent() == []


def test_no_follow_up_while_the_survey_is_not_approved(surveyed_program, clock, run):  # noqa: F811
    start, session, _, follow_up = surveyed_program
    follow_up.approved_at = None
    follow_up.save()
    register(session, "amina@example.org")
    clock(start + 14 * DAY + 2 * HOUR)
    assert "follow-up surveys: 0" in run()
