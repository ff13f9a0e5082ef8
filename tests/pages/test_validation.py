"""Impossible sessions and evaluations are refused with a clear message; nothing is saved."""

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clpages.models import EvaluationPage, ProgramPage, ProgramSession
from tests.builders import make_location, make_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("librarian", "librarian@example.org", "pw")
    client.force_login(user)
    return client


def _session(start, end, location):
    return {
        "start": start,
        "end": end,
        "location": location.pk,
        "address": "",
        "format": "in_person",
        "online_url": "",
        "registration": "none",
        "registration_url": "",
        "places_per_registration": "4",
        "capacity": "",
        "status": "scheduled",
    }


def _program_form(title, sessions):
    return nested_form_data(
        {
            "title": title,
            "slug": "reading-circle",
            "summary": "A reading circle planned with newcomer families.",
            "stage": "3",
            "body": streamfield([]),
            "community_goals": rich_text(""),
            "success_looks_like": rich_text(""),
            "tags": "",
            "is_free": "on",
            "sessions": inline_formset(sessions),
            "comments": inline_formset([]),
        }
    )


def test_session_ending_before_it_starts_is_refused_on_create(editor_client, tree):
    location = make_location()
    data = _program_form("Reading circle", [_session("2026-12-01 18:00", "2026-12-01 17:00", location)])
    url = reverse("wagtailadmin_pages:add", args=("clpages", "programpage", tree["programs"].pk))
    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert not ProgramPage.objects.filter(title="Reading circle").exists()
    assert ProgramSession.objects.count() == 0
    html = response.content.decode()
    assert "The session must end after it starts." in html
    # What the editor typed is still in the form.
    assert "A reading circle planned with newcomer families." in html
    assert "2026-12-01 18:00" in html


def test_session_ending_before_it_starts_is_refused_on_edit(editor_client, tree):
    location = make_location()
    program = make_program(tree["programs"], "Seed library", location=location)
    session = program.sessions.get()
    revisions = Revision.objects.count()
    data = _program_form(
        "Seed library (changed)", [_session("2026-12-01 18:00", "2026-12-01 18:00", location)]
    )
    data["sessions-0-id"] = session.pk
    data["sessions-INITIAL_FORMS"] = 1
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=(program.pk,)), data)

    assert response.status_code == 200
    assert "The session must end after it starts." in response.content.decode()
    program.refresh_from_db()
    assert program.title == "Seed library"
    assert Revision.objects.count() == revisions
    session.refresh_from_db()
    assert session.end > session.start


def test_in_person_session_needs_a_place_and_online_session_a_link():
    session = ProgramSession(start="2026-12-01T18:00Z", end="2026-12-01T19:00Z", format="hybrid")
    with pytest.raises(Exception) as excinfo:
        session.clean()
    errors = excinfo.value.message_dict
    assert errors["location"] == ["Choose a location or enter an address for an in-person session."]
    assert errors["online_url"] == ["Add the online link for an online session."]


def test_external_registration_needs_a_link():
    session = ProgramSession(
        start="2026-12-01T18:00Z",
        end="2026-12-01T19:00Z",
        format="in_person",
        address="Park",
        registration="external",
    )
    with pytest.raises(Exception) as excinfo:
        session.clean()
    assert excinfo.value.message_dict == {"registration_url": ["Add the link where people register."]}


def _evaluation_form(**overrides):
    data = {
        "title": "Spring results",
        "slug": "spring-results",
        "program": "",
        "partnership": "",
        "summary": "How spring went.",
        "success_definition": rich_text("Families feel welcome."),
        "success_agreed_by": "The parents' group",
        "success_agreed_on": "2026-01-10",
        "period_start": "2026-03-01",
        "period_end": "2026-06-30",
        "findings": rich_text(""),
        "what_changed": rich_text(""),
        "measures": inline_formset([]),
        "quotes": inline_formset([]),
        "responses": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_evaluation_without_program_or_partnership_is_refused(editor_client, tree):
    url = reverse("wagtailadmin_pages:add", args=("clpages", "evaluationpage", tree["evaluations"].pk))
    response = editor_client.post(url, _evaluation_form())

    assert response.status_code == 200
    assert not EvaluationPage.objects.exists()
    html = response.content.decode()
    assert "Choose the program or the partnership these results are about." in html
    assert "The parents&#x27; group" in html


def test_evaluation_period_must_not_end_before_it_starts(editor_client, tree):
    program = make_program(tree["programs"])
    url = reverse("wagtailadmin_pages:add", args=("clpages", "evaluationpage", tree["evaluations"].pk))
    response = editor_client.post(url, _evaluation_form(program=program.pk, period_end="2026-02-01"))

    assert response.status_code == 200
    assert not EvaluationPage.objects.exists()
    assert "The period covered must end on or after the day it starts." in response.content.decode()


def test_valid_evaluation_of_a_program_is_saved(editor_client, tree):
    program = make_program(tree["programs"])
    url = reverse("wagtailadmin_pages:add", args=("clpages", "evaluationpage", tree["evaluations"].pk))
    response = editor_client.post(url, _evaluation_form(program=program.pk))

    assert response.status_code == 302
    assert EvaluationPage.objects.get().program_id == program.pk
