import pytest
from django.test import Client

from clpages.listening.models import AnswerStatus, ListeningAnswer, ListeningQuestion
from clpages.models import Language
from tests.builders import build_partner_world


@pytest.fixture
def world(tree):
    """The partner world, with English and Arabic in the language vocabulary."""
    return {
        **build_partner_world(tree),
        "english": Language.objects.create(name="English"),
        "arabic": Language.objects.create(name="Arabic"),
    }


def ask(page, text="What matters to you about this?", approved=True, **fields):
    from django.utils import timezone

    return ListeningQuestion.objects.create(
        page=page, text=text, approved_at=timezone.now() if approved else None, **fields
    )


def answer(question, text="A quiet place to study after school.", **fields):
    fields.setdefault("status", AnswerStatus.NEW)
    return ListeningAnswer.objects.create(question=question, text=text, **fields)


@pytest.fixture(autouse=True)
def _requests_commit(monkeypatch, django_capture_on_commit_callbacks):
    """Each test request runs what waits for its transaction's commit (a new page generation)."""
    request = Client.request

    def committed_request(self, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(self, **kwargs)

    monkeypatch.setattr(Client, "request", committed_request)
