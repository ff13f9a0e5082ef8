"""A report costs the same queries for 3 programs (or measures, or next steps) as for 12."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clpages.models import PartnershipNextStep
from clpages.registrations.models import Registration
from tests.builders import (
    build_partner_world,
    make_evaluation,
    make_measure,
    make_partner,
    make_partnership,
    make_program,
)
from tests.reports.helpers import REPORTS, body, url

pytestmark = pytest.mark.django_db


def _add(tree, count):
    """``count`` programs, each with two partners, a date ahead taking registrations with one
    taken, a results page with two measures and a partnership with an overdue next step."""
    start = (timezone.now() + datetime.timedelta(days=4)).replace(microsecond=0)
    for _ in range(count):
        partners = [make_partner(), make_partner()]
        session = {"registration": "site", "capacity": 8}
        program = make_program(
            tree["programs"],
            partners=partners,
            sessions=[(start, start + datetime.timedelta(hours=1), session)],
            quick=True,
        )
        date = program.occurrences.get()
        Registration.objects.create(
            session=date.session,
            date_key=date.key,
            status="confirmed",
            places=2,
            name="N",
            email="n@example.org",
        )
        evaluation = make_evaluation(tree["evaluations"], program=program)
        for name in ("Came back", "Read at home"):
            make_measure(evaluation, name, results=[(datetime.date(2026, 3, 1), 4, "")], target=5)
        partnership = make_partnership(tree["partnerships"], partners[0])
        PartnershipNextStep.objects.create(
            partnership=partnership,
            what="Call",
            who="Edith",
            when=timezone.localdate() - datetime.timedelta(days=2),
        )


def _queries(client, address):
    client.get(address)  # per-process caches filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
        body(response)  # a download is streamed: its rows are read as it is sent
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_reports_cost_the_same_queries_for_more_rows(client, tree):
    world = build_partner_world(tree)
    client.force_login(world["editor"])
    addresses = [
        address
        for name in REPORTS
        for address in (url(name), url(name) + "?export=csv", url(name) + "?export=xlsx")
    ]
    _add(tree, 3)
    few = {address: _queries(client, address) for address in addresses}
    _add(tree, 9)
    many = {address: _queries(client, address) for address in addresses}
    assert many == few
