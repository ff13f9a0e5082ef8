"""A page made private is private in every server process, whatever cache each one has.

Two real gunicorn processes serve one database, each with its own local-memory cache (no Redis),
one with the page cache on and one without. Both are warmed; a third process makes a program
private; neither server may then show the program in full, list it, or put it in the calendar feed.
"""

import datetime
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from clpages.models import ProgramSession
from tests.builders import build_site, make_program

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Tenant rights clinic"
READY_SECONDS = 60


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
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        url = f"sqlite:///{path}"
    else:
        user, password = quote(db["USER"], safe=""), quote(db["PASSWORD"] or "", safe="")
        url = f"postgres://{user}:{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return url, tree, program


def _environment(database_url, page_cache_seconds="300"):
    environment = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="clsite.settings.dev",
        DATABASE_URL=database_url,
        PAGE_CACHE_SECONDS=page_cache_seconds,
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'site'}",
    )
    return environment


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A restricted page answers with a redirect to the login: the test must see it, not follow it.
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _get(base, path):
    try:
        with _OPENER.open(base + path, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _wait_until_ready(server):
    process, base, log = server
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {Path(log.name).read_text()[-2000:]}")
        try:
            with _OPENER.open(base + "/robots.txt", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError("the server did not answer in time")


def _start_servers(servers, environments, log_dir):
    """Start a server per environment, each added to `servers` at once so it is always stopped."""
    for number, environment in enumerate(environments):
        port = _free_port()
        # A file, not a pipe: a full pipe would stop the server mid-test.
        log = (log_dir / f"server-{number}.log").open("wb")
        process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "clsite.wsgi",
                "--workers=1",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        servers.append((process, f"http://127.0.0.1:{port}", log))


def _stop(servers):
    for process, _, _ in servers:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process, _, log in servers:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _make_private(environment, program):
    script = (
        "from wagtail.models import Page, PageViewRestriction;"
        f"PageViewRestriction.objects.create(page=Page.objects.get(pk={program.pk}),"
        " restriction_type=PageViewRestriction.LOGIN)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_a_page_made_private_is_private_in_every_process(shared_database, tmp_path):
    database_url, tree, program = shared_database
    environment = _environment(database_url)
    urls = {
        "program": program.url,
        "listing": tree["programs"].url,
        "feed": reverse("clpages:calendar_ics", kwargs={"page_path": tree["programs"].url.lstrip("/")}),
    }
    # One process with the page cache, one without (production without Redis): both keep their
    # own copies of the private sections, menus and feeds.
    servers = []
    try:
        _start_servers(servers, [environment, _environment(database_url, page_cache_seconds="0")], tmp_path)
        for server in servers:
            _wait_until_ready(server)
        for _, base, _ in servers:
            for _ in range(2):  # the second view comes from each process's own copies
                for path in urls.values():
                    status, body = _get(base, path)
                    assert status == 200 and TITLE in body, (base, path)

        _make_private(environment, program)

        for _, base, _ in servers:
            status, body = _get(base, urls["program"])
            assert status == 302 and TITLE not in body, base
            for name in ("listing", "feed"):
                status, body = _get(base, urls[name])
                assert status == 200 and TITLE not in body, (base, name)
    finally:
        _stop(servers)
