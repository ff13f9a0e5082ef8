"""Importing results in the admin, in headless Chromium, keyboard only: upload a file, read the
preview with its problems, upload a corrected one and confirm. Zero axe-core violations on the
upload screen and on both previews (WCAG 2.1 AA)."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from clpages.models import MeasureResult, ResultSource
from tests.browser.test_partner_admin import project_violations, sign_in
from tests.builders import build_partner_world, build_site, make_evaluation, make_measure

pytestmark = pytest.mark.django_db(transaction=True)

WITH_PROBLEMS = "measure,date,value,note\nFamilies who came back,2026-04-01,14,\nBooks,3/4/2026,2,\n"
CORRECTED = "measure,date,value,note\nFamilies who came back,2026-04-01,14,Counted at the door\n"


@pytest.fixture
def evaluation(live_db):
    world = build_partner_world(build_site())
    evaluation = make_evaluation(
        world["evaluations"], program=world["a_program"], title="How story time went"
    )
    make_measure(evaluation, results=[(datetime.date(2026, 3, 1), Decimal(7), "Spring")], target=10)
    evaluation.save_revision().publish()
    return evaluation


def choose_file(page, tmp_path, text):
    path = tmp_path / "results.csv"
    path.write_text(text, encoding="utf-8")
    page.locator("input#id_file").set_input_files(str(path))
    page.locator("input#id_file").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Check the file")).to_be_focused()
    page.keyboard.press("Enter")


def test_an_editor_previews_corrects_and_imports_with_the_keyboard(
    evaluation, page, live_server, tmp_path, artifacts
):
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/community/results/{evaluation.pk}/import/")
    assert project_violations(page) == []

    choose_file(page, tmp_path, WITH_PROBLEMS)
    expect(page.get_by_role("alert").first).to_contain_text("1 of 2 rows cannot be imported")
    expect(page.get_by_text("This evaluation has no measure named “Books”")).to_be_visible()
    expect(page.get_by_role("button", name="Import")).to_have_count(0)
    page.screenshot(path=artifacts / "results-import-problems.png", full_page=True)
    assert project_violations(page) == []

    choose_file(page, tmp_path, CORRECTED)
    confirm = page.get_by_role("button", name="Import 1 result")
    expect(confirm).to_be_visible()
    page.screenshot(path=artifacts / "results-import-ready.png", full_page=True)
    assert project_violations(page) == []
    assert not MeasureResult.objects.filter(source=ResultSource.IMPORT).exists()
    confirm.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("1 result imported into “How story time went”")).to_be_visible()
    assert list(MeasureResult.objects.filter(source=ResultSource.IMPORT).values_list("note", flat=True)) == [
        "Counted at the door"
    ]
