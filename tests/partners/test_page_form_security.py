"""The page form refuses what an author may not submit: nothing changes, and the form says why."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clpages.blocks import RICH_TEXT_FEATURES
from clpages.models import CommunityPartner, ProgramPage, ProgramSession
from clpages.partners.page_form import DEFAULT_MAX_SESSIONS
from tests.builders import (
    admin_form_data,
    build_partner_world,
    build_site,
    built_once,
    db_snapshot,
    fresh,
    make_location,
    post_form,
)

TYPED_TITLE = "Family story time, now on Saturdays"


def _build_world():
    tree = build_site()
    world = {**build_partner_world(tree), "tree": tree}
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    collections = {
        partner.pk: partner.collection for partner in CommunityPartner.objects.select_related("collection")
    }
    image_model, document_model = get_image_model(), get_document_model()
    world["a_image"] = image_model.objects.create(
        title="Our reading corner", file=get_test_image_file(), collection=collections[world["org_a"].pk]
    )
    world["b_image"] = image_model.objects.create(
        title="Collective's private photo",
        file=get_test_image_file(),
        collection=collections[world["org_b"].pk],
    )
    world["b_document"] = document_model.objects.create(
        title="Collective's budget",
        file=ContentFile(b"private", name="budget.txt"),
        collection=collections[world["org_b"].pk],
    )
    draft = ProgramPage(title="Unannounced plans", slug="unannounced-plans", summary="Not yet.", live=False)
    world["programs"].add_child(instance=draft)
    draft.co_created_with.set([world["org_b"]])
    world["b_draft"] = draft
    return world


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as world:
        yield world


@pytest.fixture
def world(db, world_once):
    return fresh(world_once)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_program_url(world):
    return reverse("wagtailadmin_pages:add", args=["clpages", "programpage", world["programs"].pk])


def form_data(client, world, url, **changes):
    data = admin_form_data(client, world["admin"], url)
    data["title"] = TYPED_TITLE
    for name, value in changes.items():
        data[name] = value
    return data


def image_block(image_pk):
    return nested_form_data(
        {
            "body": streamfield(
                [
                    (
                        "image",
                        {
                            "image": {"image": image_pk, "decorative": "", "alt_text": "A photo"},
                            "caption": "",
                        },
                    )
                ]
            )
        }
    )


def call_to_action_block(page_pk):
    return nested_form_data(
        {
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {"heading": "Come along", "text": "", "page": page_pk, "url": "", "label": "See it"},
                    )
                ]
            )
        }
    )


def linking_rich_text(html):
    return {"community_goals": rich_text(html, features=RICH_TEXT_FEATURES)}


def assert_refused_in_form(response, field, message):
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert TYPED_TITLE in response.content.decode()  # what they typed is still there


# 10. Partners forging ids in choosers.


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (lambda w: {"image": w["b_image"].pk}, "image", "Choose an image for “Image” with the chooser"),
        (lambda w: image_block(w["b_image"].pk), "body", "“Body” uses an image you cannot choose"),
        (lambda w: call_to_action_block(w["b_draft"].pk), "body", "“Body” uses a page you cannot choose"),
        (
            lambda w: linking_rich_text(f'<p><a linktype="page" id="{w["b_draft"].pk}">our plans</a></p>'),
            "community_goals",
            "“Community goals” uses a page you cannot choose",
        ),
        (
            lambda w: linking_rich_text(
                f'<p><a linktype="document" id="{w["b_document"].pk}">budget</a></p>'
            ),
            "community_goals",
            "“Community goals” uses a document you cannot choose",
        ),
    ],
    ids=["image-field", "image-block", "page-block", "rich-text-page-link", "rich-text-document-link"],
)
def test_partner_cannot_use_what_their_choosers_do_not_offer(client, world, changes, field, message):
    page = world["a_program"]
    data = form_data(client, world, edit_url(page), **changes(world))
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, edit_url(page), data)
    assert_refused_in_form(response, field, message)
    assert db_snapshot() == before
    # The other organisation's image is not drawn in the partner's form either.
    assert "private photo" not in response.content.decode()


def test_partner_can_use_their_own_organisations_image(client, world):
    page = world["a_program"]
    data = form_data(
        client, world, edit_url(page), image=world["a_image"].pk, **image_block(world["a_image"].pk)
    )
    client.force_login(world["partner_a"])
    assert post_form(client, edit_url(page), data).status_code == 302
    draft = ProgramPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.image_id == world["a_image"].pk
    assert draft.body[0].value["image"].pk == world["a_image"].pk


def test_editor_keeps_choosing_any_image_and_page(client, world):
    page = world["a_program"]
    data = form_data(
        client, world, edit_url(page), image=world["b_image"].pk, **call_to_action_block(world["b_draft"].pk)
    )
    client.force_login(world["editor"])
    assert post_form(client, edit_url(page), data).status_code == 302
    draft = ProgramPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.image == world["b_image"]
    assert draft.body[0].value["page"].pk == world["b_draft"].pk


# 12. Scheduling is the library's decision.


@pytest.mark.parametrize("field", ["go_live_at", "expire_at"])
def test_partner_cannot_schedule_their_page(client, world, field):
    page = world["a_program"]
    data = form_data(client, world, edit_url(page), **{field: "2031-03-01 10:00"})
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, edit_url(page), data)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert db_snapshot() == before


def test_partner_cannot_schedule_a_new_page(client, world):
    data = form_data(client, world, add_program_url(world), slug="scheduled", expire_at="2031-03-01 10:00")
    data.setlist("co_created_with", [str(world["org_a"].pk)])
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, add_program_url(world), data)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert db_snapshot() == before
    assert not Page.objects.filter(slug="scheduled").exists()


def test_scheduling_fields_are_shown_only_to_those_who_publish(client, world):
    page = world["a_program"]
    client.force_login(world["partner_a"])
    assert 'name="go_live_at"' not in client.get(edit_url(page)).content.decode()
    client.force_login(world["editor"])
    assert 'name="go_live_at"' in client.get(edit_url(page)).content.decode()


def test_editor_still_schedules(client, world):
    page = world["a_program"]
    data = form_data(client, world, edit_url(page), go_live_at="2031-03-01 10:00")
    client.force_login(world["editor"])
    assert post_form(client, edit_url(page), data).status_code == 302
    draft = ProgramPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.go_live_at.year == 2031


# 15. Sessions are capped, and malformed posts get form errors, never server errors.


def _sessions(location, count):
    data = {
        "sessions-TOTAL_FORMS": str(count),
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    for i in range(count):
        fields = {
            "start": f"2030-01-{1 + i % 28:02d} 18:00",
            "end": f"2030-01-{1 + i % 28:02d} 20:00",
            "location": str(location.pk),
            "address": "",
            "format": "in_person",
            "online_url": "",
            "registration": "none",
            "registration_url": "",
            "places_per_registration": "4",
            "capacity": "",
            "status": "scheduled",
            "repeat": "none",
            "repeat_until": "",
            "repeat_count": "",
            "exceptions-TOTAL_FORMS": "0",
            "exceptions-INITIAL_FORMS": "0",
            "id": "",
            "ORDER": str(i),
            "DELETE": "",
        }
        data.update({f"sessions-{i}-{name}": value for name, value in fields.items()})
    return data


@override_settings(CLPAGES_MAX_SESSIONS_PER_PROGRAM=3)
def test_program_sessions_are_capped(client, world):
    page = world["a_program"]
    data = form_data(client, world, edit_url(page), **_sessions(make_location(), 4))
    client.force_login(world["editor"])
    before = db_snapshot()
    response = post_form(client, edit_url(page), data)
    assert response.status_code == 200
    assert "A program can have at most 3 sessions." in response.content.decode()
    assert TYPED_TITLE in response.content.decode()
    assert db_snapshot() == before
    assert not ProgramSession.objects.exists()


def test_a_program_at_the_session_cap_fits_in_one_request(client, world):
    data = form_data(client, world, add_program_url(world), slug="busy-program")
    data.update(_sessions(make_location(), DEFAULT_MAX_SESSIONS))
    data.setlist("co_created_with", [str(world["org_a"].pk)])
    client.force_login(world["editor"])
    assert post_form(client, add_program_url(world), data).status_code == 302
    assert ProgramSession.objects.count() == DEFAULT_MAX_SESSIONS


def test_a_post_with_too_many_fields_is_refused_before_any_work(client, world):
    page = world["a_program"]
    data = form_data(client, world, edit_url(page), **_sessions(make_location(), 400))
    client.force_login(world["editor"])
    before = db_snapshot()
    assert post_form(client, edit_url(page), data).status_code == 400
    assert db_snapshot() == before


def _stream(kind, **value):
    block = {
        "body-count": "1",
        "body-0-type": kind,
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
    }
    block.update({f"body-0-value{'-' + key if key else ''}": v for key, v in value.items()})
    return block


def _contentstate_link(entity_type, entity_id):
    block = {"key": "a", "type": "unstyled", "depth": 0, "text": "read this", "inlineStyleRanges": []}
    block.update({"entityRanges": [{"offset": 0, "length": 4, "key": 0}], "data": {}})
    entity = {"type": entity_type, "mutability": "MUTABLE", "data": {"id": entity_id, "url": "/x/"}}
    return json.dumps({"blocks": [block], "entityMap": {"0": entity}})


MALFORMED = {
    "stream-count-not-a-number": {"body-count": "many"},
    "stream-count-huge": {"body-count": "100000000"},
    "stream-order-not-a-number": {**_stream("quote", text="Hi", attribution=""), "body-0-order": "first"},
    "stream-rich-text-not-json": _stream("text", **{"": "{not json"}),
    "stream-rich-text-wrong-shape": _stream("text", **{"": '{"blocks": 5}'}),
    "stream-image-id-not-a-number": _stream(
        "image", **{"image-image": "abc", "image-decorative": "", "image-alt_text": "x", "caption": ""}
    ),
    "stream-page-id-not-a-number": _stream(
        "call_to_action", heading="Hi", text="", page="abc", url="", label="Go"
    ),
    "rich-text-not-json": {"community_goals": "{not json"},
    "rich-text-wrong-shape": {"community_goals": '[{"blocks": 1}]'},
    "rich-text-page-id-not-a-number": {"community_goals": _contentstate_link("LINK", "abc")},
    "rich-text-page-missing": {"community_goals": _contentstate_link("LINK", 999999)},
    "rich-text-page-id-odd-digits": {"community_goals": _contentstate_link("LINK", "²")},
    "rich-text-page-id-huge": {"community_goals": _contentstate_link("LINK", "9" * 30)},
    "rich-text-document-missing": {"community_goals": _contentstate_link("DOCUMENT", 999999)},
    "image-id-not-a-number": {"image": "abc"},
    "image-missing": {"image": "999999"},
    "image-id-huge": {"image": "9" * 30},
    "sessions-count-not-a-number": {"sessions-TOTAL_FORMS": "lots"},
    "sessions-count-huge": {"sessions-TOTAL_FORMS": "100000000"},
    "sessions-count-negative": {"sessions-TOTAL_FORMS": "-3"},
    "sessions-initial-beyond-total": {"sessions-INITIAL_FORMS": "5"},
}


@pytest.mark.parametrize("who", ["partner_a", "editor"])
@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_post_gets_a_form_error_and_changes_nothing(client, world, who, case):
    page = world["a_program"]
    data = form_data(client, world, edit_url(page), **MALFORMED[case])
    client.force_login(world[who])
    client.raise_request_exception = False
    before = db_snapshot()
    response = post_form(client, edit_url(page), data)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.context["form"].errors or any(
            formset.non_form_errors() or any(formset.errors)
            for formset in response.context["form"].formsets.values()
        )
        assert TYPED_TITLE in response.content.decode()
    assert db_snapshot() == before
