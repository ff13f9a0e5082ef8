"""Production settings refuse to start without their secrets, and pass Django's deploy checks."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="clsite.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _python(script, **env):
    """A Python process under the production settings, as gunicorn would load them."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="clsite.settings.production", **env)
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", ALLOWED_HOSTS="library.example.org")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_check_deploy_is_clean_with_the_environment_set():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "abcdefghij" * 6,
        ALLOWED_HOSTS="library.example.org",
        WAGTAILADMIN_BASE_URL="https://library.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_admin_makes_no_requests_to_other_sites(client, django_user_model):
    user = django_user_model.objects.create_superuser("librarian", "librarian@example.org", "pw")
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "gravatar.com" not in html


PRODUCTION_ENV = {
    "SECRET_KEY": "k3y-" + "abcdefghij" * 6,
    "ALLOWED_HOSTS": "library.example.org",
    "WAGTAILADMIN_BASE_URL": "https://library.example.org",
}


def test_production_refuses_to_start_without_admin_base_url():
    result = _manage("check", **{**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": ""})
    assert result.returncode != 0
    assert "Set the WAGTAILADMIN_BASE_URL environment variable" in result.stderr

    result = _manage("check", **{**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "library.example.org"})
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be the site's full address" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _manage("check", **{**PRODUCTION_ENV, "SECRET_KEY": "short-and-guessable"})
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in result.stderr
    assert "short-and-guessable" not in result.stderr


def test_production_sends_content_security_and_permissions_policies(tmp_path):
    # Through the production middleware: /robots.txt is public, /admin/ an admin address.
    script = (
        "import sys, django; sys.path.insert(0, 'site'); django.setup();"
        "from django.test import Client;"
        "get = lambda url: Client().get(url, secure=True, HTTP_HOST='library.example.org');"
        "responses = [get('/robots.txt'), get('/admin/')];"
        "print([r.status_code for r in responses]);"
        "[print(repr(dict(r.headers))) for r in responses]"
    )
    database = tmp_path / "never-created.sqlite3"
    result = _python(script, DATABASE_URL=f"sqlite:///{database}", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    statuses, public, admin = (ast.literal_eval(line) for line in result.stdout.splitlines())
    assert statuses == [200, 302]
    for headers in (public, admin):
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "object-src 'none'" in policy
        assert "frame-ancestors 'self'" in policy
        assert "camera=()" in headers["Permissions-Policy"]
        assert "geolocation=()" in headers["Permissions-Policy"]
        assert headers["Referrer-Policy"] == "same-origin"
    assert "script-src 'self';" in public["Content-Security-Policy"] + ";"
    assert not database.exists()


def test_load_demo_content_refuses_under_production_settings(tmp_path):
    database = tmp_path / "never-created.sqlite3"
    result = _manage("load_demo_content", DATABASE_URL=f"sqlite:///{database}", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "demo content" in result.stderr
    assert not database.exists()


def test_production_hands_background_work_to_the_database_worker(tmp_path):
    script = (
        "import sys, django; sys.path.insert(0, 'site'); django.setup();"
        "from django.core.management import get_commands;"
        "from django_tasks import task_backends;"
        "print(type(task_backends['default']).__name__, 'db_worker' in get_commands())"
    )
    database = tmp_path / "never-created.sqlite3"
    result = _python(script, DATABASE_URL=f"sqlite:///{database}", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["DatabaseBackend", "True"]


def test_development_and_tests_send_at_once():
    from django_tasks import task_backends

    assert type(task_backends["default"]).__name__ == "ImmediateBackend"
