"""A program page people registered for (a date still ahead) is not deleted, alone, with a page
above it, or in bulk: the editor is told to cancel the dates first, and nothing changes."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from clpages.registrations.models import Registration
from tests.builders import make_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("librarian", "librarian@example.org", "pw"))
    return client


def _register(session, places=1, email="amina@example.org"):
    return Registration.objects.create(
        session=session, date_key=session.occurrences.get().key, status="confirmed", places=places,
        name="Amina", email=email,
    )  # fmt: skip


def _bulk_delete(client, *pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{url}?{query}&next=/admin/pages/", {}, follow=True)


def _said(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_deleting_a_program_people_registered_for_is_refused_with_what_to_do(editor, registering):
    program, session = registering()
    _register(session, places=3)
    response = editor.post(reverse("wagtailadmin_pages:delete", args=[program.pk]), follow=True)
    said = response.content.decode()
    assert "3 people are registered for dates still ahead of “Family storytime”" in said
    assert "Cancel those dates first" in said and "Nothing was deleted." in said
    assert Page.objects.filter(pk=program.pk).exists()
    assert Registration.objects.filter(session=session, status="confirmed").count() == 1
    # Asking for the delete screen says it before anyone confirms.
    response = editor.get(reverse("wagtailadmin_pages:delete", args=[program.pk]))
    assert response.status_code == 302 and "cannot be deleted" in _said(response)


def test_deleting_a_page_above_a_program_people_registered_for_is_refused(editor, registering, tree):
    program, session = registering()
    _register(session)
    index = tree["programs"]
    response = editor.post(reverse("wagtailadmin_pages:delete", args=[index.pk]), follow=True)
    assert "1 person is registered for dates still ahead of" in response.content.decode()
    assert "or the pages below it" in response.content.decode()
    assert Page.objects.filter(pk__in=[index.pk, program.pk]).count() == 2
    assert Registration.objects.count() == 1


def test_bulk_deleting_a_program_people_registered_for_is_refused(editor, registering, tree):
    program, session = registering()
    _register(session, places=2)
    other = make_program(tree["programs"], "Seed library")
    response = _bulk_delete(editor, program, other)
    said = response.content.decode()
    assert "2 people are registered for dates still ahead of the pages chosen" in said
    assert Page.objects.filter(pk__in=[program.pk, other.pk]).count() == 2
    assert Registration.objects.count() == 1
    _bulk_delete(editor, tree["programs"])
    assert Page.objects.filter(pk__in=[tree["programs"].pk, program.pk]).count() == 2


def test_registrations_for_dates_that_are_over_do_not_stop_a_deletion(editor, tree):
    start = timezone.now() - datetime.timedelta(days=2)
    program = make_program(
        tree["programs"],
        "Last week's storytime",
        sessions=[(start, start + datetime.timedelta(hours=1), {"registration": "site", "capacity": 10})],
    )
    _register(program.sessions.get())
    cancelled = make_program(tree["programs"], "Seed library", sessions=[])
    response = editor.post(reverse("wagtailadmin_pages:delete", args=[program.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=program.pk).exists()
    _bulk_delete(editor, cancelled)
    assert not Page.objects.filter(pk=cancelled.pk).exists()


def test_a_cancelled_registration_does_not_stop_a_deletion(editor, registering):
    program, session = registering()
    registration = _register(session)
    registration.status = "cancelled"
    registration.save()
    _bulk_delete(editor, program)
    assert not Page.objects.filter(pk=program.pk).exists()
