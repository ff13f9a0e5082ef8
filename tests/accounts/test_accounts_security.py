"""Accounts: one address per account, confirmed by its owner, and no membership without consent.

Item 3: anyone could type another person's email address on their account screen, and an
invitation to that address then attached the membership to their account without a word.
Item 14: a line break in a title or an organisation name broke the email header, so the
notification was lost and the invitation failed after half-making an account.
"""

import logging
import re
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from clpages.models import CommunityPartner, PartnerMembership, ProgramPage
from tests.builders import (
    LIBRARY_EDITORS,
    PARTNERS,
    db_snapshot,
    edit_form_data,
    fresh,
    make_user,
    post_form,
)

User = get_user_model()
ACCOUNT_URL = "/admin/account/"


class RefusingMailServer(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPDataError(554, b"Transaction failed")


@pytest.fixture
def community(db, partner_world_once):
    return fresh(partner_world_once)


def accounts_snapshot():
    """Everything an account or invitation request could change about people."""
    return {
        "users": list(
            User.objects.order_by("pk").values_list(
                "pk", "username", "email", "password", "is_active", "is_superuser", "is_staff"
            )
        ),
        "memberships": sorted(PartnerMembership.objects.values_list("partner_id", "user_id")),
        "groups": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        "partners": list(CommunityPartner.objects.order_by("pk").values_list("pk", "name", "slug")),
    }


def account_form(client):
    """The account screen's form, as the browser would post it."""
    html = client.get(ACCOUNT_URL).content.decode()
    for index in range(10):
        data = querydict_from_html(html, form_index=index)
        if "name_email-first_name" in data:
            return data.copy()
    raise AssertionError("The account form was not found.")


def post_account_email(client, email):
    data = account_form(client)
    data["name_email-last_name"] = data.get("name_email-last_name") or "Lee"
    # Today's field is "email-email"; before it was Wagtail's own "name_email-email".
    data["email-email"] = email
    data["name_email-email"] = email
    return post_form(client, ACCOUNT_URL, data)


def link_in(message, name):
    return re.search(rf"http://testserver(/admin/[^\s]*{name}[^\s]*)", message.body).group(1)


def invite(client, partner, email, **data):
    url = reverse("clpages_invite_member", args=(partner.pk,))
    return client.post(url, {"email": email, "first_name": "", "last_name": "", **data})


# Item 3: joining another organisation.


def test_a_changed_email_counts_only_once_confirmed_from_the_new_address(client, community):
    partner_b = community["partner_b"]
    client.force_login(partner_b)
    mail.outbox.clear()
    before = accounts_snapshot()
    response = post_account_email(client, "Ben.New@Example.org")
    assert response.status_code == 302
    assert accounts_snapshot() == before
    (message,) = mail.outbox
    assert message.to == ["Ben.New@example.org"]
    link = link_in(message, "email/confirm")

    # Opening the link shows what is confirmed and changes nothing until the button is pressed.
    page = client.get(link)
    assert page.status_code == 200 and "Ben.New@example.org" in page.content.decode()
    assert accounts_snapshot() == before
    mail.outbox.clear()
    assert client.post(link).status_code == 302
    partner_b.refresh_from_db()
    assert partner_b.email == "Ben.New@example.org"
    # The old address is told, in case the change was not theirs.
    (notice,) = mail.outbox
    assert notice.to == ["partner_b@example.org"] and "was changed" in notice.subject

    # The link works once, and for its own account only.
    after = accounts_snapshot()
    assert client.post(link).status_code == 403
    client.force_login(community["partner_a"])
    assert client.post(link).status_code == 403
    assert accounts_snapshot() == after


def test_taking_an_invited_address_does_not_bring_its_invitation(
    client, community, django_capture_on_commit_callbacks
):
    """The attack: a partner of B types the address the library is about to invite into A."""
    org_a, partner_b = community["org_a"], community["partner_b"]
    client.force_login(partner_b)
    post_account_email(client, "layla.haddad@example.org")
    client.force_login(community["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(client, org_a, "layla.haddad@example.org").status_code == 302
    assert not org_a.members.filter(pk=partner_b.pk).exists()
    layla = User.objects.get(email__iexact="layla.haddad@example.org")
    assert layla != partner_b and org_a.members.filter(pk=layla.pk).exists()


def test_the_account_screen_refuses_an_address_another_account_has(client, community):
    client.force_login(community["partner_b"])
    mail.outbox.clear()
    before = accounts_snapshot()
    response = post_account_email(client, "PARTNER_A@example.org")
    assert response.status_code == 200
    assert "Another account already uses this email address." in response.content.decode()
    assert 'value="PARTNER_A@example.org"' in response.content.decode()  # nothing typed is lost
    assert accounts_snapshot() == before
    assert not mail.outbox


@pytest.mark.parametrize("screen", ["add", "edit"])
def test_the_users_screens_refuse_an_address_another_account_has(client, community, screen):
    admin = User.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    partner_b = community["partner_b"]
    if screen == "add":
        url = reverse("wagtailusers_users:add")
    else:
        url = reverse("wagtailusers_users:edit", args=(partner_b.pk,))
    data = {
        "username": "newcomer" if screen == "add" else partner_b.username,
        "email": "Partner_A@Example.org",
        "first_name": "Nia",
        "last_name": "Okafor",
        "password1": "Riverbend-reading-2026",
        "password2": "Riverbend-reading-2026",
    }
    before = accounts_snapshot()
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Another account already uses this email address." in response.content.decode()
    assert accounts_snapshot() == before


def test_the_database_holds_one_account_per_address_whatever_its_case(community):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("second_a", email="Partner_A@Example.ORG")
    # Accounts without an address are not held to it.
    User.objects.create_user("no_address_1", email="")
    User.objects.create_user("no_address_2", email="")


@pytest.mark.parametrize("who", ["partner", "editor", "superuser"])
def test_inviting_an_existing_account_asks_them_and_changes_nothing_until_they_accept(client, community, who):
    org_b = community["org_b"]
    person = {
        "partner": lambda: community["partner_a"],
        "editor": lambda: make_user("second_editor", [LIBRARY_EDITORS]),
        "superuser": lambda: User.objects.create_superuser("boss", "boss@example.org", "x"),
    }[who]()
    client.force_login(community["editor"])
    mail.outbox.clear()
    before = accounts_snapshot()
    response = invite(client, org_b, person.email.upper())
    assert response.status_code == 302
    assert "sent them a request to join" in client.get(response["Location"]).content.decode()
    assert accounts_snapshot() == before
    (message,) = mail.outbox
    assert message.to == [person.email] and org_b.name in message.subject
    link = link_in(message, "membership/accept")

    # Nobody else can use the link, not even a member of the same organisation.
    client.force_login(community["partner_b"])
    assert client.get(link).status_code == 403
    assert client.post(link).status_code == 403
    client.logout()
    assert "/login/" in client.post(link)["Location"]
    assert accounts_snapshot() == before

    # The right person sees what they are asked to join; only their "Join" changes anything.
    client.force_login(person)
    page = client.get(link)
    assert page.status_code == 200 and f"Join {org_b.name}" in page.content.decode()
    assert accounts_snapshot() == before
    assert client.post(link).status_code == 302
    assert org_b.members.filter(pk=person.pk).exists()
    made_partner = person.groups.filter(name=PARTNERS).exists()
    assert made_partner == (who == "partner")

    # Once used, the link cannot bring them back after they leave.
    PartnerMembership.objects.filter(partner=org_b, user=person).delete()
    after = accounts_snapshot()
    assert client.post(link).status_code == 403
    assert accounts_snapshot() == after


def test_a_forged_or_altered_acceptance_link_changes_nothing(client, community):
    client.force_login(community["partner_a"])
    before = accounts_snapshot()
    for token in ("nonsense", "eyJ1IjoxfQ:1abcde:forgedsignature"):
        url = reverse("clpages_accept_membership", args=(token,))
        assert client.post(url).status_code == 403
        url = reverse("clpages_confirm_email", args=(token,))
        assert client.post(url).status_code == 403
    assert accounts_snapshot() == before


def test_the_site_refuses_to_start_with_wagtails_unconfirmed_email_field(settings):
    from clpages.accounts.checks import check_account_settings

    assert check_account_settings(None) == []
    settings.WAGTAIL_EMAIL_MANAGEMENT_ENABLED = True
    assert [error.id for error in check_account_settings(None)] == ["clpages.E101"]


# Item 14: line breaks in names.


def test_a_page_title_with_a_line_break_is_refused_and_nothing_changes(client, community):
    program = community["ab_program"]
    client.force_login(community["partner_a"])
    data = edit_form_data(client, program, title="Homework Club\r\nBcc: everyone@example.org")
    before = db_snapshot()
    response = client.post(f"/admin/pages/{program.pk}/edit/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The title must fit on one line." in html
    assert "Bcc: everyone@example.org" in html  # what was typed is kept in the form
    assert db_snapshot() == before


def test_an_organisation_name_with_a_line_break_is_refused_and_nothing_changes(client, community):
    client.force_login(community["editor"])
    before = accounts_snapshot()
    response = client.post(
        reverse("clpages_communitypartner_modeladmin_create"),
        {
            "name": "Northside Makers\nBcc: everyone@example.org",
            "slug": "",
            "kind": CommunityPartner._meta.get_field("kind").default,
            "description": "Makers in the north of the city.",
        },
    )
    assert response.status_code == 200
    assert "The organisation&#x27;s name must fit on one line." in response.content.decode()
    assert accounts_snapshot() == before


def test_an_invitation_to_an_organisation_with_an_old_line_break_in_its_name_still_works(
    client, community, django_capture_on_commit_callbacks
):
    org_a = community["org_a"]
    CommunityPartner.objects.filter(pk=org_a.pk).update(name="Riverbend Newcomers\r\nBcc: x@example.org")
    client.force_login(community["editor"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, org_a, "layla.haddad@example.org")
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["layla.haddad@example.org"] and not message.bcc
    assert "\n" not in message.subject and "Riverbend Newcomers Bcc: x@example.org" in message.subject


def test_an_invitation_with_a_line_break_in_a_name_is_refused_and_nothing_changes(client, community):
    client.force_login(community["editor"])
    mail.outbox.clear()
    before = accounts_snapshot()
    response = invite(client, community["org_a"], "layla.haddad@example.org", first_name="Layla\r\nHaddad")
    assert response.status_code == 200
    assert "This name must fit on one line." in response.content.decode()
    assert accounts_snapshot() == before and not mail.outbox


def test_when_the_mail_server_refuses_an_invitation_nothing_is_half_made(
    client, community, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.accounts.test_accounts_security.RefusingMailServer"
    client.force_login(community["editor"])
    before = accounts_snapshot()
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = invite(client, community["org_a"], "layla.haddad@example.org", first_name="Layla")
    assert response.status_code == 200
    html = response.content.decode()
    assert "We could not send the email to layla.haddad@example.org" in html
    assert 'value="Layla"' in html
    assert accounts_snapshot() == before
    # Logged for the library to follow up, without the person's address.
    (record,) = [r for r in caplog.records if r.name == "clpages.accounts"]
    assert record.levelno == logging.ERROR and "layla" not in record.getMessage()


def test_co_review_email_about_a_page_with_an_old_line_break_in_its_title_is_sent(community):
    program, partner_a = community["ab_program"], community["partner_a"]
    ProgramPage.objects.filter(pk=program.pk).update(title="Homework\nClub", draft_title="Homework\nClub")
    page = ProgramPage.objects.get(pk=program.pk)
    mail.outbox.clear()
    page.get_workflow().start(page, partner_a)
    (message,) = [m for m in mail.outbox if m.to == ["partner_b@example.org"]]
    assert message.subject == 'Please review "Homework Club", which you co-lead'


def test_a_co_review_email_the_mail_server_refuses_is_logged_without_the_address(community, settings, caplog):
    settings.EMAIL_BACKEND = "tests.accounts.test_accounts_security.RefusingMailServer"
    program, partner_a = community["ab_program"], community["partner_a"]
    with caplog.at_level(logging.ERROR):
        program.get_workflow().start(program, partner_a)
    records = [r for r in caplog.records if "co-review" in r.getMessage()]
    assert records and all(r.levelno == logging.ERROR for r in records)
    assert all("partner_b@example.org" not in r.getMessage() for r in records)
    assert any(str(community["partner_b"].pk) in r.getMessage() for r in records)
