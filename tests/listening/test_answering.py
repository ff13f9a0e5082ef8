"""Answering a page's question on the public site: no account, refusals that keep what was typed,
and what the page shows afterwards."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from clpages.listening.models import AnswerStatus, ListeningAnswer
from clpages.stages import Stage
from tests.builders import make_evaluation, make_partnership, make_program
from tests.listening.conftest import answer, ask

pytestmark = pytest.mark.django_db


def url(question):
    return reverse("clpages_listening:answer", args=[question.pk])


def posted(world, **changes):
    return {"text": "Somewhere warm to meet.", "credit": "Samira", "language": world["english"].pk, **changes}


def test_a_program_page_links_to_its_open_question(client, world):
    question = ask(world["a_program"], "What matters to you about story time?")
    page = client.get(world["a_program"].url).content.decode()
    assert "What matters to you about story time?" in page
    assert f'href="{url(question)}"' in page


@pytest.mark.parametrize(
    "question_fields", [{"approved": False}, {"is_open": False}], ids=["waiting for approval", "closed"]
)
def test_a_question_not_approved_or_closed_is_not_asked(client, world, question_fields):
    question = ask(world["a_program"], "Unseen question?", **question_fields)
    assert "Unseen question?" not in client.get(world["a_program"].url).content.decode()
    assert client.get(url(question)).status_code == 404


def test_a_program_delivering_its_service_no_longer_asks(client, world):
    program = make_program(world["programs"], "Running club", stage=Stage.DELIVER, sessions=0)
    question = ask(program, "Still asking?")
    assert "Still asking?" not in client.get(program.url).content.decode()
    assert client.get(url(question)).status_code == 404


def test_partnership_and_evaluation_pages_ask_too(client, world):
    partnership = make_partnership(world["partnerships"], world["org_a"])
    evaluation = make_evaluation(world["evaluations"], program=world["a_program"])
    ask(partnership, "What should we do together next?")
    ask(evaluation, "What changed for you?")
    assert "What should we do together next?" in client.get(partnership.url).content.decode()
    assert "What changed for you?" in client.get(evaluation.url).content.decode()


def test_the_form_is_never_cached_and_says_what_happens_to_the_answer(client, world):
    response = client.get(url(ask(world["a_program"])))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    body = response.content.decode()
    assert "erase it" in body and "30 days" in body
    assert 'name="consent"' in body and 'name="website"' in body and "csrfmiddlewaretoken" in body


def test_an_answer_is_saved_for_moderation_with_its_language_and_consent(client, world):
    question = ask(world["a_program"])
    response = client.post(url(question), posted(world, language=world["arabic"].pk, consent="on"))
    assert response.status_code == 302
    assert response["Location"] == reverse("clpages_listening:thanks", args=[question.pk])
    saved = ListeningAnswer.objects.get()
    assert (saved.text, saved.credit, saved.language, saved.consent, saved.status) == (
        "Somewhere warm to meet.",
        "Samira",
        world["arabic"],
        True,
        AnswerStatus.NEW,
    )
    assert "Thank you" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"text": ""}, "Write your answer, in any language."),
        ({"text": "x" * 2001}, "2,000 characters or fewer"),
        ({"credit": "c" * 101}, "100 characters or fewer"),
        ({"text": "<script>alert(1)</script> hello"}, "Please write in plain words"),
        ({"text": "click <a href=x onclick=steal()>me</a>"}, "Please write in plain words"),
        ({"text": "tea\x00time"}, "invisible control characters"),
        ({"text": "!!!??? ... ###"}, "Please write your answer in words."),
        ({"credit": "Sam\nBcc: everyone"}, "must fit on one line"),
        ({"language": ""}, "Choose the language you wrote in."),
        ({"language": "999999"}, "Choose a language from the list."),
    ],
    ids=[
        "empty",
        "too long",
        "credit too long",
        "script",
        "markup",
        "nul",
        "symbols",
        "credit lines",
        "no language",
        "unknown language",
    ],
)
def test_bad_input_is_refused_with_a_message_keeping_what_was_typed(client, world, changes, message):
    question = ask(world["a_program"])
    data = posted(world, **{"credit": "Keep me typed", **changes})
    response = client.post(url(question), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "What you typed is kept below." in body
    assert 'value="Keep me typed"' in body if "credit" not in changes else "Somewhere warm to meet." in body
    assert not ListeningAnswer.objects.exists()


def test_the_honeypot_refuses_and_saves_nothing(client, world):
    response = client.post(url(ask(world["a_program"])), posted(world, website="http://spam.example"))
    assert response.status_code == 400
    assert "Please leave the last field empty" in response.content.decode()
    assert "Somewhere warm to meet." in response.content.decode()
    assert not ListeningAnswer.objects.exists()


@override_settings(CLPAGES_LISTENING_RATE="2/h")
def test_answers_from_one_client_are_limited(client, world):
    cache.clear()
    question = ask(world["a_program"])
    assert [client.post(url(question), posted(world)).status_code for _ in range(3)] == [302, 302, 429]
    refused = client.post(url(question), posted(world, text="One more thought."))
    assert "Many answers have come from this connection" in refused.content.decode()
    assert "One more thought." in refused.content.decode()
    assert ListeningAnswer.objects.count() == 2


def test_only_promoted_answers_with_consent_show_in_their_language(client, world):
    question = ask(world["a_program"])
    answer(
        question,
        "مكان هادئ للدراسة",
        credit="Layla",
        language=world["arabic"],
        consent=True,
        status=AnswerStatus.PROMOTED,
    )
    answer(question, "Kept for the team only", consent=True, status=AnswerStatus.KEPT)
    answer(question, "Promoted without consent", consent=False, status=AnswerStatus.PROMOTED)
    answer(question, "Hidden", consent=True, status=AnswerStatus.HIDDEN)
    body = client.get(world["a_program"].url).content.decode()
    assert '<blockquote lang="ar" dir="rtl"><p>مكان هادئ للدراسة</p></blockquote>' in body
    assert "Layla" in body and "What we heard" in body
    for unseen in ("Kept for the team only", "Promoted without consent", "Hidden"):
        assert unseen not in body


def test_a_program_quote_shows_on_its_evaluation_and_is_escaped(client, world):
    evaluation = make_evaluation(world["evaluations"], program=world["a_program"])
    question = ask(world["a_program"])
    answer(
        question,
        "Fish & chips > pizza",
        credit="<b>Bo</b>",
        language=world["english"],
        consent=True,
        status=AnswerStatus.PROMOTED,
    )
    body = client.get(evaluation.url).content.decode()
    assert '<blockquote lang="en" dir="auto"><p>Fish &amp; chips &gt; pizza</p></blockquote>' in body
    assert "&lt;b&gt;Bo&lt;/b&gt;" in body and "<b>Bo</b>" not in body


@override_settings(CLPAGES_PAGE_CACHE_SECONDS=300)
def test_promoting_an_answer_shows_on_the_next_view_with_the_page_cache_on(
    client, world, django_capture_on_commit_callbacks
):
    from clpages.listening.moderation import moderate

    cache.clear()
    question = ask(world["a_program"])
    waiting = answer(question, "Longer opening hours", consent=True)
    assert "Longer opening hours" not in client.get(world["a_program"].url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        moderate(waiting.pk, "promote", world["editor"])
    assert "Longer opening hours" in client.get(world["a_program"].url).content.decode()
