"""Roles, organisations and people for the workflow, dashboard and invitation tests."""

import importlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from clpages.models import PartnerMembership
from clpages.workflows import LIBRARY_EDITORS, ensure_community_review_workflow
from tests.factories import make_partner, make_program

PARTNERS = "Community partners"
PASSWORD = "a-long-test-password"


def setup_roles(hub):
    """The project's own roles command when present; otherwise the smallest set of Wagtail
    permissions the workflow needs, so these tests stand on their own."""
    if importlib.util.find_spec("clpages.management.commands.setup_community_roles"):
        call_command("setup_community_roles", verbosity=0)
    else:
        access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        editors, _ = Group.objects.get_or_create(name=LIBRARY_EDITORS)
        partners, _ = Group.objects.get_or_create(name=PARTNERS)
        for group, perms in (
            (editors, ("add", "change", "publish", "lock", "unlock")),
            (partners, ("add", "change")),
        ):
            group.permissions.add(access)
            for codename in perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=hub, permission=Permission.objects.get(codename=f"{codename}_page")
                )
    return ensure_community_review_workflow()


def make_user(username, groups=(), partners=(), **kwargs):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **kwargs
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for partner in partners:
        PartnerMembership.objects.create(partner=partner, user=user)
    return user


def build_community(tree):
    """Two organisations A and B, a partner in each, an editor, and a program they co-lead."""
    setup_roles(tree["hub"])
    org_a = make_partner("Riverbend Newcomers Network")
    org_b = make_partner("Eastside Youth Collective")
    people = {
        "partner_a": make_user("partner_a", [PARTNERS], [org_a], first_name="Amira"),
        "partner_b": make_user("partner_b", [PARTNERS], [org_b], first_name="Ben"),
        "editor": make_user("editor", [LIBRARY_EDITORS], first_name="Edith"),
    }
    program = make_program(tree["programs"], title="Homework Club", partners=[org_a, org_b])
    solo = make_program(tree["programs"], title="Newcomer Welcome Tea", partners=[org_a])
    return {**tree, **people, "org_a": org_a, "org_b": org_b, "program": program, "solo": solo}


def edit_form_data(client, page, **changes):
    """The page's edit form as a browser would post it, with `changes` applied.

    The body StreamField is rendered by JavaScript, so it is posted explicitly (as paragraphs).
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    body = changes.pop("body", [])
    extra = {"body": streamfield([("text", rich_text(html)) for html in body])}
    for name, value in changes.items():
        extra[name] = rich_text(value) if name in ("community_goals", "success_looks_like") else value
    for key, value in nested_form_data(extra).items():
        data[key] = value
    # The test client posts only the last value of a QueryDict key: give it lists.
    return {key: data.getlist(key) for key in data}
