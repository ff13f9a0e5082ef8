"""The upcoming calendar: sessions day by day, cancelled ones marked rather than hidden."""

import datetime

import pytest

from tests.builders import fresh, queries_at_10_and_100


@pytest.fixture
def catalogue(db, catalogue_once, frozen):
    """One catalogue for the module, reloaded for each test; what a test changes is rolled back."""
    return fresh(catalogue_once["catalogue"])


def calendar_url(tree):
    return tree["programs"].url + "calendar/"


def day_by_day(response):
    return [
        (day, [(s.program_title, s.status) for s in sessions]) for day, sessions in response.context["days"]
    ]


def test_this_week_by_default_day_by_day(client, tree, catalogue):
    response = client.get(calendar_url(tree))
    assert response.status_code == 200
    assert day_by_day(response) == [
        # The coding club's session earlier today is over, so it is not upcoming.
        (datetime.date(2026, 11, 18), [("Teen Zine Lab", "scheduled")]),
        (datetime.date(2026, 11, 19), [("Winter Craft Fair", "cancelled")]),
        (datetime.date(2026, 11, 20), [("Family Story Time in Arabic", "scheduled")]),
    ]
    html = response.content.decode()
    assert "Wednesday 18 November" in html
    assert "This week: 3 sessions" in html
    assert 'aria-current="page">This week<' in html


def test_cancelled_sessions_are_marked_not_hidden(client, tree, catalogue):
    html = client.get(calendar_url(tree)).content.decode()
    assert '<li class="is-cancelled">' in html
    assert '<span class="badge badge--cancelled">Cancelled</span>' in html
    assert "(this session is cancelled)" in html


def test_next_week_and_this_month(client, tree, catalogue):
    next_week = client.get(calendar_url(tree), {"period": "next-week"})
    assert day_by_day(next_week) == [
        (datetime.date(2026, 11, 27), [("Coding Club for Older Adults", "scheduled")]),
    ]
    month = client.get(calendar_url(tree), {"period": "month"})
    assert [title for _, sessions in day_by_day(month) for title, _ in sessions] == [
        "Teen Zine Lab",
        "Winter Craft Fair",
        "Family Story Time in Arabic",
        "Coding Club for Older Adults",
    ]


def test_calendar_takes_the_listing_filters(client, tree, catalogue):
    response = client.get(calendar_url(tree), {"audience": "families"})
    assert [title for _, sessions in day_by_day(response) for title, _ in sessions] == [
        "Winter Craft Fair",
        "Family Story Time in Arabic",
    ]
    response = client.get(calendar_url(tree), {"period": "month", "format": "online", "language": "english"})
    assert [title for _, sessions in day_by_day(response) for title, _ in sessions] == [
        "Family Story Time in Arabic",
        "Coding Club for Older Adults",
    ]
    response = client.get(calendar_url(tree), {"location": catalogue.locations.central.pk})
    assert [title for _, sessions in day_by_day(response) for title, _ in sessions] == [
        "Teen Zine Lab",
        "Winter Craft Fair",
    ]
    html = response.content.decode()
    # Switching period keeps the filters, and so do the calendar links.
    assert f'href="?location={catalogue.locations.central.pk}&amp;period=next-week"' in html
    assert f"calendar.ics?location={catalogue.locations.central.pk}" in html


def test_invalid_choices_give_a_message_and_this_week(client, tree, catalogue):
    response = client.get(calendar_url(tree), {"period": "someday", "audience": "astronauts"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "“someday” is not one of the periods" in html
    assert "We could not find the audience “astronauts”" in html
    assert response.context["period"] == "this-week"
    assert len(day_by_day(response)) == 3


def test_empty_calendar_suggests_what_to_do(client, tree, catalogue):
    html = client.get(calendar_url(tree), {"audience": "teens", "period": "next-week"}).content.decode()
    assert "No sessions next week match your choices." in html
    assert 'href="?audience=teens&amp;period=month"' in html
    assert "Clear all choices" in html


def test_calendar_queries_do_not_grow_with_programs(client, tree, catalogue):
    views = [{}, {"period": "month", "audience": "teens", "format": "online"}, {"period": "next-week"}]
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, calendar_url(tree), views)
    assert at_hundred == at_ten
