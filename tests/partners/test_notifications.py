"""Who is emailed, and what they read, as a page moves through "Community review"."""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from clpages.models import PartnerMembership, ProgramPage
from tests.builders import PARTNERS, fresh, make_user


@pytest.fixture
def community(db, partner_world_once):
    return fresh(partner_world_once)


def submit(page, user):
    page.save_revision(user=user)
    mail.outbox.clear()
    return page.get_workflow().start(page, user)


def current_state(page):
    return ProgramPage.objects.get(pk=page.pk).current_workflow_task_state


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_every_member_of_the_other_organisations_is_asked_to_review(community):
    org_b = community["org_b"]
    make_user("second_b", [PARTNERS], [org_b])
    away = make_user("away_b", [PARTNERS], [org_b])
    UserProfile.get_for_user(away).__class__.objects.filter(user=away).update(submitted_notifications=False)
    gone = make_user("gone_b", [PARTNERS], [org_b], is_active=False)

    submit(community["ab_program"], community["partner_a"])
    assert sorted(m.to[0] for m in mail.outbox) == ["partner_b@example.org", "second_b@example.org"]
    message = to("partner_b@example.org")[0]
    assert message.subject == 'Please review "Homework Help Club", which you co-lead'
    assert "Amira" not in message.subject
    assert f"http://testserver/admin/community/review/{community['ab_program'].pk}/" in message.body
    assert "partner_a" in message.body or "Amira" in message.body
    assert not to(away.email) and not to(gone.email)


def test_someone_in_every_linked_organisation_is_not_asked_to_review_their_own_work(community):
    both = make_user("both", [PARTNERS], [community["org_a"]])
    PartnerMembership.objects.create(partner=community["org_b"], user=both)
    submit(community["ab_program"], both)
    assert sorted(m.to[0] for m in mail.outbox) == ["editor@example.org"]


def test_submitter_hears_when_partners_approve_with_their_comment(community):
    a, b = community["partner_a"], community["partner_b"]
    submit(community["ab_program"], a)
    mail.outbox.clear()
    current_state(community["ab_program"]).approve(user=b, comment="Lovely, thank you.")
    (message,) = to("partner_a@example.org")
    assert message.subject == '"Homework Help Club" was approved by your co-leads'
    assert "Ben" in message.body
    assert '"Lovely, thank you."' in message.body
    assert "The library reviews it next" in message.body
    # The library is asked next, by Wagtail's own group approval email.
    assert len(to("editor@example.org")) == 1


def test_library_request_for_changes_reaches_the_submitter_with_comment_and_link(community):
    a, editor = community["partner_a"], community["editor"]
    submit(community["a_program"], a)
    mail.outbox.clear()
    current_state(community["a_program"]).reject(user=editor, comment="Add an accessibility note, please.")
    (message,) = to("partner_a@example.org")
    assert "Add an accessibility note, please." in message.body
    assert f"http://testserver/admin/pages/{community['a_program'].pk}/edit/" in message.body


def test_html_emails_escape_what_people_typed(community, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    a, b = community["partner_a"], community["partner_b"]
    program = ProgramPage.objects.get(pk=community["ab_program"].pk)
    program.title = "Homework <Club>"
    submit(program, a)
    html = to("partner_b@example.org")[0].alternatives[0][0]
    assert "Homework &lt;Club&gt;" in html and "<Club>" not in html
    mail.outbox.clear()
    current_state(program).approve(user=b, comment="<script>x()</script>")
    html = to("partner_a@example.org")[0].alternatives[0][0]
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>" not in html


def test_no_co_review_email_when_the_review_is_skipped(community):
    submit(community["a_program"], community["partner_a"])
    assert sorted(m.to[0] for m in mail.outbox) == ["editor@example.org"]
