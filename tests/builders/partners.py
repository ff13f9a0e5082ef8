"""The partner world: roles, two organisations with a partner each, an editor, and their programs.

Also what tests of the admin post and compare: a page form as Wagtail draws it, and a snapshot of
everything a refused request could have changed.
"""

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from clpages.models import EvaluationPage, PartnershipPage, ProgramPage
from clpages.partners.roles import EDITORS_GROUP as LIBRARY_EDITORS
from clpages.partners.roles import PARTNERS_GROUP as PARTNERS
from tests.builders.programs import make_program
from tests.builders.site import make_partner, make_user


def build_partner_world(tree):
    """Roles and the "Community review" workflow, organisations A and B, a partner in each
    (Amira for A, Ben for B), an editor (Edith), and their programs, without sessions:
    ``a_program`` co-created with A only, ``b_program`` with B only, ``ab_program`` co-led by both.
    """
    call_command("setup_community_roles", verbosity=0)
    org_a = make_partner("Riverbend Newcomers Network")
    org_b = make_partner("Northside Youth Collective")
    return {
        **tree,
        "org_a": org_a,
        "org_b": org_b,
        "editor": make_user("editor", [LIBRARY_EDITORS], first_name="Edith"),
        "partner_a": make_user("partner_a", [PARTNERS], [org_a], first_name="Amira"),
        "partner_b": make_user("partner_b", [PARTNERS], [org_b], first_name="Ben"),
        "a_program": make_program(tree["programs"], "Family story time", partners=[org_a], sessions=0),
        "b_program": make_program(tree["programs"], "Teen zine lab", partners=[org_b], sessions=0),
        "ab_program": make_program(
            tree["programs"], "Homework Help Club", partners=[org_a, org_b], sessions=0
        ),
    }


def db_snapshot():
    """Everything a refused admin request could have changed in the page tree."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "title",
                "draft_title",
                "slug",
                "live",
                "has_unpublished_changes",
                "latest_revision_id",
                "locked",
                "owner",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "object_id")),
        "restrictions": PageViewRestriction.objects.count(),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "co_creators": sorted(
            ProgramPage.co_created_with.through.objects.values_list("programpage", "communitypartner")
        ),
        "partnerships": list(PartnershipPage.objects.order_by("pk").values_list("pk", "partner")),
        "evaluations": list(
            EvaluationPage.objects.order_by("pk").values_list("pk", "program", "partnership")
        ),
    }


def admin_form_data(client, admin, url):
    """A page form as Wagtail renders it, fetched by a superuser: what anyone could forge."""
    client.force_login(admin)
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").copy()
    # StreamFields are drawn by JavaScript; the test pages' bodies are empty.
    data.setdefault("body-count", "0")
    client.logout()
    return data


def edit_form_data(client, page, **changes):
    """The page's edit form as the signed-in user's browser would post it, with `changes` applied.

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


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_refused(response):
    """Refused as Wagtail refuses: 403, or sent back to the dashboard."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def post_form(client, url, data=None):
    # A QueryDict posted as is would lose all but the last of a field's values.
    return client.post(url, dict(data.lists()) if hasattr(data, "lists") else data or {})
