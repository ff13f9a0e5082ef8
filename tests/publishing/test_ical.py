"""iCalendar files: one per program, and a feed of upcoming sessions with the listing's filters."""

import datetime

import pytest
import vobject
from icalendar import Calendar

from clpages.models import ProgramPage, ProgramSession
from clpages.models.programs import refresh_last_session_end
from clpages.performance.cache import new_generation
from clpages.stages import SessionStatus
from tests.builders import NOW, at, count_queries, fresh, make_program, queries_at_10_and_100


@pytest.fixture
def catalogue(db, catalogue_once, frozen):
    """One catalogue for the module, reloaded for each test; what a test changes is rolled back."""
    return fresh(catalogue_once["catalogue"])


def get_calendar(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), response


def events(cal):
    return cal.walk("VEVENT")


def feed_url(tree):
    return tree["programs"].url + "calendar.ics"


def test_program_file_holds_all_its_sessions(client, tree, catalogue):
    craft = catalogue.programs.craft
    cal, response = get_calendar(client, craft.url + "calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="winter-craft-fair.ics"'
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    found = events(cal)
    sessions = list(craft.sessions.order_by("start"))
    assert [str(e["UID"]) for e in found] == [f"session-{s.pk}@localhost" for s in sessions]
    for event, session in zip(found, sessions, strict=True):
        assert event.decoded("DTSTART") == session.start
        assert event.decoded("DTEND") == session.end
        assert str(event["URL"]) == "http://localhost/community/programs/winter-craft-fair/"
        assert event.decoded("DTSTAMP") == NOW  # when the program was last published
        assert event.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
    assert str(found[1]["LOCATION"]) == "Eastside Community Hall, 1 Main Street, Riverbend"


def test_cancelled_session_carries_status_cancelled(client, tree, catalogue):
    cal, _ = get_calendar(client, catalogue.programs.craft.url + "calendar.ics")
    cancelled, scheduled = events(cal)
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == "Cancelled: Winter Craft Fair"
    assert str(scheduled["STATUS"]) == "CONFIRMED"
    assert str(scheduled["SUMMARY"]) == "Winter Craft Fair"


def test_title_with_commas_semicolons_and_newlines_round_trips(client, tree, frozen):
    title = "Stories, songs; and\nsnacks"
    program = make_program(tree["programs"], "Stories", sessions=[(at(11, 20, 10), at(11, 20, 11), {})])
    # Titles can no longer hold a line break; one saved before that rule still reaches calendars.
    ProgramPage.objects.filter(pk=program.pk).update(title=title)
    new_generation()
    response = client.get(program.url + "calendar.ics")
    assert b"SUMMARY:Stories\\, songs\\; and\\nsnacks" in response.content
    (event,) = events(Calendar.from_ical(response.content))
    assert str(event["SUMMARY"]) == title
    # The feed escapes it the same way.
    (event,) = events(get_calendar(client, feed_url(tree))[0])
    assert str(event["SUMMARY"]) == title


def test_online_and_hybrid_locations(client, tree, catalogue):
    cal, _ = get_calendar(client, feed_url(tree), {"format": "online"})
    locations = {str(e["SUMMARY"]): str(e["LOCATION"]) for e in events(cal)}
    assert locations == {
        "Family Story Time in Arabic": "Eastside Community Hall, 1 Main Street, Riverbend (or online)",
        "Coding Club for Older Adults": "Online",
    }


def test_uid_is_stable_between_requests_and_hosts(client, tree, catalogue):
    url = catalogue.programs.zine.url + "calendar.ics"
    first = client.get(url).content
    again = client.get(url, HTTP_HOST="127.0.0.1").content
    assert events(Calendar.from_ical(first))[0]["UID"] == events(Calendar.from_ical(again))[0]["UID"]
    assert first.replace(b"127.0.0.1", b"localhost") == again.replace(b"127.0.0.1", b"localhost")


def test_feed_holds_upcoming_sessions_only_cancelled_included(client, tree, catalogue):
    cal, response = get_calendar(client, feed_url(tree))
    assert "Content-Disposition" not in response
    assert str(cal["X-WR-CALNAME"]).endswith(": Programs")
    summaries = [str(e["SUMMARY"]) for e in events(cal)]
    assert summaries == [
        "Teen Zine Lab",
        "Cancelled: Winter Craft Fair",
        "Family Story Time in Arabic",
        "Coding Club for Older Adults",
        "Winter Craft Fair",
    ]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"audience": "teens"}, ["Teen Zine Lab"]),
        (
            {"audience": "families", "when": "week"},
            ["Cancelled: Winter Craft Fair", "Family Story Time in Arabic"],
        ),
        ({"language": "french"}, ["Coding Club for Older Adults"]),
        ({"topic": "art", "date_from": "2026-12-01"}, ["Winter Craft Fair"]),
        ({"partner": "arabic-families-circle"}, ["Family Story Time in Arabic"]),
        ({"stage": "3"}, ["Coding Club for Older Adults"]),
        ({"q": "zine"}, ["Teen Zine Lab"]),
        # Past sessions never enter the feed, even when asked for.
        ({"include_past": "on", "audience": "teens"}, ["Teen Zine Lab"]),
    ],
)
def test_feed_accepts_the_listing_filters(client, tree, catalogue, params, expected):
    cal, _ = get_calendar(client, feed_url(tree), params)
    assert [str(e["SUMMARY"]) for e in events(cal)] == expected


def test_feed_location_filter(client, tree, catalogue):
    cal, _ = get_calendar(client, feed_url(tree), {"location": catalogue.locations.hall.pk})
    assert [str(e["SUMMARY"]) for e in events(cal)] == ["Family Story Time in Arabic", "Winter Craft Fair"]


def test_feed_with_invalid_filters_says_what_is_wrong(client, tree, catalogue):
    response = client.get(feed_url(tree), {"audience": "astronauts", "stage": "9"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "We could not find the audience “astronauts”" in text
    assert "“9” is not one of the five stages" in text


def test_feed_keeps_to_the_coming_months(client, tree, frozen):
    make_program(tree["programs"], "Soon", sessions=[(at(12, 1, 10), at(12, 1, 11), {})])
    make_program(tree["programs"], "Far", sessions=[(at(12, 1, 10, year=2027), at(12, 1, 11, year=2027), {})])
    cal, _ = get_calendar(client, feed_url(tree))
    assert [str(e["SUMMARY"]) for e in events(cal)] == ["Soon"]
    # Asking for dates reaches further.
    cal, _ = get_calendar(client, feed_url(tree), {"date_from": "2027-11-30"})
    assert [str(e["SUMMARY"]) for e in events(cal)] == ["Far"]


def test_not_a_program_page_or_private_page_gives_404(client, tree, catalogue):
    from wagtail.models import PageViewRestriction

    assert client.get(tree["hub"].url + "calendar.ics").status_code == 404
    assert client.get("/community/no-such-page/calendar.ics").status_code == 404
    PageViewRestriction.objects.create(page=catalogue.programs.zine, restriction_type="login")
    assert client.get(catalogue.programs.zine.url + "calendar.ics").status_code == 404


def test_unpublished_program_gives_404(client, tree, catalogue):
    catalogue.programs.zine.unpublish()
    assert client.get("/community/programs/teen-zine-lab/calendar.ics").status_code == 404


def test_feed_queries_do_not_grow_with_programs(client, tree, catalogue):
    views = [{}, {"audience": "teens", "format": "online", "when": "month"}, {"q": "program"}]
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, feed_url(tree), views)
    assert at_hundred == at_ten


def test_program_file_queries_do_not_grow_with_sessions(client, tree, frozen):
    program = make_program(tree["programs"], "Weekly", sessions=[(at(11, 20, 10), at(11, 20, 11), {})])
    url = program.url + "calendar.ics"
    client.get(url)
    few = count_queries(client, url, warm=False)
    for week in range(1, 40):
        start = at(11, 20, 10) + datetime.timedelta(weeks=week)
        ProgramSession.objects.create(
            program=program,
            start=start,
            end=start + datetime.timedelta(hours=1),
            address="Here",
            status=SessionStatus.SCHEDULED,
        )
    client.get(url)  # new sessions are a content change: shared facts are read again once
    assert count_queries(client, url, warm=False) == few


def test_program_page_links_to_its_calendar_file(client, tree, catalogue):
    html = client.get(catalogue.programs.zine.url).content.decode()
    assert 'href="/community/programs/teen-zine-lab/calendar.ics"' in html


def test_kept_event_text_follows_every_change(client, tree, catalogue):
    url = catalogue.programs.zine.url + "calendar.ics"
    get_calendar(client, url)  # the event's text is now kept
    catalogue.locations.central.name = "Central Library"
    catalogue.locations.central.save()
    ProgramSession.objects.filter(program=catalogue.programs.zine).update(status=SessionStatus.CANCELLED)
    refresh_last_session_end([catalogue.programs.zine.pk])  # a bulk write stores the dates itself
    (event,) = events(get_calendar(client, url)[0])
    assert str(event["LOCATION"]).startswith("Central Library, ")
    assert str(event["STATUS"]) == "CANCELLED"


def test_kept_feed_follows_every_change(client, tree, catalogue):
    url = feed_url(tree)
    get_calendar(client, url)  # the feed's text is now kept
    catalogue.locations.central.name = "Central Library"
    catalogue.locations.central.save()
    locations = {str(e.get("LOCATION", "")) for e in events(get_calendar(client, url)[0])}
    assert any(location.startswith("Central Library, ") for location in locations)

    session = catalogue.programs.zine.sessions.order_by("start").last()
    session.status = SessionStatus.CANCELLED
    session.save()
    uid = f"session-{session.pk}@"
    (event,) = [e for e in events(get_calendar(client, url)[0]) if str(e["UID"]).startswith(uid)]
    assert str(event["STATUS"]) == "CANCELLED"

    zine = catalogue.programs.zine
    zine.title = "Zine Lab for everyone"
    zine.save_revision().publish()
    titles = {str(e["SUMMARY"]) for e in events(get_calendar(client, url)[0])}
    assert "Zine Lab for everyone" in titles or "Cancelled: Zine Lab for everyone" in titles


def test_full_and_cancelled_sessions_give_no_joining_link(client, tree, frozen):
    statuses = [SessionStatus.SCHEDULED, SessionStatus.FULL, SessionStatus.CANCELLED]
    sessions = [
        (at(11, 20 + day, 10), at(11, 20 + day, 11), {"format": "online", "address": "", "status": status,
         "online_url": f"https://meet.example.org/{status}-room"})
        for day, status in enumerate(statuses)
    ]  # fmt: skip
    program = make_program(tree["programs"], "Conversation circle", sessions=sessions)
    for url in (program.url + "calendar.ics", feed_url(tree)):
        cal, response = get_calendar(client, url)
        scheduled, full, cancelled = (str(event["DESCRIPTION"]) for event in events(cal))
        assert "Join online: https://meet.example.org/scheduled-room" in scheduled, url
        assert "This session is full." in full and "Join online" not in full, url
        assert "Join online" not in cancelled, url
        assert b"full-room" not in response.content and b"cancelled-room" not in response.content, url


def test_calendar_name_and_description_are_escaped_text(client, tree, frozen):
    title = "Stories, songs; snacks"
    program = make_program(tree["programs"], title, sessions=[(at(11, 20, 10), at(11, 20, 11), {})])
    response = client.get(program.url + "calendar.ics")
    assert b"\r\nNAME:Stories\\, songs\\; snacks\r\n" in response.content
    # vobject reads untyped properties as calendar applications do: an unescaped comma ends them.
    cal = vobject.readOne(response.content.decode())
    assert cal.x_wr_calname.value == title
    assert cal.contents["name"][0].value == title
    assert (
        cal.x_wr_caldesc.value
        == cal.contents["description"][0].value
        == f"{title}, planned with the community."
    )
    assert cal.x_published_ttl.value == "PT6H"
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in response.content
