"""A patron answers a program's listening question with the keyboard alone, and a co-leading
partner moderates the answers in the admin, in headless Chromium; every screen on the way has
zero axe-core violations (WCAG 2.1 AA), Wagtail's own known ones aside on the admin screens."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from clpages.listening.models import AnswerStatus, ListeningAnswer, ListeningQuestion
from clpages.models import Language
from tests.browser.test_modes import tab_to
from tests.browser.test_partner_admin import STILL, project_violations, sign_in
from tests.browser.test_public_pages import WCAG_AA
from tests.builders import build_partner_world, build_site

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "What matters to you about family story time?"


@pytest.fixture
def asking(live_db):
    world = build_partner_world(build_site())
    Language.objects.create(name="English")
    world["arabic"] = Language.objects.create(name="Arabic")
    world["question"] = ListeningQuestion.objects.create(
        page=world["a_program"], text=QUESTION, approved_at=timezone.now()
    )
    return world


def check(page, artifacts, name, failures, admin=False):
    page.wait_for_load_state("load")
    if admin:
        page.add_style_tag(content=STILL)
    page.screenshot(path=artifacts / f"listening-{name}.png", full_page=True)
    if admin:
        found = project_violations(page)
    else:
        results = Axe().run(page, options=WCAG_AA)
        found = results.generate_report() if results.violations_count else None
    if found:
        failures[name] = found


def press_on(page, selector):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [375, 1280])
def test_a_patron_answers_the_question_with_the_keyboard(asking, page, live_server, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    page.goto(live_server.url + asking["a_program"].url)
    expect(page.get_by_text(QUESTION).first).to_be_visible()
    check(page, artifacts, f"{width}-1-page", failures)

    press_on(page, "a.button[href^='/have-your-say/']")
    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION)
    check(page, artifacts, f"{width}-2-form", failures)

    # Markup is refused with a message, and what was typed stays.
    tab_to(page, "#id_text")
    page.keyboard.type("<b>Stories</b> in Arabic")
    press_on(page, "form button[type=submit]")
    expect(page.get_by_role("alert").first).to_contain_text("Please write in plain words")
    expect(page.locator("#id_text")).to_have_value("<b>Stories</b> in Arabic")
    check(page, artifacts, f"{width}-3-refused", failures)

    tab_to(page, "#id_text")
    page.keyboard.press("Control+A")
    page.keyboard.type("قصص باللغة العربية كل أسبوع")
    tab_to(page, "#id_language")
    page.keyboard.press("ArrowDown")  # Arabic, the first language in alphabetical order
    tab_to(page, "#id_credit")
    page.keyboard.type("Layla")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    press_on(page, "form button[type=submit]")
    expect(page.get_by_role("heading", name="Thank you for your answer")).to_be_visible()
    check(page, artifacts, f"{width}-4-thanks", failures)

    saved = ListeningAnswer.objects.get()
    assert (saved.text, saved.credit, saved.language, saved.consent) == (
        "قصص باللغة العربية كل أسبوع",
        "Layla",
        asking["arabic"],
        True,
    )
    assert not failures, "\n".join(f"{name}:\n{report}" for name, report in failures.items())


def test_a_co_leading_partner_moderates_the_answers(asking, page, live_server, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    quotable = ListeningAnswer.objects.create(
        question=asking["question"],
        text="قصص كل أسبوع",
        credit="Layla",
        language=asking["arabic"],
        consent=True,
    )
    ListeningAnswer.objects.create(question=asking["question"], text="My son is shy", consent=False)

    sign_in(page, live_server, "partner_a")
    page.goto(live_server.url + "/admin/listening/")
    expect(page.get_by_role("cell", name="Family story time", exact=True)).to_be_visible()
    check(page, artifacts, "admin-1-questions", failures, admin=True)

    # A question the partner sets waits for the library's approval.
    press_on(page, "a[href$='/listening/add/']")
    check(page, artifacts, "admin-1b-ask", failures, admin=True)
    page.get_by_label("Page that asks").select_option(label="Homework Help Club")
    page.get_by_label("Question").fill("What would help with homework?")
    press_on(page, "main button[type=submit]")
    expect(page.get_by_text("It shows on the page once the library has approved it.")).to_be_visible()
    assert not ListeningQuestion.objects.get(text="What would help with homework?").is_approved

    press_on(page, f"a[href$='/{asking['question'].pk}/answers/']")
    expect(page.get_by_text("My son is shy")).to_be_visible()
    check(page, artifacts, "admin-2-queue", failures, admin=True)
    # No consent, no button to show it: only the answer with consent can become a quote.
    expect(page.get_by_role("button", name="Show as a quote")).to_have_count(1)
    press_on(page, "button[value=promote]")
    expect(page.get_by_text("Answer marked: shown as a quote.")).to_be_visible()
    check(page, artifacts, "admin-3-promoted", failures, admin=True)
    quotable.refresh_from_db()
    assert quotable.status == AnswerStatus.PROMOTED and quotable.moderated_by == asking["partner_a"]

    page.goto(live_server.url + asking["a_program"].url)
    expect(page.locator("blockquote[lang=ar]")).to_have_text("قصص كل أسبوع")
    check(page, artifacts, "admin-4-quote-on-page", failures)
    assert not failures, "\n".join(f"{name}:\n{report}" for name, report in failures.items())
