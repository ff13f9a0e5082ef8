"""Which pages ask, how a question's state reads, and a language's tag."""

import pytest
from django.contrib.auth.models import AnonymousUser

from clpages.listening.access import access_for
from clpages.listening.languages import tag_of
from clpages.listening.models import AnswerStatus
from clpages.listening.pages import asking_pages, may_ask
from clpages.models import Language
from clpages.stages import Stage
from tests.builders import make_evaluation, make_partnership, make_program, make_user
from tests.listening.conftest import answer, ask

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stage, asks", [(stage, stage <= Stage.PLAN) for stage in Stage])
def test_programs_ask_in_their_first_three_stages(world, stage, asks):
    program = make_program(world["programs"], stage=stage, sessions=0)
    assert may_ask(program) is asks
    assert may_ask(program.page_ptr) is asks  # as Wagtail's Page too
    assert (program.pk in set(asking_pages().values_list("pk", flat=True))) is asks


def test_partnerships_and_evaluations_ask_and_partners_choose_among_their_own(world):
    partnership = make_partnership(world["partnerships"], world["org_b"])
    evaluation = make_evaluation(world["evaluations"], program=world["a_program"])
    assert may_ask(partnership) and may_ask(evaluation) and not may_ask(world["programs"])
    own = set(asking_pages(frozenset({world["org_a"].pk})).values_list("pk", flat=True))
    assert own == {world["a_program"].pk, world["ab_program"].pk, evaluation.pk}


def test_a_question_says_where_it_stands(world):
    assert ask(world["a_program"], approved=False).status_label == "Waiting for the library's approval"
    assert ask(world["a_program"]).status_label == "Open for answers"
    assert ask(world["a_program"], is_open=False).status_label == "Closed"


def test_only_an_answer_with_consent_and_words_can_be_quoted(world):
    question = ask(world["a_program"])
    assert answer(question, consent=True).can_be_quoted
    assert not answer(question, consent=False).can_be_quoted
    assert not answer(question, text="", consent=True, status=AnswerStatus.KEPT).can_be_quoted


@pytest.mark.parametrize(
    "name, tag",
    [("Arabic", ("ar", "rtl")), ("dari ", ("prs", "rtl")), ("French", ("fr", "")), ("Klingon", ("", ""))],
)
def test_a_language_name_gives_its_tag_and_direction(db, name, tag):
    assert tag_of(Language(name=name)) == tag
    assert tag_of(None) == ("", "")


def test_access_for_people_outside_listening(world):
    assert not access_for(AnonymousUser()).sees_anything
    assert not access_for(make_user("nobody")).sees_anything
    boss = access_for(make_user("boss", is_superuser=True))
    assert boss.sets_questions and boss.moderates and boss.scope is None
    partner = access_for(world["partner_a"])
    assert partner.scope == frozenset({world["org_a"].pk})
    assert partner.moderates_answers_of(world["ab_program"]) and not partner.moderates_answers_of(
        world["b_program"]
    )
    assert not partner.approves()


def test_editors_are_given_the_listening_rights_and_partner_groups_none(world):
    from django.contrib.auth.models import Group

    from clpages.partners.roles import EDITORS_GROUP, PARTNERS_GROUP

    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    listening = {"change_listeningquestion", "view_listeninganswer", "change_listeninganswer"}
    assert listening <= codenames(EDITORS_GROUP)
    assert not listening & codenames(PARTNERS_GROUP)


def test_without_the_listening_app_editors_are_given_no_rights_for_it(monkeypatch):
    from clpages.partners import roles

    monkeypatch.setattr(roles.apps, "is_installed", lambda name: name != "clpages.listening")
    assert not [p for p in roles.editor_model_permissions() if p[0] == "clpages_listening"]
    assert [p for p in roles.editor_model_permissions() if p[0] == "clpages_registrations"]
