"""Figures from known answers: what each measure gets, and nothing until enough people answered."""

import datetime
from decimal import Decimal

import pytest

from clpages.models import EvaluationMeasure, MeasureResult
from clpages.surveys.models import QuestionTally, SurveyAnswer, SurveyQuestion, SurveyResponse
from clpages.surveys.tallies import Given, record_answers, record_many, refresh_figures

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 4, 10)

# Ten people's answers: (agreement, yes/no, number, choice, learned). None: skipped.
KNOWN = [
    (5, 1, 3, "A friend", 5),
    (4, 1, 1, "School", 4),
    (4, 0, 2, "A friend", 3),
    (3, 1, 6, "The library website", 2),
    (2, 0, 1, "A friend", 4),
    (5, 1, None, "School", 5),
    (1, 0, 2, None, 1),
    (4, 1, 4, "A friend", None),
    (5, 1, 2, "School", 4),
    (3, 0, 1, "A friend", 3),
]


def _given(world, row, text=""):
    q = world["questions"]
    agreement, yes, number, choice, learned = row
    given = {}
    if agreement is not None:
        given[q["agreement"]] = Given(value=Decimal(agreement))
    if yes is not None:
        given[q["yes_no"]] = Given(value=Decimal(yes))
    if number is not None:
        given[q["number"]] = Given(value=Decimal(number))
    if choice is not None:
        given[q["choice"]] = Given(option=choice)
    if learned is not None:
        given[q["learned"]] = Given(value=Decimal(learned))
    if text:
        given[q["text"]] = Given(text=text)
    return given


def _answer(world, rows, start=DAY):
    for offset, row in enumerate(rows):
        record_answers(world["survey"], _given(world, row), day=start + datetime.timedelta(days=offset))


def _survey_results(measure):
    return list(MeasureResult.objects.filter(measure=measure, source="survey"))


def test_ten_known_answers_give_each_measure_its_figure(surveyed):
    _answer(surveyed, KNOWN)
    measures = surveyed["measures"]
    (welcome,) = _survey_results(measures["welcome"])
    # (5+4+4+3+2+5+1+4+5+3) / 10
    assert welcome.value == Decimal("3.60")
    assert welcome.answers == 10
    assert welcome.date == DAY + datetime.timedelta(days=9)
    assert welcome.note == "From 10 answers to the after-session survey"
    (came_back,) = _survey_results(measures["came_back"])
    assert (came_back.value, came_back.answers) == (Decimal(6), 10)
    # 5 of the 9 who answered heard of it from a friend.
    (word,) = _survey_results(measures["word"])
    assert (word.value, word.answers) == (Decimal("55.56"), 9)
    # Agree or strongly agree: 5, 4, 4, 5, 4 of 9 answers.
    (learned,) = _survey_results(measures["learned"])
    assert (learned.value, learned.answers) == (Decimal("55.56"), 9)


def test_tallies_hold_counts_per_option_the_number_of_answers_and_the_sum(surveyed):
    _answer(surveyed, KNOWN)
    q = surveyed["questions"]
    agreement = QuestionTally.objects.get(question=q["agreement"])
    assert agreement.counts == {"1": 1, "2": 1, "3": 2, "4": 3, "5": 3}
    assert (agreement.answers, agreement.total, agreement.counted) == (10, Decimal(36), 6)
    number = QuestionTally.objects.get(question=q["number"])
    assert (number.answers, number.total) == (9, Decimal(22))
    choice = QuestionTally.objects.get(question=q["choice"])
    assert choice.counts == {"A friend": 5, "School": 3, "The library website": 1}
    # Free text is stored, never counted.
    assert not QuestionTally.objects.filter(question=q["text"]).exists()


def test_four_answers_give_no_figure_and_the_fifth_shows_one(surveyed):
    measure = surveyed["measures"]["welcome"]
    _answer(surveyed, KNOWN[:4])
    assert _survey_results(measure) == []
    assert EvaluationMeasure.objects.get(pk=measure.pk).latest_value is None
    _answer(surveyed, KNOWN[4:5], start=DAY + datetime.timedelta(days=4))
    (result,) = _survey_results(measure)
    # (5+4+4+3+2) / 5
    assert (result.value, result.answers) == (Decimal("3.60"), 5)
    assert EvaluationMeasure.objects.get(pk=measure.pk).latest_value == Decimal("3.60")


def test_the_minimum_is_a_setting_and_counts_each_question_apart(surveyed, settings):
    settings.CLPAGES_SURVEY_MIN_ANSWERS = 9
    _answer(surveyed, KNOWN)
    measures = surveyed["measures"]
    assert _survey_results(measures["welcome"])  # 10 answers
    assert _survey_results(measures["learned"])  # 9 answers
    settings.CLPAGES_SURVEY_MIN_ANSWERS = 10
    record_answers(surveyed["survey"], _given(surveyed, (None, None, None, "School", None)))
    # 10 answers now: 5 of 10 heard of it from a friend.
    assert [r.value for r in _survey_results(measures["word"])] == [Decimal("50.00")]


def test_more_answers_update_one_result_per_measure_and_survey(surveyed):
    _answer(surveyed, KNOWN[:5])
    measure = surveyed["measures"]["welcome"]
    (first,) = _survey_results(measure)
    _answer(surveyed, KNOWN[5:], start=DAY + datetime.timedelta(days=5))
    (result,) = _survey_results(measure)
    assert result.pk == first.pk
    assert (result.value, result.answers) == (Decimal("3.60"), 10)


def test_answers_stored_in_bulk_count_as_the_same_answers_one_by_one(surveyed):
    rows = [(DAY, _given(surveyed, row)) for row in KNOWN]
    record_many(surveyed["survey"], rows)
    assert SurveyResponse.objects.count() == 10
    assert SurveyAnswer.objects.count() == sum(1 for row in KNOWN for value in row if value is not None)
    assert [r.value for r in _survey_results(surveyed["measures"]["welcome"])] == [Decimal("3.60")]
    assert QuestionTally.objects.get(question=surveyed["questions"]["agreement"]).answers == 10


def test_a_question_no_longer_feeding_its_measure_takes_its_figure_away(surveyed):
    _answer(surveyed, KNOWN)
    question = SurveyQuestion.objects.get(pk=surveyed["questions"]["agreement"].pk)
    question.feeds = None
    question.save()
    refresh_figures(surveyed["survey"])
    assert _survey_results(surveyed["measures"]["welcome"]) == []


def test_a_question_removed_takes_its_figure_with_it(surveyed):
    _answer(surveyed, KNOWN)
    SurveyQuestion.objects.get(pk=surveyed["questions"]["learned"].pk).delete()
    assert _survey_results(surveyed["measures"]["learned"]) == []
    assert _survey_results(surveyed["measures"]["welcome"])


def test_the_results_page_costs_the_same_queries_with_5_answers_or_200(surveyed, client):
    from tests.builders import count_queries

    url = surveyed["evaluation"].url
    record_many(surveyed["survey"], [(DAY, _given(surveyed, row)) for row in KNOWN[:5]])
    few = count_queries(client, url)
    rows = [(DAY, _given(surveyed, KNOWN[n % 10], text=f"Answer {n}")) for n in range(195)]
    record_many(surveyed["survey"], rows)
    assert "From 200 answers to the after-session survey" in client.get(url).content.decode()
    assert count_queries(client, url) == few
