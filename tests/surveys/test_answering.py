"""The public survey: anonymous, refused with a message and nothing saved when it must be, and
counted on the results page at once, page cache on."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from clpages.surveys.models import QuestionTally, SurveyAnswer, SurveyResponse
from clpages.surveys.tallies import Given, record_many

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    # The rate limit counts in the cache: each test starts with none sent.
    cache.clear()


def url(survey):
    return reverse("clpages_surveys:answer", args=[survey.pk])


def answers(world, agreement="4", text=""):
    q = world["questions"]
    return {f"q{q['agreement'].pk}": agreement, f"q{q['learned'].pk}": "5", f"q{q['text'].pk}": text}


def nothing_saved():
    return (
        SurveyResponse.objects.count() == 0
        and SurveyAnswer.objects.count() == 0
        and not any(tally.answers for tally in QuestionTally.objects.all())
    )


def test_the_form_asks_no_name_and_groups_each_scale_under_its_question(client, surveyed):
    response = client.get(url(surveyed["survey"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="name"' not in html and 'type="email"' not in html
    assert "<legend>I felt welcome.</legend>" in html
    assert html.count('type="radio"') == 5 + 2 + 3 + 5
    # Own questions come first, the standard outcome after them.
    assert html.index("I felt welcome.") < html.index("I learned something new.")
    assert "no-cache" in response["Cache-Control"]
    assert "csrftoken" in response.cookies


def test_an_answer_is_stored_without_who_sent_it(client, surveyed):
    response = client.post(
        url(surveyed["survey"]), answers(surveyed, text="More maths, please"), REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("clpages_surveys:thanks", args=[surveyed["survey"].pk])
    stored = SurveyResponse.objects.get()
    assert sorted(f.name for f in stored._meta.concrete_fields) == ["answered_on", "id", "on_paper", "survey"]
    assert "203.0.113.9" not in str(list(SurveyAnswer.objects.values_list("option", "text")))
    assert QuestionTally.objects.get(question=surveyed["questions"]["agreement"]).answers == 1
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_a_survey_post_shows_the_new_figure_on_the_next_view_with_the_page_cache_on(surveyed, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    survey, page_url = surveyed["survey"], surveyed["evaluation"].url
    rows = [(datetime.date(2026, 4, 1), {surveyed["questions"]["agreement"]: Given(value=Decimal(4))})] * 4
    record_many(survey, rows)
    visitor = Client()
    assert visitor.get(page_url)["X-Page-Cache"] == "miss"
    assert visitor.get(page_url)["X-Page-Cache"] == "hit"
    assert "answers to the after-session survey" not in visitor.get(page_url).content.decode()

    assert Client().post(url(survey), answers(surveyed, agreement="5")).status_code == 302
    after = visitor.get(page_url)
    assert after["X-Page-Cache"] == "miss"
    assert "From 5 answers to the after-session survey" in after.content.decode()


def test_an_answer_that_changes_no_figure_leaves_the_page_cache_alone(surveyed, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    page_url = surveyed["evaluation"].url
    visitor = Client()
    visitor.get(page_url)
    # One answer: below the minimum, so nothing public changed.
    assert Client().post(url(surveyed["survey"]), answers(surveyed)).status_code == 302
    assert visitor.get(page_url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("agreement", "7", "Please choose one of the answers."),
        ("text", "x" * 2001, "Please keep your answer under 2000 characters."),
        ("text", "Hello\x00there", "Please remove the unusual characters from your answer."),
        ("text", "https://a.example https://b.example https://c.example", "at most 2 web addresses"),
        ("text", "!!!! ???? ////", "Please write your answer in words"),
    ],
)
def test_bad_input_is_refused_with_a_message_nothing_saved_and_the_typing_kept(
    client, surveyed, field, typed, message
):
    data = answers(surveyed, text="Kept words")
    data[f"q{surveyed['questions'][field].pk}"] = typed
    response = client.post(url(surveyed["survey"]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Nothing was saved yet" in html
    assert nothing_saved()
    if field != "text":
        assert "Kept words" in html


def test_a_number_out_of_range_is_refused(client, surveyed):
    data = answers(surveyed)
    data[f"q{surveyed['questions']['number'].pk}"] = "99999999"
    response = client.post(url(surveyed["survey"]), data)
    assert response.status_code == 400
    assert "Please enter a number up to 1,000,000." in response.content.decode()
    assert nothing_saved()


def test_an_empty_form_is_refused(client, surveyed):
    response = client.post(url(surveyed["survey"]), {})
    assert response.status_code == 400
    assert "Please answer at least one question." in response.content.decode()
    assert nothing_saved()


def test_the_hidden_field_filled_in_saves_nothing(client, surveyed):
    response = client.post(
        url(surveyed["survey"]), {**answers(surveyed, text="Kept words"), "website": "spam"}
    )
    assert response.status_code == 400
    assert "Please leave the last field empty." in response.content.decode()
    assert "Kept words" in response.content.decode()
    assert nothing_saved()


def test_an_oversized_post_is_refused_unread(client, surveyed):
    data = {**answers(surveyed), "padding": "x" * 50_000}
    response = client.post(url(surveyed["survey"]), data)
    assert response.status_code == 413
    assert "longer than this survey takes" in response.content.decode()
    assert nothing_saved()


def test_one_connection_sending_too_many_is_stopped(client, surveyed, settings):
    settings.CLPAGES_SURVEY_RATE = "2/h"
    for _ in range(2):
        assert client.post(url(surveyed["survey"]), answers(surveyed)).status_code == 302
    response = client.post(url(surveyed["survey"]), answers(surveyed, text="Kept words"))
    assert response.status_code == 429
    assert "Kept words" in response.content.decode()
    assert SurveyResponse.objects.count() == 2


def test_a_post_without_the_csrf_token_is_refused(surveyed):
    response = Client(enforce_csrf_checks=True).post(url(surveyed["survey"]), answers(surveyed))
    assert response.status_code == 403
    assert nothing_saved()


@pytest.mark.parametrize("change", ["unapproved", "closed", "draft_page"])
def test_a_survey_not_open_to_the_public_is_not_found(client, surveyed, change):
    survey = surveyed["survey"]
    if change == "unapproved":
        survey.approved_at = None
        survey.save()
    elif change == "closed":
        survey.is_open = False
        survey.save()
    else:
        surveyed["evaluation"].unpublish()
    assert client.get(url(survey)).status_code == 404
    assert client.post(url(survey), answers(surveyed)).status_code == 404
    assert nothing_saved()


def test_the_results_page_invites_its_readers_once_the_survey_opens_page_cache_on(surveyed, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    survey, page_url = surveyed["survey"], surveyed["evaluation"].url
    survey.approved_at = None
    survey.save()
    visitor = Client()
    assert "Tell us how it went" not in visitor.get(page_url).content.decode()
    assert visitor.get(page_url)["X-Page-Cache"] == "hit"
    survey.approved_at = survey.created_at
    survey.save()
    html = visitor.get(page_url).content.decode()
    assert "Tell us how it went" in html
    assert f'<a href="{url(survey)}">How was it?</a>' in html
