"""After answering a survey or a listening question, people can ask to hear back once, on the
thank-you page itself; a partnership's question, whose page has no results to share, offers none."""

import pytest
from django.urls import reverse

from tests.builders import make_partnership
from tests.listening.conftest import ask
from tests.listening.conftest import world as world  # noqa: F401
from tests.surveys.conftest import surveyed as surveyed  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_listening_thank_you_offers_to_hear_back_about_the_program(client, world):  # noqa: F811
    program = world["a_program"]
    html = client.get(reverse("clpages_listening:thanks", args=[ask(program).pk])).content.decode()
    assert f'action="{reverse("clpages:hear_back", args=[program.pk])}"' in html
    assert "csrfmiddlewaretoken" in html and "Tell me once" in html


def test_a_partnerships_thank_you_offers_no_hearing_back(client, tree, world):  # noqa: F811
    partnership = make_partnership(tree["partnerships"], world["org_a"])
    html = client.get(reverse("clpages_listening:thanks", args=[ask(partnership).pk])).content.decode()
    assert "Thank you for your answer" in html and "Tell me once" not in html


def test_the_survey_thank_you_offers_to_hear_back_about_its_results_page(client, surveyed):  # noqa: F811
    evaluation = surveyed["evaluation"]
    html = client.get(reverse("clpages_surveys:thanks", args=[surveyed["survey"].pk])).content.decode()
    assert f'action="{reverse("clpages:hear_back", args=[evaluation.pk])}"' in html
    assert "csrfmiddlewaretoken" in html
