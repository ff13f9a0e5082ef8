"""Answers counted as they come, and the one result each fed measure gets from a survey.

Every answer updates its question's stored tally in the transaction that stores the answer, with
the tally row locked (``select_for_update``; SQLite serialises writers with IMMEDIATE
transactions), so answers arriving at once are each counted once. A question that feeds a
measure then writes its figure to one ``MeasureResult`` (source "survey") from the tally alone:
no page and no answer ever reads every answer again. Until a question has
``CLPAGES_SURVEY_MIN_ANSWERS`` answers it has no figure, so nobody can be picked out of a few.

A figure that changed starts a new content generation (clpages.performance.cache), which is
what the page cache offers to make the evaluation page show it on the next request; an answer
that changes no public figure leaves the cache alone.
"""

import dataclasses
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from clpages.conf import setting
from clpages.models.results import MeasureResult, ResultSource
from clpages.performance.cache import new_generation
from clpages.surveys.models import QuestionTally, SurveyAnswer, SurveyQuestion, SurveyResponse
from clpages.surveys.vocabulary import AGREEING, FeedAs, QuestionKind

CENT = Decimal("0.01")


@dataclasses.dataclass(frozen=True)
class Given:
    """One answer to one question, as the form cleaned it."""

    value: Decimal | None = None
    option: str = ""
    text: str = ""


def _counted_as(question, given):
    """(the key its count is kept under, whether it counts as agreeing/yes/the counted option)."""
    if question.kind == QuestionKind.CHOICE:
        return given.option, given.option == question.counted_option
    if question.kind == QuestionKind.NUMBER:
        return None, False
    key = str(int(given.value))
    if question.is_agreement:
        return key, key in AGREEING
    return key, key == "1"


def add_to(tally, question, given, day):
    """Count one closed answer into the tally (in memory: the caller saves it, locked)."""
    key, counted = _counted_as(question, given)
    tally.answers += 1
    if given.value is not None:
        tally.total += given.value
    if counted:
        tally.counted += 1
    if key is not None:
        tally.counts[key] = tally.counts.get(key, 0) + 1
    if tally.latest is None or day > tally.latest:
        tally.latest = day


def figure(question, tally):
    """What the question's tally says as its measure asks (a share, mean or count), or None
    while too few people answered for the figure to be shown."""
    if tally is None or tally.answers < setting("CLPAGES_SURVEY_MIN_ANSWERS"):
        return None
    if question.feed_as == FeedAs.SHARE:
        value = Decimal(tally.counted * 100) / tally.answers
    elif question.feed_as == FeedAs.MEAN:
        value = Decimal(tally.total) / tally.answers
    elif question.feed_as == FeedAs.COUNT:
        value = Decimal(tally.total if question.kind == QuestionKind.NUMBER else tally.counted)
    else:
        return None
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def note_for(survey, answers):
    return f"From {answers} answers to the {survey.kind_noun}"


def _results_of(questions):
    ids = [question.result_id for question in questions if question.result_id]
    return MeasureResult.objects.in_bulk(ids) if ids else {}


def write_result(question, tally, current=None):
    """Make the question's one result (``current``, read by the caller) say what its tally says;
    True when what is public changed."""
    value = figure(question, tally) if question.feeds_id and tally is not None else None
    if value is None:
        if current is None:
            return False
        current.delete()
        question.result = None
        question.save(update_fields=["result"])
        return True
    fields = {
        "measure_id": question.feeds_id,
        "date": tally.latest,
        "value": value,
        "answers": tally.answers,
        "note": note_for(question.survey, tally.answers),
        "source": ResultSource.SURVEY,
    }
    if current is not None:
        if all(getattr(current, name) == wanted for name, wanted in fields.items()):
            return False
        for name, wanted in fields.items():
            setattr(current, name, wanted)
        current.save()
        return True
    question.result = MeasureResult.objects.create(**fields)
    question.save(update_fields=["result"])
    return True


def _lock(survey):
    """Lock the survey's row: answers to one survey take turns, so a question's first two answers
    cannot both make its tally, nor its figure's one result."""
    list(type(survey).objects.select_for_update().filter(pk=survey.pk).values_list("pk", flat=True))


def _locked_tallies(questions):
    ids = [question.pk for question in questions]
    existing = {
        t.question_id: t for t in QuestionTally.objects.select_for_update().filter(question_id__in=ids)
    }
    missing = [QuestionTally(question=question) for question in questions if question.pk not in existing]
    for tally in QuestionTally.objects.bulk_create(missing):
        existing[tally.question_id] = tally
    return existing


def _store(survey, responses, on_paper):
    """Store [(day, {question: Given})] and count them; True when a public figure changed."""
    _lock(survey)
    # Read once the lock is held: an answer that waited must see the result the one before it
    # made, or each would make its own.
    closed = [q for q in SurveyQuestion.objects.filter(survey=survey) if q.is_closed]
    tallies = _locked_tallies(closed)
    rows = SurveyResponse.objects.bulk_create(
        [SurveyResponse(survey=survey, answered_on=day, on_paper=on_paper) for day, _ in responses]
    )
    answers = []
    for row, (day, given_by_question) in zip(rows, responses, strict=True):
        for question, given in given_by_question.items():
            answers.append(
                SurveyAnswer(
                    response=row, question=question, value=given.value, option=given.option, text=given.text
                )
            )
            if question.is_closed:
                add_to(tallies[question.pk], question, given, day)
    SurveyAnswer.objects.bulk_create(answers, batch_size=500)
    QuestionTally.objects.bulk_update(tallies.values(), ["answers", "total", "counted", "counts", "latest"])
    results = _results_of(closed)
    changed = False
    for question in closed:
        question.survey = survey
        changed = write_result(question, tallies[question.pk], results.get(question.result_id)) or changed
    return changed


def refresh_figures(survey):
    """Write each question's figure again from its tally: after the survey's questions changed
    (a question feeding another measure, or none, or asked as a mean rather than a share)."""
    with transaction.atomic():
        questions = [q for q in survey.questions.all() if q.is_closed]
        tallies = {t.question_id: t for t in QuestionTally.objects.filter(question__in=questions)}
        results = _results_of(questions)
        changed = False
        for question in questions:
            question.survey = survey
            changed = (
                write_result(question, tallies.get(question.pk), results.get(question.result_id)) or changed
            )
        if changed:
            new_generation()
    return changed


def forget_figure(sender, instance, **kwargs):
    """A question removed takes its figure with it (connected to SurveyQuestion's pre_delete)."""
    if instance.result_id:
        MeasureResult.objects.filter(pk=instance.result_id).delete()
        new_generation()


def record_answers(survey, given_by_question, day=None, on_paper=False):
    """Store one person's answers and update every tally and fed measure, all or nothing."""
    return record_many(survey, [(day or timezone.localdate(), given_by_question)], on_paper=on_paper)


def record_many(survey, responses, on_paper=False):
    """Store many people's answers at once (paper answers, the demo, the benchmark)."""
    with transaction.atomic():
        changed = _store(survey, responses, on_paper)
        if changed:
            new_generation()
    return changed
