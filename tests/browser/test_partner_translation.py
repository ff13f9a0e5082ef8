"""A community partner translates the program their organisation co-leads, in headless Chromium:
open it in the admin, "Translate this page", translate the title in wagtail-localize's editor,
submit it for review, with the keyboard where the screens allow.

axe-core (WCAG 2.1 AA) checks the screens on that path, less Wagtail's known violations (see
test_partner_admin). wagtail-localize's translation editor is a React application this project
does not make: on that screen only the review panel this project adds above it is checked
(`#translation-review-heading`'s section); the editor itself is looked at in the screenshot.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from clpages.models import ProgramPage
from tests.browser.test_partner_admin import STILL, WAGTAIL_KNOWN, WCAG_AA, project_violations, sign_in
from tests.builders import build_partner_world, build_site
from tests.i18n.partner_world import build_translated_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(live_db):
    tree = build_site()
    return build_translated_world({**build_partner_world(tree), "tree": tree})


def shot(page, artifacts, name):
    page.wait_for_load_state("load")
    page.add_style_tag(content=STILL)
    page.screenshot(path=artifacts / f"partner-translation-{name}.png", full_page=True)


def check(page, artifacts, name, failures):
    shot(page, artifacts, name)
    violations = project_violations(page)
    if violations:
        failures[name] = violations


def check_panel(page, artifacts, name, failures):
    """Only the review panel: the rest of the screen is wagtail-localize's React editor."""
    shot(page, artifacts, name)
    options = {**WCAG_AA}
    response = Axe().run(page, context="section[aria-labelledby=translation-review-heading]", options=options)
    found = [
        f"{violation['id']}: {node['target']}"
        for violation in response.response["violations"]
        for node in violation["nodes"]
        if not (WAGTAIL_KNOWN.get(violation["id"]) and WAGTAIL_KNOWN[violation["id"]].search(node["html"]))
    ]
    if found:
        failures[name] = found


def test_partner_translates_a_co_led_program_and_submits_it(world, page, live_server, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    program = world["ab_program"]
    sign_in(page, live_server, "partner_a")

    # The program in the admin, with "Translate this page" among its actions.
    page.goto(f"{live_server.url}/admin/pages/{program.pk}/edit/")
    check(page, artifacts, "1-edit", failures)
    # "Translate this page", from the header's actions menu, with the keyboard.
    page.get_by_role("button", name="Actions").first.focus()
    page.keyboard.press("Enter")
    translate = page.get_by_role("link", name="Translate this page")
    expect(translate).to_be_visible()
    translate.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/admin/localize/submit/page/{program.pk}/"))
    check(page, artifacts, "2-translate", failures)

    # Choose French with the keyboard, and submit.
    french_box = page.get_by_role("checkbox", name="Français")
    french_box.focus()
    page.keyboard.press("Space")
    expect(french_box).to_be_checked()
    page.get_by_role("button", name="Submit").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    french = ProgramPage.objects.get(translation_key=program.translation_key, locale=world["fr"])
    assert not french.live

    # wagtail-localize's editor: translate the title.
    expect(page.get_by_role("heading", name="Review of this translation")).to_be_visible()
    check_panel(page, artifacts, "3-editor", failures)
    page.get_by_role("button", name="Translate").first.click()
    field = page.locator("textarea").first
    field.fill("Club d’aide aux devoirs")
    # The editor saves the string through wagtail-localize's API: wait for its answer.
    with page.expect_response(re.compile(r"/admin/localize/translate/\d+/strings/\d+/edit/")) as saved:
        page.get_by_role("button", name="Save").first.click()
    assert saved.value.status in (200, 201)
    expect(page.get_by_text("Club d’aide aux devoirs").first).to_be_visible()

    # Submit it for review, with the keyboard.
    submit = page.get_by_role("button", name="Submit for review")
    submit.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text("was submitted for review").first).to_be_visible()
    check_panel(page, artifacts, "4-submitted", failures)

    state = WorkflowState.objects.for_instance(french).get(status="in_progress")
    assert state.current_task_state.task.name == "Partner co-review"
    french = ProgramPage.objects.get(pk=french.pk)
    assert french.get_latest_revision().as_object().title == "Club d’aide aux devoirs"
    assert not french.live
    assert not failures, failures
