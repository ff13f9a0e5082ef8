"""Roles, organisations and people for the workflow, dashboard and invitation tests."""

from django.core.management import call_command
from wagtail.models import Workflow
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from clpages.partners.roles import EDITORS_GROUP as LIBRARY_EDITORS
from clpages.partners.roles import PARTNERS_GROUP as PARTNERS
from tests.factories import TEST_PASSWORD as PASSWORD
from tests.factories import make_partner, make_program, make_user

__all__ = ["PARTNERS", "PASSWORD", "build_community", "edit_form_data", "make_user"]


def setup_roles():
    """The project's own command: roles, collections and the "Community review" workflow."""
    call_command("setup_community_roles", verbosity=0)
    return Workflow.objects.get(name="Community review")


def build_community(tree):
    """Two organisations A and B, a partner in each, an editor, and a program they co-lead."""
    setup_roles()
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
