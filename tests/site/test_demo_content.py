"""The demo library is realistic, complete, and loading it twice changes nothing."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page, Revision

from clpages.models import (
    ActionGroupPage,
    CommunityPartner,
    EvaluationPage,
    PartnershipPage,
    ProgramPage,
)
from clpages.models.partnerships import BRAINSTORMING_PROMPTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_module, db):
    return None


def _snapshot():
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    counts.pop("sessions.Session", None)
    return counts, list(Page.objects.values_list("pk", "path", "title", "live", "latest_revision_id"))


def test_running_twice_changes_nothing(demo):
    before = _snapshot()
    call_command("load_demo_content", verbosity=0)
    assert _snapshot() == before


def test_site_structure_is_at_the_documented_urls(demo, client):
    for url in [
        "/",
        "/community/",
        "/community/programs/",
        "/community/partnerships/",
        "/community/evaluations/",
        "/community/action-groups/",
    ]:
        assert client.get(url).status_code == 200, url


def test_enough_realistic_content(demo):
    assert CommunityPartner.objects.count() >= 6
    programs = ProgramPage.objects.live().filter(locale__language_code="en")
    assert programs.count() >= 12
    assert set(programs.values_list("stage", flat=True)) == {1, 2, 3, 4, 5}
    soon = timezone.now() + timezone.timedelta(weeks=6)
    for program in programs:
        assert program.co_created_with.exists(), program.title
        assert program.sessions.filter(start__gte=timezone.now(), start__lte=soon).exists(), program.title
    partnerships = PartnershipPage.objects.live().filter(locale__language_code="en")
    assert partnerships.count() >= 4
    for partnership in partnerships:
        assert all(getattr(partnership, name) for name, _ in BRAINSTORMING_PROMPTS), partnership.title
        assert partnership.next_steps.exists()
    evaluations = EvaluationPage.objects.live().filter(locale__language_code="en")
    assert evaluations.count() >= 3
    for evaluation in evaluations:
        assert evaluation.measures.exists()
        assert all(measure.results.exists() for measure in evaluation.measures.all())
        assert evaluation.quotes.filter(consent=True).exists()


def test_the_demo_action_group_plans_a_program_with_two_named_members(demo, client):
    page = ActionGroupPage.objects.live().get(locale__language_code="en")
    assert page.group.kind == "action_group"
    now = timezone.now()
    assert page.meetings.filter(end__lt=now).count() == 1 and page.meetings.filter(start__gt=now).count() == 1
    assert page.decisions.count() == 2
    body = client.get(page.url).content.decode()
    assert "Amal K." in body and "Marisol V." in body
    assert "Tenant rights information nights" in body
    # Its private contact is never on the page.
    assert page.group.contact_name not in body and page.group.contact_email not in body


def test_demo_shows_cancelled_and_full_sessions_and_all_formats(demo, client):
    from clpages.models import ProgramSession

    assert ProgramSession.objects.filter(status="cancelled").exists()
    # Full by the registrations taken on the website, not by hand.
    zine = client.get("/community/programs/teen-zine-lab/").content.decode()
    assert '<span class="badge badge--full">Full</span>' in zine
    assert set(ProgramSession.objects.values_list("format", flat=True)) == {"in_person", "online", "hybrid"}


def test_demo_takes_registrations_nearly_full_with_a_waiting_list_and_access_needs(demo, client):
    from clpages.registrations.models import Registration

    zine = client.get("/community/programs/teen-zine-lab/").content.decode()
    assert "Full. <a href=" in zine and "Join the waiting list" in zine
    assert "2 places left" in zine  # the second date
    assert Registration.objects.filter(status="waitlisted").count() == 2
    needs = Registration.objects.filter(session__program__slug="tech-help-for-seniors")
    assert {"Step-free access", "Captions", "Large print handouts"} <= {
        n for r in needs for n in r.access_needs
    }
    tech = client.get("/community/programs/tech-help-for-seniors/").content.decode()
    assert "4 places left" in tech and "Large print handouts" not in tech


def test_superuser_admin_exists_with_the_documented_password(demo):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("community-demo")


def test_every_page_has_a_published_revision(demo):
    for page in Page.objects.filter(depth__gt=1):
        assert page.live and page.live_revision_id, page.title
    assert Revision.objects.count() >= Page.objects.filter(depth__gt=2).count()


def test_demo_users_have_their_roles_and_share_a_program(demo):
    User = get_user_model()
    editor = User.objects.get(username="editor")
    partner = User.objects.get(username="partner")
    partner2 = User.objects.get(username="partner2")
    assert editor.groups.filter(name="Library editors").exists()
    assert partner.groups.filter(name="Community partners").exists()
    assert partner2.groups.filter(name="Community partners").exists()
    first = set(partner.partner_organisations.all())
    second = set(partner2.partner_organisations.all())
    assert first and second and not first & second
    shared = ProgramPage.objects.filter(co_created_with__in=first).filter(co_created_with__in=second)
    assert shared.filter(title="Homework Help Club").exists()
    for user in (editor, partner, partner2):
        assert user.check_password("community-demo")


def test_the_demo_asks_one_listening_question_with_moderated_answers(demo, client):
    question = apps.get_model("clpages_listening", "ListeningQuestion").objects.get()
    statuses = sorted(question.answers.values_list("status", "consent"))
    assert statuses == [("kept", False), ("new", True), ("promoted", True), ("promoted", True)]
    body = client.get(
        ProgramPage.objects.get(locale__language_code="en", slug="newcomer-family-priorities").url
    ).content.decode()
    assert escape(question.text) in body
    assert '<blockquote lang="ar" dir="rtl"><p>نريد مكاناً هادئاً' in body
    assert "Des livres en français" not in body and "practise English conversation" not in body


def test_the_demo_shows_a_programs_stage_timeline(demo, client):
    html = client.get("/community/programs/tenant-rights-information-nights/").content.decode()
    assert '<ol class="stage-timeline">' in html
    assert html.count("<time datetime=", html.index("stage-timeline")) >= 3
    assert "Tenants named these goals" in html and "Maple Ridge Tenants" in html
