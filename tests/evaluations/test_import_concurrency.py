"""Two people confirming the same file at the same moment import it once: the second confirmation
waits for the first and then finds its rows already recorded."""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection

from clpages.measures import importing
from clpages.models import MeasureResult, ResultSource
from tests.builders import build_partner_world, build_site, make_evaluation, make_measure
from tests.evaluations.test_import_admin import GOOD

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_confirmations_at_once_import_the_file_once(live_db, monkeypatch):
    world = build_partner_world(build_site())
    evaluation = make_evaluation(world["evaluations"], program=world["a_program"])
    make_measure(evaluation, results=[(datetime.date(2026, 3, 1), Decimal(7), "")])
    make_measure(evaluation, name="Stories shared", kind="story")
    checked_then = importing.preview

    def slow_preview(*args):
        # The first confirmation holds its checked rows a while before writing them, so the
        # second one comes in between unless it waits.
        result = checked_then(*args)
        time.sleep(0.5)
        return result

    monkeypatch.setattr(importing, "preview", slow_preview)
    outcomes = []

    def confirm():
        try:
            importing.commit(evaluation, GOOD, world["editor"])
            outcomes.append("imported")
        except importing.ImportRefused:
            outcomes.append("refused")
        except DatabaseError:  # SQLite refuses a second writer outright
            outcomes.append("locked")
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("imported") == 1, outcomes
    assert MeasureResult.objects.filter(source=ResultSource.IMPORT).count() == 2
