"""Finding programs by accessibility and cost; the results heading and page title saying what was
found; focus going to the results; dates that cannot be read never put back into a date input."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar

from clpages.models import ProgramPage
from tests.program_catalogue import add_program, at, queries_at_10_and_100

pytestmark = pytest.mark.django_db

ALL_CURRENT = {"zine", "story", "coding", "garden", "craft"}
CSS = Path(__file__).resolve().parents[2] / "static_src" / "css" / "site.css"


@pytest.fixture
def accessible(catalogue):
    """The catalogue, with what each program offers for access, and one program that charges."""
    programs = catalogue.programs
    ProgramPage.objects.filter(pk=programs.zine.pk).update(step_free_access=True, captions=True)
    ProgramPage.objects.filter(pk=programs.story.pk).update(
        step_free_access=True, interpretation="Arabic interpreter at every session"
    )
    ProgramPage.objects.filter(pk=programs.craft.pk).update(sensory_friendly=True)
    ProgramPage.objects.filter(pk=programs.coding.pk).update(is_free=False, cost_details="$5 for materials")
    ProgramPage.objects.filter(pk=programs.poetry.pk).update(captions=True)
    return catalogue


def listed(client, tree, catalogue, params):
    response = client.get(tree["programs"].url, params)
    assert response.status_code == 200
    by_title = {program.title: name for name, program in vars(catalogue.programs).items()}
    return {by_title[program.title] for program in response.context["items"].paginator.object_list}


ACCESS_CASES = [
    ({"access": "step-free"}, {"zine", "story"}),
    ({"access": "captions"}, {"zine"}),
    ({"access": "captions", "include_past": "on"}, {"zine", "poetry"}),
    ({"access": "interpretation"}, {"story"}),
    ({"access": "sensory-friendly"}, {"craft"}),
    # Every feature ticked must be offered.
    ({"access": ["step-free", "captions"]}, {"zine"}),
    ({"access": ["step-free", "interpretation"]}, {"story"}),
    ({"access": ["step-free", "sensory-friendly"]}, set()),
    ({"free": "on"}, ALL_CURRENT - {"coding"}),
    ({"free": "on", "access": "captions"}, {"zine"}),
    # With the other filters.
    ({"access": "step-free", "audience": "families"}, {"story"}),
    ({"access": "step-free", "format": "online"}, {"story"}),
    ({"free": "on", "language": "french"}, {"garden"}),
    ({"access": "sensory-friendly", "when": "week"}, set()),
]


def test_each_access_feature_and_cost_alone_and_combined(client, tree, accessible):
    wrong = []
    for params, expected in ACCESS_CASES:
        found = listed(client, tree, accessible, params)
        if found != expected:
            wrong.append(f"{params}: expected {sorted(expected)}, got {sorted(found)}")
    assert not wrong, "\n".join(wrong)


def test_the_form_offers_the_features_as_tick_boxes_and_keeps_them_ticked(client, tree, accessible):
    html = client.get(
        tree["programs"].url, {"access": ["captions", "step-free"], "free": "on"}
    ).content.decode()
    assert "<legend>Access and cost</legend>" in html
    for value, label in [
        ("step-free", "Step-free access"),
        ("captions", "Captions"),
        ("interpretation", "Interpretation (for example ASL or a spoken language)"),
        ("sensory-friendly", "Sensory-friendly"),
    ]:
        box = re.search(rf'<input type="checkbox" name="access" value="{value}"[^>]*>', html).group(0)
        box_id = re.search(r'id="([^"]+)"', box).group(1)
        assert f'<label for="{box_id}">{label}</label>' in html
        assert ("checked" in box) == (value in ("captions", "step-free"))
    free = re.search(r'<input type="checkbox" name="free"[^>]*>', html).group(0)
    assert "checked" in free
    assert '<label for="id_free">Free of charge only</label>' in html


def test_each_feature_in_use_is_removed_on_its_own(client, tree, accessible):
    html = client.get(
        tree["programs"].url, {"access": ["step-free", "captions"], "free": "on"}
    ).content.decode()
    assert 'href="?access=captions&amp;free=on">Accessibility: Step-free access' in html
    assert 'href="?access=step-free&amp;free=on">Accessibility: Captions' in html
    assert 'href="?access=step-free&amp;access=captions">Free of charge only: yes' in html
    # The calendar and its feed take every feature along.
    assert "?access=step-free&amp;access=captions&amp;free=on" in html


def test_a_feature_we_do_not_know_is_explained_and_nothing_is_lost(client, tree, accessible):
    response = client.get(tree["programs"].url, {"access": ["captions", "teleport"], "audience": "families"})
    html = response.content.decode()
    assert "“teleport” is not one of the accessibility features. Choose one from the list." in html
    assert 'href="#id_access_0">Accessibility: ' in html
    # The audience still applies; the feature that was valid stays ticked to submit again.
    assert listed(client, tree, accessible, {"access": ["captions", "teleport"], "audience": "families"}) == {
        "story",
        "garden",
        "craft",
    }
    assert re.search(r'<input type="checkbox" name="access" value="captions"[^>]*checked', html)


def test_the_calendar_and_its_feed_take_the_same_filters(client, tree, accessible):
    response = client.get(tree["programs"].url + "calendar/", {"period": "month", "access": "captions"})
    assert {line.program_title for line in response.context["items"]} == {"Teen Zine Lab"}
    assert "<legend>Access and cost</legend>" in response.content.decode()
    response = client.get(tree["programs"].url + "calendar.ics", {"access": "sensory-friendly", "free": "on"})
    assert response.status_code == 200
    summaries = {str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}
    assert summaries == {"Winter Craft Fair", "Cancelled: Winter Craft Fair"}


def heading_and_title(client, tree, params):
    html = client.get(tree["programs"].url, params).content.decode()
    heading = re.search(r'<h2 id="results" class="results__title" tabindex="-1">(.*?)</h2>', html, re.S)
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    return heading.group(1).strip(), title.group(1).strip()


HEADING_CASES = [
    ({}, "5 programs"),
    ({"audience": "families", "language": "arabic"}, "1 program for families in Arabic"),
    ({"audience": "families"}, "3 programs for families"),
    ({"audience": "older-adults"}, "2 programs for older adults"),
    ({"format": "online", "when": "month"}, "2 programs online, this month"),
    (
        {"access": ["step-free", "captions"], "free": "on"},
        "1 program with step-free access and captions, free of charge",
    ),
    ({"topic": "art", "when": "week"}, "1 program about art, this week"),
    (
        {"partner": "northside-youth-collective", "stage": "4"},
        "1 program co-created with Northside Youth Collective, at the stage “Deliver services”",
    ),
    (
        {"date_from": "2026-11-25", "date_to": "2026-12-31"},
        "2 programs between Wednesday 25 November 2026 and Thursday 31 December 2026",
    ),
    ({"date_from": "2026-12-01"}, "1 program from Tuesday 1 December 2026"),
    ({"date_to": "2026-11-19"}, "1 program until Thursday 19 November 2026"),
    ({"q": "zine"}, "1 program matching “zine”"),
    ({"include_past": "on"}, "6 programs including past programs"),
    ({"audience": "teens", "language": "arabic"}, "No programs for teens in Arabic"),
    ({"access": "interpretation", "format": "in_person"}, "1 program in person, with interpretation"),
]


def test_the_results_heading_and_the_page_title_say_what_was_found(client, tree, accessible):
    wrong = []
    for params, expected in HEADING_CASES:
        heading, title = heading_and_title(client, tree, params)
        if heading != expected:
            wrong.append(f"{params}: heading {heading!r}, expected {expected!r}")
        expected_title = f"{expected} | Programs | " if params else "Programs | "
        if not title.startswith(expected_title):
            wrong.append(f"{params}: title {title!r}, expected it to start {expected_title!r}")
    assert not wrong, "\n".join(wrong)


def test_the_location_is_named_in_the_heading(client, tree, accessible):
    heading, _ = heading_and_title(client, tree, {"location": accessible.locations.hall.pk})
    assert heading == "2 programs at Eastside Community Hall"


def test_the_title_says_which_page_and_when_some_choices_could_not_be_used(client, tree, frozen):
    for i in range(15):
        add_program(tree["programs"], f"Reading circle {i}", sessions=[(at(11, 20, 10), at(11, 20, 11), {})])
    _, title = heading_and_title(client, tree, {"page": "2"})
    assert title.startswith("15 programs, page 2 of 2 | Programs | ")
    heading, title = heading_and_title(client, tree, {"when": "week", "stage": "9"})
    assert heading == "15 programs this week"
    assert title.startswith("Some of your choices could not be used. 15 programs this week, page 1 of 2 | ")


def test_words_typed_are_escaped_in_the_heading_and_the_title(client, tree, accessible):
    heading, title = heading_and_title(client, tree, {"q": "<script>alert(1)</script>"})
    assert heading == "No programs matching “&lt;script&gt;alert(1)&lt;/script&gt;”"
    assert title.startswith("No programs matching “&lt;script&gt;alert(1)&lt;/script&gt;”")


def test_focus_goes_to_the_results_heading_after_filtering(client, tree, accessible):
    html = client.get(tree["programs"].url, {"audience": "families"}).content.decode()
    # Without JavaScript the form's address ends in #results, the heading, which takes focus.
    assert re.search(r'<form class="filters" method="get" action="/community/programs/#results"', html)
    assert '<h2 id="results" class="results__title" tabindex="-1">' in html
    assert '<section class="results" aria-labelledby="results">' in html
    assert html.count('id="results"') == 1
    # A link past the filters, before them in the page, at every width.
    skip = html.index('<a href="#results">Skip to the programs found</a>')
    assert skip < html.index('<form class="filters"')
    css = CSS.read_text()
    assert not re.search(r"\.jump-to-results\s*\{[^}]*display:\s*none", css)
    assert re.search(r"\.jump-to-results\s*\{\s*display:\s*block", css)


def date_input(html, name):
    return re.search(rf'<input type="date" name="{name}"[^>]*>', html).group(0)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("2026-13-45", "We could not read the date “2026-13-45”. Enter the start date as year-month-day"),
        ("next tuesday", "We could not read the date “next tuesday”."),
        ("0001-01-01", "We cannot use the date “0001-01-01”. Choose a date between 1 January 1900"),
        ("<b>soon</b>", "We could not read the date “&lt;b&gt;soon&lt;/b&gt;”."),
    ],
)
def test_a_date_we_cannot_use_is_quoted_in_the_message_not_put_in_the_date_input(
    client, tree, accessible, typed, message
):
    response = client.get(tree["programs"].url, {"date_from": typed, "language": "french"})
    html = response.content.decode()
    field = date_input(html, "date_from")
    assert "value=" not in field
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_date_from_error"' in field
    assert re.search(rf'<p class="field-error" id="id_date_from_error">.*{re.escape(message)}', html)
    assert message in html
    # The other choices still apply.
    assert listed(client, tree, accessible, {"date_from": typed, "language": "french"}) == {
        "coding",
        "garden",
    }


def test_readable_dates_stay_in_their_inputs(client, tree, accessible):
    html = client.get(
        tree["programs"].url, {"date_from": "2026-12-10", "date_to": "2026-12-01"}
    ).content.decode()
    assert 'value="2026-12-10"' in date_input(html, "date_from")
    assert 'value="2026-12-01"' in date_input(html, "date_to")
    assert "The end date must be on or after the start date." in html
    html = client.get(tree["programs"].url, {"date_to": "2026-12-01", "date_from": "soon"}).content.decode()
    assert 'value="2026-12-01"' in date_input(html, "date_to")
    assert "value=" not in date_input(html, "date_from")


def test_listing_queries_do_not_grow_with_the_new_filters(client, tree, accessible):
    views = [
        {"access": ["step-free", "captions"], "free": "on"},
        {"access": "interpretation", "format": "online", "sort": "newest"},
    ]
    url = tree["programs"].url
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], accessible, url, views)
    assert at_hundred == at_ten
