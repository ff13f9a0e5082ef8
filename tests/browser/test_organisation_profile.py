"""A partner changes their organisation's profile and the library approves it, keyboard only, in
headless Chromium; the profile, review list and comparison screens are checked with axe-core."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_modes import tab_to
from tests.browser.test_partner_admin import check, sign_in
from tests.builders import build_partner_world, build_site, make_partnership

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def community(live_db):
    world = build_partner_world(build_site())
    world["partnership"] = make_partnership(
        world["partnerships"], world["org_a"], title="Riverbend partnership"
    )
    return world


def test_partner_proposes_a_profile_change_and_the_library_approves_it(
    community, page, live_server, artifacts
):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    sign_in(page, live_server, "partner_a")
    page.goto(live_server.url + "/admin/community/your-organisation/")
    expect(page.locator("h1")).to_contain_text("Profile of Riverbend Newcomers Network")
    check(page, artifacts, "form", failures, prefix="organisation-profile")

    tab_to(page, "#id_description")
    page.keyboard.press("Control+A")
    page.keyboard.type("We run conversation circles for newcomer families.")
    tab_to(page, "#id_website")
    page.keyboard.type("not a web address")
    tab_to(page, "button[type=submit].button")
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_contain_text("Enter a full web address")
    expect(page.locator("#id_description")).to_have_value(
        "We run conversation circles for newcomer families."
    )
    check(page, artifacts, "form-errors", failures, prefix="organisation-profile")

    tab_to(page, "#id_website")
    page.keyboard.press("Control+A")
    page.keyboard.type("https://riverbend.example.org")
    tab_to(page, "button[type=submit].button")
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_contain_text("Your changes were sent to the library")

    page.context.clear_cookies()
    sign_in(page, live_server, "editor")
    page.goto(live_server.url + "/admin/community/profile-changes/")
    check(page, artifacts, "review-list", failures, prefix="organisation-profile")
    tab_to(page, "table.listing a[href^='/admin/community/profile-changes/']")
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_contain_text("We run conversation circles for newcomer families.")
    check(page, artifacts, "review", failures, prefix="organisation-profile")
    tab_to(page, "form[action$='/approve/'] button")
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_contain_text("approved and now on the website")

    page.goto(live_server.url + community["partnership"].url)
    expect(page.locator("main")).to_contain_text("We run conversation circles for newcomer families.")
    assert not failures, failures
