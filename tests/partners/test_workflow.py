"""The "Community review" workflow, driven through the Wagtail admin's own views."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowPage, WorkflowState

from clpages.models import ProgramPage
from clpages.models.moderation import PartnerCoReviewTask, PartnerCoReviewTaskState, reviewing_partner_ids
from clpages.partners.workflows import ensure_community_review_workflow
from tests.builders import (
    PARTNERS,
    edit_form_data,
    fresh,
    make_evaluation,
    make_partner,
    make_program,
    make_user,
)


@pytest.fixture
def community(db, partner_world_once):
    return fresh(partner_world_once)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def submit(client, user, page, **changes):
    client.force_login(user)
    data = edit_form_data(client, page, **changes)
    data["action-submit"] = "1"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return response


def act(client, user, page, action, comment=""):
    client.force_login(user)
    state = ProgramPage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    return client.post(url, {"comment": comment})


def current_task(page):
    state = WorkflowState.objects.for_instance(page).active().select_related("current_task_state__task").get()
    return state.status, state.current_task_state.task.name


def assert_refused(response):
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message.
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


def test_end_to_end_partners_then_library(client, community):
    program, a, b, editor = (community[k] for k in ("ab_program", "partner_a", "partner_b", "editor"))

    # 1. Partner A edits the co-led program and submits it: partner B is asked to review.
    mail.outbox.clear()
    submit(client, a, program, summary="Homework help in Arabic and Dari, every Tuesday.")
    assert current_task(program) == ("in_progress", "Partner co-review")
    assert recipients(mail.outbox) == ["partner_b@example.org"]
    assert reverse("clpages_review", args=(program.pk,)) in mail.outbox[0].body

    # 2. Partner B requests changes, with a comment; A is told, with the comment and a link.
    mail.outbox.clear()
    response = act(client, b, program, "reject", comment="Please add the Eastside branch as a venue.")
    assert response.status_code == 302
    assert current_task(program) == ("needs_changes", "Partner co-review")
    assert recipients(mail.outbox) == ["partner_a@example.org"]
    assert "Please add the Eastside branch as a venue." in mail.outbox[0].body
    assert edit_url(program) in mail.outbox[0].body
    # The rejection keeps A's revision as A wrote it.
    latest = ProgramPage.objects.get(pk=program.pk).get_latest_revision().as_object()
    assert latest.summary == "Homework help in Arabic and Dari, every Tuesday."

    # 3. A sees the comment on the dashboard, edits and resubmits: B is asked again.
    client.force_login(a)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Please add the Eastside branch as a venue." in dashboard
    editor_screen = client.get(edit_url(program)).content.decode()
    assert "Ben requested changes: “Please add the Eastside branch as a venue.”" in editor_screen
    mail.outbox.clear()
    submit(client, a, program, summary="Homework help in Arabic and Dari, Tuesdays at the Eastside branch.")
    assert current_task(program) == ("in_progress", "Partner co-review")
    assert recipients(mail.outbox) == ["partner_b@example.org"]

    # 4. B approves: it moves to the library; the editor is asked, A is told.
    mail.outbox.clear()
    assert act(client, b, program, "approve", comment="Looks right to us.").status_code == 302
    assert current_task(program) == ("in_progress", "Library approval")
    assert recipients(mail.outbox) == ["editor@example.org", "partner_a@example.org"]
    to_a = next(m for m in mail.outbox if m.to == ["partner_a@example.org"])
    assert "Looks right to us." in to_a.body

    # 5. The editor approves: the page is live with A's content, and A is told.
    mail.outbox.clear()
    assert act(client, editor, program, "approve").status_code == 302
    program = ProgramPage.objects.get(pk=program.pk)
    assert program.live and not program.has_unpublished_changes
    assert program.summary == "Homework help in Arabic and Dari, Tuesdays at the Eastside branch."
    assert not WorkflowState.objects.for_instance(program).active().exists()
    assert recipients(mail.outbox) == ["partner_a@example.org"]
    assert program.full_url in mail.outbox[0].body
    public = client.get(program.url)
    assert "Tuesdays at the Eastside branch" in public.content.decode()

    # Every step is in the page's history, with who and when.
    entries = list(
        PageLogEntry.objects.filter(page=program, action__startswith="wagtail.workflow")
        .order_by("timestamp", "pk")
        .values_list("action", "user__username", "timestamp")
    )
    assert [(action, user) for action, user, _ in entries] == [
        ("wagtail.workflow.start", "partner_a"),
        ("wagtail.workflow.reject", "partner_b"),
        ("wagtail.workflow.resume", "partner_a"),
        ("wagtail.workflow.approve", "partner_b"),
        ("wagtail.workflow.approve", "editor"),
    ]
    assert all(when is not None for _, _, when in entries)
    reject = PageLogEntry.objects.get(page=program, action="wagtail.workflow.reject")
    assert reject.data["comment"] == "Please add the Eastside branch as a venue."
    assert PageLogEntry.objects.filter(page=program, action="wagtail.edit", user=a).exists()
    assert PageLogEntry.objects.filter(page=program, action="wagtail.publish", user=editor).exists()

    # The history screen shows them to the people involved.
    client.force_login(editor)
    history = client.get(reverse("wagtailadmin_pages:history", args=(program.pk,)))
    assert history.status_code == 200
    assert "Partner co-review" in history.content.decode()


def test_co_review_is_skipped_when_no_other_organisation(client, community):
    mail.outbox.clear()
    submit(client, community["partner_a"], community["a_program"], summary="Tea and conversation.")
    assert current_task(community["a_program"]) == ("in_progress", "Library approval")
    skipped = PartnerCoReviewTaskState.objects.get(workflow_state__object_id=str(community["a_program"].pk))
    assert skipped.status == TaskState.STATUS_SKIPPED
    assert recipients(mail.outbox) == ["editor@example.org"]


def test_reviewers_are_the_other_organisations_of_the_revision(community):
    program, org_a, org_b = community["ab_program"], community["org_a"], community["org_b"]
    assert reviewing_partner_ids(program, community["partner_a"]) == {org_b.pk}
    assert reviewing_partner_ids(program, community["partner_b"]) == {org_a.pk}
    # Someone outside both organisations (an editor submitting) is reviewed by either.
    assert reviewing_partner_ids(program, community["editor"]) == {org_a.pk, org_b.pk}
    evaluation = make_evaluation(community["evaluations"], program=program)
    assert reviewing_partner_ids(evaluation, community["partner_a"]) == {org_b.pk}


def test_only_members_of_the_other_organisations_may_review(client, community):
    program, a = community["ab_program"], community["partner_a"]
    outsider = make_user("outsider", [PARTNERS], [make_partner("Northside Seniors")])
    submit(client, a, program, summary="Changed by A.")
    for person in (a, outsider):
        assert_refused(act(client, person, program, "approve"))
        assert current_task(program) == ("in_progress", "Partner co-review")
    # A second member of A's own organisation is not a co-reviewer either.
    colleague = make_user("colleague", [PARTNERS], [community["org_a"]])
    assert_refused(act(client, colleague, program, "reject", comment="No"))
    assert current_task(program) == ("in_progress", "Partner co-review")


def test_a_forged_task_state_from_another_page_is_refused(client, community):
    # B co-reviews the program; a second program co-led by A and C is not B's to review.
    program, a, b = community["ab_program"], community["partner_a"], community["partner_b"]
    org_c = make_partner("Northside Seniors")
    other = make_program(
        community["programs"], title="Seniors Tech Help", partners=[community["org_a"], org_c]
    )
    submit(client, a, program, summary="Changed by A.")
    submit(client, a, other, summary="Also changed by A.")
    other_state = ProgramPage.objects.get(pk=other.pk).current_workflow_task_state
    client.force_login(b)
    url = reverse("wagtailadmin_pages:workflow_action", args=(program.pk, "approve", other_state.pk))
    assert_refused(client.post(url, {"comment": ""}))
    assert TaskState.objects.get(pk=other_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert current_task(program) == ("in_progress", "Partner co-review")


def test_requesting_changes_needs_a_comment(client, community):
    program = community["ab_program"]
    submit(client, community["partner_a"], program, summary="Changed by A.")
    act(client, community["partner_b"], program, "reject", comment="   ")
    assert current_task(program) == ("in_progress", "Partner co-review")
    task = PartnerCoReviewTask.objects.get()
    form = task.get_form_for_action("reject")({"comment": ""})
    assert not form.is_valid()
    assert "Tell the author what needs to change." in str(form.errors)


def test_submitter_waits_while_partners_review(client, community):
    program, a, b = community["ab_program"], community["partner_a"], community["partner_b"]
    submit(client, a, program, summary="Changed by A.")
    page = ProgramPage.objects.get(pk=program.pk)
    assert page.permissions_for_user(a).page_locked()
    assert not page.permissions_for_user(b).page_locked()
    assert not page.permissions_for_user(community["editor"]).page_locked()
    # Reviewers find it among what they can moderate; the submitter does not.
    assert TaskState.objects.reviewable_by(b).filter(status="in_progress").count() == 1
    assert not TaskState.objects.reviewable_by(a).exists()


def test_editors_can_still_publish_directly(client, community):
    program, editor = community["ab_program"], community["editor"]
    client.force_login(editor)
    data = edit_form_data(client, program, summary="Published straight away by the library.")
    data["action-publish"] = "1"
    assert client.post(edit_url(program), data).status_code == 302
    program = ProgramPage.objects.get(pk=program.pk)
    assert program.live and program.summary == "Published straight away by the library."


def test_workflow_setup_is_idempotent(community):
    first = ensure_community_review_workflow()
    second = ensure_community_review_workflow()
    assert first == second
    assert Workflow.objects.filter(name="Community review").count() == 1
    assert [task.specific.__class__.__name__ for task in second.tasks] == [
        "PartnerCoReviewTask",
        "LibraryApprovalTask",  # a proxy of Wagtail's GroupApprovalTask
    ]
    assert list(second.tasks.specific()[1].groups.values_list("name", flat=True)) == ["Library editors"]
    assert WorkflowPage.objects.get(page=community["hub"]).workflow == second
    assert community["ab_program"].get_workflow() == second
    assert community["home"].get_workflow() != second


def test_partner_rich_text_reaches_the_public_page_inert(client, community):
    program, a, b, editor = (community[k] for k in ("ab_program", "partner_a", "partner_b", "editor"))
    submit(
        client,
        a,
        program,
        body=[
            '<p>Join us<script>alert("body")</script> '
            '<a href="javascript:alert(1)">click here</a> <a href="https://example.org/ok">safe link</a></p>'
        ],
        community_goals='<p>Goals<script>alert("goals")</script> <a href="JavaScript:alert(2)">x</a></p>',
    )
    act(client, b, program, "approve")
    act(client, editor, program, "approve")
    program = ProgramPage.objects.get(pk=program.pk)
    assert program.live
    html = client.get(program.url).content.decode()
    assert "Join us" in html and "safe link" in html and "Goals" in html
    # What was a script is left as plain words, never as a script element.
    assert "<script>alert" not in html
    assert 'Join usalert("body")' in html
    assert "javascript:" not in html.lower()
    assert 'href="https://example.org/ok"' in html


def test_the_roles_command_assigns_the_workflow_to_the_community_section(tree):
    from django.core.management import call_command

    for _ in range(2):
        call_command("setup_community_roles", verbosity=0)
    workflow = Workflow.objects.get(name="Community review")
    assert Workflow.objects.filter(name="Community review").count() == 1
    assert tree["programs"].get_workflow() == workflow
    assert tree["home"].get_workflow() != workflow
