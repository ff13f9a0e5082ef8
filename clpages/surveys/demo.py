"""A demo survey with its answers, stored through the same tallies as every answer.

For the demo library (home/demo): the answers are made in bulk (``record_many``), so the tallies,
the answers and the measure's one result agree exactly as if each had been sent from the form.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from clpages.surveys.models import Survey, SurveyQuestion
from clpages.surveys.tallies import Given, record_many


def add_demo_survey(evaluation, data, first_day):
    """The survey ``data`` describes, on ``evaluation``, with its answers from ``first_day`` on.

    ``data["questions"]``: SurveyQuestion fields, "feeds" naming one of the page's measures.
    ``data["answers"]``: one tuple per person, a value for each question in order (None: skipped).
    """
    measures = {measure.name: measure for measure in evaluation.measures.all()}
    survey = Survey.objects.create(
        evaluation=evaluation,
        title=data["title"],
        kind=data.get("kind", "immediate"),
        introduction=data.get("introduction", ""),
        is_open=True,
        approved_at=timezone.now(),
    )
    questions = []
    for order, fields in enumerate(data["questions"]):
        fields = dict(fields)
        feeds = measures.get(fields.pop("feeds", None))
        questions.append(
            SurveyQuestion.objects.create(survey=survey, sort_order=order, feeds=feeds, **fields)
        )
    responses = []
    for number, row in enumerate(data["answers"]):
        given = {}
        for question, value in zip(questions, row, strict=True):
            if value is None:
                continue
            if question.kind == "choice":
                given[question] = Given(option=value)
            elif question.kind == "text":
                given[question] = Given(text=value)
            else:
                given[question] = Given(value=Decimal(value))
        # A few answers a day, over the weeks after the session.
        responses.append((first_day + datetime.timedelta(days=number // 3), given))
    record_many(survey, responses)
    return survey
