"""Requests a partner's browser would never send: refused, and nothing changes."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from clpages.models import EvaluationPage, PartnershipPage, ProgramPage
from clpages.partners.page_form import CHOOSE_YOUR_WORK
from tests.builders import (
    admin_form_data,
    assert_refused,
    build_partner_world,
    build_site,
    built_once,
    db_snapshot,
    edit_url,
    fresh,
    make_evaluation,
    make_partnership,
    post_form,
)


def _build_world():
    tree = build_site()
    world = {**build_partner_world(tree), "tree": tree}
    world["a_partnership"] = make_partnership(tree["partnerships"], world["org_a"], "Learning with newcomers")
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return world


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as world:
        yield world


@pytest.fixture
def world(db, world_once):
    return fresh(world_once)


def edit_form(client, world, page, **changes):
    data = admin_form_data(client, world["admin"], edit_url(page))
    for name, value in changes.items():
        if isinstance(value, list):
            data.setlist(name, [str(v) for v in value])
        else:
            data[name] = value
    return data


def test_partner_posting_publish_on_their_own_page_is_refused(client, world):
    page = world["a_program"]
    data = edit_form(client, world, page, title="Published by a partner")
    data["action-publish"] = "Publish"
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, edit_url(page), data)
    assert_refused(response)
    assert db_snapshot() == before
    assert ProgramPage.objects.get(pk=page.pk).title == "Family story time"


def test_partner_posting_publish_when_creating_is_refused(client, world):
    url = reverse("wagtailadmin_pages:add", args=["clpages", "programpage", world["programs"].pk])
    data = admin_form_data(client, world["admin"], url)
    data.update({"title": "Instant program", "slug": "instant-program", "action-publish": "Publish"})
    data.setlist("co_created_with", [str(world["org_a"].pk)])
    client.force_login(world["partner_a"])
    before = db_snapshot()
    assert_refused(post_form(client, url, data))
    assert db_snapshot() == before
    assert not Page.objects.filter(slug="instant-program").exists()


def test_partner_editing_another_organisations_page_is_refused(client, world):
    page = world["b_program"]
    data = edit_form(client, world, page, title="Taken over")
    client.force_login(world["partner_a"])
    before = db_snapshot()
    for extra in ({}, {"action-submit": "Submit"}):
        assert_refused(post_form(client, edit_url(page), {**dict(data.lists()), **extra}))
    assert db_snapshot() == before


@pytest.mark.parametrize(
    "kept, message",
    [
        (["org_b"], "Riverbend Newcomers Network must stay"),  # their own organisation
        (["org_a"], "Northside Youth Collective must stay"),  # the organisation they co-lead with
        ([], "must stay"),
    ],
)
def test_partner_cannot_unlink_an_organisation_from_a_program(client, world, kept, message):
    page = world["ab_program"]
    data = edit_form(client, world, page, title="Changed too", co_created_with=[world[k].pk for k in kept])
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, edit_url(page), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["co_created_with"])
    assert "Changed too" in response.content.decode()  # what they typed is still there
    assert db_snapshot() == before


def test_partner_cannot_hand_a_partnership_to_another_organisation(client, world):
    page = world["a_partnership"]
    data = edit_form(client, world, page, partner=world["org_b"].pk)
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, edit_url(page), data)
    assert response.status_code == 200
    assert response.context["form"].errors["partner"]
    assert db_snapshot() == before
    assert PartnershipPage.objects.get(pk=page.pk).partner_id == world["org_a"].pk


def test_partner_cannot_point_an_evaluation_at_another_organisations_program(client, world):
    evaluation = make_evaluation(
        world["evaluations"], program=world["a_program"], title="How story time went"
    )
    data = edit_form(client, world, evaluation, program=world["b_program"].pk)
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(client, edit_url(evaluation), data)
    assert response.status_code == 200
    assert CHOOSE_YOUR_WORK.format(kind="program") in response.context["form"].errors["program"]
    assert db_snapshot() == before
    assert EvaluationPage.objects.get(pk=evaluation.pk).program_id == world["a_program"].pk


def test_partner_cannot_delete_their_own_unpublished_draft(client, world):
    # Stock Wagtail lets an "add" holder delete their own drafts; partners never delete.
    client.force_login(world["partner_a"])
    url = reverse("wagtailadmin_pages:add", args=["clpages", "programpage", world["programs"].pk])
    data = admin_form_data(client, world["admin"], url)
    data.update({"title": "Draft to keep", "slug": "draft-to-keep"})
    data.setlist("co_created_with", [str(world["org_a"].pk)])
    client.force_login(world["partner_a"])
    assert post_form(client, url, data).status_code == 302
    draft = Page.objects.get(slug="draft-to-keep")
    assert draft.owner == world["partner_a"] and not draft.live
    before = db_snapshot()
    assert_refused(client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    assert db_snapshot() == before


@pytest.mark.parametrize(
    "view, payload",
    [
        ("wagtailadmin_pages:lock", {}),
        ("wagtailadmin_pages:copy", {"new_title": "Copy", "new_slug": "copy", "publish_copies": "on"}),
        ("wagtailadmin_pages:unpublish", {}),
        ("wagtailadmin_pages:set_privacy", {"restriction_type": "login"}),
        ("wagtailadmin_pages:delete", {}),
    ],
)
def test_partner_posts_to_tree_and_publishing_views_are_refused(client, world, view, payload):
    page = world["a_program"]
    client.force_login(world["partner_a"])
    before = db_snapshot()
    assert_refused(client.post(reverse(view, args=[page.pk]), payload))
    assert db_snapshot() == before


def test_partner_cannot_approve_the_library_approval_task(client, world):
    # A's own program, submitted by A: no other organisation to co-review, so it waits for the
    # library. Approving is the library editors' call, not the partner's.
    page = world["a_program"].specific
    page.save_revision(user=world["partner_a"])
    page.get_workflow().start(page, world["partner_a"])
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    assert world["editor"] in task_state.task.specific.groups.get().user_set.all()
    client.force_login(world["partner_a"])
    before = db_snapshot()
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Looks good to me"})
    assert response.status_code in (302, 403)
    assert db_snapshot() == before
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
