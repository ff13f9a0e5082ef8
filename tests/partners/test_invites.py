"""Editors invite people into a partner organisation; the invited choose their own password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from clpages.models import PartnerMembership
from tests.builders import PARTNERS, PASSWORD, fresh, make_user

User = get_user_model()


@pytest.fixture
def community(db, partner_world_once):
    return fresh(partner_world_once)


def invite_url(partner):
    return reverse("clpages_invite_member", args=(partner.pk,))


def post_invite(client, partner, **data):
    with_defaults = {"email": "", "first_name": "", "last_name": "", **data}
    return client.post(invite_url(partner), with_defaults)


def snapshot():
    return (User.objects.count(), PartnerMembership.objects.count(), len(mail.outbox))


def test_editor_invites_a_new_member_who_sets_a_password(
    client, community, django_capture_on_commit_callbacks
):
    org_a = community["org_a"]
    client.force_login(community["editor"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_invite(client, org_a, email="Layla.Haddad@Example.org", first_name="Layla")
    assert response.status_code == 302
    user = User.objects.get(email__iexact="layla.haddad@example.org")
    assert not user.has_usable_password()
    assert user.first_name == "Layla"
    assert org_a.members.filter(pk=user.pk).exists()
    assert user.groups.filter(name=PARTNERS).exists()
    assert not user.is_staff and not user.is_superuser

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [user.email]
    assert org_a.name in email.subject
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", email.body).group(1)
    assert user.username in email.body

    # The success message is shown on the invitation screen, which now lists the new member.
    page = client.get(response["Location"]).content.decode()
    assert "now a member of Riverbend Newcomers Network" in page
    assert "layla.haddad@" in page.lower() and "has not chosen a password yet" in page

    # The link opens Wagtail's own "set your password" screen; the new password works.
    client.logout()
    confirm = client.get(link, follow=True)
    assert confirm.status_code == 200
    set_password_url = confirm.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "Riverbend-reading-2026", "new_password2": "Riverbend-reading-2026"},
    )
    assert done.status_code == 302
    assert client.login(username=user.username, password="Riverbend-reading-2026")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    # The link works only once.
    client.logout()
    assert b"invalid" in client.get(link, follow=True).content.lower()


@pytest.mark.parametrize(
    "email, message",
    [
        ("not-an-email", "Enter a valid email address"),
        ("", "Enter the email address of the person to invite."),
        (
            "partner_a@example.org",
            "partner_a@example.org is already a member of Riverbend Newcomers Network.",
        ),
        ("PARTNER_A@example.org", "is already a member of Riverbend Newcomers Network."),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(client, community, email, message):
    client.force_login(community["editor"])
    mail.outbox.clear()
    before = snapshot()
    response = post_invite(client, community["org_a"], email=email, first_name="Typed Name")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "The invitation was not sent." in html
    assert 'value="Typed Name"' in html  # nothing typed is lost
    assert snapshot() == before


def accept(client, user, message):
    """The invited person opens the link in their email and accepts."""
    link = re.search(r"http://testserver(/admin/community/membership/accept/\S+)", message.body).group(1)
    client.force_login(user)
    assert client.post(link).status_code == 302


def test_someone_with_an_account_is_added_and_keeps_their_password(
    client, community, django_capture_on_commit_callbacks
):
    partner_a, org_b = community["partner_a"], community["org_b"]
    client.force_login(community["editor"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert post_invite(client, org_b, email="partner_a@example.org").status_code == 302
    assert len(mail.outbox) == 1 and "password_reset" not in mail.outbox[0].body
    # Someone with an account joins when they accept (tests/test_accounts_security.py).
    accept(client, partner_a, mail.outbox[0])
    assert User.objects.filter(email__iexact="partner_a@example.org").count() == 1
    assert org_b.members.filter(pk=partner_a.pk).exists()
    partner_a.refresh_from_db()
    assert partner_a.check_password(PASSWORD)


def test_inviting_an_editor_does_not_make_them_a_partner(
    client, community, django_capture_on_commit_callbacks
):
    client.force_login(community["editor"])
    other_editor = make_user("other_editor", ["Library editors"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_invite(client, community["org_a"], email=other_editor.email)
    accept(client, other_editor, mail.outbox[0])
    assert community["org_a"].members.filter(pk=other_editor.pk).exists()
    assert not other_editor.groups.filter(name=PARTNERS).exists()


def test_partners_and_anonymous_visitors_cannot_invite(client, community):
    org_a = community["org_a"]
    before = snapshot()
    response = post_invite(client, org_a, email="someone@example.org")
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(community["partner_a"])
    for response in (client.get(invite_url(org_a)), post_invite(client, org_a, email="someone@example.org")):
        assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    assert snapshot() == before


def test_unknown_organisation_is_not_found(client, community):
    client.force_login(community["editor"])
    assert client.get(reverse("clpages_invite_member", args=(987654,))).status_code == 404


def test_the_organisation_screens_offer_the_invitation_to_editors_only(client, community):
    org_a = community["org_a"]
    listing = reverse("clpages_communitypartner_modeladmin_index")
    client.force_login(community["editor"])
    html = client.get(listing).content.decode()
    assert f'href="{invite_url(org_a)}"' in html
    client.force_login(community["partner_a"])
    response = client.get(listing)
    assert invite_url(org_a) not in response.content.decode()
