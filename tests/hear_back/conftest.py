import re

import pytest
from django.core import mail

from clpages.models import HearBackRequest
from tests.builders import make_evaluation, make_program

ADDRESS = "reader@example.org"
LINK = re.compile(r"https?://\S+/hear-back/confirm/\S+/")


@pytest.fixture
def results(tree):
    """A program's results page, published, with nothing found yet."""
    program = make_program(tree["programs"], "Homework club")
    return make_evaluation(tree["evaluations"], program=program, title="How homework club went")


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run ``do()`` and what waits for its commit (the emails); tests run in a rolled-back
    transaction, which would otherwise send nothing."""

    def run(do):
        with django_capture_on_commit_callbacks(execute=True):
            return do()

    return run


@pytest.fixture
def ask(client, sent):
    def post(page, email=ADDRESS, **extra):
        data = {"hear_back-email": email, "hear_back-website": "", **extra}
        return sent(lambda: client.post(f"/hear-back/{page.pk}/", data))

    return post


@pytest.fixture
def confirmed(ask, client):
    """Ask about ``page`` and confirm from the emailed link; the outbox is emptied after."""

    def confirm(page, email=ADDRESS):
        ask(page, email)
        link = confirm_link(mail.outbox[-1])
        client.post(link, {"action": "confirm"})
        mail.outbox.clear()
        return HearBackRequest.objects.get(page=page, email=email)

    return confirm


def confirm_link(message):
    return LINK.search(message.body).group(0)


def publish(sent, page, **changes):
    """Publish ``page`` (a fresh copy of its latest revision) with ``changes``, emails included."""
    page = page.get_latest_revision().as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    sent(lambda: page.save_revision().publish())
    return page
