"""The admin side of listening: questions, approval, the moderation queue and the spreadsheet,
each kept to what the person's permissions and organisations allow."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from clpages.listening.models import AnswerStatus, ListeningAnswer, ListeningQuestion
from tests.builders import count_queries, make_user
from tests.listening.conftest import answer, ask

pytestmark = pytest.mark.django_db


def admin(name, *args):
    return reverse(f"clpages_listening_admin:{name}", args=args)


def logged_in(user, csrf=False):
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def state():
    return (
        list(
            ListeningQuestion.objects.order_by("pk").values_list(
                "pk", "page_id", "text", "is_open", "approved_at"
            )
        ),
        list(
            ListeningAnswer.objects.order_by("pk").values_list("pk", "status", "moderated_by", "moderated_at")
        ),
    )


@pytest.fixture
def asked(world):
    a_question = ask(world["a_program"], "What matters to you about story time?")
    b_question = ask(world["b_program"], "What matters to you about the zine lab?")
    return {
        **world,
        "a_question": a_question,
        "b_question": b_question,
        "quotable": answer(a_question, "More picture books in Dari", consent=True, language=world["english"]),
        "private": answer(a_question, "My son is shy", consent=False),
        "b_answer": answer(b_question, '=HYPERLINK("http://evil.example")', consent=True),
    }


# -- questions ---------------------------------------------------------------------------------


def test_a_partner_lists_only_the_questions_of_pages_their_organisation_co_leads(asked):
    body = logged_in(asked["partner_a"]).get(admin("index")).content.decode()
    assert "What matters to you about story time?" in body
    assert "zine lab" not in body
    editor_view = logged_in(asked["editor"]).get(admin("index")).content.decode()
    assert "story time" in editor_view and "zine lab" in editor_view


def test_a_partner_question_waits_for_the_library_before_it_shows(asked):
    partner = logged_in(asked["partner_a"])
    form = partner.get(admin("add")).content.decode()
    assert "Homework Help Club" in form and "Teen zine lab" not in form
    response = partner.post(
        admin("add"),
        {"page": asked["ab_program"].pk, "text": "What would help with homework?", "is_open": "on"},
    )
    assert response.status_code == 302
    question = ListeningQuestion.objects.get(text="What would help with homework?")
    assert question.approved_at is None and question.set_by == asked["partner_a"]
    assert "What would help with homework?" not in Client().get(asked["ab_program"].url).content.decode()

    assert partner.post(admin("approve", question.pk)).status_code == 403
    question.refresh_from_db()
    assert question.approved_at is None

    assert logged_in(asked["editor"]).post(admin("approve", question.pk)).status_code == 302
    question.refresh_from_db()
    assert question.approved_by == asked["editor"]
    assert "What would help with homework?" in Client().get(asked["ab_program"].url).content.decode()


def test_a_partner_changing_the_words_sends_the_question_back_for_approval(asked):
    question = asked["a_question"]
    partner = logged_in(asked["partner_a"])
    data = {"page": question.page_id, "text": question.text}
    assert partner.post(admin("edit", question.pk), data).status_code == 302  # closed, same words
    question.refresh_from_db()
    assert not question.is_open and question.is_approved
    partner.post(admin("edit", question.pk), {**data, "text": "What matters most to you?", "is_open": "on"})
    question.refresh_from_db()
    assert question.is_open and not question.is_approved


def test_a_partner_cannot_set_a_question_on_another_organisations_page(asked):
    before = state()
    partner = logged_in(asked["partner_a"])
    refused = partner.post(admin("add"), {"page": asked["b_program"].pk, "text": "Sneaky?", "is_open": "on"})
    assert refused.status_code == 400
    assert "Choose one of the pages listed." in refused.content.decode()
    b_question = asked["b_question"]
    assert partner.get(admin("edit", b_question.pk)).status_code == 403
    data = {"page": asked["a_program"].pk, "text": "Moved?", "is_open": "on"}
    assert partner.post(admin("edit", b_question.pk), data).status_code == 403
    assert state() == before


def test_someone_in_the_admin_without_listening_rights_is_refused(asked):
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = logged_in(outsider)
    for url in (admin("index"), admin("add"), admin("answers", asked["a_question"].pk)):
        assert client.get(url).status_code == 403
    assert admin("index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    menu = logged_in(asked["partner_a"]).get(reverse("wagtailadmin_home")).content.decode()
    assert admin("index") in menu


def test_rights_come_from_permissions_not_from_group_names(asked):
    moderators = Group.objects.create(name="Anyone at all")
    moderators.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_listeninganswer"])
    )
    moderator = make_user("moderator")
    moderator.groups.add(moderators)
    response = logged_in(moderator).post(
        admin("moderate", asked["b_question"].pk), {"answer": asked["b_answer"].pk, "action": "keep"}
    )
    assert response.status_code == 302
    asked["b_answer"].refresh_from_db()
    assert asked["b_answer"].status == AnswerStatus.KEPT
    # Not allowed to set questions: that is another permission.
    assert logged_in(moderator).get(admin("add")).status_code == 403


# -- the moderation queue ----------------------------------------------------------------------


def test_the_queue_filters_by_status(asked):
    asked["private"].status = AnswerStatus.HIDDEN
    asked["private"].save()
    client = logged_in(asked["partner_a"])
    new = client.get(admin("answers", asked["a_question"].pk)).content.decode()
    assert "More picture books in Dari" in new and "My son is shy" not in new
    hidden = client.get(admin("answers", asked["a_question"].pk), {"shown": "hidden"}).content.decode()
    assert "My son is shy" in hidden and "More picture books in Dari" not in hidden
    every = client.get(admin("answers", asked["a_question"].pk), {"shown": "all"}).content.decode()
    assert "My son is shy" in every and "More picture books in Dari" in every


def test_a_co_lead_promotes_an_answer_with_consent_and_who_did_it_is_recorded(asked):
    client = logged_in(asked["partner_a"])
    url = admin("moderate", asked["a_question"].pk)
    assert client.post(url, {"answer": asked["quotable"].pk, "action": "promote"}).status_code == 302
    quote = ListeningAnswer.objects.get(pk=asked["quotable"].pk)
    assert quote.status == AnswerStatus.PROMOTED
    assert quote.moderated_by == asked["partner_a"] and quote.moderated_at is not None
    assert quote.language == asked["english"]
    assert "More picture books in Dari" in Client().get(asked["a_program"].url).content.decode()


def test_an_answer_without_consent_is_never_promoted(asked):
    before = state()
    client = logged_in(asked["editor"])
    response = client.post(
        admin("moderate", asked["a_question"].pk),
        {"answer": asked["private"].pk, "action": "promote"},
        follow=True,
    )
    assert "did not agree to be quoted" in response.content.decode()
    assert state() == before
    assert "My son is shy" not in Client().get(asked["a_program"].url).content.decode()


def test_forged_moderation_is_refused_and_changes_nothing(asked):
    before = state()
    url = admin("moderate", asked["a_question"].pk)
    data = {"answer": asked["quotable"].pk, "action": "promote"}
    assert logged_in(asked["partner_b"]).post(url, data).status_code == 403
    # An answer of another question, posted to a question the partner co-leads.
    other = {"answer": asked["b_answer"].pk, "action": "hide"}
    logged_in(asked["partner_a"]).post(url, other)
    assert logged_in(asked["editor"], csrf=True).post(url, data).status_code == 403
    assert logged_in(asked["editor"]).get(url).status_code == 405
    viewer = make_user("viewer")
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_listeninganswer"])
    )
    assert logged_in(viewer).post(url, data).status_code == 403
    assert Client().post(url, data).status_code == 302  # to the sign-in page
    assert state() == before


# -- the spreadsheet ---------------------------------------------------------------------------


def test_the_spreadsheet_is_for_staff_and_co_leads_with_formula_safe_cells(asked):
    url = admin("csv", asked["b_question"].pk)
    assert logged_in(asked["partner_a"]).get(url).status_code == 403
    for user in (asked["editor"], asked["partner_b"]):
        response = logged_in(user).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert "no-cache" in response["Cache-Control"]
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][:2] == ["Received", "Answer"]
        assert rows[1][1] == '\'=HYPERLINK("http://evil.example")'


def test_the_queue_costs_the_same_queries_for_10_or_100_answers(asked):
    question = asked["a_question"]
    client = logged_in(asked["partner_a"])
    ListeningAnswer.objects.bulk_create(
        ListeningAnswer(question=question, text=f"Answer {n}", language=asked["english"]) for n in range(10)
    )
    at_10 = count_queries(client, admin("answers", question.pk))
    index_10 = count_queries(client, admin("index"))
    ListeningAnswer.objects.bulk_create(
        ListeningAnswer(question=question, text=f"Answer {n}", language=asked["arabic"]) for n in range(90)
    )
    for n in range(5):
        ask(asked["a_program"], f"Question {n}?")
    assert count_queries(client, admin("answers", question.pk)) == at_10
    assert count_queries(client, admin("index")) == index_10
