"""After filtering, focus lands on the results heading, with or without JavaScript, and the link
past the filters works at every width."""

import re

import pytest

from tests.browser.test_find_programs import catalogue_server_once, tab_to  # noqa: F401 (the fixture)

# Each test reads inside its own transaction; the data itself is committed for the module.
pytestmark = pytest.mark.django_db

WIDTHS = [{"width": 1280, "height": 900}, {"width": 375, "height": 740}]


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.mark.parametrize("viewport", WIDTHS, ids=["desktop", "phone"])
def test_the_skip_link_takes_the_keyboard_to_the_results(catalogue_server_once, page, viewport):  # noqa: F811
    page.set_viewport_size(viewport)
    page.goto(catalogue_server_once.url + "/community/programs/")
    skip = page.get_by_role("link", name="Skip to the programs found")
    assert skip.is_visible()
    tab_to(page, ".jump-to-results a")
    page.keyboard.press("Enter")
    assert focused_id(page) == "results"
    # The next Tab goes on from the results, not back to the top of the page.
    tab_to(page, ".card-list a", limit=3)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_submitting_the_filters_puts_focus_on_the_results_heading(
    catalogue_server_once,  # noqa: F811
    browser,
    javascript,
):
    context = browser.new_context(java_script_enabled=javascript, viewport=WIDTHS[1])
    page = context.new_page()
    page.goto(catalogue_server_once.url + "/community/programs/")
    tab_to(page, "#id_language")
    page.keyboard.type("French")
    # A radio group is one Tab stop, on the chosen radio; the arrow keys choose another.
    tab_to(page, "input[name=sort][value=soonest]")
    page.keyboard.press("ArrowDown")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"language=french.*sort=newest.*#results$"))
    assert focused_id(page) == "results"
    assert page.locator("#results").inner_text() == "2 programs in French"
    assert page.title().startswith("2 programs in French | Programs | ")
    context.close()
