"""Real server processes on the test database, for tests of what several processes do at once.

The test database is copied to a file for SQLite (other processes cannot open an in-memory one);
PostgreSQL's is used as it is. Each server is a gunicorn process of the site with the dev settings.
"""

import http.cookiejar
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
READY_SECONDS = 60


def database_url(tmp_path):
    """The test database as a URL other processes can open (committed data only)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{path}"
    user, password = quote(db["USER"], safe=""), quote(db["PASSWORD"] or "", safe="")
    return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def environment(database_url, page_cache_seconds="300", **extra):
    environment = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="clsite.settings.dev",
        DATABASE_URL=database_url,
        PAGE_CACHE_SECONDS=page_cache_seconds,
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'site'}",
        **extra,
    )
    return environment


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    # A restricted page answers with a redirect to the login: the test must see it, not follow it.
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(NoRedirect)


def get(base, path):
    try:
        with _OPENER.open(base + path, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def send_form(base, path, fields):
    """What a browser does with a form: GET it (its own cookies), POST ``fields(html)`` with the
    page's CSRF token. The POST's status, or the error's text when the request was lost."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    try:
        with opener.open(base + path, timeout=60) as response:
            html = response.read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields(html)}).encode()
        request = urllib.request.Request(base + path, data=data, headers={"Referer": base + path})
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except Exception as error:  # noqa: BLE001 - a lost request is what the tests look for
        return repr(error)


def wait_until_ready(server):
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


def start_servers(servers, environments, log_dir, workers=1, threads=1):
    """Start a server per environment, each added to `servers` at once so it is always stopped."""
    for number, environment in enumerate(environments):
        port = free_port()
        # A file, not a pipe: a full pipe would stop the server mid-test.
        log = (log_dir / f"server-{number}.log").open("wb")
        process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "clsite.wsgi",
                f"--workers={workers}",
                f"--threads={threads}",
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


def stop(servers):
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


def run_in_site(environment, script):
    """Run Python in a separate process of the site (``manage.py shell -c``); what it printed."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
