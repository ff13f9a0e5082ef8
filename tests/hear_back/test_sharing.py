"""Publishing results or what changed writes once to each confirmed request, then forgets it."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from clpages.models import EvaluationMeasure, HearBackRequest, MeasureResult
from tests.hear_back.conftest import ADDRESS, publish

pytestmark = pytest.mark.django_db


def test_publishing_findings_writes_once_to_a_confirmed_request_then_forgets_it(confirmed, results, sent):
    confirmed(results)
    publish(sent, results, findings="<p>Most families came back every week.</p>")
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == "Results are shared: How homework club went"
    assert results.get_full_url() in message.body
    assert "we have now erased your address" in message.body
    assert not HearBackRequest.objects.exists()
    publish(sent, results, what_changed="<p>A second club on Saturdays.</p>")
    assert len(mail.outbox) == 1


def test_nobody_unconfirmed_hears(ask, results, sent):
    ask(results)
    mail.outbox.clear()
    publish(sent, results, what_changed="<p>A second club on Saturdays.</p>")
    assert mail.outbox == []
    assert HearBackRequest.objects.get().confirmed_at is None


def test_each_confirmed_request_gets_its_one_email(confirmed, results, sent):
    for number in range(3):
        confirmed(results, email=f"reader{number}@example.org")
    publish(sent, results, findings="<p>Found.</p>")
    assert sorted(message.to[0] for message in mail.outbox) == [f"reader{n}@example.org" for n in range(3)]
    assert not HearBackRequest.objects.exists()


def test_those_who_asked_on_the_program_page_hear_about_its_results(confirmed, results, sent):
    confirmed(results.program)
    publish(sent, results, what_changed="<p>A second club.</p>")
    [message] = mail.outbox
    assert "How homework club went" in message.body
    assert message.subject == "Results are shared: Homework club"


def test_a_publication_with_nothing_new_to_share_writes_to_nobody(confirmed, results, sent):
    results = publish(sent, results, findings="<p>Found.</p>")
    confirmed(results)
    publish(sent, results, summary="A shorter summary.")
    publish(sent, results, findings="<p>Found.</p>")
    assert mail.outbox == []
    assert HearBackRequest.objects.exists()


def test_a_new_result_typed_in_the_page_is_news(confirmed, results, sent):
    confirmed(results)
    page = results.get_latest_revision().as_object()
    measure = EvaluationMeasure(name="Families who came back", kind="count")
    measure.entered_results.add(MeasureResult(date=datetime.date(2026, 3, 1), value=Decimal(12)))
    page.measures.add(measure)
    sent(lambda: page.save_revision().publish())
    assert len(mail.outbox) == 1


def test_a_results_page_published_privately_writes_to_nobody(confirmed, results, sent):
    confirmed(results)
    draft = results.get_latest_revision().as_object()
    draft.findings = "<p>Found.</p>"
    revision = draft.save_revision()
    results.unpublish()
    results.refresh_from_db()
    # Going live again, but behind a login: nothing of it is public to write about.
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=results, restriction_type=PageViewRestriction.LOGIN)
    sent(lambda: revision.publish())
    assert mail.outbox == []


def test_a_failed_send_keeps_the_request_and_logs_no_address(caplog, confirmed, monkeypatch, results, sent):
    import smtplib

    from django.core.mail import EmailMessage

    confirmed(results)

    def refuse(message):
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, b"no such user")})

    monkeypatch.setattr(EmailMessage, "send", refuse)
    publish(sent, results, findings="<p>Found.</p>")
    assert HearBackRequest.objects.filter(email=ADDRESS).exists()
    assert "was not sent (SMTPRecipientsRefused)" in caplog.text
    assert ADDRESS not in caplog.text


def test_deleting_the_page_erases_its_requests(confirmed, results):
    confirmed(results)
    results.delete()
    assert not HearBackRequest.objects.exists()


def test_a_new_you_said_we_did_line_is_news_and_so_is_its_status_moving_on(confirmed, results, sent):
    from clpages.models import EvaluationResponse

    confirmed(results)
    page = results.get_latest_revision().as_object()
    page.responses.add(EvaluationResponse(you_said="Later hours", we_did="Open till 8", status="under_way"))
    sent(lambda: page.save_revision().publish())
    assert len(mail.outbox) == 1
    confirmed(results)
    page = type(results).objects.get(pk=results.pk).get_latest_revision().as_object()
    page.responses.all()[0].status = "done"
    sent(lambda: page.save_revision().publish())
    assert len(mail.outbox) == 1
