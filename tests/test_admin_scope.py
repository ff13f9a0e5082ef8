"""Partners' scope in the admin comes from a permission, reaches every admin read of page titles,
images and documents, and costs nothing for pages and people outside the community section."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page

from clpages.models import ProgramPage
from clpages.roles import EDITORS_GROUP, PARTNERS_GROUP
from tests.factories import (
    build_partner_world,
    build_site,
    built_once,
    db_snapshot,
    fresh,
    make_user,
    post_form,
)

SECRET = "Secret draft of B"


def _build_world():
    world = build_partner_world(build_site())
    call_command("setup_community_roles", verbosity=0)
    draft = ProgramPage(title=SECRET, summary="Not public yet.", live=False)
    draft.co_created_with.set([world["org_b"]])
    world["programs"].add_child(instance=draft)
    draft.save_revision()
    world["b_draft"] = draft
    world["staff_notes"] = world["home"].add_child(instance=Page(title="Staff notes", slug="staff-notes"))
    world["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return world


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as world:
        yield world


@pytest.fixture
def world(db, shared_world):
    return fresh(shared_world)


def edit_status(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    client.logout()
    return response.status_code


def setup_roles_output():
    out = io.StringIO()
    call_command("setup_community_roles", stdout=out)
    return out.getvalue()


# -- 4. rights by permission, not by a group's name ---------------------------------------------


def test_a_renamed_partner_group_still_acts_only_for_its_organisations(client, world):
    Group.objects.filter(name=PARTNERS_GROUP).update(name="Partenaires communautaires")
    assert edit_status(client, world["partner_a"], world["a_program"]) == 200
    assert edit_status(client, world["partner_a"], world["b_program"]) in (302, 403)
    client.force_login(world["partner_a"])
    before = db_snapshot()
    response = post_form(
        client,
        reverse("wagtailadmin_pages:edit", args=[world["b_program"].pk]),
        {"title": "Taken over", "slug": world["b_program"].slug},
    )
    assert response.status_code in (302, 403)
    assert db_snapshot() == before


def test_setup_finds_renamed_groups_by_their_permission(world):
    Group.objects.filter(name=PARTNERS_GROUP).update(name="Partenaires communautaires")
    Group.objects.filter(name=EDITORS_GROUP).update(name="Bibliothécaires")
    groups = Group.objects.count()
    output = setup_roles_output()
    assert "Updated group 'Partenaires communautaires'" in output
    assert "Updated group 'Bibliothécaires'" in output
    assert Group.objects.count() == groups
    assert not Group.objects.filter(name__in=[PARTNERS_GROUP, EDITORS_GROUP]).exists()
    library = GroupApprovalTask.objects.get(name="Library approval")
    assert list(library.groups.values_list("name", flat=True)) == ["Bibliothécaires"]


def test_a_second_partner_group_is_organisation_scoped_too(client, world):
    youth = Group.objects.create(name="Youth partners")
    youth.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="act_for_own_organisations"),
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=youth, page=world["hub"], permission=Permission.objects.get(codename=codename)
        )
    member = make_user("youth_worker", ["Youth partners"], [world["org_a"]])
    assert edit_status(client, member, world["a_program"]) == 200
    assert edit_status(client, member, world["b_program"]) in (302, 403)
    assert edit_status(client, member, world["hub"]) in (302, 403)
