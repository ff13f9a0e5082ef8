"""A survey's answers as a spreadsheet (CSV), for library staff: anonymous, as they were given.

One row per response, numbered in the order they came, with the day and whether it was on paper;
no database id, time of day or anything else that could point at a person. Free text is typed
by the public, so every cell goes through ``safe_cell``.
"""

import csv
import io

from clpages.spreadsheets import safe_cell
from clpages.surveys.models import SurveyAnswer
from clpages.surveys.vocabulary import AGREEMENT_SCALE, YES_NO, QuestionKind

AGREEMENT_WORDS = dict(AGREEMENT_SCALE)
YES_NO_WORDS = dict(YES_NO)


def _in_words(question, answer):
    if question.kind == QuestionKind.CHOICE:
        return answer.option
    if question.kind == QuestionKind.TEXT:
        return answer.text
    if answer.value is None:
        return ""
    if question.is_agreement:
        return AGREEMENT_WORDS.get(str(int(answer.value)), "")
    if question.kind == QuestionKind.YES_NO:
        return YES_NO_WORDS.get(str(int(answer.value)), "")
    return f"{answer.value.normalize():f}"


def answers_csv(survey):
    """The survey's responses as CSV text, one column per question, in a fixed number of queries."""
    questions = survey.ordered_questions()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Response", "Answered on", "On paper", *[safe_cell(q.wording) for q in questions]])
    answers = SurveyAnswer.objects.filter(response__survey=survey).select_related("response")
    by_response = {}
    for answer in answers.order_by("response__answered_on", "response_id", "pk").iterator(chunk_size=2000):
        by_response.setdefault(answer.response_id, (answer.response, {}))[1][answer.question_id] = answer
    position = {question.pk: question for question in questions}
    for number, (response, given) in enumerate(by_response.values(), start=1):
        cells = [_in_words(position[q.pk], given[q.pk]) if q.pk in given else "" for q in questions]
        writer.writerow(
            [
                number,
                response.answered_on.isoformat(),
                "Yes" if response.on_paper else "No",
                *map(safe_cell, cells),
            ]
        )
    return out.getvalue()
