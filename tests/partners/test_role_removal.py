"""Taking the partner role from a group never widens its members' rights: not in the shell, not
through `setup_community_roles`; library staff groups are unaffected."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.permissions import policy_registry

from clpages.partners.collections import SHARED_COLLECTION
from clpages.partners.page_permissions import page_permission_policy
from tests.builders import LIBRARY_EDITORS, PARTNERS, admin_form_data, db_snapshot, fresh, post_form


@pytest.fixture
def world(db, partner_world_once):
    world = fresh(partner_world_once)
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return world


def scope():
    return Permission.objects.get(content_type__app_label="clpages", codename="act_for_own_organisations")


def staff():
    return Permission.objects.get(content_type__app_label="clpages", codename="add_partnermembership")


def reloaded(user):
    """The user without the permission caches of earlier checks."""
    return get_user_model().objects.get(pk=user.pk)


def may_edit(user, page):
    user = reloaded(user)
    by_policy = page_permission_policy.user_has_permission_for_instance(user, "change", page)
    by_tester = page.permissions_for_user(user).can_edit()
    assert by_policy == by_tester
    return by_policy


def may_upload_to(user, organisation):
    policy = policy_registry.get_by_type(get_image_model())
    return organisation.collection in policy.collections_user_has_permission_for(reloaded(user), "add")


def assert_edit_refused(client, world, user, page):
    """A real edit form of the page, posted by the user: refused, and nothing changes."""
    data = admin_form_data(client, world["admin"], reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data["title"] = "Taken over"
    client.force_login(user)
    before = db_snapshot()
    response = post_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    client.logout()
    assert response.status_code in (302, 403)
    if response.status_code == 302:  # refused (to the dashboard), or no admin access left at all
        assert response["Location"] == reverse("wagtailadmin_home") or "/admin/login/" in response["Location"]
    assert db_snapshot() == before


def grants(group):
    return (
        sorted(GroupPagePermission.objects.filter(group=group).values_list("page", "permission")),
        sorted(GroupCollectionPermission.objects.filter(group=group).values_list("collection", "permission")),
    )


# -- the shell ---------------------------------------------------------------------------------

ORM_ROUTES = {
    "group.permissions.remove": lambda group: group.permissions.remove(scope()),
    "group.permissions.set": lambda group: group.permissions.set(group.permissions.exclude(pk=scope().pk)),
    "group.permissions.clear": lambda group: group.permissions.clear(),
    "permission.group_set.remove": lambda group: scope().group_set.remove(group),
    "permission.group_set.clear": lambda group: scope().group_set.clear(),
    "permission.delete": lambda group: scope().delete(),
}


@pytest.mark.parametrize("route", ORM_ROUTES)
def test_taking_the_role_in_the_shell_does_not_let_a_partner_edit_another_organisations_page(
    client, world, route
):
    group = Group.objects.get(name=PARTNERS)
    assert may_edit(world["partner_a"], world["a_program"])
    assert not may_edit(world["partner_a"], world["b_program"])

    ORM_ROUTES[route](group)

    assert not group.permissions.filter(
        pk__in=Permission.objects.filter(codename="act_for_own_organisations")
    )
    for page in ("b_program", "hub", "a_program"):
        assert not may_edit(world["partner_a"], world[page])
    assert not may_upload_to(world["partner_a"], world["org_b"])
    assert_edit_refused(client, world, world["partner_a"], world["b_program"])
    # What the role narrowed went with it; the shared collection was never narrowed.
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert set(
        GroupCollectionPermission.objects.filter(group=group).values_list("collection__name", flat=True)
    ) == {SHARED_COLLECTION}


def test_taking_the_role_from_a_renamed_group_then_running_setup_widens_nothing(client, world):
    group = Group.objects.get(name=PARTNERS)
    group.name = "Partenaires communautaires"
    group.save()
    group.permissions.remove(scope())
    call_command("setup_community_roles", verbosity=0)

    # The command makes a new partner group by its default name; the renamed one stays without
    # the role, and without the grants the role used to narrow.
    assert Group.objects.get(name=PARTNERS).permissions.filter(pk=scope().pk).exists()
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not may_edit(world["partner_a"], world["b_program"])
    assert not may_upload_to(world["partner_a"], world["org_b"])
    assert_edit_refused(client, world, world["partner_a"], world["b_program"])


def test_the_shell_leaves_library_staff_and_other_groups_their_grants(client, world):
    editors = Group.objects.get(name=LIBRARY_EDITORS)
    before = grants(editors)
    editors.permissions.remove(scope())  # never held: nothing happens
    editors.permissions.remove(Permission.objects.get(codename="delete_location"))
    assert grants(editors) == before
    assert may_edit(world["editor"], world["b_program"])

    # A group holding both roles that loses the partner one is library staff: its members keep
    # the rights its grants give.
    partners = Group.objects.get(name=PARTNERS)
    partners.permissions.add(staff())
    before = grants(partners)
    partners.permissions.remove(scope())
    assert grants(partners) == before
    assert may_edit(world["partner_a"], world["b_program"])
