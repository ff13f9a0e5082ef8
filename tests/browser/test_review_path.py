"""The partner review path with the keyboard only (Tab, Enter, Space), in headless Chromium:
partner A submits a co-led page for community review; partner B opens the review from the
dashboard, reads what changed and requests changes with a comment; A reads the comment, edits
and submits again. Every screen is checked with axe-core as tests/browser/test_partner_admin.py
checks Wagtail's screens (its known Wagtail violations set aside, nothing else).
"""

import re

import pytest
from playwright.sync_api import expect

from clpages.models import ProgramPage
from tests.browser.test_partner_admin import check
from tests.builders import PASSWORD, build_partner_world, build_site

pytestmark = pytest.mark.django_db(transaction=True)

COMMENT = "Please say which branch hosts the club."


@pytest.fixture
def community(live_db):
    return build_partner_world(build_site())


def tab_to(page, target, limit=400):
    """Press Tab until `target` has the focus, as someone with a keyboard would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/admin/")


def retype(page, field, text):
    tab_to(page, field)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text)


def test_partner_submits_a_co_led_page_a_co_lead_requests_changes_and_it_is_submitted_again(
    community, page, live_server, artifacts
):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    program = community["ab_program"]
    edit_url = f"{live_server.url}/admin/pages/{program.pk}/edit/"

    # Partner A changes the co-led program and submits it: the main action.
    sign_in(page, live_server, "partner_a")
    page.goto(edit_url)
    # Checked as it opens: tabbing through the form opens Wagtail's date picker (xdsoft), whose
    # unnamed buttons are Wagtail's to fix.
    check(page, artifacts, "1-editor", failures, prefix="review-path")
    retype(page, page.locator("#id_summary"), "Homework help in Arabic and Dari, every Tuesday.")
    submit = page.get_by_role("button", name="Submit for community review")
    tab_to(page, submit)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.get_by_text("has been submitted for community review").first).to_be_visible()
    assert ProgramPage.objects.get(pk=program.pk).current_workflow_task.name == "Partner co-review"

    # Partner B opens the review from the dashboard and reads what changed.
    sign_in(page, live_server, "partner_b")
    review_link = page.get_by_role("link", name="Review “Homework Help Club”")
    check(page, artifacts, "2-reviewer-dashboard", failures, prefix="review-path")
    tab_to(page, review_link)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/community/review/\d+/$"))
    expect(page.get_by_role("heading", name="What changed")).to_be_visible()
    expect(page.get_by_text("Compared with the version that is live now.")).to_be_visible()
    expect(page.locator(".comparison .addition").first).to_contain_text("Arabic")
    check(page, artifacts, "3-review-screen", failures, prefix="review-path")

    # Asking for changes without saying what keeps B on the screen, told why.
    request_changes = page.get_by_role("button", name="Request changes")
    tab_to(page, request_changes)
    page.keyboard.press("Space")
    page.wait_for_load_state("load")
    expect(page.get_by_text("Tell the author what needs to change.")).to_be_visible()
    check(page, artifacts, "4-review-screen-error", failures, prefix="review-path")
    tab_to(page, page.get_by_label("What needs to change?"))
    page.keyboard.type(COMMENT)
    tab_to(page, page.get_by_role("button", name="Request changes"))
    page.keyboard.press("Space")
    page.wait_for_url(live_server.url + "/admin/")
    expect(page.get_by_text("You requested changes to “Homework Help Club”.")).to_be_visible()
    assert ProgramPage.objects.get(pk=program.pk).current_workflow_state.status == "needs_changes"

    # Partner A reads "Changes requested" and the comment, then edits and submits again.
    sign_in(page, live_server, "partner_a")
    table = page.get_by_role("table", name="Your organisations' pages and their state")
    row = table.get_by_role("row", name=re.compile("Homework Help Club"))
    expect(row).to_contain_text("Changes requested")
    expect(row).to_contain_text(COMMENT)
    check(page, artifacts, "5-author-dashboard", failures, prefix="review-path")
    tab_to(page, row.get_by_role("link", name="Homework Help Club"))
    page.keyboard.press("Enter")
    page.wait_for_url(edit_url)
    expect(page.get_by_text(f"Ben requested changes: “{COMMENT}”")).to_be_visible()
    check(page, artifacts, "6-editor-changes-requested", failures, prefix="review-path")
    html = page.content()
    assert "Rejected" not in html and "In Moderation" not in html
    retype(
        page,
        page.locator("#id_summary"),
        "Homework help in Arabic and Dari, Tuesdays at the Eastside branch.",
    )
    submit_again = page.get_by_role("button", name="Submit again")
    tab_to(page, submit_again)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.get_by_text("has been submitted for community review").first).to_be_visible()
    check(page, artifacts, "7-submitted-again", failures, prefix="review-path")
    state = ProgramPage.objects.get(pk=program.pk).current_workflow_state
    assert (state.status, state.current_task_state.task.name) == ("in_progress", "Partner co-review")

    assert not failures, "\n".join(f"{name}:\n  " + "\n  ".join(v) for name, v in failures.items())
