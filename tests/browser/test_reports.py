"""A member of library staff opens the programs report and filters it by partner, keyboard only,
in headless Chromium; the report's screens are checked with axe-core (WCAG 2.1 AA), Wagtail's
report chrome (header, filter drilldown, pagination) included."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_modes import tab_to
from tests.browser.test_partner_admin import check, sign_in
from tests.builders import build_site
from tests.reports.conftest import build_reports_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reports_world(live_db):
    return build_reports_world(build_site())


def test_staff_filter_the_programs_report_by_partner_with_the_keyboard(
    reports_world, page, live_server, artifacts
):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    sign_in(page, live_server, "editor")
    page.goto(live_server.url + "/admin/community/reports/programs/")
    rows = page.locator("#listing-results tbody th[scope=row]")
    expect(rows).to_have_count(4)
    expect(page.locator("#listing-results")).to_contain_text("3 of 10 places taken, 2 waiting")
    check(page, artifacts, "programs", failures, prefix="reports")

    tab_to(page, "#filters-drilldown button[aria-label='Show filters']")
    page.keyboard.press("Enter")
    tab_to(page, "button[aria-controls='drilldown-id_partner']")
    page.keyboard.press("Enter")
    tab_to(page, "select#id_partner")
    page.keyboard.type("Northside")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Homework Help Club")
    expect(rows.nth(1)).to_contain_text("Teen zine lab")
    expect(page).to_have_url(
        f"{live_server.url}/admin/community/reports/programs/?partner={reports_world['org_b'].pk}"
    )
    check(page, artifacts, "programs-by-partner", failures, prefix="reports")

    for report in ("results-against-goals", "overdue-next-steps"):
        page.goto(f"{live_server.url}/admin/community/reports/{report}/")
        check(page, artifacts, report, failures, prefix="reports")
    assert not failures, failures
