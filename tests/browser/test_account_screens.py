"""The screens that guard who belongs to an organisation, in headless Chromium with axe-core:
accepting an invitation, confirming a new email address, and the lock-out page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from clpages.models import PartnerMembership
from clpages.partners.invites import invite_member
from tests.browser.test_partner_admin import check, sign_in
from tests.builders import PASSWORD, build_partner_world, build_site

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def community(live_db):
    return build_partner_world(build_site())


def emailed_link(live_server, pattern):
    """The link of the newest email matching `pattern`, on the test server's address."""
    path = re.search(rf"https?://[^/\s]+(/\S*{pattern}\S*)", mail.outbox[-1].body).group(1)
    return live_server.url + path


def test_partner_accepts_an_invitation_and_confirms_a_new_email(community, page, live_server, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    failures = {}
    partner, org_b = community["partner_a"], community["org_b"]
    invite_member(org_b, partner.email, invited_by=community["editor"])
    accept_url = emailed_link(live_server, "membership/accept/")
    assert not PartnerMembership.objects.filter(user=partner, partner=org_b).exists()

    sign_in(page, live_server, "partner_a")
    page.goto(accept_url)
    expect(page.get_by_text("Nothing changes until you accept.")).to_be_visible()
    check(page, artifacts, "12-accept-invitation", failures)
    page.get_by_role("button", name=f"Join {org_b.name}").click()
    page.wait_for_load_state("load")
    assert PartnerMembership.objects.filter(user=partner, partner=org_b).exists()

    page.goto(live_server.url + "/admin/account/")
    check(page, artifacts, "13-account-email", failures)
    page.get_by_role("textbox", name="Last Name").fill("Haddad")  # Wagtail asks for both names
    page.get_by_role("textbox", name="Email").fill("amira@newcomers.example.org")
    page.get_by_role("button", name=re.compile("^Save")).click()
    page.wait_for_load_state("load")
    partner.refresh_from_db()
    assert partner.email == "partner_a@example.org"  # not until confirmed
    page.goto(emailed_link(live_server, "account/email/confirm/"))
    check(page, artifacts, "14-confirm-email", failures)
    page.get_by_role("button", name="Use this email address").click()
    page.wait_for_load_state("load")
    partner.refresh_from_db()
    assert partner.email == "amira@newcomers.example.org"
    assert not failures, "\n".join(f"{name}:\n  " + "\n  ".join(v) for name, v in failures.items())


def test_lockout_page_is_plain_and_accessible(community, page, live_server, artifacts, client, settings):
    page.set_viewport_size({"width": 375, "height": 800})
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "partner_a", "password": "not it"})
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("partner_a")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Too many attempts")).to_be_visible()
    failures = {}
    check(page, artifacts, "15-lockout", failures)
    assert not failures, "\n".join(f"{name}:\n  " + "\n  ".join(v) for name, v in failures.items())
