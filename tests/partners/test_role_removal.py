"""Taking the partner role from a group never widens its members' rights: not in the shell, not
in the Groups screen, not through `setup_community_roles`; library staff groups are unaffected."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import querydict_from_html

from clpages.partners.collections import PARTNER_COLLECTIONS_ROOT, SHARED_COLLECTION
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


def test_setup_gives_the_role_back_to_the_group_of_its_default_name_and_says_so(client, world):
    Group.objects.get(name=PARTNERS).permissions.remove(scope())
    out = io.StringIO()
    call_command("setup_community_roles", stdout=out)
    assert f"No group held the partner role: it is given to the existing group '{PARTNERS}'" in out.getvalue()
    # Back to a partner group: its members act for their own organisations again, and only for them.
    assert may_edit(world["partner_a"], world["a_program"])
    assert not may_edit(world["partner_a"], world["b_program"])
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


# -- the Groups screen -------------------------------------------------------------------------


def group_form(client, world, group):
    client.force_login(world["admin"])
    response = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form").copy()


def untick(data, permission):
    data.setlist("permissions", [pk for pk in data.getlist("permissions") if pk != str(permission.pk)])


def delete_rows(data, prefix, keep=lambda target: False):
    for index in range(int(data[f"{prefix}-TOTAL_FORMS"])):
        target = data.get(f"{prefix}-{index}-page") or data.get(f"{prefix}-{index}-collection")
        if not keep(target):
            data[f"{prefix}-{index}-DELETE"] = "on"


def save_group(client, group, data):
    return post_form(client, reverse("wagtailusers_groups:edit", args=[group.pk]), data)


def test_the_groups_screen_shows_both_roles(client, world):
    for name, role in ((PARTNERS, scope()), (LIBRARY_EDITORS, staff())):
        data = group_form(client, world, Group.objects.get(name=name))
        assert str(role.pk) in data.getlist("permissions")


def test_the_groups_screen_refuses_to_take_the_role_from_a_group_that_keeps_its_grants(client, world):
    group = Group.objects.get(name=PARTNERS)
    data = group_form(client, world, group)
    untick(data, scope())
    permissions = set(group.permissions.all())
    before, pages = grants(group), db_snapshot()

    response = save_group(client, group, data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Nothing was saved" in content
    assert "page permissions on Community" in content
    assert f"image and document permissions on {PARTNER_COLLECTIONS_ROOT}" in content
    # The form keeps what the admin ticked: the role unticked, the grants still listed.
    shown = querydict_from_html(content, form_id="w-editor-form")
    assert str(scope().pk) not in shown.getlist("permissions")
    assert shown["page_permissions-TOTAL_FORMS"] == data["page_permissions-TOTAL_FORMS"]
    assert set(group.permissions.all()) == permissions
    assert grants(group) == before and db_snapshot() == pages
    assert not may_edit(world["partner_a"], world["b_program"])
    assert_edit_refused(client, world, world["partner_a"], world["b_program"])


def test_the_groups_screen_takes_the_role_away_with_its_grants(client, world):
    group = Group.objects.get(name=PARTNERS)
    shared = str(
        GroupCollectionPermission.objects.get(
            group=group, collection__name=SHARED_COLLECTION, permission__codename="choose_image"
        ).collection_id
    )
    data = group_form(client, world, group)
    untick(data, scope())
    delete_rows(data, "page_permissions")
    for prefix in ("image_permissions", "document_permissions"):
        delete_rows(data, prefix, keep=lambda collection: collection == shared)

    response = save_group(client, group, data)

    assert response.status_code == 302
    assert not group.permissions.filter(pk=scope().pk).exists()
    assert not GroupPagePermission.objects.filter(group=group).exists()
    for page in ("a_program", "b_program"):
        assert not may_edit(world["partner_a"], world[page])
    assert not may_upload_to(world["partner_a"], world["org_b"])
    assert set(
        GroupCollectionPermission.objects.filter(group=group).values_list("collection__name", flat=True)
    ) == {SHARED_COLLECTION}


def test_the_groups_screen_saves_library_staff_groups_as_they_are(client, world):
    editors = Group.objects.get(name=LIBRARY_EDITORS)
    before = grants(editors)
    data = group_form(client, world, editors)
    data["name"] = "Library staff"
    assert save_group(client, editors, data).status_code == 302
    editors.refresh_from_db()
    assert editors.name == "Library staff" and grants(editors) == before
    assert may_edit(world["editor"], world["b_program"])


def test_the_groups_screen_makes_a_partner_group_library_staff_when_asked(client, world):
    # Taking the partner role and giving the library-staff one in the same save: Wagtail's
    # permissions.set() takes the role before it gives the other, so the shell's guard withdraws
    # the grants; the grants' panels, saved after it, post them back, and the group keeps them whole.
    group = Group.objects.get(name=PARTNERS)
    before = grants(group)
    data = group_form(client, world, group)
    untick(data, scope())
    data.appendlist("permissions", str(staff().pk))

    assert save_group(client, group, data).status_code == 302
    assert set(
        group.permissions.filter(content_type__app_label="clpages").values_list("codename", flat=True)
    ) == {
        "add_partnermembership",
        "view_communitypartner",
    }
    assert grants(group) == before
    assert may_edit(world["partner_a"], world["b_program"])
