"""Who can do what in the admin, cell by cell, through real requests to Wagtail's views.

Rows: an editor, a partner of organisation A, a partner of organisation B, an anonymous
visitor. Columns: a program of A, a program of B, a program they co-lead, the community hub
and the home page. Every allowed cell checks the effect; every refused cell checks that the
database did not change at all.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import QueryDict
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from clpages.models import CommunityHubPage, ProgramIndexPage, ProgramPage
from clpages.partners.roles import PARTNERS_GROUP
from tests.builders import (
    admin_form_data,
    build_partner_world,
    build_site,
    built_once,
    db_snapshot,
    fresh,
    make_user,
    post_form,
)

# The partners' group is renamed (rights come from its permission, not its name); partner_c
# is in a second, differently named partner group, for organisation A.
USERS = ["editor", "partner_a", "partner_b", "partner_c", "anonymous"]
TARGETS = ["a_program", "b_program", "ab_program", "hub", "home"]
ACTIONS = [
    "explore",
    "create",
    "edit",
    "preview",
    "submit",
    "publish",
    "unpublish",
    "delete",
    "move",
    "privacy",
]

EVERYTHING = set(ACTIONS)
CO_LEADER = {"explore", "create", "edit", "preview", "submit"}
NOTHING = set()

PARTNER_A_CELLS = {
    "a_program": CO_LEADER,
    "b_program": NOTHING,
    "ab_program": CO_LEADER,
    "hub": {"explore"},
    "home": {"explore"},
}

ALLOWED = {
    ("editor", "a_program"): EVERYTHING,
    ("editor", "b_program"): EVERYTHING,
    ("editor", "ab_program"): EVERYTHING,
    # The hub has child pages (no bulk delete) and moving it would leave the section.
    ("editor", "hub"): EVERYTHING - {"delete", "move"},
    # With more than one hub, the home page is where the explorer starts: it lists the hubs only.
    ("editor", "home"): {"explore"},
    ("partner_a", "a_program"): CO_LEADER,
    ("partner_a", "b_program"): NOTHING,
    ("partner_a", "ab_program"): CO_LEADER,
    ("partner_a", "hub"): {"explore"},
    ("partner_a", "home"): {"explore"},
    ("partner_b", "a_program"): NOTHING,
    ("partner_b", "b_program"): CO_LEADER,
    ("partner_b", "ab_program"): CO_LEADER,
    ("partner_b", "hub"): {"explore"},
    ("partner_b", "home"): {"explore"},
    **{("partner_c", target): cells for target, cells in PARTNER_A_CELLS.items()},
    **{("anonymous", target): NOTHING for target in TARGETS},
}

ORGANISATIONS = {"a_program": ["org_a"], "b_program": ["org_b"], "ab_program": ["org_a", "org_b"]}


def _build_world():
    # Without an evaluation index, "create" on the hub means adding one.
    tree = build_site()
    tree.pop("evaluations").delete()
    world = build_partner_world(tree)
    hub2 = tree["home"].add_child(instance=CommunityHubPage(title="Second hub", slug="second-hub"))
    world["programs2"] = hub2.add_child(instance=ProgramIndexPage(title="More programs", slug="more"))
    call_command("setup_community_roles", verbosity=0)
    partners = Group.objects.get(name=PARTNERS_GROUP)
    partners.name = "Members of partner organisations"
    partners.save()
    second = Group.objects.create(name="Youth outreach partners")
    second.permissions.set(partners.permissions.all())
    for grant in GroupPagePermission.objects.filter(group=partners):
        GroupPagePermission.objects.create(group=second, page=grant.page, permission=grant.permission)
    world["partner_c"] = make_user("partner_c", [second.name], [world["org_a"]])
    draft = ProgramPage(title="Draft of B", summary="Not public yet.", live=False)
    draft.co_created_with.set([world["org_b"]])
    world["programs"].add_child(instance=draft)
    draft.save_revision()
    world["b_draft"] = draft
    # Runs again on the renamed group: finds it, creates no other.
    call_command("setup_community_roles", verbosity=0)
    assert not Group.objects.filter(name=PARTNERS_GROUP).exists()
    # A page outside the community section, next to the hubs.
    tree["home"].add_child(instance=Page(title="Staff notes", slug="staff-notes"))
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return world


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as world:
        yield world


@pytest.fixture
def world(db, world_once):
    return fresh(world_once)


def form_data(client, world, url):
    return admin_form_data(client, world["admin"], url)


def login(client, world, user):
    if user != "anonymous":
        client.force_login(world[user])


def refused(response, user):
    if user == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        # Wagtail answers PermissionDenied with a redirect to the dashboard and a message.
        assert response.status_code in (302, 403), response.status_code
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")


def edit_data(client, world, page, title, allowed):
    """The real form for allowed cells; a bare forged payload when the view must refuse anyway."""
    if not allowed:
        return {"title": title, "slug": page.slug}
    data = form_data(client, world, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data["title"] = title
    return data


def do_explore(client, world, page, user, allowed):
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    if allowed:
        assert response.status_code == 200
        assert page.title in response.content.decode()
        assert "Staff notes" not in response.content.decode()
    else:
        refused(response, user)
    if isinstance(page.specific, ProgramPage) and user != "anonymous":
        listing = client.get(reverse("wagtailadmin_explore", args=[world["programs"].pk])).content.decode()
        assert (page.title in listing) == allowed


def _create_target(world, target):
    if target == "hub":
        return "evaluationindexpage", world["hub"]
    if target == "home":
        return "communityhubpage", world["home"]
    return "programpage", world["programs"]


def do_create(client, world, page, user, allowed, target):
    model, parent = _create_target(world, target)
    url = reverse("wagtailadmin_pages:add", args=["clpages", model, parent.pk])
    # Partners' programs for other organisations reach form validation: they need the real form.
    if allowed or (target in ORGANISATIONS and user.startswith("partner")):
        data = form_data(client, world, url)
    else:
        data = QueryDict(mutable=True)
    data.update({"title": "A new page", "slug": "a-new-page"})
    if target in ORGANISATIONS:
        data.setlist("co_created_with", [str(world[name].pk) for name in ORGANISATIONS[target]])
    login(client, world, user)
    before = db_snapshot()
    response = post_form(client, url, data)
    created = Page.objects.filter(slug="a-new-page", depth=parent.depth + 1)
    if allowed:
        assert response.status_code == 302, response.context and response.context["form"].errors
        assert created.get().get_parent().pk == parent.pk
    else:
        if response.status_code == 200:  # a partner creating for someone else's organisation
            assert response.context["form"].errors
        else:
            refused(response, user)
        assert db_snapshot() == before


def do_edit(client, world, page, user, allowed):
    data = edit_data(client, world, page, "Edited title", allowed)
    login(client, world, user)
    before = db_snapshot()
    response = post_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    page.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert page.get_latest_revision_as_object().title == "Edited title"
        assert page.live and page.title != "Edited title"  # a draft: the live page is untouched
    else:
        refused(response, user)
        assert db_snapshot() == before


def do_preview(client, world, page, user, allowed):
    data = edit_data(client, world, page, "Previewed title", allowed)
    login(client, world, user)
    before = db_snapshot()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = post_form(client, url, data)
    if allowed:
        assert response.status_code == 200 and json.loads(response.content)["is_valid"]
        shown = client.get(url)
        assert shown.status_code == 200 and "Previewed title" in shown.content.decode()
    else:
        refused(response, user)
        refused(client.get(url), user)
    assert db_snapshot() == before  # previewing never writes


def do_submit(client, world, page, user, allowed):
    data = edit_data(client, world, page, "Submitted title", allowed)
    data["action-submit"] = "Submit for moderation"
    login(client, world, user)
    before = db_snapshot()
    response = post_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    page.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert page.workflow_in_progress
        assert page.get_latest_revision().as_object().title == "Submitted title"
        assert page.title != "Submitted title"
    else:
        refused(response, user)
        assert db_snapshot() == before


def do_publish(client, world, page, user, allowed):
    data = edit_data(client, world, page, "Published title", allowed)
    data["action-publish"] = "Publish"
    login(client, world, user)
    before = db_snapshot()
    response = post_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    page.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert page.live and page.title == "Published title"
    else:
        refused(response, user)
        assert db_snapshot() == before


def do_unpublish(client, world, page, user, allowed):
    login(client, world, user)
    before = db_snapshot()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    page.refresh_from_db()
    if allowed:
        assert response.status_code == 302 and not page.live
    else:
        refused(response, user)
        assert db_snapshot() == before


def do_delete(client, world, page, user, allowed):
    login(client, world, user)
    before = db_snapshot()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    if allowed:
        assert response.status_code == 302 and not Page.objects.filter(pk=page.pk).exists()
    else:
        refused(response, user)
        assert db_snapshot() == before


def _move_destination(world, target):
    if target == "hub":
        return world["home"]  # staying under home, where editors have no rights
    if target == "home":
        return world["hub"]
    return world["programs2"]


def do_move(client, world, page, user, allowed, target):
    destination = _move_destination(world, target)
    login(client, world, user)
    before = db_snapshot()
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    if allowed:
        assert response.status_code == 302
        assert Page.objects.get(pk=page.pk).get_parent().pk == destination.pk
    else:
        refused(response, user)
        assert db_snapshot() == before


def do_privacy(client, world, page, user, allowed):
    login(client, world, user)
    before = db_snapshot()
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), {"restriction_type": "login"}
    )
    if allowed:
        assert response.status_code == 200
        assert PageViewRestriction.objects.filter(page=page, restriction_type="login").exists()
    else:
        refused(response, user)
        assert db_snapshot() == before


HANDLERS = {
    "explore": do_explore,
    "create": do_create,
    "edit": do_edit,
    "preview": do_preview,
    "submit": do_submit,
    "publish": do_publish,
    "unpublish": do_unpublish,
    "delete": do_delete,
    "move": do_move,
    "privacy": do_privacy,
}
NEEDS_TARGET = {"create", "move"}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("user", USERS)
def test_permission_matrix(client, world, user, target, action):
    page = world[target]
    allowed = action in ALLOWED[(user, target)]
    if action in NEEDS_TARGET:
        HANDLERS[action](client, world, page, user, allowed, target)
    else:
        login(client, world, user)
        HANDLERS[action](client, world, page, user, allowed)


def test_matrix_covers_every_cell():
    assert set(ALLOWED) == {(user, target) for user in USERS for target in TARGETS}


# -- reads by id: the admin API, bulk-action confirmations, the page chooser, reports ------------

READ_TARGETS = ["a_program", "b_program", "ab_program", "b_draft"]
EXPLORABLE = {
    "editor": set(READ_TARGETS),
    "partner_a": {"a_program", "ab_program"},
    "partner_b": {"b_program", "ab_program", "b_draft"},
    "partner_c": {"a_program", "ab_program"},
    "anonymous": set(),
}
# The page chooser also offers every live page of the section, to link to.
LIVE = {"a_program", "b_program", "ab_program"}
CHOOSABLE = {user: pages | (LIVE if user != "anonymous" else set()) for user, pages in EXPLORABLE.items()}


def read_api_detail(client, world, page):
    return client.get(f"/admin/api/main/pages/{page.pk}/")


def read_api_listing(client, world, page):
    return client.get("/admin/api/main/pages/", {"child_of": world["programs"].pk, "limit": 20})


def read_bulk_confirmation(client, world, page):
    return client.get(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]), {"id": page.pk}
    )


def read_chosen(client, world, page):
    return client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": page.pk})


READS = {
    "api_detail": (read_api_detail, EXPLORABLE),
    "api_listing": (read_api_listing, EXPLORABLE),
    "bulk_confirmation": (read_bulk_confirmation, EXPLORABLE),
    "chosen": (read_chosen, CHOOSABLE),
}


@pytest.mark.parametrize("read", READS)
@pytest.mark.parametrize("target", READ_TARGETS)
@pytest.mark.parametrize("user", USERS)
def test_reads_by_id_matrix(client, world, user, target, read):
    page = world[target]
    reader, visible = READS[read]
    login(client, world, user)
    before = db_snapshot()
    response = reader(client, world, page)
    if user == "anonymous":
        assert response.status_code in (302, 401, 403)
    else:
        assert (page.title in response.content.decode()) == (target in visible[user]), response.status_code
    assert db_snapshot() == before


@pytest.mark.parametrize("user", USERS)
def test_page_types_report_matrix(client, world, user):
    login(client, world, user)
    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    if user == "editor":
        assert response.status_code == 200
    else:
        refused(response, user)
        assert "Draft of B" not in response.content.decode()


# -- writes outside the edit view: the admin API's page actions and bulk actions -----------------

API_ACTIONS = ["publish", "unpublish", "revert_to_page_revision", "copy", "move", "delete"]
WRITERS = ["partner_a", "partner_b", "partner_c", "anonymous"]


def api_action_payload(world, page, action):
    if action == "revert_to_page_revision":
        return {"revision_id": page.revisions.order_by("pk").first().pk}
    if action == "copy":
        return {"destination_page_id": world["programs"].pk, "slug": "copied-by-api"}
    if action == "move":
        return {"destination_page_id": world["programs2"].pk}
    return {}


def post_api_action(client, world, page, action):
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/",
        json.dumps(api_action_payload(world, page, action)),
        content_type="application/json",
    )


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("target", READ_TARGETS)
@pytest.mark.parametrize("user", WRITERS)
def test_admin_api_page_actions_matrix(client, world, user, target, action):
    """Partners change pages only through the editor and the review: every API write is refused,
    on their own pages too, and nothing changes."""
    page = world[target]
    login(client, world, user)
    before = db_snapshot()
    response = post_api_action(client, world, page, action)
    if user == "anonymous":
        assert response.status_code in (302, 401, 403)
    elif target in EXPLORABLE[user]:
        assert response.status_code == 403, response.content
    else:
        # Pages they cannot see are not found, as in the API's listing.
        assert response.status_code == 404, response.content
    assert db_snapshot() == before


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_admin_api_page_actions_still_work_for_editors(client, world, action):
    page = world["a_program"]
    page.save_revision()  # something to publish
    login(client, world, "editor")
    response = post_api_action(client, world, page, action)
    assert response.status_code == 200, response.content
    page.refresh_from_db()
    assert page.live == (action == "publish")


BULK_ACTIONS = ["publish", "unpublish", "delete", "move"]


@pytest.mark.parametrize("action", BULK_ACTIONS)
@pytest.mark.parametrize("target", READ_TARGETS)
@pytest.mark.parametrize("user", WRITERS)
def test_bulk_page_actions_matrix(client, world, user, target, action):
    page = world[target]
    login(client, world, user)
    before = db_snapshot()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    data = {"chooser": world["programs2"].pk} if action == "move" else {}
    response = client.post(f"{url}?id={page.pk}", data)
    if user == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        assert response.status_code in (302, 403), response.status_code
    assert db_snapshot() == before
