"""Outcome surveys at scale: one results and learning page whose survey has 10,000 answers, then
its page (uncached and cached) and a survey POST are timed.

The answers are stored through the survey app's own bulk function, so the tallies the page reads
agree with them; the page must cost the same with 10 answers or 10,000 (it reads tallies, never
every answer).
"""

import statistics
import time
from decimal import Decimal

from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench.measure import LIMIT_MS, Result, Target, measure_target
from clpages.models import EvaluationMeasure, EvaluationPage

ANSWERS = 10_000


def installed():
    return apps.is_installed("clpages.surveys")


def _given(n, questions):
    from clpages.surveys.tallies import Given

    agreement, yes_no, number, choice, text, learned = questions
    given = {
        agreement: Given(value=Decimal(1 + n % 5)),
        yes_no: Given(value=Decimal(n % 3 != 0)),
        number: Given(value=Decimal(n % 7)),
        choice: Given(option=("A friend", "The library", "School")[n % 3]),
        learned: Given(value=Decimal(1 + (n * 7) % 5)),
    }
    if n % 10 == 0:
        given[text] = Given(text=f"Answer number {n} in the person's own words.")
    return given


def surveyed_evaluation(catalogue):
    """The catalogue's first results and learning page, with a survey of ANSWERS answers (once)."""
    if hasattr(catalogue, "_surveyed"):
        return catalogue._surveyed
    from clpages.surveys.models import Survey, SurveyQuestion
    from clpages.surveys.tallies import record_many

    evaluation = EvaluationPage.objects.order_by("pk").first()
    measures = [
        EvaluationMeasure.objects.create(
            evaluation=evaluation, sort_order=n, name=name, kind="survey", unit=unit
        )
        for n, (name, unit) in enumerate(
            [("Felt welcome", ""), ("Will come back", "people"), ("Learned", "%")]
        )
    ]
    survey = Survey.objects.create(evaluation=evaluation, title="After the session", is_open=True)
    Survey.objects.filter(pk=survey.pk).update(approved_at=catalogue.now)
    specs = [
        {"kind": "agreement", "text": "I felt welcome.", "feeds": measures[0], "feed_as": "mean"},
        {"kind": "yes_no", "text": "Will you come back?", "feeds": measures[1], "feed_as": "count"},
        {"kind": "number", "text": "How many times did you come?"},
        {"kind": "choice", "text": "How did you hear of it?", "options": "A friend\nThe library\nSchool"},
        {"kind": "text", "text": "Anything else?"},
        {"kind": "learned", "feeds": measures[2], "feed_as": "share"},
    ]
    questions = [
        SurveyQuestion.objects.create(survey=survey, sort_order=n, **spec) for n, spec in enumerate(specs)
    ]
    day = catalogue.now.date()
    record_many(survey, [(day, _given(n, questions)) for n in range(ANSWERS)])
    catalogue._surveyed = (
        EvaluationPage.objects.get(pk=evaluation.pk),
        Survey.objects.get(pk=survey.pk),
        questions,
    )
    return catalogue._surveyed


def measure_survey(catalogue, repeat):
    """(the evaluation page's Result, the survey POST's Result)."""
    evaluation, survey, questions = surveyed_evaluation(catalogue)
    page = measure_target(
        Target(f"evaluation page, {ANSWERS:,} survey answers", lambda c: evaluation.url), catalogue, repeat
    )
    result = Result("survey POST", limit_ms=LIMIT_MS, url=f"/survey/{survey.pk}/")
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    agreement, yes_no, number, choice, text, learned = questions
    data = {
        f"q{agreement.pk}": "4",
        f"q{yes_no.pk}": "1",
        f"q{number.pk}": "2",
        f"q{choice.pk}": "A friend",
        f"q{text.pk}": "It was good to meet neighbours.",
        f"q{learned.pk}": "5",
    }
    with override_settings(CLPAGES_SURVEY_RATE="1000000/h"):
        status = client.post(result.url, data).status_code  # warm up
        if status != 302:
            result.note = f"not available (HTTP {status})"
            return page, result
        result.status = 200
        with CaptureQueriesContext(connection) as queries:
            client.post(result.url, data)
        result.queries = len(queries)
        wall, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.thread_time()
            client.post(result.url, data)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
        result.median_ms, result.cpu_ms = statistics.median(wall), statistics.median(cpu)
        # The page, cached before an answer, shows the new count on the next view.
        browser = Client(HTTP_HOST="localhost")
        browser.get(evaluation.url)
        client.post(result.url, data)
        count = survey.responses.count()
        shown = f"From {count:,} answers".replace(",", "") in browser.get(evaluation.url).content.decode()
        result.note = f"figure updated on the next view ({count} answers)" if shown else "figure NOT updated"
    return page, result
