"""Public pages in every mode, in headless Chromium: forced colours, 200 % text on a phone, print,
the keyboard alone, and axe-core (WCAG 2.1 AA) at phone and desktop widths.

The demo library is used, plus a program and a partnership written with a very long word and a
very long address, the kind of text that pushes a phone's page sideways.
"""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from clpages.models import (
    CommunityPartner,
    EvaluationPage,
    PartnershipIndexPage,
    PartnershipNextStep,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
)
from tests.factories import make_partnership, make_program

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
}
LONG_WORD = "Gemeinschaftsbibliotheksplanungsversammlungsprotokollarchiv"
LONG_ADDRESS = (
    "https://example.org/community/planning/meetings/2026/northside/notes-and-decisions-of-the-group"
)
BIG_TEXT = "html { font-size: 200% !important; }"


@pytest.fixture
def library(demo_site):
    """Every public page type of the demo library, and two pages of long words: name -> path."""
    programs = ProgramIndexPage.objects.get(locale__language_code="en")
    partner = CommunityPartner.objects.create(
        name=f"{LONG_WORD} Collective",
        description=f"Our notes are public at {LONG_ADDRESS}",
        website=LONG_ADDRESS,
    )
    long_program = make_program(
        programs, title=f"{LONG_WORD} reading circle", summary=f"Notes: {LONG_ADDRESS}", partners=[partner]
    )
    long_partnership = make_partnership(
        PartnershipIndexPage.objects.get(locale__language_code="en"),
        partner,
        title=f"Working with {LONG_WORD}",
    )
    PartnershipNextStep.objects.create(
        partnership=long_partnership,
        what=f"Publish the notes at {LONG_ADDRESS}",
        who=f"The {LONG_WORD} team",
        when=datetime.date(2026, 12, 8),
    )
    return {
        "home": "/",
        "hub": "/community/",
        "program-index": programs.url,
        "calendar": programs.url + "calendar/?period=month",
        "program": ProgramPage.objects.get(locale__language_code="en", slug="homework-help-club").url,
        "program-long-words": long_program.url,
        "partnership-index": "/community/partnerships/",
        "partnership": PartnershipPage.objects.get(
            locale__language_code="en", slug="riverbend-newcomers-network"
        ).url,
        "partnership-long-words": long_partnership.url,
        "evaluation-index": "/community/evaluations/",
        "evaluation": EvaluationPage.objects.get(
            locale__language_code="en", slug="homework-help-club-first-term"
        ).url,
        "search": "/search/?q=homework",
        "not-found": "/no-such-page/",
    }


def visit(page, live_server, path):
    response = page.goto(live_server.url + path)
    assert response.status in (200, 404), path
    return response


def computed(page, selector, properties, pseudo=None):
    """Computed `properties` of every element matching `selector` (or of its `pseudo` element)."""
    return page.evaluate(
        """([selector, properties, pseudo]) => [...document.querySelectorAll(selector)].map(
            (element) => {
                const style = getComputedStyle(element, pseudo);
                return Object.fromEntries(properties.map((name) => [name, style[name]]));
            })""",
        [selector, properties, pseudo],
    )


def system_colour(page, name):
    """What a CSS system colour (Canvas, CanvasText...) resolves to in the current mode."""
    return page.evaluate(
        """(name) => {
            const probe = document.createElement("div");
            probe.style.cssText = `forced-color-adjust: none; color: ${name}`;
            document.body.append(probe);
            const value = getComputedStyle(probe).color;
            probe.remove();
            return value;
        }""",
        name,
    )


def visible_border(style, canvas, side="Top"):
    width = float(style[f"border{side}Width"].removesuffix("px"))
    colour = style[f"border{side}Color"]
    transparent = colour == "transparent" or (colour.startswith("rgba(") and colour.endswith(", 0)"))
    return width >= 2 and style[f"border{side}Style"] != "none" and not transparent and colour != canvas


# Forced colours ---------------------------------------------------------------------------------


def test_forced_colours_keep_bars_and_steps_visible_and_apart(library, page, live_server, artifacts):
    page.emulate_media(forced_colors="active")
    visit(page, live_server, library["evaluation"])
    page.screenshot(path=artifacts / "modes-forced-colours-evaluation.png", full_page=True)
    canvas = system_colour(page, "Canvas")
    properties = ["borderTopWidth", "borderTopStyle", "borderTopColor", "backgroundColor", "backgroundImage"]
    bars = computed(page, ".chart .bar", properties)
    fills = computed(page, ".chart .bar__fill", properties)
    goals = computed(page, ".chart .bar__goal", properties)
    assert len(bars) == len(fills) >= 6 and goals
    # Every bar and every filled part is outlined, not drawn by a background forced colours remove.
    hidden = [style for style in bars + fills if not visible_border(style, canvas)]
    assert not hidden, hidden
    # The goal line is dashed in the text colour, with a halo of the background colour around it.
    assert all(
        "repeating-linear-gradient" in style["backgroundImage"] and style["borderTopWidth"] == "2px"
        for style in goals
    ), goals
    # A result that met its goal, one that did not, and the starting point are drawn differently...
    met = computed(page, ".chart__row--met .bar__fill", properties)
    not_yet = computed(
        page, ".chart__row:not(.chart__row--met):not(.chart__row--start) .bar__fill", properties
    )
    start = computed(page, ".chart__row--start .bar__fill", properties)
    assert met and not_yet and start
    assert met[0]["backgroundColor"] != not_yet[0]["backgroundColor"]
    assert "repeating-linear-gradient" in start[0]["backgroundImage"]
    # ...and the words beside each bar say it.
    words = page.locator(".chart__words").all_inner_texts()
    assert "Not yet: 42% (goal: 70% or more)" in words and "Goal met: 31 of 30 children" in words
    # The SVG charts over time are drawn in the text colour, a met result filled, others hollow,
    # each chart named by its title, and the summary says in words whether the goal was met.
    text = system_colour(page, "CanvasText")
    strokes = computed(page, ".trend__line, .trend__goal, .trend__axis, .trend__point", ["stroke"])
    assert len(strokes) >= 10 and all(style["stroke"] == text for style in strokes), strokes
    filled = computed(page, ".trend__point--met", ["fill"])
    hollow = computed(page, ".trend__point:not(.trend__point--met)", ["fill"])
    assert filled and hollow and filled[0]["fill"] != hollow[0]["fill"] == canvas
    for chart in page.locator("svg.trend__svg").all():
        title = page.locator(f"#{chart.get_attribute('aria-labelledby')}")
        assert chart.get_attribute("role") == "img" and "the results over time" in title.text_content()
    summaries = page.locator(".measure__summary").all_inner_texts()
    assert any(line.startswith("Goal met.") for line in summaries)
    assert any(line.startswith("Goal not met yet.") for line in summaries)

    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        visit(page, live_server, library["program"])
        page.screenshot(path=artifacts / f"modes-forced-colours-program-{width}.png", full_page=True)
        side = "Top" if width > 640 else "Left"  # the steps stand in a column on a phone
        properties = [f"border{side}{part}" for part in ("Width", "Style", "Color")]
        steps = {
            state: computed(page, f".stage-steps li.{state}", properties)
            for state in ("done", "current", "todo")
        }
        assert all(steps.values()), steps
        assert all(visible_border(style, canvas, side) for found in steps.values() for style in found), steps
        # Done, now and to come differ by the line's style, whatever colours the system uses.
        styles = {state: found[0][f"border{side}Style"] for state, found in steps.items()}
        assert styles == {"done": "solid", "current": "double", "todo": "dashed"}, width
        numbers = computed(
            page,
            ".stage-steps li",
            ["content", "borderTopWidth", "borderTopStyle", "borderTopColor"],
            "::before",
        )
        assert len(numbers) == 5
        assert all(
            number["content"] == "counter(step)" and visible_border(number, canvas) for number in numbers
        )

    # The seniors' partnership has reached "Align": steps behind it, at it and still to come.
    visit(
        page,
        live_server,
        PartnershipPage.objects.get(locale__language_code="en", slug="harbour-street-seniors-circle").url,
    )
    page.screenshot(path=artifacts / "modes-forced-colours-partnership.png", full_page=True)
    properties = ["borderLeftStyle", "borderLeftWidth", "borderLeftColor"]
    framing = {
        state: computed(page, f".framing li.{state}", properties) for state in ("reached", "current", "todo")
    }
    assert all(visible_border(style, canvas, "Left") for found in framing.values() for style in found)
    assert {state: found[0]["borderLeftStyle"] for state, found in framing.items()} == {
        "reached": "solid",
        "current": "double",
        "todo": "dashed",
    }

    # Only the current link of the main menu and of the calendar's periods is marked.
    visit(page, live_server, library["calendar"])
    links = computed(page, ".site-nav a", ["borderBottomStyle"])
    assert [style["borderBottomStyle"] for style in links].count("solid") == 1
    assert computed(page, ".site-nav a[aria-current]", ["borderBottomStyle"]) == [
        {"borderBottomStyle": "solid"}
    ]
    period = computed(page, ".period-nav a", ["borderTopStyle"])
    assert [style["borderTopStyle"] for style in period].count("double") == 1
    assert computed(page, ".period-nav a[aria-current]", ["borderTopStyle"]) == [{"borderTopStyle": "double"}]


# Reflow -----------------------------------------------------------------------------------------


def test_200_percent_text_at_375_pixels_never_scrolls_sideways(library, page, live_server, artifacts):
    page.set_viewport_size({"width": 375, "height": 740})
    overflowing = {}
    for name, path in library.items():
        visit(page, live_server, path)
        page.add_style_tag(content=BIG_TEXT)
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
        page.screenshot(path=artifacts / f"modes-200-percent-{name}.png", full_page=True)
        sizes = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if sizes[0] > sizes[1]:
            overflowing[path] = sizes
    assert not overflowing, f"scroll sideways (scrollWidth, innerWidth): {overflowing}"

    # The one table scrolls in a container of its own, named by the table's caption and reachable
    # with the keyboard, so its columns stay readable.
    visit(page, live_server, library["partnership-long-words"])
    page.add_style_tag(content=BIG_TEXT)
    region = page.get_by_role("region", name="Next steps: what, who, when and whether it is done")
    assert region.evaluate("(element) => getComputedStyle(element).overflowX") == "auto"
    assert region.evaluate("(element) => element.tabIndex") == 0
    assert region.locator("caption").count() == 1


# Print ------------------------------------------------------------------------------------------


def after(locator):
    return locator.evaluate("(element) => getComputedStyle(element, '::after').content")


def test_print_shows_content_and_addresses_without_navigation(library, page, live_server, artifacts):
    page.emulate_media(media="print")
    visit(page, live_server, library["program-index"])
    page.screenshot(path=artifacts / "modes-print-program-index.png", full_page=True)
    for selector in (
        ".site-nav",
        ".site-search",
        ".breadcrumbs",
        ".filters",
        ".skip-link",
        ".jump-to-results",
    ):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator(".card-list").is_visible()
    # A link within the site prints its full address; a link within the page prints nothing.
    card_link = page.locator(".card-list a").first
    assert after(card_link) == f'" ({live_server.url}{card_link.get_attribute("href")})"'
    assert after(page.locator(".skip-link")) in ("none", "normal")

    visit(page, live_server, library["partnership-long-words"])
    page.screenshot(path=artifacts / "modes-print-partnership.png", full_page=True)
    assert after(page.get_by_role("link", name=re.compile("website"))) == f'" ({LONG_ADDRESS})"'

    visit(page, live_server, library["program"])
    page.screenshot(path=artifacts / "modes-print-program.png", full_page=True)
    # Headings stay with the text after them; a session is never split across two pages.
    headings = computed(page, "main h2, main h3", ["breakAfter"])
    assert headings and all(style["breakAfter"] == "avoid" for style in headings)
    sessions = computed(page, ".sessions li", ["breakInside"])
    assert sessions and all(style["breakInside"] == "avoid" for style in sessions)
    # The stage numbers keep their ink on paper.
    numbers = computed(page, ".stage-steps li", ["content", "printColorAdjust", "borderTopStyle"], "::before")
    assert len(numbers) == 5
    assert all(n["content"] == "counter(step)" and n["printColorAdjust"] == "exact" for n in numbers)
    assert all(n["borderTopStyle"] == "solid" for n in numbers)

    for name in ("program", "evaluation", "calendar"):
        visit(page, live_server, library[name])
        pdf = page.pdf(format="A4")
        (artifacts / f"modes-print-{name}.pdf").write_bytes(pdf)
        assert pdf.startswith(b"%PDF")
        assert re.search(rb"/Type\s*/Page\b", pdf), f"{name} prints no page"


# Keyboard ---------------------------------------------------------------------------------------


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_listing_filters_with_the_keyboard_land_on_the_results(library, page, live_server, artifacts):
    page.set_viewport_size({"width": 375, "height": 740})
    visit(page, live_server, library["program-index"])
    tab_to(page, "#id_audience")
    page.keyboard.press("ArrowDown")  # the first audience after "Any"
    chosen = page.locator("#id_audience").input_value()
    assert chosen
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"audience={chosen}"))
    page.wait_for_load_state("load")
    page.screenshot(path=artifacts / "modes-keyboard-results.png")
    # Focus is on the results heading, so the next Tab goes into what was found, not the filters again.
    assert page.evaluate("document.activeElement.id") == "results"
    assert page.evaluate("document.activeElement.tagName") == "H2"


# axe-core ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [375, 1280])
def test_every_public_page_type_has_no_axe_violations(library, page, live_server, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    failures = {}
    for name, path in library.items():
        visit(page, live_server, path)
        page.screenshot(path=artifacts / f"modes-{name}-{width}.png", full_page=True)
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[path] = results.generate_report()
    assert not failures, "\n".join(f"{path}:\n{report}" for path, report in failures.items())
