"""Answers are erased a set number of days after they arrive; a quote shown with consent keeps
only what its page shows."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from clpages.listening.models import AnswerStatus, ListeningAnswer
from clpages.listening.retention import erase_answers
from tests.listening.conftest import answer, ask

pytestmark = pytest.mark.django_db


def aged(saved, days):
    ListeningAnswer.objects.filter(pk=saved.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )
    return saved


@pytest.fixture
def answers(world):
    question = ask(world["a_program"])
    return {
        **world,
        "old": aged(answer(question, "Old words", credit="Ola", language=world["english"]), 31),
        "old_kept": aged(answer(question, "Old kept", consent=True, status=AnswerStatus.KEPT), 31),
        "old_quote": aged(
            answer(
                question,
                "Old quote",
                credit="Q",
                language=world["arabic"],
                consent=True,
                status=AnswerStatus.PROMOTED,
            ),
            31,
        ),
        "recent": aged(answer(question, "Recent words", credit="Rae"), 29),
    }


def test_answers_older_than_the_kept_days_are_erased_and_quotes_keep_what_is_shown(answers):
    assert erase_answers() == 2
    old = ListeningAnswer.objects.get(pk=answers["old"].pk)
    assert (old.text, old.credit, old.erased_at is not None) == ("", "", True)
    assert old.language == answers["english"]  # counts by language stay, with no words
    assert ListeningAnswer.objects.get(pk=answers["old_kept"].pk).text == ""
    quote = ListeningAnswer.objects.get(pk=answers["old_quote"].pk)
    assert (quote.text, quote.credit, quote.language, quote.erased_at) == (
        "Old quote",
        "Q",
        answers["arabic"],
        None,
    )
    assert ListeningAnswer.objects.get(pk=answers["recent"].pk).text == "Recent words"
    assert erase_answers() == 0


def test_a_quote_no_longer_shown_is_erased_on_the_next_run(answers):
    ListeningAnswer.objects.filter(pk=answers["old_quote"].pk).update(status=AnswerStatus.HIDDEN)
    erase_answers()
    assert ListeningAnswer.objects.get(pk=answers["old_quote"].pk).text == ""


@override_settings(CLPAGES_LISTENING_KEEP_DAYS=7)
def test_the_command_erases_by_the_setting_and_prints_a_count_only(answers, capsys):
    call_command("run_listening")
    printed = capsys.readouterr().out
    assert printed == "Listening answers erased (7 days after they arrived): 3.\n"
    assert ListeningAnswer.objects.exclude(text="").count() == 1  # the quote


def test_an_erased_answer_cannot_be_promoted_and_shows_as_erased(answers):
    from clpages.listening.moderation import Refused, moderate

    erase_answers()
    with pytest.raises(Refused):
        moderate(answers["old_kept"].pk, "promote", answers["editor"])
    client = Client()
    client.force_login(answers["editor"])
    from django.urls import reverse

    body = client.get(
        reverse("clpages_listening_admin:answers", args=[answers["old"].question_id]), {"shown": "all"}
    ).content.decode()
    assert "Erased after the time we keep answers." in body and "Old words" not in body


def test_answers_never_reach_the_api_feeds_or_sitemap(answers, client):
    answer(answers["old"].question, "Secret words", credit="Hidden Person")
    for url in (
        "/api/v2/pages/?type=clpages.ProgramPage&fields=*",
        f"/api/v2/pages/{answers['a_program'].pk}/",
        "/sitemap.xml",
        "/feeds/programs/rss/",
        "/feeds/programs/atom/",
    ):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        for words in ("Secret words", "Hidden Person", "Recent words", "Old quote"):
            assert words not in body, (url, words)
