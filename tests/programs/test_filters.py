"""The filtered program listing: every filter, alone and combined, against known answers."""

import pytest

from tests.builders import at, fresh, make_program, queries_at_10_and_100

ALL_CURRENT = {"zine", "story", "coding", "garden", "craft"}


@pytest.fixture
def catalogue(db, catalogue_once, frozen):
    """One catalogue for the module, reloaded for each test; what a test changes is rolled back."""
    return fresh(catalogue_once["catalogue"])


def names(catalogue, titles):
    by_title = {program.title: name for name, program in vars(catalogue.programs).items()}
    return {by_title[title] for title in titles}


def listed(client, tree, catalogue, params):
    response = client.get(tree["programs"].url, params)
    assert response.status_code == 200
    items = response.context["items"]
    return names(catalogue, [p.title for p in items.paginator.object_list]), response


FILTER_CASES = [
    ({}, ALL_CURRENT),
    ({"include_past": "on"}, ALL_CURRENT | {"poetry"}),
    ({"audience": "teens"}, {"zine"}),
    ({"audience": "teens", "include_past": "on"}, {"zine", "poetry"}),
    ({"audience": "families"}, {"story", "garden", "craft"}),
    ({"audience": "older-adults"}, {"coding", "garden"}),
    ({"language": "arabic"}, {"story"}),
    ({"language": "french"}, {"coding", "garden"}),
    ({"topic": "art"}, {"zine", "craft"}),
    ({"topic": "technology"}, {"coding"}),
    ({"stage": "4"}, {"zine", "story", "craft"}),
    ({"stage": "2"}, {"garden"}),
    ({"stage": "5"}, set()),
    ({"stage": "5", "include_past": "on"}, {"poetry"}),
    ({"partner": "northside-youth-collective"}, {"zine", "coding"}),
    ({"partner": "arabic-families-circle"}, {"story"}),
    ({"format": "in_person"}, {"zine", "story", "craft"}),
    ({"format": "online"}, {"story", "coding"}),
    ({"format": "hybrid"}, {"story"}),
    ({"when": "today"}, {"zine"}),
    ({"when": "week"}, {"zine", "story"}),
    ({"when": "month"}, {"zine", "story", "coding"}),
    ({"date_from": "2026-11-25", "date_to": "2026-12-31"}, {"coding", "craft"}),
    ({"date_from": "2026-12-01"}, {"craft"}),
    ({"date_to": "2026-11-19"}, {"zine"}),
    ({"date_from": "2026-09-01", "date_to": "2026-10-31"}, set()),
    ({"date_from": "2026-09-01", "date_to": "2026-10-31", "include_past": "on"}, {"poetry"}),
    ({"when": "month", "date_from": "2026-11-21"}, {"coding"}),
    ({"q": "zine"}, {"zine"}),
    ({"q": "garden"}, {"garden"}),
    # Combinations
    ({"audience": "families", "format": "in_person"}, {"story", "craft"}),
    ({"audience": "families", "format": "in_person", "when": "week"}, {"story"}),
    ({"language": "english", "topic": "art"}, {"zine", "craft"}),
    ({"partner": "northside-youth-collective", "format": "online"}, {"coding"}),
    ({"audience": "teens", "topic": "art", "include_past": "on"}, {"zine", "poetry"}),
    ({"when": "month", "format": "online", "language": "english"}, {"story", "coding"}),
    ({"q": "garden", "stage": "2"}, {"garden"}),
    ({"q": "garden", "stage": "4"}, set()),
    ({"audience": "teens", "language": "arabic"}, set()),
]


def test_each_filter_alone_and_combined(client, tree, catalogue):
    wrong = []
    for params, expected in FILTER_CASES:
        found, _ = listed(client, tree, catalogue, params)
        if found != expected:
            wrong.append(f"{params}: expected {sorted(expected)}, got {sorted(found)}")
    assert not wrong, "\n".join(wrong)


def test_location_filter(client, tree, catalogue):
    for params, expected in [
        ({"location": "central"}, {"zine"}),
        ({"location": "hall"}, {"story", "craft"}),
        ({"location": "hall", "when": "month"}, {"story"}),
        ({"location": "central", "include_past": "on"}, {"zine", "poetry"}),
    ]:
        params = dict(params, location=getattr(catalogue.locations, params["location"]).pk)
        found, _ = listed(client, tree, catalogue, params)
        assert found == expected, params


def test_cancelled_session_does_not_make_a_program_match(client, tree, catalogue):
    # The craft fair's only session at the Central Branch this week is cancelled.
    found, _ = listed(client, tree, catalogue, {"location": catalogue.locations.central.pk, "when": "week"})
    assert found == {"zine"}


def titles(client, tree, params=None):
    response = client.get(tree["programs"].url, params or {})
    return [p.title for p in response.context["items"].paginator.object_list]


def test_newest_programs_first(client, tree, catalogue):
    # All were published at the same moment here, so the last one added comes first.
    assert titles(client, tree, {"sort": "newest"}) == [
        "Winter Craft Fair",
        "Community Garden Planning",
        "Coding Club for Older Adults",
        "Family Story Time in Arabic",
        "Teen Zine Lab",
    ]


def test_soonest_matching_session_first_when_dates_are_chosen(client, tree, catalogue):
    assert titles(client, tree, {"when": "month"}) == [
        "Teen Zine Lab",
        "Family Story Time in Arabic",
        "Coding Club for Older Adults",
    ]
    # The craft fair's first session is cancelled: its next one is what counts.
    assert titles(client, tree, {"location": catalogue.locations.hall.pk}) == [
        "Family Story Time in Arabic",
        "Winter Craft Fair",
    ]


def test_cards_show_the_next_matching_session(client, tree, catalogue):
    html = client.get(tree["programs"].url, {"topic": "art"}).content.decode()
    assert "Saturday 5 December 2026</time>" in html
    assert "<dd>11:00 AM to 3:00 PM</dd>" in html
    assert "<dd>Eastside Community Hall</dd>" in html
    assert "Wednesday 18 November 2026</time>" in html
    assert "<dd>4:00 PM to 6:00 PM</dd>" in html
    assert "<dd>Central Branch</dd>" in html
    html = client.get(tree["programs"].url, {"stage": "2"}).content.decode()
    assert "Being planned with the community: no sessions yet." in html


INVALID_CASES = [
    ({"audience": "astronauts"}, "audience", "We could not find the audience “astronauts”"),
    ({"language": "klingon"}, "language", "We could not find the language “klingon”"),
    ({"topic": "nope"}, "topic", "We could not find the topic “nope”"),
    ({"stage": "9"}, "stage", "“9” is not one of the five stages"),
    ({"stage": "two"}, "stage", "“two” is not one of the five stages"),
    ({"partner": "nobody"}, "partner", "We could not find the partner organisation “nobody”"),
    ({"location": "abc"}, "location", "We could not find the place “abc”"),
    ({"location": "999999"}, "location", "We could not find the place “999999”"),
    ({"format": "teleport"}, "format", "“teleport” is not one of the ways of taking part"),
    ({"when": "yesterday"}, "when", "“yesterday” is not one of the periods"),
    (
        {"date_from": "2026-13-45"},
        "date_from",
        "We could not read the date “2026-13-45”. Enter the start date",
    ),
    ({"date_to": "soon"}, "date_to", "Enter the end date as year-month-day"),
    (
        {"date_from": "2026-12-10", "date_to": "2026-12-01"},
        "date_to",
        "The end date must be on or after the start date.",
    ),
    ({"q": "x" * 201}, "q", "Please use at most 200 characters."),
]


def test_invalid_values_give_a_clear_message(client, tree, catalogue):
    for params, field, message in INVALID_CASES:
        response = client.get(tree["programs"].url, params)
        assert response.status_code == 200, params
        assert message in " ".join(response.context["form"].errors[field]), params
        html = response.content.decode()
        assert "Some of your choices could not be used" in html
        assert 'role="alert"' in html


def test_invalid_filter_is_left_out_and_the_others_still_apply(client, tree, catalogue):
    found, response = listed(client, tree, catalogue, {"audience": "astronauts", "language": "arabic"})
    assert found == {"story"}
    assert 'value="arabic" selected' in response.content.decode()


def test_text_typed_is_kept_when_another_value_is_wrong(client, tree, catalogue):
    response = client.get(tree["programs"].url, {"q": "zine", "stage": "9"})
    assert 'value="zine"' in response.content.decode()


def test_empty_state_suggests_removing_filters(client, tree, catalogue):
    response = client.get(tree["programs"].url, {"audience": "teens", "language": "arabic"})
    html = response.content.decode()
    assert "No programs match all of your choices." in html
    assert "Clear all choices" in html
    # One link per choice in use, each removing just that one.
    assert 'href="?language=arabic"' in html
    assert 'href="?audience=teens"' in html


def test_pagination_keeps_the_filters(client, tree, frozen):
    for i in range(15):
        make_program(tree["programs"], f"Reading circle {i}", sessions=[(at(11, 20, 10), at(11, 20, 11), {})])
    make_program(tree["programs"], "Other", sessions=[(at(12, 20, 10), at(12, 20, 11), {})])
    response = client.get(tree["programs"].url, {"when": "week"})
    html = response.content.decode()
    assert response.context["items"].paginator.count == 15
    assert "15 programs this week" in html
    assert 'href="?when=week&amp;page=2"' in html
    page2 = client.get(tree["programs"].url, {"when": "week", "page": "2"})
    assert len(page2.context["items"]) == 3


def test_the_form_is_plain_and_accessible(client, tree, catalogue):
    html = client.get(tree["programs"].url).content.decode()
    assert '<form class="filters" method="get"' in html
    for field in ["audience", "language", "topic", "stage", "partner", "location", "format", "date_from"]:
        assert f'for="id_{field}"' in html
    assert "<legend>When</legend>" in html
    assert '<button type="submit" class="button">Show programs</button>' in html
    assert 'name="include_past"' in html


def test_subscribe_links_carry_the_filters(client, tree, catalogue):
    html = client.get(tree["programs"].url, {"audience": "teens", "when": "week"}).content.decode()
    assert "/community/programs/calendar.ics?audience=teens" in html
    assert "webcal://" in html


def test_listing_queries_do_not_grow_with_programs(client, tree, catalogue):
    views = [
        {},
        {"audience": "teens", "topic": "art", "when": "week"},
        {"format": "online", "q": "program"},
        {"include_past": "on", "location": str(catalogue.locations.central.pk), "stage": "4"},
        # A page past the end shows the last page, at either size.
        {"format": "online", "q": "program", "page": "99"},
    ]
    url = tree["programs"].url
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, url, views)
    assert at_hundred == at_ten


def test_topic_menu_offers_only_topics_of_programs_the_public_may_see(client, tree, catalogue):
    from wagtail.models import PageViewRestriction

    from clpages.models import ProgramPage

    draft = make_program(tree["programs"], "Quiet planning", tags=["grief-circle"], sessions=())
    draft.tags.add("grief-circle")
    draft.save_revision()
    ProgramPage.objects.filter(pk=draft.pk).update(live=False)
    private = make_program(tree["programs"], "Staff retreat", tags=["staff-wellness"], sessions=())
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get(tree["programs"].url)
    topics = [choice for choice, _ in response.context["form"].fields["topic"].choices if choice]
    html = response.content.decode()

    assert {str(value) for value in topics} >= {"art", "technology"}
    for hidden in ("grief-circle", "staff-wellness"):
        assert hidden not in {str(value) for value in topics}
        assert f'value="{hidden}"' not in html
    # Asked for by name, a hidden topic is one the menu does not have.
    response = client.get(tree["programs"].url, {"topic": "grief-circle"})
    assert "We could not find the topic “grief-circle”" in response.content.decode()
