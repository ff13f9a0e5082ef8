"""A library staff member records a change-model self-assessment with the keyboard alone, in
headless Chromium, and sees the team's comparison chart. The screens this project's templates
make (the form's errors, the comparison, the printed copies, the worksheets) have zero axe-core
violations; Wagtail's own known ones are set aside as in test_partner_admin."""

import datetime

import pytest
from playwright.sync_api import expect

from clpages.assessment.facets import FACETS
from clpages.assessment.models import Assessment
from tests.assessment.conftest import make_assessment
from tests.browser.test_modes import tab_to
from tests.browser.test_partner_admin import STILL, project_violations, sign_in
from tests.builders import build_partner_world, build_site, make_partnership

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def community(live_db):
    world = build_partner_world(build_site())
    world["earlier"] = make_assessment(team="Youth services", date=datetime.date(2025, 9, 1))
    world["partnership"] = make_partnership(
        world["partnerships"], world["org_a"], title="Newcomer families", people_to_reach="Newcomer families"
    )
    return world


def check(page, artifacts, name, failures):
    page.wait_for_load_state("load")
    page.add_style_tag(content=STILL)
    page.screenshot(path=artifacts / f"assessment-{name}.png", full_page=True)
    violations = project_violations(page)
    if violations:
        failures[name] = violations


def rate(page, facet, steps):
    """Tab to the facet's first level, choose it with Space, then move up ``steps`` levels."""
    tab_to(page, f"#id_{facet.level_field}_0", limit=200)
    page.keyboard.press("Space")
    for _ in range(steps):
        page.keyboard.press("ArrowDown")


def save(page):
    tab_to(page, "footer button[type=submit]", limit=300)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_staff_record_an_assessment_with_the_keyboard_and_see_the_chart(
    community, page, live_server, artifacts
):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/self-assessment/new/")
    page.locator("body").focus()

    tab_to(page, "#id_team", limit=200)
    page.keyboard.type("Youth services")
    tab_to(page, "#id_participants")
    page.keyboard.type("Sam\nLee")
    # Every facet but the last, then save: the missing one is named, and nothing typed is lost.
    for number, facet in enumerate(FACETS[:-1]):
        rate(page, facet, 0 if number == 0 else 2)
        if facet.key == "growth_mindset":
            tab_to(page, f"#id_{facet.notes_field}")
            page.keyboard.type("We try new things in small steps.")
        if facet.key == "relationship_time":
            tab_to(page, f"#id_{facet.focus_field}")
            page.keyboard.press("Space")
    save(page)
    expect(page.get_by_text("Choose a level for “Measure what matters”.")).to_be_visible()
    expect(page.locator("#id_growth_mindset_notes")).to_have_value("We try new things in small steps.")
    expect(page.locator("#id_team")).to_have_value("Youth services")
    expect(page.locator("#id_relationship_time_focus")).to_be_checked()
    check(page, artifacts, "1-errors", failures)

    page.locator("body").focus()
    rate(page, FACETS[-1], 2)
    save(page)

    expect(page.get_by_role("heading", name="Youth services over time")).to_be_visible()
    expect(page.get_by_role("img", name="Youth services: each facet's level")).to_be_visible()
    expect(
        page.get_by_role("table", name="Youth services: the level of each facet at each assessment")
    ).to_be_visible()
    expect(
        page.get_by_text("Foster growth mindset: up one level, from Beginning to Developing")
    ).to_be_visible()
    check(page, artifacts, "2-comparison", failures)
    page.locator("figure.assessment-chart").screenshot(path=artifacts / "assessment-2-chart.png")

    saved = Assessment.objects.exclude(pk=community["earlier"].pk).get()
    assert saved.growth_mindset_level == 3 and saved.measure_what_matters_level == 3
    assert saved.relationship_time_focus and saved.participant_list == ["Sam", "Lee"]

    page.set_viewport_size({"width": 375, "height": 800})
    check(page, artifacts, "3-comparison-narrow", failures)
    page.set_viewport_size({"width": 1280, "height": 900})
    for name, path in [
        ("4-print", f"/admin/self-assessment/{saved.pk}/print/"),
        ("5-print-blank", "/admin/self-assessment/print/"),
        ("6-worksheets", "/admin/worksheets/"),
        ("7-framing-blank", "/admin/worksheets/framing/"),
        ("8-brainstorming-filled", f"/admin/worksheets/brainstorming/{community['partnership'].pk}/"),
    ]:
        page.goto(live_server.url + path)
        check(page, artifacts, name, failures)
    page.emulate_media(media="print")
    page.goto(f"{live_server.url}/admin/self-assessment/{saved.pk}/print/")
    expect(page.get_by_text("Back to the self-assessments")).to_be_hidden()
    page.screenshot(path=artifacts / "assessment-9-print-media.png", full_page=True)
    assert not failures, failures
