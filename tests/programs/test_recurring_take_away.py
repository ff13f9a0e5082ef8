"""A repeating series in the calendar, iCalendar files, JSON-LD and the API: one entry per date,
cancelled and moved dates said as such, at a query cost that does not grow with series.

The moment is Wednesday 18 November 2026, 10:00 in Toronto (tests/program_catalogue.py); the
series meets on Tuesdays from 3 November, 1 December cancelled, 8 December moved to Thursday 10.
"""

import datetime
import json
import re

import pytest
from django.test import override_settings
from icalendar import Calendar

from clpages.models import ProgramPage, SessionOccurrence
from clpages.recurrence import Repeat
from tests.program_catalogue import add_program, at
from tests.programs.test_recurring_sessions import add_series, cafe_changes
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def cafe(tree, frozen):
    program = add_program(tree["programs"], "Conversation Café")
    session = add_series(program, changes=cafe_changes())
    program = ProgramPage.objects.get(pk=program.pk)
    program.series = session
    return program


def calendar_days(client, tree, period):
    response = client.get(tree["programs"].url + "calendar/", {"period": period})
    assert response.status_code == 200
    return response, {day.isoformat(): lines for day, lines in response.context["days"]}


def vevents(response):
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")


# The calendar ---------------------------------------------------------------------------------


def test_calendar_puts_each_date_of_the_series_on_its_day(client, tree, cafe):
    _, days = calendar_days(client, tree, "next-week")
    assert [(line.program_title, line.start_time) for line in days["2026-11-24"]] == [
        ("Conversation Café", "6:00 PM")
    ]


def test_calendar_marks_a_cancelled_date_and_shows_a_moved_one_on_its_new_day(client, tree, cafe):
    from tests.program_catalogue import NOW

    # From 30 November, "this week" runs to Sunday 6 December; "next week" to 13 December.
    later = NOW + datetime.timedelta(days=12)
    with pytest.MonkeyPatch.context() as patch:
        from django.utils import timezone

        patch.setattr(timezone, "now", lambda: later)
        response, days = calendar_days(client, tree, "this-week")
        (cancelled,) = days["2026-12-01"]
        assert cancelled.is_cancelled
        assert "The library is closed for the holiday." in response.content.decode()
        response, days = calendar_days(client, tree, "next-week")
    assert "2026-12-08" not in days
    (moved,) = days["2026-12-10"]
    assert moved.moved_from == at(12, 8, 18)
    html = response.content.decode()
    assert '<span class="badge badge--moved">Moved</span>' in html
    assert "Moved from <time" in html and "Tuesday 8 December 2026, 6:00 PM" in html
    assert "We meet on &lt;Thursday&gt; this week." in html


# iCalendar ------------------------------------------------------------------------------------


def test_program_file_has_one_event_per_date_with_stable_uids(client, cafe):
    events = vevents(client.get(cafe.url + "calendar.ics"))
    session = cafe.series
    assert len(events) == 8
    uids = [str(event["UID"]) for event in events]
    # The first date keeps the session's own UID; the others are named by their series date.
    assert uids[0] == f"session-{session.pk}@localhost"
    assert uids[5] == f"session-{session.pk}-20261208@localhost"  # moved, still named for 8 December
    assert len(set(uids)) == 8
    by_uid = {str(event["UID"]): event for event in events}
    cancelled = by_uid[f"session-{session.pk}-20261201@localhost"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == "Cancelled: Conversation Café"
    assert "The library is closed for the holiday." in str(cancelled["DESCRIPTION"])
    moved = by_uid[f"session-{session.pk}-20261208@localhost"]
    assert moved.decoded("DTSTART") == at(12, 10, 18)
    assert moved.decoded("DTEND") == at(12, 10, 19, 30)
    assert str(moved["STATUS"]) == "CONFIRMED"
    assert "Moved from Tuesday 8 December 2026, 6:00 PM." in str(moved["DESCRIPTION"])
    assert "We meet on <Thursday> this week." in str(moved["DESCRIPTION"])


def test_moving_a_date_keeps_its_uid_so_calendars_update_it(client, cafe):
    before = {str(e["UID"]) for e in vevents(client.get(cafe.url + "calendar.ics"))}
    change = cafe.series.exceptions.get(change="moved")
    change.new_start = at(12, 9, 18)
    change.save()
    events = vevents(client.get(cafe.url + "calendar.ics"))
    assert {str(e["UID"]) for e in events} == before
    moved = next(e for e in events if str(e["UID"]).endswith("-20261208@localhost"))
    assert moved.decoded("DTSTART") == at(12, 9, 18)


@override_settings(CLPAGES_ICAL_FEED_MAX_EVENTS=3)
def test_a_long_program_file_keeps_its_coming_dates_first(client, cafe):
    events = vevents(client.get(cafe.url + "calendar.ics"))
    assert [e.decoded("DTSTART") for e in events] == [at(11, 24, 18), at(12, 1, 18), at(12, 10, 18)]


def test_feed_lists_upcoming_dates_of_the_series_only(client, tree, cafe):
    events = vevents(client.get(tree["programs"].url + "calendar.ics"))
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == [at(11, 24, 18), at(12, 1, 18), at(12, 10, 18), at(12, 15, 18), at(12, 22, 18)]
    assert [str(e["STATUS"]) for e in events].count("CANCELLED") == 1
    # The feed and the program's own file name each date the same way.
    own = {str(e["UID"]) for e in vevents(client.get(cafe.url + "calendar.ics"))}
    assert {str(e["UID"]) for e in events} <= own


def test_feed_filters_by_date_read_the_moved_date(client, tree, cafe):
    feed = tree["programs"].url + "calendar.ics"
    assert not vevents(client.get(feed, {"date_from": "2026-12-08", "date_to": "2026-12-08"}))
    (moved,) = vevents(client.get(feed, {"date_from": "2026-12-10", "date_to": "2026-12-10"}))
    assert "Moved from" in str(moved["DESCRIPTION"])


# JSON-LD --------------------------------------------------------------------------------------


def json_ld_events(client, program):
    (events,) = [json.loads(script) for script in JSON_LD.findall(client.get(program.url).content.decode())]
    return events


def test_json_ld_has_an_event_per_upcoming_date_cancelled_and_rescheduled_said(client, cafe):
    events = json_ld_events(client, cafe)
    assert [event["startDate"][:16] for event in events] == [
        "2026-11-24T18:00",
        "2026-12-01T18:00",
        "2026-12-10T18:00",
        "2026-12-15T18:00",
        "2026-12-22T18:00",
    ]
    statuses = [event["eventStatus"].rsplit("/", 1)[1] for event in events]
    assert statuses == [
        "EventScheduled",
        "EventCancelled",
        "EventRescheduled",
        "EventScheduled",
        "EventScheduled",
    ]
    assert events[2]["previousStartDate"].startswith("2026-12-08T18:00")
    assert "previousStartDate" not in events[1]
    assert len({event["@id"] for event in events}) == 5
    assert events[2]["@id"].endswith(f"#session-{cafe.series.pk}-20261208")


@override_settings(CLPAGES_JSON_LD_MAX_EVENTS=2)
def test_json_ld_events_are_capped(client, cafe):
    assert len(json_ld_events(client, cafe)) == 2
    # The page itself still lists every upcoming date.
    assert len(client.get(cafe.url).context["sessions"]) == 5


# The API --------------------------------------------------------------------------------------


def test_api_lists_the_series_and_every_date_with_its_state(client, cafe):
    response = client.get("/api/v2/pages/", {"type": "clpages.ProgramPage", "fields": "sessions"})
    (item,) = response.json()["items"]
    (session,) = item["sessions"]
    assert session["repeat"] == {"value": "weekly", "label": "Every week"}
    assert (session["repeat_count"], session["repeat_until"]) == (8, None)
    assert (
        session["repeat_description"] == "Every Tuesday, 6:00 PM to 7:30 PM, until Tuesday 22 December 2026"
    )
    dates = session["occurrences"]
    assert len(dates) == 8
    assert [date["state"] for date in dates].count("on") == 6
    cancelled = next(date for date in dates if date["state"] == "cancelled")
    assert cancelled["start"].startswith("2026-12-01T18:00")
    assert cancelled["note"] == "The library is closed for the holiday."
    moved = next(date for date in dates if date["state"] == "moved")
    assert moved["start"].startswith("2026-12-10T18:00")
    assert moved["moved_from"].startswith("2026-12-08T18:00")
    assert all(date["moved_from"] is None for date in dates if date["state"] != "moved")


# Query counts -----------------------------------------------------------------------------------


def grow(index, start, count):
    """More programs, each a weekly series of eight dates with one cancelled."""
    for i in range(start, start + count):
        program = add_program(index, f"Series {i}", quick=True)
        add_series(
            program,
            start=at(11, 17 + i % 7, 18),
            changes=[(datetime.date(2026, 12, 1 + i % 7), "cancelled", None, "")],
        )


def test_query_counts_do_not_grow_with_series(client, tree, frozen):
    index = tree["programs"]
    add_series(add_program(index, "Conversation Café"), changes=cafe_changes())
    program = ProgramPage.objects.get(title="Conversation Café")
    urls = [
        index.url,
        index.url + "?when=month",
        index.url + "?date_from=2026-12-01&date_to=2026-12-20",
        index.url + "calendar/",
        index.url + "calendar/?period=month",
        index.url + "calendar/?period=next-week",
        index.url + "calendar.ics",
        program.url,
        program.url + "calendar.ics",
        "/api/v2/pages/?type=clpages.ProgramPage&fields=*",
    ]
    grow(index, 0, 4)
    for url in urls:
        client.get(url)  # per-process caches and the menus shared until content changes
    few = {url: count_queries(client, url) for url in urls}
    grow(index, 4, 26)
    for url in urls:
        client.get(url)
    many = {url: count_queries(client, url) for url in urls}
    assert many == few
    # The pages did list more: the growth was real.
    assert len(client.get(index.url + "calendar/?period=month").context["items"].object_list) > 30
    assert SessionOccurrence.objects.filter(program__title__startswith="Series").count() == 30 * 8


def test_each_program_of_the_listing_counts_its_series(client, tree, frozen):
    index = tree["programs"]
    grow(index, 0, 3)
    response = client.get(index.url, {"when": "month"})
    assert {program.title for program in response.context["items"]} == {"Series 0", "Series 1", "Series 2"}
    for program in response.context["items"]:
        assert program.next_session.start >= frozen
    assert ProgramPage.objects.get(title="Series 0").sessions.get().repeat == Repeat.WEEKLY


def test_program_page_queries_do_not_grow_with_its_series(client, tree, frozen):
    from tests.factories import make_location

    program = add_program(tree["programs"], "Many series")
    branch = make_location("Central Library")
    add_series(program, location=branch, address="", changes=cafe_changes())
    urls = [program.url, program.url + "calendar.ics"]
    for url in urls:
        client.get(url)
    one = {url: count_queries(client, url) for url in urls}
    for day in (18, 19, 20, 21):
        add_series(program, start=at(11, day, 18), location=make_location(), address="")
    for url in urls:
        client.get(url)
    five = {url: count_queries(client, url) for url in urls}
    assert five == one
    html = client.get(program.url).content.decode()
    assert html.count("<li>Every ") == 5
    assert (
        "Every Tuesday, 6:00 PM to 7:30 PM, until Tuesday 22 December 2026, Central Library, 1 Main Street"
        in html
    )
