"""A session people registered for cannot be removed in the page editor: cancelling tells them."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clpages.models import ProgramSession
from clpages.registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("librarian", "librarian@example.org", "pw"))
    return client


def _edit_form(program, session, delete):
    fields = {
        "id": session.pk,
        "start": session.start.strftime("%Y-%m-%d %H:%M"),
        "end": session.end.strftime("%Y-%m-%d %H:%M"),
        "location": "",
        "address": session.address,
        "format": session.format,
        "online_url": "",
        "registration": session.registration,
        "registration_url": "",
        "capacity": session.capacity or "",
        "places_per_registration": session.places_per_registration,
        "status": session.status,
        "repeat": "none",
        "repeat_until": "",
        "repeat_count": "",
        "exceptions": inline_formset([]),
        "ORDER": "1",
    }
    if delete:
        fields["DELETE"] = "1"
    return nested_form_data(
        {
            "title": program.title,
            "slug": program.slug,
            "summary": program.summary,
            "stage": str(program.stage),
            "kind": program.kind,
            "body": streamfield([]),
            "community_goals": rich_text(""),
            "success_looks_like": rich_text(""),
            "tags": "",
            "is_free": "on",
            "sessions": inline_formset([fields], initial=1),
            "comments": inline_formset([]),
        }
    )


def test_removing_a_session_people_registered_for_is_refused_with_what_to_do(editor, registering):
    program, session = registering(capacity=10)
    Registration.objects.create(
        session=session, date_key=session.occurrences.get().key, status="confirmed", places=3, name="A",
        email="a@example.org",
    )  # fmt: skip
    url = reverse("wagtailadmin_pages:edit", args=(program.pk,))
    response = editor.post(url, _edit_form(program, session, delete=True) | {"action-publish": "1"})
    assert response.status_code == 200
    assert "3 people are registered for the session on" in response.content.decode()
    assert "set its status to Cancelled" in response.content.decode()
    assert ProgramSession.objects.filter(pk=session.pk).exists()
    assert Registration.objects.count() == 1


def test_a_session_nobody_registered_for_can_be_removed(editor, registering):
    program, session = registering(capacity=10)
    url = reverse("wagtailadmin_pages:edit", args=(program.pk,))
    response = editor.post(url, _edit_form(program, session, delete=True) | {"action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not ProgramSession.objects.filter(pk=session.pk).exists()
