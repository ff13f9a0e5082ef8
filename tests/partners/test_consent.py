"""Co-leads are consulted on library edits: emailed a link to what changed, and in consent mode
asked first (clpages.partners.consent, library_edits)."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from clpages.models import CommunityHubPage, ProgramPage
from tests.builders import LIBRARY_EDITORS, db_snapshot, edit_form_data, fresh, make_program, make_user

NEW_SUMMARY = "Homework help in Arabic and Dari, now on Tuesdays and Thursdays."


@pytest.fixture
def community(db, partner_world_once, django_capture_on_commit_callbacks):
    world = fresh(partner_world_once)
    world["capture"] = django_capture_on_commit_callbacks
    return world


def consent_mode(world, on=True):
    CommunityHubPage.objects.filter(pk=world["tree"]["hub"].pk).update(library_edits_need_consent=on)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def post_edit(client, community, user, page, action, **changes):
    client.force_login(user)
    data = edit_form_data(client, page, **changes)
    data[action] = "1"
    with community["capture"](execute=True):
        return client.post(edit_url(page), data)


def act(client, community, user, page, action, comment=""):
    client.force_login(user)
    state = ProgramPage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    with community["capture"](execute=True):
        return client.post(url, {"comment": comment})


def live_summary(page):
    return ProgramPage.objects.get(pk=page.pk).summary


def assert_refused(response):
    # Wagtail's admin answers PermissionDenied from some views with a redirect to the dashboard.
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def library_edit_emails():
    return [message for message in mail.outbox if "/revisions/compare/" in message.body]


def compare_path(page, before, after):
    return reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, before, after))


def test_co_leads_are_emailed_a_comparison_when_the_library_publishes_a_change(client, community):
    program, editor = community["ab_program"], community["editor"]
    before = ProgramPage.objects.get(pk=program.pk).live_revision_id
    mail.outbox.clear()

    response = post_edit(client, community, editor, program, "action-publish", summary=NEW_SUMMARY)

    assert response.status_code == 302
    page = ProgramPage.objects.get(pk=program.pk)
    assert page.summary == NEW_SUMMARY
    emails = library_edit_emails()
    assert sorted(address for message in emails for address in message.to) == [
        "partner_a@example.org",
        "partner_b@example.org",
    ]
    for message in emails:
        assert compare_path(page, before, page.live_revision_id) in message.body
        assert "Edith" in message.body  # who at the library made it
        assert "reject" not in (message.subject + message.body).lower()
    assert "editor@example.org" not in [address for message in mail.outbox for address in message.to]


def test_a_partners_own_change_and_a_page_no_partner_leads_send_no_library_edit_email(client, community):
    editor = community["editor"]
    solo = make_program(community["tree"]["programs"], "Knitting circle", partners=[], sessions=0)
    mail.outbox.clear()
    post_edit(client, community, editor, solo, "action-publish", summary="Needles provided.")
    assert library_edit_emails() == []

    # A partner's change reaches the library through review; the co-leads reviewed it already.
    program = community["a_program"]
    post_edit(client, community, community["partner_a"], program, "action-submit", summary="Songs too.")
    act(client, community, editor, program, "approve")
    assert live_summary(program) == "Songs too."
    assert library_edit_emails() == []


def test_each_co_lead_is_emailed_in_their_own_language(client, community):
    partner_b = community["partner_b"]
    profile = UserProfile.get_for_user(partner_b)
    profile.preferred_language = "fr"
    profile.save()
    mail.outbox.clear()
    post_edit(
        client, community, community["editor"], community["ab_program"], "action-publish", summary="x y"
    )
    by_address = {message.to[0]: message for message in library_edit_emails()}
    assert by_address["partner_a@example.org"].subject.startswith("The library changed")
    assert "La bibliothèque a modifié" in by_address["partner_b@example.org"].subject


def test_a_failed_email_is_logged_by_account_never_by_address(client, community, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("550 partner_a@example.org unknown")

    monkeypatch.setattr("clpages.partners.notifications.send_mail", refuse)
    post_edit(client, community, community["editor"], community["ab_program"], "action-publish", summary="z")
    assert live_summary(community["ab_program"]) == "z"  # the publication went ahead
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"to user {community['partner_a'].pk}" in logged
    assert "partner_a@example.org" not in logged


def test_in_consent_mode_the_page_stays_as_it_was_until_a_co_lead_then_the_library_approve(client, community):
    program, editor, partner_a = community["ab_program"], community["editor"], community["partner_a"]
    consent_mode(community)
    old_summary = live_summary(program)
    before = ProgramPage.objects.get(pk=program.pk).live_revision_id

    client.force_login(editor)
    form = client.get(edit_url(program)).content.decode()
    assert 'name="action-publish"' not in form
    assert 'name="action-submit"' in form

    mail.outbox.clear()
    response = post_edit(client, community, editor, program, "action-submit", summary=NEW_SUMMARY)
    assert response.status_code == 302
    # Both co-leading organisations are asked: the change is the library's.
    asked = sorted(address for message in mail.outbox for address in message.to if "partner" in address)
    assert asked == ["partner_a@example.org", "partner_b@example.org"]
    assert live_summary(program) == old_summary

    mail.outbox.clear()
    assert act(client, community, partner_a, program, "approve").status_code == 302
    assert live_summary(program) == old_summary
    assert ProgramPage.objects.get(pk=program.pk).current_workflow_task.name == "Library approval"

    assert act(client, community, editor, program, "approve").status_code == 302
    page = ProgramPage.objects.get(pk=program.pk)
    assert page.summary == NEW_SUMMARY
    emails = library_edit_emails()
    assert {message.to[0] for message in emails} == {"partner_a@example.org", "partner_b@example.org"}
    assert all(compare_path(page, before, page.live_revision_id) in message.body for message in emails)
    for message in mail.outbox:
        if any("partner" in address for address in message.to):
            assert "reject" not in (message.subject + message.body).lower()


def _forged_publishes(client, page, editor):
    """Every route a publication could take, each tried by a library editor in consent mode."""
    client.force_login(editor)
    data = edit_form_data(client, page, summary="Forged.")
    old_revision = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk").first()
    edit, revert = dict(data, **{"action-publish": "1"}), dict(data, **{"action-publish": "1"})
    revert["revision"] = str(old_revision.pk)
    scheduled = dict(data, **{"action-schedule": "1"})
    return {
        "edit view": lambda: client.post(edit_url(page), edit),
        "revert and publish": lambda: client.post(edit_url(page), revert),
        "schedule": lambda: client.post(edit_url(page), scheduled),
        "admin API": lambda: client.post(
            f"/admin/api/main/pages/{page.pk}/action/publish/", {}, content_type="application/json"
        ),
        "bulk publish": lambda: client.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}",
            {"include_descendants": ""},
        ),
    }


@pytest.mark.parametrize(
    "route", ["edit view", "revert and publish", "schedule", "admin API", "bulk publish"]
)
def test_a_forged_publish_in_consent_mode_is_refused_and_changes_nothing(client, community, route):
    program = community["ab_program"]
    consent_mode(community)
    # A draft waiting, so the API and bulk publishing have something to put live.
    draft = ProgramPage.objects.get(pk=program.pk)
    draft.summary = "A draft nobody consented to."
    draft.save_revision(user=community["editor"])
    forged = _forged_publishes(client, program, community["editor"])[route]
    before = db_snapshot()

    response = forged()

    assert_refused(response)
    assert db_snapshot() == before
    assert live_summary(program) != "A draft nobody consented to."


def test_superusers_are_held_by_consent_mode_too(client, community):
    program = community["ab_program"]
    consent_mode(community)
    admin = make_user("chief", [], is_superuser=True)
    before = db_snapshot()
    response = post_edit(client, community, admin, program, "action-publish", summary="Straight live.")
    assert_refused(response)
    assert db_snapshot() == before


def test_consent_mode_leaves_unpublishing_and_pages_no_partner_leads_to_the_library(client, community):
    editor = community["editor"]
    consent_mode(community)
    solo = make_program(community["tree"]["programs"], "Chess club", partners=[], sessions=0)
    post_edit(client, community, editor, solo, "action-publish", summary="Boards provided.")
    assert live_summary(solo) == "Boards provided."

    client.force_login(editor)
    program = community["ab_program"]
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(program.pk,)), {})
    assert response.status_code == 302
    assert not ProgramPage.objects.get(pk=program.pk).live


def test_a_co_leading_partner_is_not_held_back_by_consent_mode(community):
    consent_mode(community)
    program = ProgramPage.objects.get(pk=community["ab_program"].pk)
    editor_tester = program.permissions_for_user(community["editor"])
    assert not editor_tester.can_publish() and editor_tester.can_publish_ignoring_consent()
    # A library editor who is also a member of a co-leading organisation acts for it.
    member = make_user("member_editor", [LIBRARY_EDITORS], [community["org_a"]])
    assert program.permissions_for_user(member).can_publish()
    consent_mode(community, on=False)
    assert (
        ProgramPage.objects.get(pk=program.pk)
        .permissions_for_user(make_user("ed2", [LIBRARY_EDITORS]))
        .can_publish()
    )


def test_the_email_leaves_only_once_the_publication_is_saved(client, community):
    client.force_login(community["editor"])
    program = community["ab_program"]
    data = edit_form_data(client, program, summary="Saved first.")
    data["action-publish"] = "1"
    mail.outbox.clear()
    with community["capture"](execute=False) as callbacks:
        client.post(edit_url(program), data)
    assert library_edit_emails() == []  # a rolled-back publication would email nobody
    for callback in callbacks:
        callback()
    assert len(library_edit_emails()) == 2


def test_the_hub_offers_consent_mode_in_its_settings(client, community, admin_user):
    client.force_login(admin_user)
    html = client.get(edit_url(community["tree"]["hub"])).content.decode()
    assert 'name="library_edits_need_consent"' in html
    assert "Library edits to co-led pages need the partners" in html
    assert "co-leading partner approves it and then the library does" in html
