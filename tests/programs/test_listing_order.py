"""The program listing lists what happens next first, and its cards say when, where, for whom and in
which languages; the community hub's cards say the same."""

import re

import pytest

from clpages.models import ProgramPage, ProgramSession
from clpages.models.occurrences import refresh_occurrences
from clpages.stages import SessionFormat, SessionStatus
from tests.program_catalogue import add_program, at, count_queries, queries_at_10_and_100

pytestmark = pytest.mark.django_db

SOONEST = [
    "Teen Zine Lab",  # today at 4 PM
    "Family Story Time in Arabic",  # Friday 20 November
    "Coding Club for Older Adults",  # this morning's session is over: 27 November
    "Winter Craft Fair",  # the 19 November session is cancelled: 5 December
    "Community Garden Planning",  # still being planned, no date
]


def titles(client, tree, params=None):
    response = client.get(tree["programs"].url, params or {})
    assert response.status_code == 200
    return [program.title for program in response.context["items"]]


def card_of(html, title):
    """The HTML of the card whose heading is `title`."""
    for card in re.findall(r"<article class=\"card\">.*?</article>", html, re.S):
        if f">{title}</a>" in card:
            return card
    raise AssertionError(f"no card for {title}")


def facts(card):
    """{term: description} of a card's facts, without markup."""
    return {
        term: re.sub(r"<[^>]+>", "", description).strip()
        for term, description in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", card, re.S)
    }


def test_soonest_next_session_first_then_programs_without_a_date(client, tree, catalogue):
    assert titles(client, tree) == SOONEST


def test_a_session_under_way_counts_as_the_next_one(client, tree, catalogue):
    add_program(tree["programs"], "Knitting circle", sessions=[(at(11, 18, 9), at(11, 18, 11), {})])
    assert titles(client, tree)[:2] == ["Knitting circle", "Teen Zine Lab"]


def test_same_start_and_no_date_are_ordered_by_title(client, tree, catalogue):
    add_program(tree["programs"], "Art walk", sessions=[(at(11, 18, 16), at(11, 18, 17), {})])
    add_program(tree["programs"], "Zoning conversations", stage=2)
    add_program(tree["programs"], "Book club planning", stage=1)
    found = titles(client, tree)
    assert found[:2] == ["Art walk", "Teen Zine Lab"]
    assert found[-3:] == ["Book club planning", "Community Garden Planning", "Zoning conversations"]


def test_past_programs_asked_for_come_after_the_dated_ones(client, tree, catalogue):
    found = titles(client, tree, {"include_past": "on"})
    assert found[:4] == SOONEST[:4]
    # No date ahead for either: by title.
    assert found[4:] == ["Community Garden Planning", "Poetry Nights"]


def test_a_program_whose_only_sessions_ahead_are_cancelled_has_no_next_date(client, tree, catalogue):
    ProgramSession.objects.filter(program=catalogue.programs.zine).update(status=SessionStatus.CANCELLED)
    # A bulk update sends no signals: rebuild the dates, as bulk writers must.
    refresh_occurrences(program_ids=[catalogue.programs.zine.pk])
    found = titles(client, tree)
    assert found[-2:] == ["Community Garden Planning", "Teen Zine Lab"]
    card = facts(card_of(client.get(tree["programs"].url).content.decode(), "Teen Zine Lab"))
    assert card["Next date"] == "No upcoming sessions."


def test_newest_first_when_chosen(client, tree, catalogue):
    # The catalogue was published at one moment: make one program newer and one older.
    ProgramPage.objects.filter(pk=catalogue.programs.garden.pk).update(first_published_at=at(11, 18, 10, 30))
    ProgramPage.objects.filter(pk=catalogue.programs.zine.pk).update(first_published_at=at(11, 1, 9))
    found = titles(client, tree, {"sort": "newest"})
    assert found[0] == "Community Garden Planning"
    assert found[-1] == "Teen Zine Lab"


def test_newest_first_with_a_session_filter(client, tree, catalogue):
    ProgramPage.objects.filter(pk=catalogue.programs.zine.pk).update(first_published_at=at(11, 1, 9))
    assert titles(client, tree, {"when": "week"}) == ["Teen Zine Lab", "Family Story Time in Arabic"]
    assert titles(client, tree, {"when": "week", "sort": "newest"}) == [
        "Family Story Time in Arabic",
        "Teen Zine Lab",
    ]


def test_the_order_is_a_choice_in_the_form_that_works_without_javascript(client, tree, catalogue):
    html = client.get(tree["programs"].url).content.decode()
    form = re.search(r'<form class="filters" method="get".*?</form>', html, re.S).group(0)
    assert "<legend>Show programs in this order</legend>" in form
    soonest = re.search(r'<input type="radio" name="sort" value="soonest"[^>]*>', form).group(0)
    newest = re.search(r'<input type="radio" name="sort" value="newest"[^>]*>', form).group(0)
    assert "checked" in soonest and "checked" not in newest
    assert re.search(r'<label for="id_sort_0">Soonest first</label>', form)
    assert re.search(r'<label for="id_sort_1">Newest first</label>', form)

    html = client.get(tree["programs"].url, {"sort": "newest", "audience": "families"}).content.decode()
    newest = re.search(r'<input type="radio" name="sort" value="newest"[^>]*>', html).group(0)
    assert "checked" in newest
    # The other choices are in the same form, so submitting it keeps them.
    assert 'value="families" selected' in html
    assert "Newest first: the programs added most recently are at the top." in html


def test_the_order_is_kept_across_pages_and_when_removing_a_choice(client, tree, frozen):
    for i in range(15):
        add_program(
            tree["programs"], f"Reading circle {i:02}", sessions=[(at(11, 20, 10), at(11, 20, 11), {})]
        )
    response = client.get(tree["programs"].url, {"when": "week", "sort": "newest"})
    html = response.content.decode()
    assert 'href="?when=week&amp;sort=newest&amp;page=2"' in html
    # Removing the period keeps the order; the calendar and its feed have an order of their own.
    assert 'href="?sort=newest"' in html
    # A link beside the results turns the order round, keeping the choices.
    assert '<a href="?when=week#results">Show the soonest first</a>' in html
    calendar_links = re.findall(r'href="([^"]*calendar[^"]*)"', html)
    assert len(calendar_links) == 4  # the main navigation's, the finder's and the two feed links
    assert all("when=" not in link and "sort=" not in link for link in calendar_links)
    page_2 = client.get(tree["programs"].url, {"when": "week", "sort": "newest", "page": "2"})
    assert [p.title for p in page_2.context["items"]] == [
        "Reading circle 02",
        "Reading circle 01",
        "Reading circle 00",
    ]
    soonest = client.get(tree["programs"].url, {"when": "week", "page": "2"})
    assert [p.title for p in soonest.context["items"]] == [
        "Reading circle 12",
        "Reading circle 13",
        "Reading circle 14",
    ]
    assert 'href="?when=week&amp;page=1"' in soonest.content.decode()
    assert (
        '<a href="?when=week&amp;sort=newest#results">Show the newest first</a>' in soonest.content.decode()
    )


def test_an_order_we_do_not_know_is_explained_and_soonest_is_used(client, tree, catalogue):
    response = client.get(tree["programs"].url, {"sort": "cheapest"})
    html = response.content.decode()
    assert "“cheapest” is not one of the orders. Choose one from the list." in html
    assert [program.title for program in response.context["items"]] == SOONEST
    assert 'id="id_sort_error"' in html


def test_listing_cards_say_when_where_for_whom_and_in_which_languages(client, tree, catalogue):
    html = client.get(tree["programs"].url).content.decode()
    story = facts(card_of(html, "Family Story Time in Arabic"))
    assert story == {
        "Next date": "Friday 20 November 2026",
        "Time": "10:00 AM to 11:00 AM",
        "Place": "Eastside Community Hall, or online",
        "For": "Families",
        "Languages": "Arabic, English",
    }
    assert '<time datetime="2026-11-20T10:00:00-05:00">Friday 20 November 2026</time>' in html
    assert facts(card_of(html, "Coding Club for Older Adults"))["Place"] == "Online"
    assert facts(card_of(html, "Teen Zine Lab"))["Place"] == "Central Branch"
    garden = facts(card_of(html, "Community Garden Planning"))
    assert garden["Next date"] == "Being planned with the community: no sessions yet."
    assert garden["For"] == "Families, Older adults"
    assert "Time" not in garden and "Place" not in garden


def test_a_card_gives_the_address_of_a_place_not_listed_and_says_when_a_session_is_full(
    client, tree, catalogue
):
    add_program(
        tree["programs"],
        "Walking tour",
        sessions=[
            (at(11, 18, 12), at(11, 18, 13), {"address": "Riverside Park, north gate", "status": "full"})
        ],
    )
    card = card_of(client.get(tree["programs"].url).content.decode(), "Walking tour")
    assert facts(card)["Place"] == "Riverside Park, north gate"
    assert facts(card)["Next date"] == "Wednesday 18 November 2026 Full"
    assert 'class="badge badge--full"' in card


def test_a_session_ending_on_another_day_says_which(client, tree, catalogue):
    add_program(tree["programs"], "Overnight read-a-thon", sessions=[(at(11, 18, 20), at(11, 19, 8), {})])
    card = card_of(client.get(tree["programs"].url).content.decode(), "Overnight read-a-thon")
    assert facts(card)["Time"] == "8:00 PM to Thursday 19 November 2026, 8:00 AM"


def test_card_text_from_partners_is_escaped(client, tree, catalogue):
    add_program(
        tree["programs"],
        "Mural <b>project</b>",
        sessions=[(at(11, 19, 9), at(11, 19, 10), {"address": "<script>alert(1)</script> Hall"})],
    )
    html = client.get(tree["programs"].url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hall" in html
    assert "Mural &lt;b&gt;project&lt;/b&gt;" in html


def hub_cards(client, tree):
    response = client.get(tree["hub"].url)
    assert response.status_code == 200
    return response.content.decode(), [program.title for program in response.context["current_programs"]]


def test_hub_features_what_happens_next_with_the_same_card_facts(client, tree, catalogue):
    html, shown = hub_cards(client, tree)
    # Only programs with a session coming up are "happening now": not the garden, still planned.
    assert shown == SOONEST[:4]
    story = facts(card_of(html, "Family Story Time in Arabic"))
    assert story == {
        "Next date": "Friday 20 November 2026",
        "Time": "10:00 AM to 11:00 AM",
        "Place": "Eastside Community Hall, or online",
        "For": "Families",
        "Languages": "Arabic, English",
    }
    assert "Co-created with Arabic Families Circle" in card_of(html, "Family Story Time in Arabic")


def test_hub_leaves_out_programs_whose_sessions_ahead_are_all_cancelled(client, tree, catalogue):
    ProgramSession.objects.filter(program=catalogue.programs.zine).update(status=SessionStatus.CANCELLED)
    # A bulk update sends no signals: rebuild the dates, as bulk writers must.
    refresh_occurrences(program_ids=[catalogue.programs.zine.pk])
    _, shown = hub_cards(client, tree)
    assert shown == SOONEST[1:4]


def test_hub_shows_six_programs_at_most_soonest_first(client, tree, catalogue):
    for i in range(6):
        add_program(
            tree["programs"],
            f"Early bird {i}",
            sessions=[(at(11, 18, 11, i), at(11, 18, 12), {"format": SessionFormat.ONLINE})],
        )
    _, shown = hub_cards(client, tree)
    assert shown == [f"Early bird {i}" for i in range(6)]


def test_hub_queries_do_not_grow_with_programs(client, tree, catalogue):
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, tree["hub"].url, [{}])
    assert at_hundred == at_ten


def test_hub_cards_at_a_typed_address_cost_no_query_each(client, tree, catalogue):
    # A session at an address typed in (not a listed place) shows that address on its card.
    add_program(tree["programs"], "Porch talk 0", sessions=[(at(11, 18, 11), at(11, 18, 12), {})])
    one = count_queries(client, tree["hub"].url)
    for i in range(1, 5):
        add_program(tree["programs"], f"Porch talk {i}", sessions=[(at(11, 18, 11, i), at(11, 18, 12), {})])
    assert count_queries(client, tree["hub"].url) == one


def test_listing_queries_do_not_grow_in_either_order(client, tree, catalogue):
    views = [{}, {"sort": "newest"}, {"sort": "newest", "when": "week"}, {"include_past": "on", "page": "99"}]
    url = tree["programs"].url
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, url, views)
    assert at_hundred == at_ten
    # Soonest first counts the matches with the page of results: one query fewer than newest.
    week = {"when": "week"}
    assert count_queries(client, url, week) == count_queries(client, url, {**week, "sort": "newest"}) - 1
    # With no choices made the order is shared between requests: no sorting query at all.
    assert count_queries(client, url) == count_queries(client, url, {"sort": "newest"}) - 2
