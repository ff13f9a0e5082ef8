"""Preparing, approving and running surveys in the admin: rights from permissions, partners
kept to their own work, forged requests refused with 403 and nothing changed."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from clpages.surveys.models import Survey, SurveyResponse
from tests.builders import PASSWORD, build_partner_world, make_evaluation, make_measure, make_user
from tests.surveys.conftest import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    world = build_partner_world(tree)
    world["a_evaluation"] = make_evaluation(
        tree["evaluations"], program=world["a_program"], title="Story time: results"
    )
    world["b_evaluation"] = make_evaluation(
        tree["evaluations"], program=world["b_program"], title="Zine lab: results"
    )
    world["a_measure"] = make_measure(world["a_evaluation"], "Learned something new", kind="survey", unit="%")
    world["a_survey"] = build_survey(
        world["a_evaluation"],
        [{"kind": "learned", "feeds": world["a_measure"], "feed_as": "share"}],
        approved=False,
    )
    world["b_survey"] = build_survey(world["b_evaluation"], [{"kind": "confident"}], approved=False)
    return world


def admin_url(name, survey=None):
    return reverse(f"clpages_surveys_admin:{name}", args=[survey.pk] if survey else [])


def signed_in(client, user):
    client.force_login(user)
    return client


def form_data(client, url):
    data = querydict_from_html(client.get(url).content.decode(), form_id=None).copy()
    return data


def new_survey_data(client, evaluation, measure):
    data = querydict_from_html(client.get(admin_url("add")).content.decode(), form_id=None).copy()
    data.update(
        {
            "evaluation": str(evaluation.pk),
            "title": "After story time",
            "kind": "immediate",
            "questions-TOTAL_FORMS": "2",
            "questions-0-kind": "agreement",
            "questions-0-text": "My child enjoyed it.",
            "questions-0-ORDER": "1",
            "questions-1-kind": "learned",
            "questions-1-feeds": str(measure.pk),
            "questions-1-feed_as": "share",
            "questions-1-ORDER": "2",
        }
    )
    return {key: data.getlist(key) for key in data}


def test_a_partner_prepares_a_survey_for_their_own_evaluation_and_it_waits_for_approval(client, world):
    signed_in(client, world["partner_a"])
    response = client.post(
        admin_url("add"), new_survey_data(client, world["a_evaluation"], world["a_measure"])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    survey = Survey.objects.get(title="After story time")
    assert [q.wording for q in survey.ordered_questions()] == [
        "My child enjoyed it.",
        "I learned something new.",
    ]
    assert survey.approved_at is None and not survey.is_public


def test_a_partner_cannot_prepare_a_survey_for_another_organisations_evaluation(client, world):
    signed_in(client, world["partner_a"])
    data = new_survey_data(client, world["a_evaluation"], world["a_measure"])
    data["evaluation"] = [str(world["b_evaluation"].pk)]
    response = client.post(admin_url("add"), data)
    assert response.status_code == 200
    assert not Survey.objects.filter(title="After story time").exists()


def test_a_question_feeds_only_a_measure_of_its_own_evaluation(client, world):
    admin = make_user("admin", is_superuser=True)
    signed_in(client, admin)
    other = make_measure(world["b_evaluation"], "Zines made")
    response = client.post(admin_url("add"), new_survey_data(client, world["a_evaluation"], other))
    assert response.status_code == 200
    assert "Choose a measure of this survey" in response.content.decode()
    assert not Survey.objects.filter(title="After story time").exists()


def test_partners_see_only_their_own_surveys(client, world):
    signed_in(client, world["partner_a"])
    html = client.get(admin_url("index")).content.decode()
    assert "Story time: results" in html
    assert "Zine lab: results" not in html
    assert client.get(reverse("clpages_surveys_admin:edit", args=[world["b_survey"].pk])).status_code == 403
    assert client.get(admin_url("overview", world["b_survey"])).status_code == 403


def test_a_forged_edit_of_another_organisations_survey_is_refused(client, world):
    signed_in(client, world["partner_a"])
    before = Survey.objects.get(pk=world["b_survey"].pk)
    response = client.post(reverse("clpages_surveys_admin:edit", args=[before.pk]), {"title": "Taken over"})
    assert response.status_code == 403
    assert Survey.objects.get(pk=before.pk).title == before.title


def test_a_partner_cannot_approve_even_by_a_forged_post(client, world):
    signed_in(client, world["partner_a"])
    response = client.post(admin_url("approve", world["a_survey"]), {"action": "approve"})
    assert response.status_code == 403
    assert Survey.objects.get(pk=world["a_survey"].pk).approved_at is None


def test_staff_with_the_permission_approve_and_the_public_can_answer(client, world):
    signed_in(client, world["editor"])
    assert client.post(admin_url("approve", world["a_survey"]), {"action": "approve"}).status_code == 302
    survey = Survey.objects.get(pk=world["a_survey"].pk)
    assert survey.approved_by == world["editor"] and survey.is_public
    overview = client.get(admin_url("overview", survey)).content.decode()
    assert "Open for answers" in overview and "Withdraw approval" in overview
    assert "Download the answers" in overview and "Enter paper answers" in overview
    paper = client.get(admin_url("paper", survey))
    assert paper.status_code == 200 and "I learned something new." in paper.content.decode()
    client.logout()
    assert client.get(reverse("clpages_surveys:answer", args=[survey.pk])).status_code == 200


def test_rights_come_from_permissions_not_group_names(client, world):
    clerk = make_user("clerk")
    group = Group.objects.create(name="Whatever the library calls it")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="clpages_surveys", codename="approve_survey"),
    )
    clerk.groups.add(group)
    signed_in(client, clerk)
    assert client.post(admin_url("approve", world["b_survey"]), {"action": "approve"}).status_code == 302
    assert Survey.objects.get(pk=world["b_survey"].pk).approved_at is not None
    assert client.get(admin_url("paper", world["b_survey"])).status_code == 403


def test_a_partners_change_to_an_approved_survey_waits_for_approval_again(client, world):
    survey = world["a_survey"]
    survey.approved_at = timezone.now()
    survey.save()
    signed_in(client, world["partner_a"])
    url = reverse("clpages_surveys_admin:edit", args=[survey.pk])
    data = form_data(client, url)
    data["title"] = "Renamed"
    response = client.post(url, {key: data.getlist(key) for key in data})
    assert response.status_code == 302, response.content.decode()[:2000]
    survey = Survey.objects.get(pk=survey.pk)
    assert survey.title == "Renamed" and survey.approved_at is None


def test_staff_enter_paper_answers_and_the_tallies_follow(client, world):
    survey, question = world["a_survey"], world["a_survey"].questions.get()
    signed_in(client, world["editor"])
    response = client.post(admin_url("paper", survey), {"answered_on": "2026-03-02", f"q{question.pk}": "4"})
    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.on_paper and str(stored.answered_on) == "2026-03-02"
    assert question.tally.answers == 1
    bad = client.post(admin_url("paper", survey), {"answered_on": "2026-03-02", f"q{question.pk}": "9"})
    assert bad.status_code == 400
    assert SurveyResponse.objects.count() == 1


def test_partners_cannot_enter_paper_answers_or_download_them(client, world):
    survey, question = world["a_survey"], world["a_survey"].questions.get()
    signed_in(client, world["partner_a"])
    response = client.post(admin_url("paper", survey), {"answered_on": "2026-03-02", f"q{question.pk}": "4"})
    assert response.status_code == 403
    assert client.get(admin_url("csv", survey)).status_code == 403
    assert not SurveyResponse.objects.exists()


def test_the_answers_spreadsheet_is_anonymous_and_safe_to_open(client, surveyed):
    from clpages.surveys.tallies import Given, record_answers

    q = surveyed["questions"]
    record_answers(
        surveyed["survey"], {q["agreement"]: Given(value=4), q["text"]: Given(text="=HYPERLINK(1)")}
    )
    admin = make_user("admin", is_superuser=True)
    signed_in(client, admin)
    response = client.get(admin_url("csv", surveyed["survey"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Response", "Answered on", "On paper"]
    assert rows[1][0] == "1" and "Agree" in rows[1] and "'=HYPERLINK(1)" in rows[1]


def test_the_paper_copy_has_a_named_qr_code_to_the_online_form(client, world):
    signed_in(client, world["partner_a"])
    response = client.get(admin_url("print", world["a_survey"]) + "?copies=3")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<article class="sheet"') == 3
    assert '<svg role="img" aria-label="QR code: answer online at http://testserver/survey/' in html
    assert "I learned something new." in html


def test_signed_in_users_without_rights_see_no_survey(client, world):
    nobody = make_user("nobody")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.login(username="nobody", password=PASSWORD)
    assert client.get(admin_url("index")).status_code in (302, 403)
    assert client.get(admin_url("overview", world["a_survey"])).status_code == 403


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"questions-0-kind": "text", "questions-0-feeds": "MEASURE", "questions-0-feed_as": "share"},
            "Free-text answers cannot feed",
        ),
        (
            {"questions-0-kind": "number", "questions-0-feeds": "MEASURE", "questions-0-feed_as": "share"},
            "Choose how answers to this question count",
        ),
        (
            {"questions-0-kind": "choice", "questions-0-options": "Only one"},
            "Give from 2 to 12 different options",
        ),
        ({"questions-0-kind": "learned"}, "This standard outcome is asked once already."),
        (
            {"questions-0-feeds": "MEASURE", "questions-0-feed_as": "mean"},
            "Another question of this survey feeds this measure already.",
        ),
        ({"kind": "follow_up"}, "Say how many weeks after the session"),
        ({"kind": "follow_up", "weeks_after": "5"}, "email addresses are erased 30 days after the session"),
    ],
)
def test_the_survey_form_refuses_what_cannot_be_counted(client, world, changes, message):
    signed_in(client, world["editor"])
    data = new_survey_data(client, world["a_evaluation"], world["a_measure"])
    for key, value in changes.items():
        data[key] = [str(world["a_measure"].pk) if value == "MEASURE" else value]
    response = client.post(admin_url("add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Survey.objects.filter(title="After story time").exists()


@pytest.mark.parametrize("view", ["history", "usage", "copy"])
def test_another_organisations_survey_history_usage_and_copy_are_refused(client, world, view):
    signed_in(client, world["partner_a"])
    other = world["b_survey"]
    response = client.get(admin_url(view, other))
    assert response.status_code == 403
    assert other.title not in response.content.decode()
    assert client.get(admin_url(view, world["a_survey"])).status_code == 200
