"""The spread of answers a results and learning page shows, from the questions' stored tallies.

Only closed questions with a fixed set of answers (agreement, yes or no, a choice) are spread;
numbers and free text are not. A question is left out until it has
``CLPAGES_SURVEY_MIN_ANSWERS`` answers, as its figure is, so that nobody can be picked out.
"""

from clpages.conf import setting
from clpages.joining import AnswerSpread
from clpages.surveys.models import SurveyQuestion
from clpages.surveys.vocabulary import AGREEMENT_SCALE, YES_NO, QuestionKind

SPREAD_KINDS = [kind for kind in QuestionKind if kind not in (QuestionKind.NUMBER, QuestionKind.TEXT)]


def _choices(question):
    if question.is_agreement:
        return AGREEMENT_SCALE
    if question.kind == QuestionKind.YES_NO:
        return YES_NO
    return [(option, option) for option in question.option_list()]


def answer_spreads(evaluation_id):
    """[AnswerSpread] of the page's public surveys, in one query whatever their number."""
    questions = (
        SurveyQuestion.objects.filter(
            survey__evaluation_id=evaluation_id,
            survey__approved_at__isnull=False,
            tally__answers__gte=setting("CLPAGES_SURVEY_MIN_ANSWERS"),
            kind__in=[
                *(kind for kind in QuestionKind if kind not in (QuestionKind.NUMBER, QuestionKind.TEXT))
            ],
        )
        .select_related("survey", "tally")
        .order_by("survey__created_at", "survey__pk", "sort_order", "pk")
    )
    return [
        AnswerSpread(
            question=question.wording,
            survey=question.survey.title,
            options=[(label, question.tally.counts.get(key, 0)) for key, label in _choices(question)],
            answers=question.tally.answers,
        )
        for question in questions
    ]
