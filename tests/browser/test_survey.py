"""A patron answers an outcome survey with the keyboard alone, in headless Chromium: the form,
its error summary and the thank-you have zero axe-core violations, and the answers count."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from clpages.surveys.models import QuestionTally, SurveyAnswer
from tests.browser.test_modes import tab_to
from tests.browser.test_public_pages import WCAG_AA
from tests.builders import build_site, make_evaluation, make_measure, make_program
from tests.surveys.conftest import build_survey

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def survey(live_db):
    tree = build_site()
    program = make_program(tree["programs"], "Seed swap", sessions=0)
    evaluation = make_evaluation(tree["evaluations"], program=program, title="Seed swap: results")
    measure = make_measure(evaluation, "Learned something new", kind="survey", unit="%")
    return build_survey(
        evaluation,
        [
            {"kind": "agreement", "text": "I felt welcome.", "required": True},
            {"kind": "choice", "text": "How did you hear of it?", "options": "A friend\nThe library"},
            {"kind": "text", "text": "Anything else?"},
            {"kind": "learned", "feeds": measure, "feed_as": "share"},
        ],
        title="How was the seed swap?",
    )


def check(page, artifacts, name, failures):
    page.wait_for_load_state("load")
    page.screenshot(path=artifacts / f"survey-{name}.png", full_page=True)
    results = Axe().run(page, options=WCAG_AA)
    if results.violations_count:
        failures[name] = results.generate_report()


def submit(page):
    tab_to(page, "form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [375, 1280])
def test_answering_a_survey_with_the_keyboard(survey, page, live_server, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    questions = {q.kind: q for q in survey.questions.all()}
    page.goto(f"{live_server.url}/survey/{survey.pk}/")
    expect(page.get_by_role("heading", name="How was the seed swap?")).to_be_visible()
    expect(page.get_by_role("radiogroup", name="I learned something new.")).to_have_count(0)
    expect(page.get_by_role("group", name="I felt welcome. (required)")).to_be_visible()
    check(page, artifacts, f"{width}-1-form", failures)

    # The required question left out: the summary says so, and what was typed stays.
    tab_to(page, f"#id_q{questions['text'].pk}")
    page.keyboard.type("More seeds for balconies.")
    submit(page)
    expect(page.get_by_role("alert")).to_contain_text("Please answer this question.")
    expect(page.locator(f"#id_q{questions['text'].pk}")).to_have_value("More seeds for balconies.")
    check(page, artifacts, f"{width}-2-errors", failures)

    # A radio group is reached with Tab and answered with Space and the arrow keys.
    tab_to(page, f"#id_q{questions['agreement'].pk}_0")
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="Agree", exact=True).first).to_be_checked()
    tab_to(page, f"#id_q{questions['learned'].pk}_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    submit(page)
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    check(page, artifacts, f"{width}-3-thanks", failures)

    assert failures == {}, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
    assert sorted(SurveyAnswer.objects.values_list("value", flat=True).exclude(value=None)) == [4, 5]
    assert QuestionTally.objects.get(question=questions["learned"]).counts == {"5": 1}
    assert SurveyAnswer.objects.get(question=questions["text"]).text == "More seeds for balconies."
