import pytest
from django.utils import timezone

from clpages.surveys.models import Survey, SurveyQuestion
from tests.builders import make_evaluation, make_measure, make_program


def build_survey(evaluation, questions, approved=True, **fields):
    """A survey of ``evaluation`` with ``questions`` (dicts of SurveyQuestion fields), in order."""
    fields.setdefault("title", "How was it?")
    survey = Survey.objects.create(
        evaluation=evaluation, is_open=True, approved_at=timezone.now() if approved else None, **fields
    )
    for order, question in enumerate(questions):
        SurveyQuestion.objects.create(survey=survey, sort_order=order, **question)
    return survey


@pytest.fixture
def surveyed(tree):
    """An evaluation with three measures, and an open, approved survey feeding each of them.

    Its questions, in the order asked: the community's own agreement (feeds "feel welcome" as a
    mean), yes/no (feeds "came back" as a count), a number, a choice (feeds "by word of mouth"
    as a share of "A friend"), free text; then the standard outcome "I learned something new"
    (feeds "learned" as a share agreeing).
    """
    program = make_program(tree["programs"], "Homework Help Club")
    evaluation = make_evaluation(tree["evaluations"], program=program, title="Homework Help Club: results")
    welcome = make_measure(evaluation, "Feel welcome", kind="survey")
    came_back = make_measure(evaluation, "Came back", kind="count")
    learned = make_measure(evaluation, "Learned something new", kind="survey", unit="%")
    word = make_measure(evaluation, "Heard of it from a friend", kind="survey", unit="%")
    survey = build_survey(
        evaluation,
        [
            {"kind": "agreement", "text": "I felt welcome.", "feeds": welcome, "feed_as": "mean"},
            {"kind": "yes_no", "text": "Will you come back?", "feeds": came_back, "feed_as": "count"},
            {"kind": "number", "text": "How many sessions did you come to?"},
            {
                "kind": "choice",
                "text": "How did you hear of it?",
                "options": "A friend\nThe library website\nSchool",
                "feeds": word,
                "feed_as": "share",
                "counted_option": "A friend",
            },
            {"kind": "text", "text": "Anything else you would like to tell us?"},
            {"kind": "learned", "feeds": learned, "feed_as": "share"},
        ],
    )
    questions = {q.kind: q for q in survey.questions.all()}
    return {
        "program": program,
        "evaluation": evaluation,
        "survey": survey,
        "questions": questions,
        "measures": {"welcome": welcome, "came_back": came_back, "learned": learned, "word": word},
    }
