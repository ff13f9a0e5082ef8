"""Public pages in headless Chromium: zero axe-core violations (WCAG 2.1 AA), usable on a phone.

The demo library is committed once for the module (``demo_server_once``): these tests only read it.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from clpages.models import EvaluationPage, PartnershipPage, ProgramPage

# Each test reads inside its own transaction; the data itself is committed for the module.
pytestmark = pytest.mark.django_db

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
}


def _public_urls():
    program = ProgramPage.objects.get(locale__language_code="en", slug="homework-help-club")
    partnership = PartnershipPage.objects.get(locale__language_code="en", slug="riverbend-newcomers-network")
    evaluation = EvaluationPage.objects.get(locale__language_code="en", slug="homework-help-club-first-term")
    return {
        "home": "/",
        "hub": "/community/",
        "program-index": "/community/programs/",
        "partnership-index": "/community/partnerships/",
        "evaluation-index": "/community/evaluations/",
        "program": program.url,
        "partnership": partnership.url,
        "evaluation": evaluation.url,
        "not-found": "/no-such-page/",
    }


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 740}], ids=["desktop", "phone"]
)
def test_public_pages_have_no_axe_violations(demo_server_once, page, artifacts, viewport):
    page.set_viewport_size(viewport)
    axe = Axe()
    failures = {}
    for name, url in _public_urls().items():
        response = page.goto(demo_server_once.url + url)
        assert response.status == (404 if name == "not-found" else 200), url
        page.screenshot(path=artifacts / f"public-{name}-{viewport['width']}.png", full_page=True)
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[url] = results.generate_report()
    assert not failures, "\n".join(f"{url}:\n{report}" for url, report in failures.items())


def test_no_horizontal_scrolling_on_a_phone(demo_server_once, page):
    page.set_viewport_size({"width": 320, "height": 640})
    for url in _public_urls().values():
        page.goto(demo_server_once.url + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at 320px wide"


def test_skip_link_moves_keyboard_focus_to_main_content(demo_server_once, page):
    page.goto(demo_server_once.url + "/community/programs/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_work_without_javascript(demo_server_once, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(demo_server_once.url + "/community/")
        tab.get_by_role("link", name="See all programs").click()
        tab.get_by_role("link", name="Homework Help Club").first.click()
        assert tab.get_by_role("heading", level=1).inner_text() == "Homework Help Club"
        assert tab.get_by_role("heading", name="Co-created with").is_visible()
    finally:
        context.close()


def test_header_search_finds_a_program_with_the_keyboard(demo_server_once, page):
    page.goto(demo_server_once.url + "/")
    page.get_by_role("searchbox", name="Search programs, partnerships and results").fill("homework")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=homework")
    assert page.get_by_role("link", name="Homework Help Club").first.is_visible()
