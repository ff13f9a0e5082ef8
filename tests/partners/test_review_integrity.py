"""What goes live is exactly the text every review step approved, whatever route wrote it."""

import json

import pytest
from django.contrib.messages import get_messages
from django.db.models.signals import post_save
from wagtail.models import Page, Revision, TaskState, WorkflowState

from clpages.models import ProgramPage
from clpages.models.moderation import PartnerCoReviewTaskState
from tests.builders import db_snapshot, edit_form_data
from tests.builders import fresh as fresh_world
from tests.partners.test_workflow import act, assert_refused, current_task, edit_url, submit


@pytest.fixture
def community(db, partner_world_once):
    return fresh_world(partner_world_once)


def api_action_url(page, action):
    return f"/admin/api/main/pages/{page.pk}/action/{action}/"


def api_post(client, user, page, action, payload):
    client.force_login(user)
    return client.post(api_action_url(page, action), json.dumps(payload), content_type="application/json")


def fresh(page):
    return ProgramPage.objects.get(pk=page.pk)


def reviewing_organisations(page):
    state = fresh(page).current_workflow_task_state
    assert isinstance(state, PartnerCoReviewTaskState)
    return set(state.reviewing_partners.values_list("pk", flat=True))


def original_revision(page):
    return Revision.objects.filter(object_id=str(page.pk)).order_by("pk").first()


# 1. Swapped text goes live -------------------------------------------------------------------


@pytest.mark.parametrize("who", ["partner_a", "partner_b"])
def test_partners_cannot_swap_text_through_the_admin_api_during_review(client, community, who):
    program = community["ab_program"]
    submit(client, community["partner_a"], program, summary="Reviewed text.")
    before = db_snapshot()
    response = api_post(
        client,
        community[who],
        program,
        "revert_to_page_revision",
        {"revision_id": original_revision(program).pk},
    )
    assert response.status_code == 403
    assert db_snapshot() == before
    assert fresh(program).get_latest_revision().as_object().summary == "Reviewed text."


@pytest.mark.parametrize(
    "action, payload",
    [
        ("revert_to_page_revision", None),
        ("publish", {}),
        ("unpublish", {}),
        ("copy", {"destination_page_id": None, "slug": "copied-club"}),
        ("delete", {}),
    ],
)
def test_partners_cannot_use_admin_api_page_actions_that_write(client, community, action, payload):
    program = community["ab_program"]
    if payload is None:
        payload = {"revision_id": original_revision(program).pk}
    if "destination_page_id" in payload:
        payload["destination_page_id"] = community["programs"].pk
    before = db_snapshot()
    assert api_post(client, community["partner_a"], program, action, payload).status_code == 403
    assert db_snapshot() == before


def test_a_new_revision_during_library_approval_goes_back_to_partners(client, community):
    program, a, b, editor = (community[k] for k in ("ab_program", "partner_a", "partner_b", "editor"))
    submit(client, a, program, summary="Text the partners approved.")
    assert act(client, b, program, "approve").status_code == 302
    assert current_task(program) == ("in_progress", "Library approval")

    # A revert through the admin API writes a new latest revision: it must be reviewed again.
    response = api_post(
        client, editor, program, "revert_to_page_revision", {"revision_id": original_revision(program).pk}
    )
    assert response.status_code == 200
    swapped = fresh(program).get_latest_revision()
    assert current_task(program) == ("in_progress", "Partner co-review")
    assert fresh(program).current_workflow_task_state.revision_id == swapped.pk
    # The library wrote it, so either co-leading organisation may review it.
    assert reviewing_organisations(program) == {community["org_a"].pk, community["org_b"].pk}

    assert act(client, a, program, "approve").status_code == 302
    assert current_task(program) == ("in_progress", "Library approval")
    assert act(client, editor, program, "approve").status_code == 302
    program = fresh(program)
    assert program.live_revision_id == swapped.pk
    assert program.summary == swapped.as_object().summary
    approvals = TaskState.objects.filter(
        workflow_state__object_id=str(program.pk), status=TaskState.STATUS_APPROVED
    ).order_by("pk")
    # The revision that went live is the one both steps approved last.
    assert [state.revision_id for state in approvals][-2:] == [swapped.pk, swapped.pk]


def test_a_reviewers_edit_is_reviewed_by_the_submitters_organisation(client, community):
    program, a, b = community["ab_program"], community["partner_a"], community["partner_b"]
    submit(client, a, program, summary="A wrote this.")
    client.force_login(b)
    data = edit_form_data(client, program, summary="B rewrote this.")
    assert client.post(edit_url(program), data).status_code == 302
    assert current_task(program) == ("in_progress", "Partner co-review")
    assert reviewing_organisations(program) == {community["org_a"].pk}
    # B may not approve B's own text; A now reviews it.
    before = db_snapshot()
    assert_refused(act(client, b, program, "approve"))
    assert db_snapshot() == before
    assert act(client, a, program, "approve").status_code == 302
    assert current_task(program) == ("in_progress", "Library approval")
    assert fresh(program).current_workflow_task_state.revision.as_object().summary == "B rewrote this."


def test_library_editing_while_approving_sends_the_edit_to_partners_first(client, community):
    program, a, b, editor = (community[k] for k in ("ab_program", "partner_a", "partner_b", "editor"))
    submit(client, a, program, summary="Text the partners approved.")
    act(client, b, program, "approve")
    client.force_login(editor)
    data = edit_form_data(client, program, summary="The library's own wording.")
    data["action-workflow-action"] = ["1"]
    data["workflow-action-name"] = ["approve"]
    assert client.post(edit_url(program), data).status_code == 302
    program = fresh(program)
    assert program.summary != "The library's own wording."  # nothing went live unreviewed
    assert current_task(program) == ("in_progress", "Partner co-review")
    assert program.current_workflow_task_state.revision.as_object().summary == "The library's own wording."


# 2. Co-review skipped after the library asks for changes ---------------------------------------


def test_resubmitting_after_the_library_asks_for_changes_starts_at_partner_co_review(client, community):
    program, a, b, editor = (community[k] for k in ("ab_program", "partner_a", "partner_b", "editor"))
    submit(client, a, program, summary="First version.")
    act(client, b, program, "approve")
    assert act(client, editor, program, "reject", comment="Please add the opening hours.").status_code == 302
    assert current_task(program) == ("needs_changes", "Library approval")

    submit(client, a, program, summary="Final version, with opening hours.")
    assert current_task(program) == ("in_progress", "Partner co-review")
    assert reviewing_organisations(program) == {community["org_b"].pk}
    final = fresh(program).get_latest_revision()
    assert fresh(program).current_workflow_task_state.revision_id == final.pk

    assert act(client, b, program, "approve").status_code == 302
    assert act(client, editor, program, "approve").status_code == 302
    program = fresh(program)
    assert program.live_revision_id == final.pk
    assert program.summary == "Final version, with opening hours."


# 13. Cancelling someone else's submission; two submissions at once -----------------------------


@pytest.mark.parametrize("button", ["action-cancel-workflow", "action-restart-workflow"])
def test_a_co_reviewer_cannot_end_the_authors_submission(client, community, button):
    program, a, b = community["ab_program"], community["partner_a"], community["partner_b"]
    submit(client, a, program, summary="Changed by A.")
    client.force_login(b)
    assert f'name="{button}"' not in client.get(edit_url(program)).content.decode()
    data = edit_form_data(client, program)
    data[button] = ["1"]
    before = db_snapshot()
    assert_refused(client.post(edit_url(program), data))
    assert db_snapshot() == before
    assert current_task(program) == ("in_progress", "Partner co-review")


def test_the_submitter_can_still_cancel_their_submission(client, community):
    program, a = community["ab_program"], community["partner_a"]
    submit(client, a, program, summary="Changed by A.")
    client.force_login(a)
    assert 'name="action-cancel-workflow"' in client.get(edit_url(program)).content.decode()
    data = edit_form_data(client, program)
    data["action-cancel-workflow"] = ["1"]
    assert client.post(edit_url(program), data).status_code in (200, 302)
    assert not WorkflowState.objects.for_instance(fresh(program)).active().exists()


def test_two_partners_submitting_at_once_the_second_is_told_plainly(client, community):
    program, a, b = community["ab_program"], community["partner_a"], community["partner_b"]
    workflow = program.get_workflow()

    # A's submission lands while B's own submission is already past Wagtail's checks: just
    # after B's draft is saved, before B's review starts.
    def a_submits_meanwhile(sender, instance, update_fields=None, **kwargs):
        if isinstance(instance, Page) and update_fields and "latest_revision" in update_fields:
            post_save.disconnect(a_submits_meanwhile)
            workflow.start(Page.objects.get(pk=program.pk).specific, a)

    client.force_login(b)
    data = edit_form_data(client, program, summary="B's wording.")
    data["action-submit"] = ["1"]
    post_save.connect(a_submits_meanwhile, weak=False)
    try:
        response = client.post(edit_url(program), data)
    finally:
        post_save.disconnect(a_submits_meanwhile)

    assert response.status_code == 302 and response["Location"] == edit_url(program)
    text = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "Amira submitted this page for review just before you did" in text
    # One review, A's, and B's wording is saved and is what it reviews; B cannot approve it.
    assert WorkflowState.objects.for_instance(fresh(program)).active().count() == 1
    assert current_task(program) == ("in_progress", "Partner co-review")
    under_review = fresh(program).current_workflow_task_state
    assert under_review.revision.as_object().summary == "B's wording."
    assert reviewing_organisations(program) == {community["org_a"].pk}
    # Nothing is broken: B's editor still opens, and the review carries on to the library.
    assert client.get(edit_url(program)).status_code == 200
    assert act(client, a, program, "approve").status_code == 302
    assert current_task(program) == ("in_progress", "Library approval")


def test_the_library_can_still_publish_directly_during_review(client, community):
    program, editor = community["ab_program"], community["editor"]
    submit(client, community["partner_a"], program, summary="Changed by A.")
    client.force_login(editor)
    data = edit_form_data(client, program, summary="Published by the library.")
    data["action-publish"] = ["1"]
    assert client.post(edit_url(program), data).status_code == 302
    program = fresh(program)
    assert program.live and program.summary == "Published by the library."
    assert program.live_revision_id == program.latest_revision_id
    assert not WorkflowState.objects.for_instance(program).active().exists()


def test_pages_outside_the_community_section_keep_wagtails_workflow(client, community):
    from wagtail.models import Workflow

    home, editor = community["home"].specific, community["editor"]
    workflow = Workflow.objects.exclude(name="Community review").first() or Workflow.objects.create(
        name="Moderators approval"
    )
    assert home.get_workflow() != community["ab_program"].get_workflow()
    home.save_revision(user=editor)
    state = workflow.start(home, editor)
    # A new revision during that review leaves it where it is, as Wagtail does.
    task_state = state.current_task_state
    home.save_revision(user=editor)
    state.refresh_from_db()
    assert state.current_task_state_id == (task_state.pk if task_state else None)


def test_the_site_says_when_review_settings_are_missing(settings):
    from clpages.partners.review import check_review_settings

    assert check_review_settings(None) == []
    settings.WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail.workflows.publish_workflow_state"
    settings.MIDDLEWARE = [
        path
        for path in settings.MIDDLEWARE
        if path
        not in (
            "clpages.partners.review.ReviewConflictMiddleware",
            "clpages.partners.admin_scope.PartnerAdminScopeMiddleware",
        )
    ]
    assert {message.id for message in check_review_settings(None)} == {
        "clpages.E201",
        "clpages.W202",
        "clpages.W203",
    }
