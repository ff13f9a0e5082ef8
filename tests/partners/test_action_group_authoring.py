"""Members of an action group author its page as partners author theirs: drafts and "Submit
for community review", never publishing, never another group's page. And only a member can
choose to be named on it, on their own account screen."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from clpages.models import ActionGroupPage, PartnerMembership
from tests.builders import (
    PARTNERS,
    add_action_group_index,
    add_members,
    admin_form_data,
    assert_refused,
    build_partner_world,
    build_site,
    built_once,
    db_snapshot,
    edit_url,
    fresh,
    make_action_group,
    make_action_group_partner,
    make_user,
    post_form,
)

ACCOUNT_URL = "/admin/account/"


def _build_world():
    tree = build_site()
    world = build_partner_world(tree)
    index = add_action_group_index(tree["hub"])
    group_g = make_action_group_partner("Eastside Newcomers Coalition")
    group_h = make_action_group_partner("Harbour Housing Action")
    member_g = make_user("member_g", [PARTNERS], first_name="Gita", last_name="Rao")
    member_h = make_user("member_h", [PARTNERS], first_name="Hugo", last_name="Lind")
    add_members(group_g, [member_g], shown=False)
    add_members(group_h, [member_h], shown=False)
    return {
        **world,
        "groups": index,
        "group_g": group_g,
        "group_h": group_h,
        "member_g": member_g,
        "member_h": member_h,
        "g_page": make_action_group(index, group_g, "Eastside coalition"),
        "h_page": make_action_group(index, group_h, "Harbour housing"),
        "admin": get_user_model().objects.create_superuser("admin", "admin@example.org", "x"),
    }


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as world:
        yield world


@pytest.fixture
def world(db, world_once):
    return fresh(world_once)


def snapshot():
    return {
        **db_snapshot(),
        "groups": list(ActionGroupPage.objects.order_by("pk").values_list("pk", "group", "remit")),
        "consent": list(
            PartnerMembership.objects.order_by("pk").values_list("pk", "shown_on_group_page", "public_name")
        ),
    }


def add_url(world):
    return reverse("wagtailadmin_pages:add", args=["clpages", "actiongrouppage", world["groups"].pk])


def edit_form(client, world, page, **changes):
    data = admin_form_data(client, world["admin"], edit_url(page))
    for name, value in changes.items():
        data[name] = str(value)
    return data


def test_a_member_edits_their_groups_page_as_a_draft_and_submits_it(client, world):
    page = world["g_page"]
    client.force_login(world["member_g"])
    assert client.get(edit_url(page)).status_code == 200
    data = edit_form(client, world, page, remit="We plan the welcome week.")
    data["action-submit"] = "Submit"
    client.force_login(world["member_g"])
    assert post_form(client, edit_url(page), data).status_code == 302
    stored = ActionGroupPage.objects.get(pk=page.pk)
    assert stored.remit == "We plan the library's work with newcomers."  # live is unchanged
    assert stored.get_latest_revision_as_object().remit == "We plan the welcome week."
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == "in_progress" and state.workflow.name == "Community review"


def test_a_member_creates_a_draft_for_their_group(client, world):
    url = add_url(world)
    data = admin_form_data(client, world["admin"], url)
    data.update(
        {
            "title": "Eastside youth",
            "slug": "eastside-youth",
            "summary": "Young people plan.",
            "remit": "Plans.",
        }
    )
    data["group"] = str(world["group_g"].pk)
    client.force_login(world["member_g"])
    assert post_form(client, url, data).status_code == 302
    draft = Page.objects.get(slug="eastside-youth")
    assert draft.owner == world["member_g"] and not draft.live


def test_a_member_cannot_create_a_page_for_another_group(client, world):
    url = add_url(world)
    data = admin_form_data(client, world["admin"], url)
    data.update({"title": "Not ours", "slug": "not-ours", "summary": "x", "remit": "x"})
    data["group"] = str(world["group_h"].pk)
    client.force_login(world["member_g"])
    before = snapshot()
    response = post_form(client, url, data)
    assert response.status_code == 200 and response.context["form"].errors["group"]
    assert snapshot() == before


@pytest.mark.parametrize("who", ["member_h", "partner_a"])
def test_nobody_else_edits_a_groups_page(client, world, who):
    page = world["g_page"]
    data = edit_form(client, world, page, remit="Taken over")
    client.force_login(world[who])
    before = snapshot()
    assert_refused(client.get(edit_url(page)))
    for extra in ({}, {"action-submit": "Submit"}):
        assert_refused(post_form(client, edit_url(page), {**dict(data.lists()), **extra}))
    assert snapshot() == before


def test_a_member_cannot_hand_the_page_to_another_group(client, world):
    page = world["g_page"]
    data = edit_form(client, world, page, group=world["group_h"].pk)
    client.force_login(world["member_g"])
    before = snapshot()
    response = post_form(client, edit_url(page), data)
    assert response.status_code == 200 and response.context["form"].errors["group"]
    assert snapshot() == before


def test_a_member_posting_publish_is_refused(client, world):
    page = world["g_page"]
    data = edit_form(client, world, page, remit="Published by a member")
    data["action-publish"] = "Publish"
    client.force_login(world["member_g"])
    before = snapshot()
    assert_refused(post_form(client, edit_url(page), data))
    assert snapshot() == before


def test_members_see_the_choice_to_be_named_off_until_they_switch_it_on(client, world):
    client.force_login(world["member_g"])
    html = client.get(ACCOUNT_URL).content.decode()
    assert "Show my name on our group&#x27;s public page: Eastside Newcomers Coalition" in html
    membership = PartnerMembership.objects.get(user=world["member_g"])
    assert not membership.shown_on_group_page
    assert "Gita" not in client.get(world["g_page"].url).content.decode()


def _account_data(client, **fields):
    from wagtail.test.utils.form_data import querydict_from_html

    html = client.get(ACCOUNT_URL).content.decode()
    for index in range(10):
        data = querydict_from_html(html, form_index=index)
        if "name_email-first_name" in data:
            data = data.copy()
            data.update(fields)
            return data
    raise AssertionError("The account form was not found.")


def test_a_member_switches_it_on_for_themselves_and_is_named(client, world):
    membership = PartnerMembership.objects.get(user=world["member_g"])
    client.force_login(world["member_g"])
    data = _account_data(
        client, **{f"group_pages-shown_{membership.pk}": "on", f"group_pages-name_{membership.pk}": "Gita R."}
    )
    assert post_form(client, ACCOUNT_URL, data).status_code == 302
    membership.refresh_from_db()
    assert membership.shown_on_group_page and membership.public_name == "Gita R."
    client.logout()
    assert "Gita R." in client.get(world["g_page"].url).content.decode()


@pytest.mark.parametrize("who", ["member_h", "editor", "admin"])
def test_nobody_switches_it_on_for_someone_else(client, world, who):
    membership = PartnerMembership.objects.get(user=world["member_g"])
    client.force_login(world[who])
    data = _account_data(client, **{f"group_pages-shown_{membership.pk}": "on"})
    before = snapshot()["consent"]
    post_form(client, ACCOUNT_URL, data)
    assert snapshot()["consent"] == before


def test_the_library_has_no_screen_that_sets_it(client, world):
    client.force_login(world["admin"])
    screens = [
        reverse("wagtailusers_users:edit", args=[world["member_g"].pk]),
        edit_url(world["g_page"]),
    ]
    for url in screens:
        html = client.get(url).content.decode()
        assert "shown_on_group_page" not in html and "Show my name" not in html, url
