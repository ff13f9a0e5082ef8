"""What a public deployment holds against strangers: private files, password guessing, hostile pages."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.builders import db_snapshot

LOCKED_OUT_TEXT = "Too many attempts"


@pytest.fixture(autouse=True)
def _fresh_attempts(db):
    # Failed attempts live in the database and the cache; each test starts with none.
    from django.apps import apps

    if not apps.is_installed("axes"):
        yield
        return
    from axes.utils import reset

    reset()
    yield
    reset()


# 6. Private documents are reachable only through Wagtail's document view.


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Partner working papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Budget draft",
        collection=private,
        file=ContentFile(b"confidential budget", name="budget-draft.txt"),
    )
    yield document
    document.file.delete(save=False)


def test_private_document_file_is_not_served_from_media(client, private_document):
    response = client.get(settings.MEDIA_URL + private_document.file.name)

    assert response.status_code == 404
    # The document view still asks a stranger to sign in rather than hand the file over.
    served = client.get(private_document.url)
    assert served.status_code == 302
    assert "/login/" in served["Location"]


def test_image_renditions_are_still_served_from_media(client, db):
    from django.core.files.storage import default_storage

    name = default_storage.save("images/reading-circle.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    try:
        response = client.get(settings.MEDIA_URL + name)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    finally:
        default_storage.delete(name)


def test_documents_are_served_through_the_document_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


# 8. Password guessing is cut off, with a plain message that names no account.


def _failed_logins(client, username):
    """Wrong passwords up to the limit: the form comes back each time, until the last locks out."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(reverse("wagtailadmin_login"), {"username": username, "password": "guess"})
        assert response.status_code == 200
    response = client.post(reverse("wagtailadmin_login"), {"username": username, "password": "guess"})
    assert response.status_code == 429


def test_admin_login_locks_out_after_repeated_failures(client, db):
    get_user_model().objects.create_superuser("librarian", "librarian@example.org", "Right-password-1")
    _failed_logins(client, "librarian")
    before = db_snapshot()

    response = client.post(
        reverse("wagtailadmin_login"), {"username": "librarian", "password": "Right-password-1"}
    )

    assert response.status_code == 429
    assert LOCKED_OUT_TEXT in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    assert db_snapshot() == before


def test_lockout_page_does_not_tell_whether_an_account_exists(client, db):
    get_user_model().objects.create_superuser("librarian", "librarian@example.org", "Right-password-1")
    _failed_logins(client, "librarian")
    known = client.post(reverse("wagtailadmin_login"), {"username": "librarian", "password": "x"})
    from axes.utils import reset

    reset()
    _failed_logins(client, "nobody-here")
    unknown = client.post(reverse("wagtailadmin_login"), {"username": "nobody-here", "password": "x"})

    assert known.status_code == unknown.status_code == 429
    assert "librarian" not in known.content.decode()
    assert known.content.decode().replace("nobody-here", "librarian") == unknown.content.decode()


def test_other_logins_still_work(client, db):
    get_user_model().objects.create_user("editor", "editor@example.org", "Right-password-1")
    assert client.login(username="editor", password="Right-password-1")
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": "Right-password-1"}
    )
    assert response.status_code == 302


@pytest.fixture
def protected_page(tree):
    hub = tree["hub"]
    restriction = PageViewRestriction.objects.create(
        page=hub, restriction_type=PageViewRestriction.PASSWORD, password="river-of-stories"
    )
    return hub, restriction


def _page_password(client, hub, restriction, password):
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, hub.pk])
    return client.post(url, {"password": password, "return_url": hub.url})


def test_page_password_form_locks_out_after_repeated_failures(client, protected_page):
    hub, restriction = protected_page
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _page_password(client, hub, restriction, "guess").status_code == 200
    assert _page_password(client, hub, restriction, "guess").status_code == 429
    before = db_snapshot()

    response = _page_password(client, hub, restriction, "river-of-stories")

    assert response.status_code == 429
    assert LOCKED_OUT_TEXT in response.content.decode()
    # The right password, sent while locked out, opened nothing.
    assert "password" in client.get(hub.url).content.decode().lower()
    assert restriction.passed_view_restrictions_session_key not in client.session
    assert db_snapshot() == before


def test_page_password_form_still_opens_the_page(client, protected_page):
    hub, restriction = protected_page
    assert _page_password(client, hub, restriction, "guess").status_code == 200

    response = _page_password(client, hub, restriction, "river-of-stories")

    assert response.status_code == 302
    assert client.get(hub.url).status_code == 200


def test_password_reset_requests_are_limited(client, db):
    get_user_model().objects.create_user("editor", "editor@example.org", "Right-password-1")
    url = reverse("wagtailadmin_password_reset")
    for _ in range(settings.CLSITE_PASSWORD_RESET_LIMIT):
        assert client.post(url, {"email": "editor@example.org"}).status_code == 302
    sent = len(mail.outbox)
    before = db_snapshot()

    response = client.post(url, {"email": "editor@example.org"})

    assert response.status_code == 429
    assert LOCKED_OUT_TEXT in response.content.decode()
    assert len(mail.outbox) == sent
    assert db_snapshot() == before


# 21. Security headers on every page, and the demo loader kept off real sites.


def test_public_pages_carry_security_headers(client, tree):
    response = client.get(tree["hub"].url)

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
    assert "script-src 'self';" in policy + ";"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_pages_carry_a_policy_the_admin_can_work_under(client, db):
    admin = get_user_model().objects.create_superuser("librarian", "librarian@example.org", "x")
    client.force_login(admin)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]


def test_load_demo_content_refuses_where_not_allowed(settings, db):
    settings.CLPAGES_ALLOW_DEMO_CONTENT = False
    before = db_snapshot()
    users = get_user_model().objects.count()

    with pytest.raises(CommandError, match="demo content"):
        call_command("load_demo_content", verbosity=0)

    assert db_snapshot() == before
    assert get_user_model().objects.count() == users


def test_private_document_is_not_reached_through_the_images_folder(client, private_document):
    sneaky = f"{settings.MEDIA_URL}images/../{private_document.file.name}"

    assert client.get(sneaky).status_code == 404


def test_document_password_form_locks_out_after_repeated_failures(client, db):
    root = Collection.get_first_root_node()
    shared = root.add_child(name="Shared with partners")
    restriction = CollectionViewRestriction.objects.create(
        collection=shared, restriction_type=CollectionViewRestriction.PASSWORD, password="open-shelves"
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(url, {"password": "guess", "return_url": "/"}).status_code == 200
    assert client.post(url, {"password": "guess", "return_url": "/"}).status_code == 429

    response = client.post(url, {"password": "open-shelves", "return_url": "/"})

    assert response.status_code == 429
    assert restriction.passed_view_restrictions_session_key not in client.session


def test_behind_the_proxy_a_forged_forwarded_address_does_not_escape_the_lock(client, settings, db):
    # As in production: the proxy appends the client's address to X-Forwarded-For.
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    login = reverse("wagtailadmin_login")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            login,
            {"username": "librarian", "password": "guess"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9",
        )

    forged = client.post(
        login,
        {"username": "librarian", "password": "guess"},
        HTTP_X_FORWARDED_FOR="198.51.100.77, 203.0.113.9",
    )
    neighbour = client.post(
        login, {"username": "librarian", "password": "guess"}, HTTP_X_FORWARDED_FOR="203.0.113.10"
    )

    assert forged.status_code == 429
    # Another visitor behind the same proxy is not locked out with the guesser.
    assert neighbour.status_code == 200
