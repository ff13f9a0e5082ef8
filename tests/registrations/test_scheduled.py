"""What runs on a schedule (`manage.py run_registrations`) and on publishing: reminders,
thank-yous, notices of a cancelled or changed session, and erasing personal data in time."""

import datetime
import io
import logging
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from clpages.models import SessionException
from clpages.registrations import places
from clpages.registrations.links import manage_path
from clpages.registrations.models import SERIES, Registration
from clpages.registrations.thank_you import THANK_YOU_LINK_HOOK
from tests.builders import make_program

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def clock(monkeypatch):
    """Moves the time every part of the site reads (timezone.now) to a chosen moment."""

    def travel(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return travel


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Runs the command as cron would, sending what it stores once its transaction commits."""

    def run_command():
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("run_registrations", stdout=out)
        return out.getvalue()

    return run_command


@pytest.fixture
def program_on(tree):
    """A program whose one session (or series) takes registrations here, starting at `start`."""

    def build(start, title="Family storytime", capacity=10, **fields):
        session = {"registration": "site", "capacity": capacity, **fields}
        program = make_program(tree["programs"], title, sessions=[(start, start + HOUR, session)])
        return program, program.sessions.get()

    return build


def soon(days=3):
    return (timezone.now() + days * DAY).replace(microsecond=0)


def register(session, email, name="Amina Yusuf", places_wanted=1, date_key=None, **needs):
    if date_key is None:
        date_key = SERIES if session.register_for_series else session.occurrences.get().key
    outcome = places.register(session.pk, date_key, name=name, email=email, places=places_wanted, **needs)
    return outcome.registration


def sent():
    """(address, subject) of every email sent since the last call, then forgets them."""
    messages = sorted((message.to[0], message.subject) for message in mail.outbox)
    mail.outbox.clear()
    return messages


def publish(program, **changes):
    """An editor changes the program's session and publishes it, as the page editor does."""
    page = program.get_latest_revision_as_object()
    session = page.sessions.all()[0]
    for name, value in changes.items():
        setattr(session, name, value)
    page.save_revision().publish()


# Reminders


def test_a_reminder_goes_once_to_confirmed_registrants_the_day_before(program_on, clock, run):
    start = soon()
    program, session = program_on(start, capacity=3)
    register(session, "amina@example.org", places_wanted=2)
    cancelled = register(session, "carl@example.org", name="Carl")
    register(session, "waiting@example.org", name="Wen", places_wanted=2)
    places.cancel(cancelled.pk)
    assert Registration.objects.get(email="waiting@example.org").status == "waitlisted"

    clock(start - 25 * HOUR)
    run()
    assert sent() == []

    clock(start - 23 * HOUR)
    assert "reminders: 1" in run()
    ((address, subject),) = [(m.to[0], m.subject) for m in mail.outbox]
    assert (address, subject) == ("amina@example.org", "A reminder: Family storytime")
    body = mail.outbox[0].body
    assert "Hello Amina Yusuf" in body and "Places: 2" in body and "/register/yours/" in body
    assert mail.outbox[0].attachments, "the date for their calendar"
    sent()

    clock(start - 22 * HOUR)
    assert "reminders: 0" in run()
    assert sent() == []


def test_how_many_hours_ahead_reminders_go_is_a_setting(program_on, clock, run, settings):
    start = soon()
    program, session = program_on(start)
    register(session, "amina@example.org")
    clock(start - 40 * HOUR)
    run()
    assert sent() == []
    settings.CLPAGES_REGISTRATION_REMINDER_HOURS = 48
    run()
    assert sent() == [("amina@example.org", "A reminder: Family storytime")]


def test_who_registered_within_the_reminder_hours_gets_no_reminder_on_top(program_on, run):
    program, session = program_on(soon(days=0) + 10 * HOUR)
    register(session, "amina@example.org")
    run()
    assert sent() == []


def test_a_whole_series_is_reminded_before_each_date_and_told_of_a_cancelled_one(program_on, clock, run):
    start = soon()
    program, session = program_on(start, repeat="weekly", repeat_count=3, register_for_series=True)
    third = start + 14 * DAY
    SessionException.objects.create(
        session=session,
        date=timezone.localtime(third).date(),
        change="cancelled",
        note="The library is closed.",
    )
    register(session, "amina@example.org")

    for date in (start, start + 7 * DAY):
        clock(date - 20 * HOUR)
        run()
        run()
        assert sent() == [("amina@example.org", "A reminder: Family storytime")]

    clock(third - 20 * HOUR)
    run()
    assert sent() == [("amina@example.org", "One date is cancelled: Family storytime")]
    run()
    assert sent() == []


# Thank-yous


def test_a_thank_you_goes_once_after_the_session_with_the_survey_link_an_app_gives(program_on, clock, run):
    start = soon()
    program, session = program_on(start)
    came = register(session, "amina@example.org")
    absent = register(session, "bo@example.org", name="Bo")
    Registration.objects.filter(pk=absent.pk).update(attended=False)
    Registration.objects.filter(pk=came.pk).update(attended=True)

    def survey_link(registration):
        return f"/surveys/{registration.session.program.slug}/"

    clock(start + 2 * HOUR)
    with hooks.register_temporarily(THANK_YOU_LINK_HOOK, survey_link):
        assert "thank-yous: 1" in run()
        (message,) = mail.outbox
        assert (message.to, message.subject) == (["amina@example.org"], "Thank you: Family storytime")
        assert "Thank you for coming to Family storytime" in message.body
        assert f"/surveys/{program.slug}/" in message.body and "://" in message.body
        assert not message.attachments
        sent()
        run()
    assert sent() == []


def test_without_a_survey_the_thank_you_has_no_link_and_an_old_session_gets_none(program_on, clock, run):
    start = soon()
    program, session = program_on(start)
    register(session, "amina@example.org")
    late = soon(days=7)
    other, later = program_on(late, title="Tea and talk")
    register(later, "amina@example.org")

    # Tea and talk ended an hour ago; Family storytime four days ago, and no run thanked for it.
    clock(late + 2 * HOUR)
    run()
    (message,) = mail.outbox
    assert message.subject == "Thank you: Tea and talk"
    assert "Thank you for registering for Tea and talk" in message.body
    assert "surveys" not in message.body and "Would you tell us" not in message.body
    sent()
    run()
    assert sent() == []


# Notices of a cancelled or changed session


def test_cancelling_the_session_tells_each_registrant_once_when_it_is_published(
    program_on, run, django_capture_on_commit_callbacks
):
    program, session = program_on(soon(), capacity=1)
    register(session, "amina@example.org")
    register(session, "waiting@example.org", name="Wen")
    elsewhere, untouched = program_on(soon(), title="Tea and talk")
    register(untouched, "bo@example.org", name="Bo")

    with django_capture_on_commit_callbacks(execute=True):
        publish(program, status="cancelled")
    assert sent() == [
        ("amina@example.org", "Cancelled: Family storytime"),
        ("waiting@example.org", "Cancelled: Family storytime"),
    ]
    message_body = Registration.objects.get(email="amina@example.org")
    assert message_body.told_start is None
    run()
    assert sent() == []


def test_a_moved_time_saved_outside_the_editor_is_told_by_the_command_once(program_on, run):
    start = soon()
    program, session = program_on(start)
    register(session, "amina@example.org")
    session.start, session.end = start + 2 * HOUR, start + 3 * HOUR
    session.save()

    run()
    (message,) = mail.outbox
    assert message.subject == "A new time or place: Family storytime"
    assert "has a new time." in message.body
    assert (
        places.moment_label(start) in message.body and places.moment_label(start + 2 * HOUR) in message.body
    )
    assert message.attachments, "the updated date for their calendar"
    sent()
    run()
    assert sent() == []


def test_a_changed_place_is_told_once_on_publishing(program_on, run, django_capture_on_commit_callbacks):
    program, session = program_on(soon())
    register(session, "amina@example.org")
    old_place = session.place_label

    with django_capture_on_commit_callbacks(execute=True):
        publish(program, address="The community centre, 12 Elm Street")
    (message,) = mail.outbox
    assert "has a new place." in message.body
    assert f"Before the change, the place: {old_place}" in message.body
    assert "Where: The community centre, 12 Elm Street" in message.body
    sent()
    run()
    assert sent() == []


def test_publishing_or_running_with_nothing_changed_sends_nothing(
    program_on, run, django_capture_on_commit_callbacks
):
    program, session = program_on(soon())
    register(session, "amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        publish(program, capacity=12)
    assert "change notices: 0" in run()
    assert sent() == []


def test_a_cancelled_date_of_a_series_tells_only_that_dates_registrants(program_on, run):
    start = soon()
    program, session = program_on(start, repeat="weekly", repeat_count=3)
    first, second, _ = session.occurrences.order_by("start")
    register(session, "first@example.org", date_key=first.key)
    register(session, "second@example.org", date_key=second.key)

    SessionException.objects.create(
        session=session, date=timezone.localtime(second.start).date(), note="The library is closed."
    )
    run()
    (message,) = mail.outbox
    assert (message.to, message.subject) == (["second@example.org"], "Cancelled: Family storytime")
    assert places.moment_label(second.start) in message.body and "The library is closed." in message.body
    sent()
    run()
    assert sent() == []


def test_a_date_of_a_series_cancelled_later_is_told_at_once_to_the_series_registrants_once(
    program_on, clock, run, django_capture_on_commit_callbacks
):
    start = soon()
    program, session = program_on(start, repeat="weekly", repeat_count=3, register_for_series=True)
    register(session, "amina@example.org")
    second = session.occurrences.order_by("start")[1]
    sent()

    page = program.get_latest_revision_as_object()
    page.sessions.all()[0].exceptions.add(
        SessionException(date=timezone.localtime(second.start).date(), note="The library is closed.")
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    (message,) = mail.outbox
    assert (message.to, message.subject) == (["amina@example.org"], "One date is cancelled: Family storytime")
    assert places.moment_label(second.start) in message.body and "The library is closed." in message.body
    sent()
    run()
    assert sent() == []
    # Its reminder does not say it again; the other dates' reminders still go.
    clock(second.start - 20 * HOUR)
    run()
    assert sent() == []
    clock(second.start + 7 * DAY - 20 * HOUR)
    run()
    assert sent() == [("amina@example.org", "A reminder: Family storytime")]


def test_a_moved_date_of_a_series_and_its_return_are_each_told_once(program_on, run):
    start = soon()
    program, session = program_on(start, repeat="weekly", repeat_count=3, register_for_series=True)
    register(session, "amina@example.org")
    register(session, "ben@example.org", date_key=SERIES)
    second = session.occurrences.order_by("start")[1]
    day = timezone.localtime(second.start).date()
    sent()

    change = SessionException.objects.create(
        session=session, date=day, change="moved", new_start=second.start + 2 * HOUR
    )
    session.save()  # saved outside the editor: the command tells it
    run()
    messages = sorted(mail.outbox, key=lambda message: message.to)
    assert [(m.to[0], m.subject) for m in messages] == [
        ("amina@example.org", "One date has a new time: Family storytime"),
        ("ben@example.org", "One date has a new time: Family storytime"),
    ]
    body = messages[0].body
    assert places.moment_label(second.start + 2 * HOUR) in body
    assert f"Before the change: {places.moment_label(second.start)}" in body
    sent()
    run()
    assert sent() == []

    change.delete()
    session.save()
    run()
    assert sent() == [
        ("amina@example.org", "One date has a new time: Family storytime"),
        ("ben@example.org", "One date has a new time: Family storytime"),
    ]
    run()
    assert sent() == []


def test_a_series_registrant_is_not_told_of_changes_made_before_they_registered(program_on, run):
    start = soon()
    program, session = program_on(start, repeat="weekly", repeat_count=3, register_for_series=True)
    second = session.occurrences.order_by("start")[1]
    SessionException.objects.create(session=session, date=timezone.localtime(second.start).date())
    session.save()
    register(session, "amina@example.org")
    sent()
    run()
    assert sent() == []


def test_a_session_back_on_after_a_cancellation_is_told_too(program_on, run):
    program, session = program_on(soon())
    register(session, "amina@example.org")
    session.status = "cancelled"
    session.save()
    run()
    assert sent() == [("amina@example.org", "Cancelled: Family storytime")]
    session.status = "scheduled"
    session.save()
    run()
    (message,) = mail.outbox
    assert "goes ahead, as below, and you are still registered" in message.body
    sent()
    run()
    assert sent() == []


# Patron privacy


def test_personal_data_is_erased_after_the_kept_days_keeping_the_counts(program_on, client, clock, run):
    start = soon()
    program, session = program_on(start, capacity=2)
    came = register(
        session, "amina@example.org", places_wanted=2, phone="555 0100", interpreter=True,
        interpreter_language="ASL", other_needs="A chair near the door",
    )  # fmt: skip
    waiting = register(session, "waiting@example.org", name="Wen")
    Registration.objects.filter(pk=came.pk).update(attended=True)
    link = manage_path(came)
    upcoming, later = program_on(soon(days=40), title="Tea and talk")

    clock(start + HOUR + 29 * DAY)
    run()
    clock(start + HOUR + 30 * DAY + HOUR)
    later_one = register(later, "bo@example.org", name="Bo")
    assert "registrations erased (30 days after their date): 2" in run()

    came.refresh_from_db()
    waiting.refresh_from_db()
    for registration in (came, waiting):
        assert registration.erased_at is not None
        assert (registration.name, registration.email, registration.phone) == ("", "", "")
        assert registration.access_needs == []
    assert (came.status, came.places, came.attended) == ("confirmed", 2, True)
    assert (waiting.status, waiting.places) == ("waitlisted", 1)
    assert Registration.objects.get(pk=later_one.pk).email == "bo@example.org"

    response = client.get(link)
    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()
    assert "registrations erased (30 days after their date): 0" in run()


def test_how_long_personal_data_is_kept_is_a_setting_the_form_states(
    program_on, client, clock, run, settings
):
    settings.CLPAGES_REGISTRATION_KEEP_DAYS = 7
    start = soon()
    program, session = program_on(start)
    register(session, "amina@example.org")
    form_url = reverse("clpages_registrations:register", args=[session.pk, session.occurrences.get().key])
    form = client.get(form_url).content.decode()
    assert "erase them 7 days after the session" in form

    clock(start + 8 * DAY)
    assert "registrations erased (7 days after their date): 1" in run()


def test_the_command_and_the_logs_hold_no_personal_data(program_on, clock, run, caplog):
    start = soon()
    program, session = program_on(start)
    register(session, "amina@example.org", phone="555 0100")
    caplog.set_level(logging.DEBUG)
    outputs = []
    for moment in (start - 20 * HOUR, start + 2 * HOUR, start + 31 * DAY):
        clock(moment)
        outputs.append(run())
    assert len(mail.outbox) == 2
    text = "".join(outputs) + caplog.text
    for personal in ("Amina", "Yusuf", "amina@example.org", "555 0100"):
        assert personal not in text


def test_a_failed_email_is_logged_without_the_address(program_on, clock, run, caplog, monkeypatch):
    start = soon()
    program, session = program_on(start)
    register(session, "amina@example.org")

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"amina@example.org": (550, b"No such user amina@example.org")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    clock(start - 20 * HOUR)
    with caplog.at_level(logging.DEBUG):
        assert "reminders: 1" in run()
    assert "was not sent (SMTPRecipientsRefused)" in caplog.text
    assert "amina@example.org" not in caplog.text


# The worker


def test_in_production_the_command_stores_emails_for_the_worker_to_send(
    program_on, clock, run, settings, monkeypatch
):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # Between tasks the worker closes database connections left in a transaction, as a request
    # ends; here that would be the test's own, which holds everything this test wrote.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    start = soon()
    program, session = program_on(start)
    registration = register(session, "amina@example.org")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    clock(start - 20 * HOUR)
    run()
    assert mail.outbox == []
    (stored,) = DBTaskResult.objects.all()
    assert stored.args_kwargs["args"][:2] == [registration.pk, "reminder"]
    assert "amina" not in str(stored.args_kwargs)

    # The worker sets its loggers' levels for the whole process: put them back for later tests.
    levels = {name: logging.getLogger(name).level for name in ("django_tasks", "django_tasks_db")}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    assert sent() == [("amina@example.org", "A reminder: Family storytime")]
    stored.refresh_from_db()
    assert stored.status == "SUCCESSFUL"
