"""Patrons register on the library's website: places, the waiting list, their own link."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from clpages.registrations.models import Registration, RegistrationStatus
from clpages.registrations.places import date_key_for

pytestmark = pytest.mark.django_db


def form_url(session):
    date = session.occurrences.get()
    return reverse("clpages_registrations:register", args=[session.pk, date_key_for(session, date)])


def answers(**overrides):
    return {"name": "Amina Yusuf", "email": "amina@example.org", "phone": "", "places": "2", **overrides}


def taken(session, places):
    """Places someone registered for earlier."""
    date_key = date_key_for(session, session.occurrences.get())
    Registration.objects.create(
        session=session, date_key=date_key, status="confirmed", places=places, name="A", email="a@example.org"
    )


def emailed_link(message):
    return re.search(r"https?://[^\s]+/register/yours/[^\s]+/", message.body).group(0)


def test_the_program_page_shows_places_left_and_links_the_form(client, registering):
    program, session = registering(capacity=10)
    taken(session, 3)
    html = client.get(program.url).content.decode()
    assert "7 places left" in html
    assert f'href="{form_url(session)}"' in html
    assert "Ask at the library" not in html


def test_registering_confirms_emails_the_date_and_a_link_and_shows_the_registration(client, registering):
    program, session = registering(capacity=10)
    response = client.post(form_url(session), answers(step_free_access="on"))
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.places == 2
    assert registration.step_free_access
    assert response.status_code == 302 and response["Location"].startswith("/register/yours/")
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    filename, ical, content_type = message.attachments[0]
    assert (filename, content_type) == (f"{program.slug}.ics", "text/calendar")
    assert "BEGIN:VEVENT" in (ical.decode() if isinstance(ical, bytes) else ical)
    assert emailed_link(message).endswith(response["Location"].split("?")[0])
    page = client.get(response["Location"]).content.decode()
    assert "You are registered" in page and "Step-free access" in page
    assert "8 places left" in client.get(program.url).content.decode()


def test_when_full_patrons_join_the_waiting_list_and_a_cancellation_confirms_the_first(client, registering):
    program, session = registering(capacity=2)
    client.post(form_url(session), answers(email="first@example.org"))
    assert "Join the waiting list" in client.get(program.url).content.decode()
    client.post(form_url(session), answers(email="second@example.org", places="1"))
    client.post(form_url(session), answers(email="third@example.org", places="1"))
    first, second, third = Registration.objects.order_by("pk")
    assert [r.status for r in (first, second, third)] == ["confirmed", "waitlisted", "waitlisted"]
    first_link = emailed_link(mail.outbox[0]).split("testserver", 1)[-1]

    mail.outbox.clear()
    assert client.post(first_link, {"action": "cancel"}).status_code == 302
    for registration in (first, second, third):
        registration.refresh_from_db()
    assert first.status == "cancelled"
    assert (second.status, third.status) == ("confirmed", "confirmed")
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "first@example.org": "Your registration is cancelled: Family storytime",
        "second@example.org": "A place came free: you are registered for Family storytime",
        "third@example.org": "A place came free: you are registered for Family storytime",
    }


def test_registering_twice_with_one_address_says_so_and_sends_the_link_again(client, registering):
    program, session = registering()
    client.post(form_url(session), answers())
    mail.outbox.clear()
    response = client.post(form_url(session), answers(email="AMINA@example.org", places="1"))
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert Registration.objects.count() == 1 and Registration.objects.get().places == 2
    (message,) = mail.outbox
    assert "/register/yours/" in message.body


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"email": "not an address"}, "email", "Enter an email address like name@example.org."),
        ({"places": "9"}, "places", "One registration can hold up to 4 places."),
        ({"places": "0"}, "places", "Ask for at least 1 place."),
        ({"interpreter": "on"}, "interpreter_language", "Tell us which language the interpreter should use."),
    ],
)
def test_bad_input_says_what_to_fix_keeps_what_was_typed_and_saves_nothing(
    client, registering, overrides, field, message
):
    program, session = registering()
    typed = answers(other_needs="A chair near the door <b>please</b>", **overrides)
    response = client.post(form_url(session), typed)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'value="Amina Yusuf"' in html or overrides.get("name") == ""
    assert "A chair near the door &lt;b&gt;please&lt;/b&gt;</textarea>" in html
    assert not Registration.objects.exists() and not mail.outbox


def test_asking_for_more_places_than_are_left_says_how_many_are(client, registering):
    program, session = registering(capacity=3)
    client.post(form_url(session), answers(email="b@example.org", places="2"))
    response = client.post(form_url(session), answers(places="2"))
    assert response.status_code == 400
    assert "Only 1 place is left. Ask for 1 or fewer." in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_honeypot_refuses_and_keeps_what_was_typed(client, registering):
    program, session = registering()
    response = client.post(form_url(session), answers(website="http://spam.example"))
    assert response.status_code == 400
    assert "leave the last field empty" in response.content.decode()
    assert 'value="Amina Yusuf"' in response.content.decode()
    assert not Registration.objects.exists()


def test_too_many_registrations_from_one_client_are_refused_with_their_text_kept(
    client, registering, settings
):
    settings.CLPAGES_REGISTRATION_RATE = "2/h"
    program, session = registering()
    for number in range(2):
        client.post(form_url(session), answers(email=f"person{number}@example.org", places="1"))
    response = client.post(form_url(session), answers(email="third@example.org", places="1"))
    assert response.status_code == 429
    assert "Too many registrations" in response.content.decode()
    assert 'value="third@example.org"' in response.content.decode()
    assert Registration.objects.count() == 2


def test_a_closed_cancelled_or_unknown_registration_is_refused_clearly(client, registering):
    import datetime

    from django.utils import timezone

    program, session = registering(registration_closes=timezone.now() - datetime.timedelta(hours=1))
    response = client.post(form_url(session), answers())
    assert "Registration for this session has closed." in response.content.decode()
    assert not Registration.objects.exists()
    assert "Registration for this session has closed." in client.get(program.url).content.decode()

    other, cancelled = registering(title="Cancelled circle", status="cancelled")
    response = client.post(form_url(cancelled), answers())
    assert "This session is cancelled." in response.content.decode()
    assert (
        client.get(reverse("clpages_registrations:register", args=[cancelled.pk, "nope"])).status_code == 404
    )


def test_an_altered_link_changes_nothing_and_says_so(client, registering):
    program, session = registering()
    response = client.post(form_url(session), answers())
    path = response["Location"].split("?")[0]
    # One character of the signature changed.
    altered = path[:-6] + ("A" if path[-6] != "A" else "B") + path[-5:]
    response = client.post(altered, {"action": "cancel"})
    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()
    assert Registration.objects.get().status == "confirmed"


def test_access_needs_and_contacts_never_reach_a_public_page(client, registering):
    program, session = registering()
    client.post(form_url(session), answers(other_needs="Wheelchair space", phone="555 0100"))
    feeds = [reverse("clpages:programs_rss"), reverse("clpages:programs_atom"), program.url + "calendar.ics"]
    calendar = tree_url = program.get_parent().url
    public = [
        program.url,
        calendar,
        tree_url + "calendar/",
        tree_url + "calendar.ics",
        "/sitemap.xml",
        *feeds,
    ]
    public += [
        "/api/v2/pages/?type=clpages.ProgramPage&fields=*",
        f"/api/v2/pages/{program.pk}/",
        "/search/?q=storytime",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for secret in ("Wheelchair space", "amina@example.org", "Amina Yusuf", "555 0100"):
            assert secret not in html, (url, secret)


def test_a_page_showing_places_is_never_stored_by_the_page_cache(client, registering, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    program, session = registering(capacity=5)
    first = client.get(program.url)
    assert "5 places left" in first.content.decode()
    assert "no-cache" in first["Cache-Control"]
    taken(session, 1)
    assert "4 places left" in client.get(program.url).content.decode()


def test_the_listing_card_says_full_once_registrations_take_every_place(client, registering, tree):
    program, session = registering(capacity=3)
    listing = client.get(tree["programs"].url).content.decode()
    card = listing[listing.index(program.title) :]
    assert "badge--full" not in card[: card.find("</article>")]
    taken(session, 3)
    listing = client.get(tree["programs"].url).content.decode()
    card = listing[listing.index(program.title) :]
    assert '<span class="badge badge--full">Full</span>' in card[: card.find("</article>")]


def test_a_visitor_without_cookies_gets_a_working_form_with_the_page_cache_on(registering, settings):
    settings.CLPAGES_PAGE_CACHE_SECONDS = 300
    program, session = registering()
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(program.url)
    form = visitor.get(form_url(session))
    assert "X-Page-Cache" not in form and "csrftoken" in form.cookies
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode()).group(1)
    response = visitor.post(form_url(session), answers(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert Registration.objects.get().email == "amina@example.org"
    # Without the form's token (a forged request from another site) nothing is saved.
    stranger = Client(enforce_csrf_checks=True)
    assert stranger.post(form_url(session), answers(email="x@example.org")).status_code == 403
    assert Registration.objects.count() == 1
