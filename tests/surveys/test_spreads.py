"""A results page shows how the answers to each closed question were spread, from the tallies,
and only once enough people answered."""

import re

import pytest

from clpages.surveys.spreads import answer_spreads
from tests.builders import count_queries
from tests.surveys.test_tallies import KNOWN, _answer

pytestmark = pytest.mark.django_db


def spreads_by_question(evaluation):
    return {spread.question: spread for spread in answer_spreads(evaluation.pk)}


def test_ten_known_answers_are_spread_over_the_options_offered(surveyed):
    _answer(surveyed, KNOWN)
    spreads = spreads_by_question(surveyed["evaluation"])
    assert set(spreads) == {
        "I felt welcome.",
        "Will you come back?",
        "How did you hear of it?",
        "I learned something new.",
    }
    assert spreads["I felt welcome."].options == [
        ("Strongly disagree", 1),
        ("Disagree", 1),
        ("Neither agree nor disagree", 2),
        ("Agree", 3),
        ("Strongly agree", 3),
    ]
    assert spreads["Will you come back?"].options == [("Yes", 6), ("No", 4)]
    # One person skipped the choice: nine answers, in the order the options were offered.
    heard = spreads["How did you hear of it?"]
    assert (
        heard.options == [("A friend", 5), ("The library website", 1), ("School", 3)] and heard.answers == 9
    )


def test_a_question_with_fewer_answers_than_the_minimum_is_not_spread(surveyed, settings):
    _answer(surveyed, KNOWN[:4])
    assert spreads_by_question(surveyed["evaluation"]) == {}
    _answer(surveyed, KNOWN[4:5])
    assert "I felt welcome." in spreads_by_question(surveyed["evaluation"])
    settings.CLPAGES_SURVEY_MIN_ANSWERS = 6
    assert spreads_by_question(surveyed["evaluation"]) == {}


def test_the_page_draws_each_spread_with_its_words_and_never_free_text(client, surveyed):
    _answer(surveyed, KNOWN)
    surveyed["evaluation"].save_revision().publish()
    html = client.get(surveyed["evaluation"].url).content.decode()
    section = html[html.index('<h2 id="answers-heading">How people answered</h2>') :]
    assert section.count('<svg class="spread__svg"') == 4
    assert "<li>Yes: 6 answers (60%)</li>" in section and "<li>No: 4 answers (40%)</li>" in section
    titles = re.findall(r'aria-labelledby="(spread-\d+)"', section)
    assert all(f'<title id="{title}">' in section for title in titles) and len(set(titles)) == 4
    assert "Anything else you would like to tell us?" not in html


def test_the_spreads_cost_the_same_queries_whatever_the_number_of_answers(client, surveyed):
    _answer(surveyed, KNOWN[:5])
    url = surveyed["evaluation"].url
    few = count_queries(client, url)
    _answer(surveyed, KNOWN * 5)
    assert count_queries(client, url) == few
