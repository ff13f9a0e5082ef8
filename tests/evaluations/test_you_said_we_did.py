"""'You said, we did': what people told us, linked to what changed, on the page and in the API."""

import pytest

from clpages.models import EvaluationResponse
from tests.builders import make_evaluation, make_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluation(tree):
    evaluation = make_evaluation(tree["evaluations"], program=make_program(tree["programs"], "Homework club"))
    EvaluationResponse.objects.create(
        evaluation=evaluation,
        sort_order=0,
        you_said="More help in <b>Dari</b>.",
        we_did="A Dari-speaking tutor joined.",
    )
    EvaluationResponse.objects.create(
        evaluation=evaluation,
        sort_order=1,
        you_said="Open on Saturdays.",
        we_did="We have no staff on Saturdays yet.",
        status="not_possible",
    )
    evaluation.save_revision().publish()
    return evaluation


def test_each_thing_said_is_shown_with_what_was_done_in_order(client, evaluation):
    html = client.get(evaluation.url).content.decode()
    section = html[html.index('<h2 id="responses-heading">You said, we did</h2>') :]
    assert "More help in &lt;b&gt;Dari&lt;/b&gt;." in section and "<b>Dari" not in html
    first, second = section.split('<li class="response">')[1:3]
    assert (
        "You said:</span> More help in" in first and "We did:</span> A Dari-speaking tutor joined." in first
    )
    assert "We could not, because:</span> We have no staff on Saturdays yet." in second
    assert "Not possible, and why" in second


def test_the_api_gives_the_pairs_with_their_status(client, evaluation):
    data = client.get(f"/api/v2/pages/{evaluation.pk}/").json()
    assert [(r["you_said"], r["status"]["value"]) for r in data["responses"]] == [
        ("More help in <b>Dari</b>.", "done"),
        ("Open on Saturdays.", "not_possible"),
    ]


def test_a_page_without_any_says_nothing_about_it(client, tree):
    evaluation = make_evaluation(tree["evaluations"], program=make_program(tree["programs"], "Story time"))
    assert "You said, we did" not in client.get(evaluation.url).content.decode()
