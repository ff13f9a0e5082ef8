"""A page made private is private in every server process, whatever cache each one has.

Two real gunicorn processes serve one database, each with its own local-memory cache (no Redis),
one with the page cache on and one without. Both are warmed; a third process makes a program
private; neither server may then show the program in full, list it, or put it in the calendar feed.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from clpages.models import ProgramSession
from tests.builders import build_site, make_program, servers

TITLE = "Tenant rights clinic"


@pytest.fixture
def shared_database(live_db, tmp_path):
    """The test database as a URL other processes can open: SQLite is copied to a file."""
    tree = build_site()
    program = make_program(tree["programs"], title=TITLE)
    # A session under way, so the calendar feed holds the program whatever its window.
    now = timezone.now()
    ProgramSession.objects.create(
        program=program,
        start=now + datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=3),
        address="12 River Road, Riverbend",
    )
    return servers.database_url(tmp_path), tree, program


def _make_private(environment, program):
    script = (
        "from wagtail.models import Page, PageViewRestriction;"
        f"PageViewRestriction.objects.create(page=Page.objects.get(pk={program.pk}),"
        " restriction_type=PageViewRestriction.LOGIN)"
    )
    servers.run_in_site(environment, script)


def test_a_page_made_private_is_private_in_every_process(shared_database, tmp_path):
    database_url, tree, program = shared_database
    environment = servers.environment(database_url)
    urls = {
        "program": program.url,
        "listing": tree["programs"].url,
        "feed": reverse("clpages:calendar_ics", kwargs={"page_path": tree["programs"].url.lstrip("/")}),
    }
    # One process with the page cache, one without (production without Redis): both keep their
    # own copies of the private sections, menus and feeds.
    running = []
    try:
        servers.start_servers(
            running, [environment, servers.environment(database_url, page_cache_seconds="0")], tmp_path
        )
        for server in running:
            servers.wait_until_ready(server)
        for _, base, _ in running:
            for _ in range(2):  # the second view comes from each process's own copies
                for path in urls.values():
                    status, body = servers.get(base, path)
                    assert status == 200 and TITLE in body, (base, path)

        _make_private(environment, program)

        for _, base, _ in running:
            status, body = servers.get(base, urls["program"])
            assert status == 302 and TITLE not in body, base
            for name in ("listing", "feed"):
                status, body = servers.get(base, urls[name])
                assert status == 200 and TITLE not in body, (base, name)
    finally:
        servers.stop(running)
