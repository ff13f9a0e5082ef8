"""The demo library has one results and learning page fed by a survey with enough answers."""

from decimal import Decimal

import pytest

from clpages.models import MeasureResult
from clpages.surveys.models import QuestionTally, Survey, SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_module, db):
    return None


def test_the_demo_survey_feeds_its_measure_from_consistent_tallies(demo, client):
    survey = Survey.objects.get(title="How was Play and Learn in the Park?")
    assert survey.is_public and survey.responses.count() == 23
    learned = survey.questions.get(kind="learned")
    tally = QuestionTally.objects.get(question=learned)
    # 18 of the 23 parents agreed or strongly agreed.
    assert (tally.answers, tally.counted) == (23, 18)
    assert sum(tally.counts.values()) == tally.answers == learned.answers.count()
    (result,) = MeasureResult.objects.filter(source="survey")
    assert (result.value, result.answers) == (Decimal("78.26"), 23)
    assert result.measure.name == "Parents who learned something to try at home"
    page = client.get("/community/evaluations/play-and-learn-summer-season/").content.decode()
    assert "From 23 answers to the after-session survey" in page
    assert client.get(f"/survey/{survey.pk}/").status_code == 200
    assert SurveyResponse.objects.filter(on_paper=True).count() == 0
