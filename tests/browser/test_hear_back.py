"""The form to hear back once, in headless Chromium: zero axe-core violations, and a bad address
explained with what was typed kept, using the keyboard only. Nothing is saved, so the demo
library committed for the module (``demo_server_once``) is only read."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from clpages.models import EvaluationPage
from tests.browser.test_public_pages import WCAG_AA

pytestmark = pytest.mark.django_db


def test_the_form_and_its_error_have_no_axe_violations(demo_server_once, page, artifacts):
    evaluation = EvaluationPage.objects.get(locale__language_code="en", slug="homework-help-club-first-term")
    page.goto(demo_server_once.url + evaluation.url)
    page.get_by_role("link", name="Tell me once when the results, or what changed, are shared").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/hear-back/{evaluation.pk}/")
    axe = Axe()
    results = axe.run(page, options=WCAG_AA)
    assert not results.violations_count, results.generate_report()

    page.get_by_label("Your email address").focus()
    page.keyboard.type("reader at example")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    page.screenshot(path=artifacts / "hear-back-error.png", full_page=True)
    assert page.get_by_label("Your email address").input_value() == "reader at example"
    assert "Enter an email address like name@example.org." in page.content()
    results = axe.run(page, options=WCAG_AA)
    assert not results.violations_count, results.generate_report()
