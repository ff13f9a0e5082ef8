"""What must stay private never reaches a public page: private contacts, unconsented quotes."""

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Page

from clpages.models import CommunityPartner, EvaluationQuote

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def public_pages(demo_module):
    """Every public page of the demo library, fetched once for the module's tests, which only read."""
    client = Client()
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        pages[page.url] = response.content.decode()
    return pages


def test_unconsented_quotes_are_on_no_public_page(public_pages):
    unconsented = list(EvaluationQuote.objects.filter(consent=False).values_list("text", flat=True))
    consented = list(EvaluationQuote.objects.filter(consent=True).values_list("text", flat=True))
    assert unconsented and consented
    everything = "\n".join(public_pages.values())
    for text in unconsented:
        assert text not in everything
    # The consented ones are published, so the check above is not passing by accident.
    assert any(text.replace("'", "&#x27;") in everything for text in consented)


def test_private_partner_contacts_are_on_no_public_page(public_pages):
    everything = "\n".join(public_pages.values())
    # Translations carry no private contact: the organisations in the default language hold them.
    for name, email, phone in CommunityPartner.objects.filter(locale__language_code="en").values_list(
        "contact_name", "contact_email", "contact_phone"
    ):
        assert email and email not in everything
        assert name and name not in everything
        assert phone and phone not in everything
    assert "Northside Youth Collective" in everything


def test_listening_answers_are_public_only_when_promoted_with_consent(public_pages):
    answers = apps.get_model("clpages_listening", "ListeningAnswer").objects
    shown = list(answers.filter(status="promoted", consent=True).values_list("text", flat=True))
    unshown = list(answers.exclude(status="promoted", consent=True).values_list("text", flat=True))
    assert shown and unshown
    everything = "\n".join(public_pages.values())
    for text in unshown:
        assert text not in everything
    assert all(text in everything for text in shown)
