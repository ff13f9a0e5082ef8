import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.builders import make_program


@pytest.fixture
def registering(tree):
    """A program whose one session takes 10 registrations on this website, three days ahead."""

    def build(capacity=10, title="Family storytime", **fields):
        start = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
        session = {"registration": "site", "capacity": capacity, **fields}
        program = make_program(
            tree["programs"], title, sessions=[(start, start + datetime.timedelta(hours=1), session)]
        )
        return program, program.sessions.get()

    return build


@pytest.fixture(autouse=True)
def _requests_commit(monkeypatch, django_capture_on_commit_callbacks):
    """Each test request runs what waits for its transaction's commit (the emails) as it ends.

    Tests run inside one transaction that is rolled back, so nothing would be sent otherwise.
    """
    request = Client.request

    def committed_request(self, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(self, **kwargs)

    monkeypatch.setattr(Client, "request", committed_request)
