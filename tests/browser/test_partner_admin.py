"""A community partner in the Wagtail admin, in headless Chromium: sign in, create a program,
submit it for review. The admin screens on that path are checked with axe-core (WCAG 2.1 AA).

Wagtail's own widgets carry known violations that this project's templates do not introduce
and cannot fix from outside; they are the only ones set aside, by what they match:

* `aria-input-field-name` on Draftail rich text editors (`div[role=textbox]` with an
  `aria-describedby="placeholder-…"`): Wagtail labels the hidden input, not the editable area.
* `label` on the tag field's `input.ui-autocomplete-input`, created by Wagtail's tag widget script.
* In Wagtail's workflow action dialog: `aria-dialog-name` on its `div.modal[role=dialog]`, and
  `list` on its `ul.fields`, which holds Wagtail's field `div`s.

Every other violation fails the test, wherever it is on the page.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from clpages.models import ProgramPage
from tests.builders import PASSWORD, build_partner_world, build_site

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
}
WAGTAIL_KNOWN = {
    "aria-input-field-name": re.compile(r'aria-describedby="placeholder-'),
    "label": re.compile(r"ui-autocomplete-input"),
    "aria-dialog-name": re.compile(r'^<div class="modal fade in" tabindex="-1" role="dialog"'),
    "list": re.compile(r'^<ul class="fields">'),
}

STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.fixture
def community(live_db):
    return build_partner_world(build_site())


def project_violations(page):
    """axe violations, less the nodes of Wagtail's known ones listed above."""
    found = []
    for violation in Axe().run(page, options=WCAG_AA).response["violations"]:
        known = WAGTAIL_KNOWN.get(violation["id"])
        nodes = [node for node in violation["nodes"] if not (known and known.search(node["html"]))]
        found += [
            f"{violation['id']} ({violation['impact']}): {node['target']} {node['html'][:160]}"
            for node in nodes
        ]
    return found


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")


def check(page, artifacts, name, failures, prefix="partner-admin"):
    # Colours are measured at the end of fade-ins (messages, dialogs), not half way through.
    page.wait_for_load_state("load")
    page.add_style_tag(content=STILL)
    page.screenshot(path=artifacts / f"{prefix}-{name}.png", full_page=True)
    violations = project_violations(page)
    if violations:
        failures[name] = violations


def test_partner_creates_a_program_and_submits_it_for_review(community, page, live_server, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}

    sign_in(page, live_server, "partner_a")
    check(page, artifacts, "1-dashboard", failures)
    expect(page.get_by_role("heading", name="Your organisations' pages")).to_be_visible()

    # Start a program from the programs index in the page explorer.
    page.goto(f"{live_server.url}/admin/pages/{community['programs'].pk}/")
    check(page, artifacts, "2-explorer", failures)
    page.goto(f"{live_server.url}/admin/pages/add/clpages/programpage/{community['programs'].pk}/")
    page.locator("#id_title").fill("Arabic Conversation Circle")
    page.locator("#id_summary").fill("Practise everyday Arabic with neighbours, over tea.")
    page.get_by_role("checkbox", name="Northside Youth Collective").check()
    check(page, artifacts, "3-create", failures)

    # Submit it: a partner's main action, on the footer's main button.
    page.get_by_role("button", name="Submit for community review").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.get_by_text("submitted for community review").first).to_be_visible()
    check(page, artifacts, "4-after-submit", failures)

    program = ProgramPage.objects.get(title="Arabic Conversation Circle")
    assert not program.live
    assert program.current_workflow_task.name == "Partner co-review"

    # The partner's dashboard shows where it is.
    page.goto(live_server.url + "/admin/")
    table = page.get_by_role("table", name="Your organisations' pages and their state")
    row = table.get_by_role("row", name=re.compile("Arabic Conversation Circle"))
    assert "In partner co-review" in row.inner_text()
    check(page, artifacts, "5-dashboard-after", failures)

    # The co-leading partner finds it waiting for their review.
    page.context.clear_cookies()
    sign_in(page, live_server, "partner_b")
    expect(page.get_by_role("link", name="Review “Arabic Conversation Circle”")).to_be_visible()
    check(page, artifacts, "6-reviewer-dashboard", failures)
    # The dashboard opens the review screen; the editor still offers the same decision.
    page.get_by_role("link", name="Review “Arabic Conversation Circle”").click()
    page.wait_for_url(re.compile(r"/admin/community/review/\d+/$"))
    page.get_by_role("link", name="Edit").first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    check(page, artifacts, "7-reviewer-edit", failures)

    # The reviewer asks for changes, saying what to change, in Wagtail's workflow dialog.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Request changes").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("What needs to change?").fill("Please say which branch hosts the circle.")
    check(page, artifacts, "8-request-changes-dialog", failures)
    dialog.get_by_role("button", name="Request changes").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    program.refresh_from_db()
    assert program.current_workflow_state.status == "needs_changes"

    # The author sees the reviewer's words on the dashboard.
    page.context.clear_cookies()
    sign_in(page, live_server, "partner_a")
    table = page.get_by_role("table", name="Your organisations' pages and their state")
    row = table.get_by_role("row", name=re.compile("Arabic Conversation Circle"))
    expect(row).to_contain_text("Changes requested")
    expect(row).to_contain_text("Please say which branch hosts the circle.")
    check(page, artifacts, "9-author-dashboard-changes", failures)

    assert not failures, "\n".join(f"{name}:\n  " + "\n  ".join(v) for name, v in failures.items())


def test_invitation_screen_is_accessible(community, page, live_server, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    sign_in(page, live_server, "editor")
    page.goto(live_server.url + "/admin/clpages/communitypartner/")
    page.get_by_role("link", name="Invite a member").first.click()
    page.wait_for_url("**/invite/")
    check(page, artifacts, "10-invite", failures)
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Enter a valid email address").first).to_be_visible()
    assert page.get_by_label("Email address").input_value() == "not an email"
    check(page, artifacts, "11-invite-error", failures)
    assert not failures, "\n".join(f"{name}:\n  " + "\n  ".join(v) for name, v in failures.items())
