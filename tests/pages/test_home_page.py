"""The home page helps patrons find what's on this week, and the main navigation names the
sections they look for, marking the one they are in."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import dateformat, timezone
from wagtail.models import PageViewRestriction

from bench.catalogue import Catalogue
from clpages import formats
from clpages.models import ProgramIndexPage, ProgramPage, ProgramSession
from clpages.programs.this_week import SESSIONS_SHOWN
from clpages.stages import SessionFormat, SessionStatus
from tests.factories import make_location, make_partner, make_partnership, make_program

pytestmark = pytest.mark.django_db


def _at(days, hour):
    """A local time `days` from today at `hour` o'clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _session(program, start, hours=2, **kwargs):
    kwargs.setdefault("address", "12 River Road, Riverbend")
    return ProgramSession.objects.create(
        program=program, start=start, end=start + datetime.timedelta(hours=hours), **kwargs
    )


def _this_week(html):
    return re.search(
        r'<section class="this-week".*?</section>\s*(?=<section class="panel"|$)', html, re.S
    ).group(0)


def _titles(html):
    return re.findall(r'<p class="session-title"><a href="[^"]*">([^<]*)</a>', _this_week(html))


# What's on this week -------------------------------------------------------------------------


def test_this_weeks_sessions_are_listed_soonest_first(client, tree):
    index = tree["programs"]
    late = make_program(index, title="Evening chess club", sessions=0)
    soon = make_program(index, title="Seed library swap", sessions=0)
    now_on = make_program(index, title="Homework help", sessions=0)
    _session(late, _at(5, 18))
    _session(soon, _at(1, 10))
    _session(late, _at(1, 14))
    # Started an hour ago and still going: patrons can still drop in.
    _session(now_on, timezone.now() - datetime.timedelta(hours=1), hours=3)

    html = client.get("/").content.decode()

    assert _titles(html) == ["Homework help", "Seed library swap", "Evening chess club", "Evening chess club"]


def test_only_the_next_seven_days_of_visible_programs_are_listed(client, tree):
    index = tree["programs"]
    finished = make_program(index, title="Finished yesterday", sessions=0)
    _session(finished, timezone.now() - datetime.timedelta(days=1))
    later = make_program(index, title="Next month's walk", sessions=0)
    _session(later, timezone.now() + datetime.timedelta(days=7, hours=1))
    draft = index.add_child(instance=ProgramPage(title="Draft idea", summary="Not yet.", live=False))
    _session(draft, _at(2, 10))
    private = make_program(index, title="Staff only workshop", sessions=0)
    _session(private, _at(2, 11))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    shown = make_program(index, title="Seed library swap", sessions=0)
    _session(shown, timezone.now() + datetime.timedelta(days=6, hours=23))

    assert _titles(client.get("/").content.decode()) == ["Seed library swap"]


def test_each_session_gives_its_day_time_and_place(client, tree):
    place = make_location("Central Library", street_address="200 Market Square", city="Riverbend")
    program = make_program(tree["programs"], title="Seed library swap", sessions=0)
    start = _at(2, 10)
    _session(program, start, location=place, address="")
    _session(program, _at(3, 18), format=SessionFormat.ONLINE, address="")

    week = _this_week(client.get("/").content.decode())

    day = timezone.localtime(start)
    assert f'<time datetime="{day:%Y-%m-%d}">{dateformat.format(day, formats.DATE)}</time></h3>' in week
    assert f'<time datetime="{day.isoformat()}">10:00 AM</time> to' in week
    assert "12:00 PM</time>" in week
    assert "In person: Central Library, 200 Market Square, Riverbend" in week
    assert f'<a href="{program.url}">Seed library swap</a>' in week
    assert '<p class="meta">Online</p>' in week


def test_a_cancelled_session_stays_listed_and_marked(client, tree):
    program = make_program(tree["programs"], title="Seed library swap", sessions=0)
    _session(program, _at(2, 10), status=SessionStatus.CANCELLED)
    week = _this_week(client.get("/").content.decode())
    assert '<li class="is-cancelled">' in week
    assert "(this session is cancelled)" in week


def test_a_busy_week_shows_the_first_sessions_and_points_to_the_calendar(client, tree):
    program = make_program(tree["programs"], title="Drop-in tech help", sessions=0)
    for hour in range(SESSIONS_SHOWN + 3):
        _session(program, _at(1 + hour % 6, 9 + hour // 6), hours=1)

    html = client.get("/").content.decode()

    assert len(_titles(html)) == SESSIONS_SHOWN
    week = _this_week(html)
    assert "There are more sessions in these days." in week
    assert f'<a href="{tree["programs"].url}calendar/">See every upcoming session in the calendar</a>' in week


def test_an_empty_week_points_to_the_programs_listing(client, tree):
    make_program(tree["programs"], title="Still being planned", sessions=0)
    week = _this_week(client.get("/").content.decode())
    assert "No sessions are planned for the next seven days." in week
    assert (
        f'<a href="{tree["programs"].url}">Browse all programs</a>, including those still being planned'
        in week
    )


def test_the_home_page_links_to_the_programs_the_calendar_and_the_hub(client, tree):
    html = client.get("/").content.decode()
    links = re.search(r'<nav class="quick-links".*?</nav>', html, re.S).group(0)
    assert f'href="{tree["programs"].url}">Browse all programs' in links
    assert f'href="{tree["programs"].url}calendar/">See the calendar' in links
    assert f'href="{tree["hub"].url}">How we plan with our community' in links


def _home_queries(client):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries), len(_titles(response.content.decode()))


def test_the_home_page_costs_the_same_queries_with_10_and_100_programs(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    catalogue = Catalogue(programs_per_partner=4)
    client = Client(HTTP_HOST="localhost")

    def with_sessions_this_week(total):
        catalogue.grow_to(total)
        # Every tenth program meets in the coming days, so both sizes have sessions to show.
        for n, program_id in enumerate(catalogue.program_ids[::10]):
            _session(ProgramPage.objects.get(pk=program_id), _at(1 + n % 6, 10 + n % 8))
        return _home_queries(client)

    at_10, shown_at_10 = with_sessions_this_week(10)
    at_100, shown_at_100 = with_sessions_this_week(100)
    assert shown_at_10 >= 1 and shown_at_100 > shown_at_10
    assert at_10 == at_100, f"queries with 10 and with 100 programs: {at_10}, {at_100}"


# The main navigation ---------------------------------------------------------------------------


def _nav(html):
    nav = re.search(r'<nav class="site-nav" aria-label="Main">(.*?)</nav>', html, re.S).group(1)
    return [
        (label, current)
        for current, label in re.findall(r'<a href="[^"]*"(?: aria-current="([^"]+)")?>([^<]*)</a>', nav)
    ]


def test_the_navigation_names_what_patrons_look_for(client, tree):
    assert [label for label, _ in _nav(client.get("/").content.decode())] == [
        "Home",
        "Programs",
        "Calendar",
        "Community planning",
        "Search",
    ]


@pytest.mark.parametrize(
    "where, label, state",
    [
        (lambda t: "/", "Home", "page"),
        (lambda t: t["programs"].url, "Programs", "page"),
        (lambda t: t["programs"].url + "calendar/?period=next-week", "Calendar", "page"),
        (lambda t: t["program"].url, "Programs", "true"),
        (lambda t: t["hub"].url, "Community planning", "page"),
        (lambda t: t["partnerships"].url, "Community planning", "true"),
        (lambda t: t["partnership"].url, "Community planning", "true"),
        (lambda t: "/search/?q=seed", "Search", "page"),
    ],
)
def test_the_navigation_marks_the_section_you_are_in_and_only_that_one(client, tree, where, label, state):
    tree["program"] = make_program(tree["programs"], title="Seed library swap")
    tree["partnership"] = make_partnership(tree["partnerships"], make_partner("Riverbend Tenants Union"))
    nav = _nav(client.get(where(tree)).content.decode())
    assert [(name, current) for name, current in nav if current] == [(label, state)]


def test_other_menu_pages_stay_in_the_navigation(client, tree):
    tree["home"].add_child(instance=ProgramIndexPage(title="Take part", slug="take-part", show_in_menus=True))
    labels = [label for label, _ in _nav(client.get("/").content.decode())]
    assert labels == ["Home", "Programs", "Calendar", "Community planning", "Take part", "Search"]


def test_a_private_community_section_leaves_the_navigation(client, tree):
    PageViewRestriction.objects.create(page=tree["hub"], restriction_type=PageViewRestriction.LOGIN)
    assert [label for label, _ in _nav(client.get("/").content.decode())] == ["Home", "Search"]
