"""The review path in partners' words: submitting is a partner's main action, "changes
requested" (never "rejected" or "moderation") in every message and email, "Submit again", and
the review screen reviewers decide on, which only those the current step asks may use."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from clpages.models import ProgramPage
from tests.builders import PARTNERS, edit_form_data, fresh, make_partner, make_user

WAGTAIL_WORDS = re.compile(r"reject|moderation", re.IGNORECASE)


@pytest.fixture
def community(db, partner_world_once):
    return fresh(partner_world_once)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def review_url(page):
    return reverse("clpages_review", args=(page.pk,))


def submit(client, user, page, **changes):
    client.force_login(user)
    data = edit_form_data(client, page, **changes)
    data["action-submit"] = "1"
    response = client.post(edit_url(page), data, follow=True)
    assert response.status_code == 200
    return response


def decide(client, user, page, action, comment="", task_state=None):
    client.force_login(user)
    state = task_state or ProgramPage.objects.get(pk=page.pk).current_workflow_task_state
    data = {"action": action, "task_state": state.pk if state else "", f"{action}-comment": comment}
    return client.post(review_url(page), data)


def status(page):
    state = (
        WorkflowState.objects.for_instance(page).filter(status__in=("in_progress", "needs_changes")).first()
    )
    return (state.status, state.current_task_state.task.name) if state else None


def editor_actions(html):
    """The action menu's buttons as (name, label), the main one first."""
    footer = html[html.index('<footer class="footer') :]
    actions = []
    for attributes, inner in re.findall(r"<button([^>]*)>(.*?)</button>", footer, re.DOTALL):
        name = re.search(r'name="(action-[\w-]+)" value="([^"]*)"', attributes)
        if name:
            actions.append(name.groups())
        elif "action-save" in attributes:
            actions.append(("action-save-draft", re.sub(r"<[^>]+>", "", inner).strip()))
    return actions


def everything_sent():
    return [
        (message.subject, message.body, "".join(html for html, _type in message.alternatives))
        for message in mail.outbox
    ]


def test_every_email_of_the_workflow_says_changes_requested_and_never_rejected(client, community, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    make_user("admin", is_superuser=True)
    program, a, b, editor = (community[k] for k in ("ab_program", "partner_a", "partner_b", "editor"))
    sent = []

    mail.outbox.clear()
    submit(client, a, program, summary="Homework help, Tuesdays.")  # submitted, co-review submitted
    assert decide(client, b, program, "reject", "Say which branch.").status_code == 302
    sent += everything_sent()
    mail.outbox.clear()
    submit(client, a, program, summary="Homework help, Tuesdays at Eastside.")
    decide(client, b, program, "approve", "Thank you.")  # co-review approved, library submitted
    decide(client, editor, program, "reject", "Add the access note.")
    sent += everything_sent()
    mail.outbox.clear()
    submit(client, a, program, summary="Homework help, Tuesdays at Eastside, step-free.")
    decide(client, b, program, "approve")
    decide(client, editor, program, "approve")  # approved and live
    sent += everything_sent()

    subjects = [subject for subject, _body, _html in sent]
    for expected in (
        '"Homework Help Club" was submitted for community review',
        'Please review "Homework Help Club", which you co-lead',
        'Changes requested on "Homework Help Club"',
        '"Homework Help Club" was approved by your co-leads',
        'Please review "Homework Help Club" for the library',
        '"Homework Help Club" is approved and live',
    ):
        assert expected in subjects
    for subject, body, html in sent:
        assert html, subject
        assert not WAGTAIL_WORDS.search(subject + body + html), subject
    changes = [body for subject, body, _html in sent if subject.startswith("Changes requested")]
    assert any('What needs to change: "Say which branch."' in body for body in changes)
    assert any("Ben requested changes" in body and "Partner co-review" in body for body in changes)
    assert any("Edith requested changes" in body and "Library approval" in body for body in changes)
    # Reviewers are sent to the review screen, the author back to the editor.
    for subject, body, _html in sent:
        if subject.startswith("Please review"):
            assert f"http://testserver{review_url(program)}" in body
        if subject.startswith("Changes requested"):
            assert f"http://testserver{edit_url(program)}" in body
            assert "“Submit again”" in body


def test_other_workflows_keep_wagtails_emails(community):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from clpages.partners.roles import library_editors_group

    task = GroupApprovalTask.objects.create(name="Legal check")
    task.groups.add(library_editors_group())
    workflow = Workflow.objects.create(name="Legal")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    home = community["home"]
    WorkflowPage.objects.create(page=home, workflow=workflow)
    home.save_revision(user=community["editor"])
    mail.outbox.clear()
    workflow.start(home, make_user("someone_else"))
    (message,) = [m for m in mail.outbox if m.to == ["editor@example.org"]]
    assert "moderation" in message.body


def test_partner_submits_for_community_review_as_the_main_action_then_submits_again(client, community):
    program, a, b = (community[k] for k in ("ab_program", "partner_a", "partner_b"))
    client.force_login(a)
    actions = editor_actions(client.get(edit_url(program)).content.decode())
    assert actions[0] == ("action-submit", "Submit for community review")
    # Creating a page under the community section offers the same main action.
    add_url = reverse("wagtailadmin_pages:add", args=("clpages", "programpage", community["programs"].pk))
    assert editor_actions(client.get(add_url).content.decode())[0] == (
        "action-submit",
        "Submit for community review",
    )

    after = submit(client, a, program, summary="Homework help, Tuesdays.").content.decode()
    assert "“Homework Help Club” has been submitted for community review." in after
    assert not WAGTAIL_WORDS.search(after.split('class="messages"', 1)[1].split("</ul>", 1)[0])

    decide(client, b, program, "reject", "Please say which branch.")
    client.force_login(a)
    html = client.get(edit_url(program)).content.decode()
    actions = editor_actions(html)
    assert actions[0] == ("action-submit", "Submit again")
    assert [name for name, _label in actions].count("action-submit") == 1
    assert "action-restart-workflow" not in dict(actions)
    assert ("action-cancel-workflow", "Withdraw from review") in actions
    assert "Please say which branch." in html and "Changes requested" in html
    for wagtail_words in ("Rejected", "In Moderation", "Resubmit", "Restart workflow", "Cancel workflow"):
        assert wagtail_words not in html
    assert "In review" in html

    withdrawn = client.post(
        edit_url(program), {**edit_form_data(client, program), "action-cancel-workflow": "1"}
    )
    assert withdrawn.status_code == 302
    assert status(program) is None
    shown = client.get(withdrawn["Location"]).content.decode()
    assert "“Homework Help Club” has been withdrawn from review." in shown


def test_library_staff_keep_their_main_action_and_the_plain_words(client, community):
    client.force_login(community["editor"])
    actions = editor_actions(client.get(edit_url(community["ab_program"])).content.decode())
    assert actions[0][0] == "action-save-draft"
    assert ("action-submit", "Submit for community review") in actions


def test_co_reviewer_reads_what_changed_since_live_and_approves(client, community):
    program, a, b = (community[k] for k in ("ab_program", "partner_a", "partner_b"))
    submit(client, a, program, summary="Homework help in Arabic and Dari.")
    client.force_login(b)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{review_url(program)}"' in dashboard

    screen = client.get(review_url(program))
    assert screen.status_code == 200
    html = screen.content.decode()
    assert "Compared with the version that is live now." in html
    assert 'class="addition"' in html and "Dari." in html  # the comparison's new text
    assert 'name="reject-comment"' in html and 'name="approve-comment"' in html

    response = decide(client, b, program, "approve", "Looks right.")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert status(program) == ("in_progress", "Library approval")


def test_requesting_changes_without_a_comment_shows_the_screen_again(client, community):
    program, a, b = (community[k] for k in ("ab_program", "partner_a", "partner_b"))
    submit(client, a, program, summary="Homework help in Arabic and Dari.")
    response = decide(client, b, program, "reject", "   ")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your decision was not sent." in html
    assert "Tell the author what needs to change." in html
    assert 'class="addition"' in html  # the comparison is still there
    assert status(program) == ("in_progress", "Partner co-review")


def test_only_those_the_current_step_asks_may_see_or_post(client, community):
    program, a, b, editor = (community[k] for k in ("ab_program", "partner_a", "partner_b", "editor"))
    outsider = make_user("outsider", [PARTNERS], [make_partner("Eastside Elders")])
    submit(client, a, program, summary="Homework help in Arabic and Dari.")
    state = ProgramPage.objects.get(pk=program.pk).current_workflow_task_state

    for user in (outsider, a, editor):  # another organisation, the submitter, the library too early
        client.force_login(user)
        assert client.get(review_url(program)).status_code == 403
        for action in ("approve", "reject"):
            assert decide(client, user, program, action, "Forged.", task_state=state).status_code == 403
    assert status(program) == ("in_progress", "Partner co-review")

    # The co-reviewer cannot post an action the step does not offer, nor decide on a
    # version that is no longer the one under review.
    assert decide(client, b, program, "publish", task_state=state).status_code == 403
    # The library edits during review: co-review starts again, on the new text.
    page = ProgramPage.objects.get(pk=program.pk)
    page.summary = "A newer text."
    page.save_revision(user=editor)
    stale = decide(client, b, program, "approve", task_state=state)
    assert stale.status_code == 302 and stale["Location"] == review_url(program)
    assert status(program) == ("in_progress", "Partner co-review")


def test_library_reviews_from_its_dashboard_panel_and_requests_changes(client, community):
    program, a, editor = community["a_program"], community["partner_a"], community["editor"]
    submit(client, a, program, summary="Stories in Dari and Pashto.")
    assert status(program) == ("in_progress", "Library approval")
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{review_url(program)}"' in dashboard
    html = client.get(review_url(program)).content.decode()
    assert 'class="addition"' in html and "Pashto." in html and "Approve and publish" in html

    mail.outbox.clear()
    assert decide(client, editor, program, "reject", "Add the access note.").status_code == 302
    assert status(program) == ("needs_changes", "Library approval")
    (message,) = mail.outbox
    assert message.subject == 'Changes requested on "Family story time"'


def test_a_page_not_in_review_sends_the_reader_to_its_editor(client, community):
    program = community["ab_program"]
    client.force_login(community["partner_b"])
    response = client.get(review_url(program))
    assert response.status_code == 302 and response["Location"] == edit_url(program)
    assert decide(client, community["partner_b"], program, "approve", task_state=None).status_code == 403


def test_the_pages_history_says_changes_requested_never_rejected(client, community):
    program, a, editor = community["a_program"], community["partner_a"], community["editor"]
    submit(client, a, program, summary="Stories in Dari and Pashto.")
    decide(client, editor, program, "reject", "Add the access note.")
    client.force_login(a)
    history = client.get(reverse("wagtailadmin_pages:history", args=(program.pk,))).content.decode()
    assert "Changes requested at &#x27;Library approval&#x27;" in history or (
        "Changes requested at 'Library approval'" in history
    )
    assert "Add the access note." in history
    assert "Rejected" not in history and "reject task" not in history
    from wagtail.log_actions import registry

    labels = [label for action, label in registry.get_choices() if action == "wagtail.workflow.reject"]
    assert [str(label) for label in labels] == ["Review: changes requested"]
