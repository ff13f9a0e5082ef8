"""Success is agreed once, up front, on the program's page; results pages show that agreement and
editors are warned (never stopped) when it came after the work began."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clpages.models import EvaluationPage, ProgramSession
from tests.builders import make_evaluation, make_partner, make_partnership, make_program

pytestmark = pytest.mark.django_db

PROGRAM_SUCCESS = "<p>Teens publish a zine and lead the next season.</p>"


def agreed_program(tree, agreed_on=datetime.date(2026, 1, 10), first_session=datetime.date(2026, 2, 3)):
    program = make_program(
        tree["programs"],
        "Teen Zine Lab",
        success_looks_like=PROGRAM_SUCCESS,
        success_agreed_by="The zine crew",
        success_agreed_on=agreed_on,
    )
    start = timezone.make_aware(datetime.datetime.combine(first_session, datetime.time(16)))
    program.sessions.all().delete()
    ProgramSession.objects.create(program=program, start=start, end=start + datetime.timedelta(hours=2))
    program.save_revision().publish()
    return program


def test_a_program_results_page_shows_the_programs_agreement_not_its_own(client, tree):
    program = agreed_program(tree)
    evaluation = make_evaluation(
        tree["evaluations"], program=program, success_definition="<p>Another wording</p>"
    )
    html = client.get(evaluation.url).content.decode()
    assert "Teens publish a zine and lead the next season." in html and "Another wording" not in html
    assert "Agreed by The zine crew on" in html
    api = client.get(f"/api/v2/pages/{evaluation.pk}/").json()
    assert api["success_definition"] == PROGRAM_SUCCESS
    assert (api["success_agreed_by"], api["success_agreed_on"]) == ("The zine crew", "2026-01-10")


def test_a_partnership_results_page_keeps_its_own_agreement(client, tree):
    partnership = make_partnership(tree["partnerships"], make_partner("Seniors Circle"))
    evaluation = make_evaluation(
        tree["evaluations"],
        partnership=partnership,
        success_definition="<p>Members call family on video.</p>",
    )
    html = client.get(evaluation.url).content.decode()
    assert "Members call family on video." in html and "Agreed by The planning group on" in html


def test_a_results_page_must_say_what_success_is_when_its_program_does_not(tree):
    program = make_program(tree["programs"], "Story time", success_looks_like="")
    page = EvaluationPage(
        title="Story time results",
        program=program,
        summary="How it went.",
        period_start=datetime.date(2026, 2, 1),
        period_end=datetime.date(2026, 6, 30),
    )
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert "Say what success looks like" in str(refused.value.message_dict["success_definition"])
    page.program = agreed_program(tree)
    page.clean()  # the program's page says it: nothing more is needed here


def test_success_agreed_after_the_first_session_is_a_warning_for_the_programs_editors(tree):
    on_time = agreed_program(tree)
    assert on_time.success_warnings() == []
    late = make_program(
        tree["programs"],
        "Late agreement",
        success_looks_like=PROGRAM_SUCCESS,
        success_agreed_on=datetime.date(2026, 3, 1),
    )
    start = timezone.make_aware(datetime.datetime(2026, 2, 3, 16))
    late.sessions.all().delete()
    ProgramSession.objects.create(program=late, start=start, end=start + datetime.timedelta(hours=2))
    [warning] = late.success_warnings()
    assert "agreed on Sunday 1 March 2026, after the first session on Tuesday 3 February 2026" in warning


def test_the_results_page_warns_about_a_late_agreement_and_a_second_wording(admin_client, tree):
    program = agreed_program(tree, agreed_on=datetime.date(2026, 2, 20))
    evaluation = make_evaluation(
        tree["evaluations"], program=program, success_definition="<p>Another wording</p>"
    )
    warnings = evaluation.success_warnings()
    assert len(warnings) == 2
    assert "The wording below is not shown" in warnings[0]
    # The period covered starts on 1 February, before the first session: the work began then.
    assert "after the start of the period covered on Sunday 1 February 2026" in warnings[1]
    html = admin_client.get(f"/admin/pages/{evaluation.pk}/edit/").content.decode()
    assert "The wording below is not shown" in html and 'class="help-block help-warning"' in html
    evaluation.success_definition = ""
    evaluation.period_start = datetime.date(2026, 3, 1)
    assert [w for w in evaluation.success_warnings() if "first session" in w]


def test_no_warning_shows_when_success_was_agreed_in_time(admin_client, tree):
    evaluation = make_evaluation(tree["evaluations"], program=agreed_program(tree), success_definition="")
    assert evaluation.success_warnings() == []
    html = admin_client.get(f"/admin/pages/{evaluation.pk}/edit/").content.decode()
    assert "Success was agreed on" not in html and "The wording below is not shown" not in html
