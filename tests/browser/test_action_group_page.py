"""An action group's public page in headless Chromium: from the index to the group, and to the
link of a program it leads, with the keyboard alone, and zero axe-core violations on the way.

The journey starts at the index, not the hub: a first visit of the hub makes the partner logos'
thumbnails, a write this module's read-only server cannot make (the hub's link is tested with
the test client, tests/pages/test_action_groups.py)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.django_db

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
}


def _tab_to(page, name, limit=80):
    """Press Tab until the link called ``name`` has the focus; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "A" and (
            page.evaluate("document.activeElement.textContent").strip() == name
        ):
            return
    raise AssertionError(f"The link {name!r} cannot be reached with the Tab key.")


def test_a_visitor_reaches_the_group_and_its_program_with_the_keyboard(demo_server_once, page, artifacts):
    axe = Axe()
    failures = {}

    def check(name):
        page.screenshot(path=artifacts / f"action-group-{name}.png", full_page=True)
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[name] = results.generate_report()

    page.goto(demo_server_once.url + "/community/action-groups/")
    check("index")
    _tab_to(page, "Maple Ridge tenants' action group")
    page.keyboard.press("Enter")
    page.wait_for_url("**/community/action-groups/maple-ridge-tenants/")
    check("page")
    assert page.get_by_role("heading", name="Decision log").is_visible()
    assert page.locator("time[datetime]").count() >= 4
    members = page.get_by_role("complementary").get_by_role("listitem")
    assert "Amal K." in members.all_inner_texts()

    # On a phone the decision log scrolls within its region, never the page.
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the group page scrolls sideways by {overflow}px at 320px wide"
    check("page-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    _tab_to(page, "Tenant rights information nights")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href.endswith("/community/programs/tenant-rights-information-nights/")
    assert failures == {}, "\n".join(f"{name}:\n{report}" for name, report in failures.items())
