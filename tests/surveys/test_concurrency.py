"""Answers sent at the same moment are each counted once: thirty people answer through real
server processes (gunicorn, several workers and threads) on one database, all released at once."""

import json
import re
import threading

import pytest

from tests.builders import build_site, make_evaluation, make_measure, make_program, servers
from tests.surveys.conftest import build_survey

PEOPLE = 30


@pytest.fixture
def open_survey(live_db, tmp_path):
    tree = build_site()
    program = make_program(tree["programs"], "Seed swap", sessions=0)
    evaluation = make_evaluation(tree["evaluations"], program=program)
    measure = make_measure(evaluation, "Learned something new", kind="survey", unit="%")
    survey = build_survey(evaluation, [{"kind": "learned", "feeds": measure, "feed_as": "share"}])
    return servers.database_url(tmp_path), survey


def _answer(base, path, n, statuses):
    def fields(html):
        # Every third person disagrees: 20 of 30 agree.
        return {re.search(r'name="(q\d+)"', html).group(1): "2" if n % 3 == 0 else "5"}

    statuses[n] = servers.send_form(base, path, fields)


def _stored(environment):
    script = (
        "import json; from clpages.surveys.models import QuestionTally as T, SurveyResponse as R;"
        "from clpages.models import MeasureResult as M; t = T.objects.get();"
        "print(json.dumps([R.objects.count(), t.answers, t.counted, t.counts,"
        " [(str(m.value), m.answers) for m in M.objects.filter(source='survey')]]))"
    )
    return json.loads(servers.run_in_site(environment, script).strip().splitlines()[-1])


def test_thirty_answers_at_once_are_each_counted_once(open_survey, tmp_path):
    database_url, survey = open_survey
    environment = servers.environment(database_url, page_cache_seconds="0", SURVEY_RATE="1000/h")
    path = f"/survey/{survey.pk}/"
    running, statuses = [], {}
    try:
        servers.start_servers(running, [environment], tmp_path, workers=3, threads=4)
        servers.wait_until_ready(running[0])
        base = running[0][1]
        threads = [threading.Thread(target=_answer, args=(base, path, n, statuses)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        servers.stop(running)

    assert set(statuses.values()) == {302}, statuses
    responses, answers, counted, counts, results = _stored(environment)
    assert (responses, answers, counted) == (PEOPLE, PEOPLE, 20)
    assert counts == {"2": 10, "5": 20}
    assert results == [["66.67", PEOPLE]]
