"""`setup_community_roles`, partner collections and the demo users."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from clpages.partners.collections import PARTNER_COLLECTIONS_ROOT, SHARED_COLLECTION
from clpages.partners.roles import EDITORS_GROUP, PARTNERS_GROUP, SCOPE_PERMISSION
from home.demo_users import DEMO_PASSWORD, create_demo_users
from tests.builders import make_partner, make_user


def run_roles():
    out = io.StringIO()
    call_command("setup_community_roles", stdout=out)
    return out.getvalue()


def page_grants(group_name):
    return sorted(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "page__title", "permission__codename"
        )
    )


def collection_grants(group_name):
    return sorted(
        GroupCollectionPermission.objects.filter(group__name=group_name).values_list(
            "collection__name", "permission__codename"
        )
    )


def test_roles_give_each_group_its_page_rights_on_the_hub(tree):
    output = run_roles()
    assert "Community roles ready on 1 hub(s)" in output
    assert page_grants(EDITORS_GROUP) == sorted(
        ("Community", f"{action}_page") for action in ("add", "change", "publish", "lock", "unlock")
    )
    assert page_grants(PARTNERS_GROUP) == [("Community", "add_page"), ("Community", "change_page")]


def test_roles_give_collections_and_admin_access(tree):
    run_roles()
    assert collection_grants(PARTNERS_GROUP) == sorted(
        [
            (PARTNER_COLLECTIONS_ROOT, "add_image"),
            (PARTNER_COLLECTIONS_ROOT, "choose_image"),
            (PARTNER_COLLECTIONS_ROOT, "add_document"),
            (PARTNER_COLLECTIONS_ROOT, "choose_document"),
            (SHARED_COLLECTION, "choose_image"),
            (SHARED_COLLECTION, "choose_document"),
        ]
    )
    assert {codename for _, codename in collection_grants(EDITORS_GROUP)} == {
        f"{action}_{model}"
        for action in ("add", "change", "choose", "delete")
        for model in ("image", "document")
    }
    partner_perms = set(Group.objects.get(name=PARTNERS_GROUP).permissions.values_list("codename", flat=True))
    # wagtail-localize's one permission: which pages they translate is their organisations' scope.
    assert partner_perms == {
        "access_admin",
        "view_communitypartner",
        "act_for_own_organisations",
        "submit_translation",
    }
    editor_perms = set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "change_communitypartner",
        "add_partnermembership",
        "change_location",
        "submit_translation",
    } <= editor_perms
    assert not any(codename.endswith("_user") or codename.endswith("_group") for codename in editor_perms)


def test_roles_can_run_again_without_duplicating_anything(tree):
    run_roles()
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
    )
    assert "Updated group 'Library editors'" in run_roles()
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
    )


def test_roles_take_back_page_rights_partners_must_never_hold(tree):
    run_roles()
    partners = Group.objects.get(name=PARTNERS_GROUP)
    for codename, page in (("publish_page", tree["hub"]), ("change_page", tree["home"])):
        GroupPagePermission.objects.create(
            group=partners, page=page, permission=Permission.objects.get(codename=codename)
        )
    assert "Removed 2 page permission(s)" in run_roles()
    assert page_grants(PARTNERS_GROUP) == [("Community", "add_page"), ("Community", "change_page")]


def test_roles_run_before_any_hub_exists(db):
    assert "No community hub page yet" in run_roles()
    assert page_grants(PARTNERS_GROUP) == []


def test_every_organisation_gets_its_own_collection_named_after_it(tree):
    run_roles()
    partner = make_partner("Eastside Elders Circle")
    partner.refresh_from_db()
    assert partner.collection.name == "Eastside Elders Circle"
    assert partner.collection.get_parent().name == PARTNER_COLLECTIONS_ROOT
    partner.name = "Eastside Elders"
    partner.save()
    partner.collection.refresh_from_db()
    assert partner.collection.name == "Eastside Elders"


def test_roles_give_a_collection_to_organisations_that_have_none(tree):
    partner = make_partner("Hillside Parents")
    type(partner).objects.filter(pk=partner.pk).update(collection=None)
    run_roles()
    partner.refresh_from_db()
    assert partner.collection.name == "Hillside Parents"


@pytest.fixture
def demo_organisations(tree):
    run_roles()
    return make_partner("Riverbend Newcomers Network"), make_partner("Northside Youth Collective")


def test_demo_users_sign_in_with_their_roles_and_organisations(client, demo_organisations):
    riverbend, northside = demo_organisations
    create_demo_users()
    User = get_user_model()
    for username, group, organisations in (
        ("editor", EDITORS_GROUP, []),
        ("partner", PARTNERS_GROUP, [riverbend]),
        ("partner2", PARTNERS_GROUP, [northside]),
    ):
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert list(user.partner_organisations.all()) == organisations
        assert client.login(username=username, password=DEMO_PASSWORD)


def test_demo_users_are_created_once_and_keep_a_changed_password(demo_organisations):
    create_demo_users()
    user = get_user_model().objects.get(username="partner")
    user.set_password("my-own-choice-123")
    user.save()
    create_demo_users()
    user.refresh_from_db()
    assert user.check_password("my-own-choice-123")
    assert get_user_model().objects.filter(username__in=["editor", "partner", "partner2"]).count() == 3
    assert user.partner_organisations.count() == 1


def test_demo_users_skip_membership_when_an_organisation_is_missing(tree):
    run_roles()
    out = io.StringIO()
    create_demo_users(stdout=out)
    assert "No organisation named 'Riverbend Newcomers Network'" in out.getvalue()
    assert not get_user_model().objects.get(username="partner").partner_organisations.exists()


def test_demo_partners_co_lead_and_can_edit_the_same_program(demo_organisations, tree):
    from tests.builders import make_program

    program = make_program(tree["programs"], "Homework Help Club", partners=list(demo_organisations))
    create_demo_users()
    for username in ("partner", "partner2", "editor"):
        user = get_user_model().objects.get(username=username)
        assert program.permissions_for_user(user).can_edit()
        assert program.permissions_for_user(user).can_publish() == (username == "editor")


def test_make_user_helper_joins_groups_and_organisations(tree):
    run_roles()
    org = make_partner()
    user = make_user("someone", [PARTNERS_GROUP], [org])
    assert list(user.partner_organisations.all()) == [org]


def test_the_page_policy_is_in_place_before_any_admin_request():
    # Management commands and signal handlers ask Wagtail's registry too, outside the admin.
    code = (
        "import django; django.setup()\n"
        "from wagtail.models import Page\n"
        "from wagtail.permissions import policy_registry\n"
        "print(type(policy_registry.get_by_type(Page)).__name__)\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clsite.settings.test",
        "PYTHONPATH": f"{root}:{root / 'site'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=root
    )
    assert result.stdout.strip() == "CommunityPagePermissionPolicy"


def test_a_partner_group_named_library_editors_is_never_given_editor_rights(db):
    # No group holds the library-staff role; the group of its default name acts for partners.
    named = Group.objects.create(name="Library editors")
    app_label, _, codename = SCOPE_PERMISSION
    named.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    with pytest.raises(CommandError, match="holds the partner role"):
        call_command("setup_community_roles", verbosity=0)
    assert list(named.permissions.values_list("codename", flat=True)) == ["act_for_own_organisations"]
    assert not GroupPagePermission.objects.filter(group=named).exists()
