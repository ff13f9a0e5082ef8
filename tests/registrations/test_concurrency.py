"""No overbooking: fifty people ask for the last ten places at the same moment.

Real server processes (gunicorn, several workers and threads) on one database, each request from
its own browser-like client (its own CSRF cookie), all released at once. Exactly ten are
confirmed, forty wait in order, nobody is lost and every request gets an answer.
"""

import datetime
import json
import threading

import pytest
from django.utils import timezone

from clpages.models import ProgramSession
from tests.builders import build_site, make_program, servers

PEOPLE = 50
PLACES = 10


@pytest.fixture
def full_session(live_db, tmp_path):
    tree = build_site()
    start = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    program = make_program(tree["programs"], "Seed swap", sessions=0)
    session = ProgramSession.objects.create(
        program=program,
        start=start,
        end=start + datetime.timedelta(hours=2),
        address="12 River Road, Riverbend",
        registration="site",
        capacity=PLACES,
        places_per_registration=1,
    )
    return servers.database_url(tmp_path), session


def _register(base, path, email, answers):
    answers[email] = servers.send_form(
        base, path, lambda html: {"name": "Someone", "email": email, "places": "1"}
    )


def _counts(environment):
    script = (
        "import json; from clpages.registrations.models import Registration as R;"
        "print(json.dumps(list(R.objects.order_by('created_at', 'pk').values_list('email', 'status'))))"
    )
    return json.loads(servers.run_in_site(environment, script).strip().splitlines()[-1])


def test_fifty_people_for_ten_places_at_once_get_exactly_ten_places(full_session, tmp_path):
    database_url, session = full_session
    environment = servers.environment(
        database_url,
        page_cache_seconds="0",
        REGISTRATION_RATE="1000/h",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    path = f"/register/{session.pk}/{session.occurrences.get().key}/"
    running, answers = [], {}
    try:
        servers.start_servers(running, [environment], tmp_path, workers=3, threads=4)
        servers.wait_until_ready(running[0])
        base = running[0][1]
        threads = [
            threading.Thread(target=_register, args=(base, path, f"person{n}@example.org", answers))
            for n in range(PEOPLE)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        servers.stop(running)

    assert sorted(answers) == sorted(f"person{n}@example.org" for n in range(PEOPLE))
    assert set(answers.values()) == {302}, answers  # each was sent on to their registration
    rows = _counts(environment)
    statuses = [status for _, status in rows]
    assert len(rows) == PEOPLE
    assert statuses.count("confirmed") == PLACES
    assert statuses.count("waitlisted") == PEOPLE - PLACES
    # First come, first served: the ten who got places are the first ten saved.
    assert statuses[:PLACES] == ["confirmed"] * PLACES
