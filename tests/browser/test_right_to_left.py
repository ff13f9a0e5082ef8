"""Arabic pages mirror (right to left) and the language switcher works with the keyboard alone.

The site, its catalogue and French and Arabic translations of the hub, the programs index and one
program are committed once for the module: these tests only read them. The translations are made
as an editor would (``copy_for_translation`` with their parents, then published).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.builders import build_catalogue, build_site, catalogue_committed_once
from tests.i18n.translating import copied_translation as translate

pytestmark = pytest.mark.django_db

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
}

URLS = {}


def _build_site():
    tree = build_site()
    catalogue = build_catalogue(tree["programs"])
    program = catalogue.programs.zine
    for code, hub, index, title in (
        ("fr", "Communauté", "Programmes", "Atelier de fanzines"),
        ("ar", "المجتمع", "البرامج", "ورشة المجلات الصغيرة"),
    ):
        translate(tree["hub"], code, title=hub)
        translate(tree["programs"], code, title=index)
        translated = translate(program, code, title=title)
        URLS[f"{code}-program"] = translated.url
        URLS[f"{code}-listing"] = translated.get_parent().url
    URLS["en-program"] = program.url


@pytest.fixture(scope="module")
def translated_server_once(django_db_setup, django_db_blocker, read_only_server):
    with catalogue_committed_once(django_db_blocker, _build_site):
        yield read_only_server


def _text_box(page, selector):
    """Where the words of the first element matching ``selector`` are drawn, and its container's box."""
    return page.evaluate(
        """(s) => {
            const element = document.querySelector(s);
            const range = document.createRange();
            range.selectNodeContents(element);
            const words = range.getBoundingClientRect();
            const box = element.closest('.wrap').getBoundingClientRect();
            return {left: words.left, right: words.right, boxLeft: box.left, boxRight: box.right};
        }""",
        selector,
    )


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 740}], ids=["desktop", "phone"]
)
@pytest.mark.parametrize("name", ["ar-program", "ar-listing"])
def test_arabic_pages_mirror_without_axe_violations_or_sideways_scrolling(
    translated_server_once, page, artifacts, viewport, name
):
    page.set_viewport_size(viewport)
    response = page.goto(translated_server_once.url + URLS[name])
    assert response.status == 200
    page.screenshot(path=artifacts / f"rtl-{name}-{viewport['width']}.png", full_page=True)

    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).direction") == "rtl"

    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Mirrored: the library's name starts the header on the right, and the heading's words
    # start at the right edge of the page's column.
    name_box = _text_box(page, ".site-name")
    assert name_box["right"] > (name_box["boxLeft"] + name_box["boxRight"]) / 2
    heading = _text_box(page, "main h1")
    assert heading["boxRight"] - heading["right"] < 24  # the column's padding
    assert heading["left"] - heading["boxLeft"] > 24 or viewport["width"] < 400


def test_english_page_stays_left_to_right(translated_server_once, page, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(translated_server_once.url + URLS["en-program"])
    page.screenshot(path=artifacts / "rtl-en-program-1280.png", full_page=True)
    assert page.evaluate("document.documentElement.dir") == "ltr"
    heading = _text_box(page, "main h1")
    assert heading["left"] - heading["boxLeft"] < 24


def test_language_switcher_with_the_keyboard_alone(translated_server_once, page, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(translated_server_once.url + URLS["en-program"])
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('nav.language-switcher') !== null"):
            break
    else:
        raise AssertionError("Tab never reached the language switcher")
    # The current language comes first among the links (English); the next Tab is French.
    assert page.evaluate("document.activeElement.textContent") == "English"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const a = document.activeElement;
            const style = getComputedStyle(a);
            return {text: a.textContent, lang: a.lang, hreflang: a.hreflang,
                    visible: a.matches(':focus-visible') && style.outlineStyle !== 'none'
                             && parseFloat(style.outlineWidth) >= 2};
        }"""
    )
    assert focused == {"text": "Français", "lang": "fr", "hreflang": "fr", "visible": True}
    assert page.get_by_role("navigation", name="Languages").is_visible()
    page.screenshot(path=artifacts / "rtl-switcher-focus.png")

    page.keyboard.press("Enter")
    page.wait_for_url("**" + URLS["fr-program"])
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Atelier de fanzines"
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies.get("django_language") == "fr"

    # Remembered: the English address now leads to the French page.
    page.goto(translated_server_once.url + URLS["en-program"])
    assert page.url.endswith(URLS["fr-program"])
