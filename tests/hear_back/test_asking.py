"""Asking to hear back: double opt-in, the same page whether or not the address asked before,
and bad or automated input refused with nothing saved."""

import time
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from clpages.models import HearBackRequest
from tests.hear_back.conftest import ADDRESS, confirm_link

pytestmark = pytest.mark.django_db


def test_asking_saves_an_unconfirmed_request_and_emails_a_link_to_confirm(ask, results, settings):
    response = ask(results)
    assert response.status_code == 302
    assert response["Location"] == f"/hear-back/{results.pk}/sent/"
    request = HearBackRequest.objects.get()
    assert (request.page_id, request.email, request.confirmed_at) == (results.pk, ADDRESS, None)
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert confirm_link(message).startswith("http://localhost/hear-back/confirm/")
    assert "How homework club went" in message.subject


def test_the_form_page_is_never_cached_and_gives_a_working_csrf_cookie(client, results, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    response = client.get(f"/hear-back/{results.pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert settings.CSRF_COOKIE_NAME in response.cookies
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="hear_back-email"' in html
    assert "erase it unsent" in html


def test_only_public_programs_and_results_pages_can_be_asked_about(client, tree, results):
    assert client.get(f"/hear-back/{tree['hub'].pk}/").status_code == 404
    results.unpublish()
    assert client.get(f"/hear-back/{results.pk}/").status_code == 404
    assert client.get(f"/hear-back/{results.program_id}/").status_code == 200


def test_a_link_from_the_email_only_opens_a_page_with_a_button(ask, client, results):
    ask(results)
    response = client.get(confirm_link(mail.outbox[0]))
    assert response.status_code == 200
    assert 'value="confirm"' in response.content.decode()
    assert HearBackRequest.objects.get().confirmed_at is None


def test_pressing_the_button_confirms(ask, client, results):
    ask(results)
    response = client.post(confirm_link(mail.outbox[0]), {"action": "confirm"})
    assert response.status_code == 200
    assert "that is confirmed" in response.content.decode()
    assert HearBackRequest.objects.get().confirmed_at is not None


def test_the_other_button_erases_the_address(ask, client, results):
    ask(results)
    client.post(confirm_link(mail.outbox[0]), {"action": "forget"})
    assert not HearBackRequest.objects.exists()


def test_a_forged_confirmation_without_the_csrf_token_is_refused(ask, results):
    ask(results)
    response = Client(enforce_csrf_checks=True).post(confirm_link(mail.outbox[0]), {"action": "confirm"})
    assert response.status_code == 403
    assert HearBackRequest.objects.get().confirmed_at is None


def test_an_altered_link_explains_and_changes_nothing(ask, client, results):
    ask(results)
    link = confirm_link(mail.outbox[0])
    forged = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    for response in (client.get(forged), client.post(forged, {"action": "confirm"})):
        assert response.status_code == 404
        assert "This link no longer works" in response.content.decode()
    assert HearBackRequest.objects.get().confirmed_at is None


def test_a_link_older_than_the_confirmation_days_explains_and_changes_nothing(ask, client, results):
    ask(results)
    link = confirm_link(mail.outbox[0])
    eight_days_on = time.time() + 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_on):
        response = client.post(link, {"action": "confirm"})
    assert response.status_code == 404
    assert HearBackRequest.objects.get().confirmed_at is None


def test_a_link_to_an_erased_request_does_not_confirm_a_later_one(ask, client, results):
    ask(results)
    link = confirm_link(mail.outbox[0])
    HearBackRequest.objects.all().delete()
    ask(results)
    assert client.post(link, {"action": "confirm"}).status_code == 404
    assert HearBackRequest.objects.get().confirmed_at is None


def test_asking_again_adds_nothing_and_answers_the_same(ask, client, confirmed, results):
    first = ask(results)
    again = ask(results, email=ADDRESS.upper())
    assert HearBackRequest.objects.count() == 1
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    # The unconfirmed request gets its link again; a confirmed one nothing more.
    assert len(mail.outbox) == 2
    confirmed(results)
    mail.outbox.clear()
    after_confirming = ask(results)
    assert (after_confirming.status_code, after_confirming["Location"]) == (
        first.status_code,
        first["Location"],
    )
    assert mail.outbox == []
    assert HearBackRequest.objects.count() == 1
    sent_page = client.get(first["Location"]).content.decode()
    assert ADDRESS not in sent_page and "Check your email" in sent_page


def test_a_bad_address_is_explained_and_kept(ask, results):
    response = ask(results, email="reader at example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter an email address like name@example.org." in html
    assert 'value="reader at example"' in html
    assert not HearBackRequest.objects.exists() and mail.outbox == []


def test_a_filled_honeypot_is_refused_with_nothing_saved(ask, results):
    response = ask(results, **{"hear_back-website": "https://spam.example"})
    assert response.status_code == 400
    assert "leave the last field empty" in response.content.decode()
    assert not HearBackRequest.objects.exists() and mail.outbox == []


def test_one_client_asking_too_often_is_refused(ask, results, settings):
    settings.CLPAGES_HEAR_BACK_RATE = "2/h"
    assert [ask(results, email=f"reader{n}@example.org").status_code for n in range(3)] == [302, 302, 429]
    assert HearBackRequest.objects.count() == 2
    assert len(mail.outbox) == 2
