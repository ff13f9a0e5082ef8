"""Finding programs in headless Chromium: no axe-core violations, and the keyboard alone suffices."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.builders import (
    build_catalogue,
    build_site,
    catalogue_committed_once,
    make_evaluation,
    make_partnership,
)

# Each test reads inside its own transaction; the data itself is committed for the module.
pytestmark = pytest.mark.django_db

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
}


def _build_site():
    tree = build_site()
    catalogue = build_catalogue(tree["programs"])
    make_partnership(tree["partnerships"], catalogue.partners.youth, "Zine making with Northside youth")
    make_evaluation(tree["evaluations"], program=catalogue.programs.zine, title="How the zine lab went")


@pytest.fixture(scope="module")
def catalogue_server_once(django_db_setup, django_db_blocker, read_only_server):
    """The catalogue at its moment, committed once for the module: these tests only read it."""
    with catalogue_committed_once(django_db_blocker, _build_site):
        yield read_only_server


def assert_no_violations(page, artifacts, name):
    page.screenshot(path=artifacts / f"find-{name}.png", full_page=True)
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 740}], ids=["desktop", "phone"]
)
def test_filtered_listing_calendar_and_search_have_no_axe_violations(
    catalogue_server_once, page, artifacts, viewport
):
    page.set_viewport_size(viewport)
    width = viewport["width"]
    views = {
        f"listing-{width}": "/community/programs/",
        f"listing-filtered-{width}": "/community/programs/?audience=families&format=in_person&when=month",
        f"listing-empty-{width}": "/community/programs/?audience=teens&language=arabic",
        f"listing-invalid-{width}": "/community/programs/?audience=astronauts&date_from=2026-13-01",
        f"calendar-{width}": "/community/programs/calendar/",
        f"calendar-month-{width}": "/community/programs/calendar/?period=month&language=english",
        f"search-{width}": "/search/?q=zine",
        f"search-empty-{width}": "/search/",
    }
    for name, url in views.items():
        response = page.goto(catalogue_server_once.url + url)
        assert response.status == 200, url
        assert_no_violations(page, artifacts, name)


def test_listing_with_the_keyboard_alone(catalogue_server_once, page):
    page.goto(catalogue_server_once.url + "/community/programs/")
    tab_to(page, "#id_audience")
    page.keyboard.type("Families")  # typing picks the option, as in any select
    tab_to(page, "#id_format")
    page.keyboard.type("In person")
    tab_to(page, "input[name=when]")
    page.keyboard.press("ArrowDown")  # Any time -> Today
    page.keyboard.press("ArrowDown")  # -> This week
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"audience=families"))
    assert "format=in_person" in page.url and "when=week" in page.url
    assert page.locator("#results").inner_text() == "1 program for families, in person, this week"
    tab_to(page, ".card-list a")
    assert page.evaluate("document.activeElement.textContent") == "Family Story Time in Arabic"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/community/programs/family-story-time-in-arabic/$"))


def test_calendar_with_the_keyboard_alone(catalogue_server_once, page, artifacts):
    page.goto(catalogue_server_once.url + "/community/programs/calendar/")
    assert page.locator(".is-cancelled .badge--cancelled").inner_text() == "Cancelled"
    tab_to(page, ".period-nav a[href*=next-week]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"period=next-week"))
    assert page.locator("#results-title").inner_text() == "Next week: 1 session"
    tab_to(page, "#id_language")
    page.keyboard.type("French")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"language=french"))
    assert "period=next-week" in page.url
    page.screenshot(path=artifacts / "find-calendar-keyboard.png", full_page=True)
    tab_to(page, ".day a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/community/programs/coding-club-for-older-adults/$"))


def test_search_with_the_keyboard_alone(catalogue_server_once, page):
    page.goto(catalogue_server_once.url + "/search/")
    tab_to(page, "#id_q")
    page.keyboard.type("zine")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=zine"))
    assert page.locator("#results-title").inner_text() == "3 results for “zine”"
    tab_to(page, ".results-list a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/community/programs/teen-zine-lab/$"))


def test_filters_work_without_javascript(catalogue_server_once, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(catalogue_server_once.url + "/community/programs/")
    page.select_option("#id_language", "french")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"language=french"))
    titles = page.locator(".card-list h3").all_inner_texts()
    assert titles == ["Coding Club for Older Adults", "Community Garden Planning"]
    context.close()
