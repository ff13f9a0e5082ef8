"""Sessions that repeat weekly, every two weeks or monthly, with single dates cancelled or moved.

The moment is the programs catalogue's (tests/program_catalogue.py): Wednesday 18 November 2026,
10:00 in Toronto. The series used here meets on Tuesdays from 3 November, 6 to 7:30 PM.
"""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clpages import recurrence
from clpages.models import ProgramPage, ProgramSession, SessionException, SessionOccurrence
from clpages.models.programs import refresh_last_session_end
from clpages.recurrence import Change, Repeat
from clpages.stages import SessionStatus
from tests.factories import build_partner_world, make_location
from tests.program_catalogue import TORONTO, add_program, at

pytestmark = pytest.mark.django_db

LENGTH = datetime.timedelta(hours=1, minutes=30)


def local(moment):
    return moment.astimezone(TORONTO)


def add_series(program, start=None, repeat=Repeat.WEEKLY, count=8, until=None, changes=(), **fields):
    """A session of `program` repeating from `start` (Tuesday 3 November 2026, 6 PM), its changes
    to single dates given as (date, change, new start, note)."""
    start = start or at(11, 3, 18)
    fields.setdefault("address", "Central Library, 200 Market Square")
    session = ProgramSession(
        program=program,
        start=start,
        end=start + LENGTH,
        repeat=repeat,
        repeat_count=count,
        repeat_until=until,
        **fields,
    )
    for day, change, new_start, note in changes:
        session.exceptions.add(SessionException(date=day, change=change, new_start=new_start, note=note))
    session.save()
    return session


def cafe_changes():
    """1 December cancelled; 8 December moved to Thursday 10 December, same time."""
    return [
        (datetime.date(2026, 12, 1), Change.CANCELLED, None, "The library is closed for the holiday."),
        (datetime.date(2026, 12, 8), Change.MOVED, at(12, 10, 18), "We meet on <Thursday> this week."),
    ]


@pytest.fixture
def cafe(tree, frozen):
    program = add_program(tree["programs"], "Conversation Café")
    add_series(program, changes=cafe_changes())
    return ProgramPage.objects.get(pk=program.pk)


def stored_dates(program):
    return list(SessionOccurrence.objects.filter(program=program).order_by("start"))


# The rule: dates from plain fields -----------------------------------------------------------


def test_weekly_series_keeps_its_local_time_across_a_clock_change(settings):
    settings.TIME_ZONE = "America/Toronto"
    # Clocks go forward on Sunday 14 March 2027.
    start = datetime.datetime(2027, 3, 2, 18, tzinfo=TORONTO)
    planned = recurrence.plan(start, start + LENGTH, Repeat.WEEKLY, count=4)
    assert [local(date.start).date() for date in planned] == [
        datetime.date(2027, 3, day) for day in (2, 9, 16, 23)
    ]
    assert {(local(date.start).hour, local(date.end).minute) for date in planned} == {(18, 30)}
    assert [date.position for date in planned] == [0, 1, 2, 3]


def test_every_two_weeks_until_a_last_date_includes_that_date(settings):
    settings.TIME_ZONE = "America/Toronto"
    start = datetime.datetime(2027, 1, 5, 10, tzinfo=TORONTO)
    planned = recurrence.plan(start, start + LENGTH, Repeat.FORTNIGHTLY, until=datetime.date(2027, 2, 16))
    assert [local(date.start).date().isoformat() for date in planned] == [
        "2027-01-05",
        "2027-01-19",
        "2027-02-02",
        "2027-02-16",
    ]


def test_monthly_on_the_same_weekday_of_the_month(settings):
    settings.TIME_ZONE = "America/Toronto"
    second_tuesday = datetime.datetime(2027, 3, 9, 18, tzinfo=TORONTO)
    planned = recurrence.plan(second_tuesday, second_tuesday + LENGTH, Repeat.MONTHLY, count=4)
    assert [local(date.start).date().isoformat() for date in planned] == [
        "2027-03-09",
        "2027-04-13",
        "2027-05-11",
        "2027-06-08",
    ]
    # A fifth Tuesday goes on as the last Tuesday: most months have no fifth one.
    fifth_tuesday = datetime.datetime(2027, 3, 30, 18, tzinfo=TORONTO)
    planned = recurrence.plan(fifth_tuesday, fifth_tuesday + LENGTH, Repeat.MONTHLY, count=3)
    assert [local(date.start).date().isoformat() for date in planned] == [
        "2027-03-30",
        "2027-04-27",
        "2027-05-25",
    ]


def test_changes_cancel_or_move_single_dates(settings):
    settings.TIME_ZONE = "America/Toronto"
    start = at(11, 3, 18)
    changes = [
        SimpleNamespace(date=d, change=c, new_start=n, new_end=None, note=note)
        for d, c, n, note in cafe_changes()
    ]
    # A change to a date the series does not have is left out.
    changes.append(
        SimpleNamespace(
            date=datetime.date(2026, 12, 2), change=Change.CANCELLED, new_start=None, new_end=None, note=""
        )
    )
    planned = recurrence.plan(start, start + LENGTH, Repeat.WEEKLY, count=8, changes=changes)
    by_date = {local(date.original_start).date(): date for date in planned}
    assert len(planned) == 8
    cancelled, moved = by_date[datetime.date(2026, 12, 1)], by_date[datetime.date(2026, 12, 8)]
    assert (cancelled.change, cancelled.note) == (Change.CANCELLED, "The library is closed for the holiday.")
    assert cancelled.start == at(12, 1, 18)
    assert moved.change == Change.MOVED
    assert (moved.start, moved.end) == (at(12, 10, 18), at(12, 10, 19, 30))  # the same length
    assert sum(1 for date in planned if date.change) == 2


@pytest.mark.parametrize(
    "repeat, until, count, field, message",
    [
        (Repeat.WEEKLY, None, None, "repeat_until", "Say when the series ends"),
        (Repeat.WEEKLY, datetime.date(2026, 12, 1), 4, "repeat_count", "not both"),
        (Repeat.WEEKLY, datetime.date(2026, 11, 2), None, "repeat_until", "on or after the first session"),
        (Repeat.WEEKLY, None, 0, "repeat_count", "at least one session"),
        (Repeat.WEEKLY, None, 53, "repeat_count", "at most 52 sessions"),
        (Repeat.WEEKLY, datetime.date(2027, 12, 31), None, "repeat_until", "more than 52 sessions"),
        (Repeat.NONE, datetime.date(2026, 12, 1), None, "repeat_until", "for a session that repeats"),
        (Repeat.NONE, None, 3, "repeat_count", "for a session that repeats"),
    ],
)
def test_a_series_that_cannot_be_planned_says_why(settings, repeat, until, count, field, message):
    settings.TIME_ZONE = "America/Toronto"
    start = at(11, 3, 18)
    problems = recurrence.series_problems(start, start + LENGTH, repeat, until, count, 52)
    assert list(problems) == [field]
    assert message in problems[field]


def test_a_series_within_the_cap_has_no_problem(settings):
    settings.TIME_ZONE = "America/Toronto"
    start = at(11, 3, 18)
    assert recurrence.series_problems(start, start + LENGTH, Repeat.WEEKLY, None, 52, 52) == {}
    year = datetime.date(2027, 10, 26)  # the 52nd Tuesday
    assert recurrence.series_problems(start, start + LENGTH, Repeat.WEEKLY, year, None, 52) == {}


def test_series_is_described_in_words(settings):
    settings.TIME_ZONE = "America/Toronto"
    start = at(11, 3, 18)
    session = ProgramSession(start=start, end=start + LENGTH, repeat=Repeat.WEEKLY, repeat_count=8)
    assert session.describe_series() == "Every Tuesday, 6:00 PM to 7:30 PM, until Tuesday 22 December 2026"
    session.repeat = Repeat.MONTHLY
    session.repeat_count = 3
    assert session.describe_series() == (
        "The 1st Tuesday of each month, 6:00 PM to 7:30 PM, until Tuesday 5 January 2027"
    )
    session.repeat = Repeat.NONE
    assert session.describe_series() == ""


# Stored dates follow the session and its changes ---------------------------------------------


def test_a_weekly_series_stores_every_date_with_its_changes(cafe):
    dates = stored_dates(cafe)
    assert [local(date.start).date().isoformat() for date in dates] == [
        "2026-11-03",
        "2026-11-10",
        "2026-11-17",
        "2026-11-24",
        "2026-12-01",
        "2026-12-10",  # moved from Tuesday 8 December
        "2026-12-15",
        "2026-12-22",
    ]
    by_day = {local(date.start).date().isoformat(): date for date in dates}
    assert by_day["2026-12-01"].status == SessionStatus.CANCELLED
    assert by_day["2026-12-10"].is_moved and by_day["2026-12-10"].status == SessionStatus.SCHEDULED
    assert local(by_day["2026-12-10"].original_start).date() == datetime.date(2026, 12, 8)
    # "Upcoming?" reads the last date of the series, not the first session's end.
    assert cafe.last_session_end == at(12, 22, 19, 30)


def test_changing_or_removing_a_change_rebuilds_the_dates(cafe):
    change = SessionException.objects.get(change=Change.CANCELLED)
    change.date = datetime.date(2026, 12, 15)
    change.save()
    cancelled = [local(d.start).date().isoformat() for d in stored_dates(cafe) if d.is_cancelled]
    assert cancelled == ["2026-12-15"]
    change.delete()
    assert not [d for d in stored_dates(cafe) if d.is_cancelled]


def test_a_series_made_longer_or_shorter_moves_the_last_date(cafe):
    session = cafe.sessions.get()
    session.repeat_count = 3
    session.save()
    assert len(stored_dates(cafe)) == 3
    assert ProgramPage.objects.get(pk=cafe.pk).last_session_end == at(11, 17, 19, 30)
    session.repeat_count, session.repeat = None, Repeat.NONE
    session.save()
    assert [date.start for date in stored_dates(cafe)] == [at(11, 3, 18)]


def test_deleting_a_series_deletes_its_dates(cafe):
    cafe.sessions.get().delete()
    assert not SessionOccurrence.objects.exists()
    assert ProgramPage.objects.get(pk=cafe.pk).last_session_end is None


def test_publishing_a_revision_with_a_series_stores_its_dates(tree, frozen):
    program = add_program(tree["programs"], "Seed swap")
    page = ProgramPage.objects.get(pk=program.pk)
    start = at(11, 24, 18)
    session = ProgramSession(
        start=start, end=start + LENGTH, address="x", repeat=Repeat.FORTNIGHTLY, repeat_count=3
    )
    session.exceptions.add(SessionException(date=datetime.date(2026, 12, 8), change=Change.CANCELLED))
    page.sessions.add(session)
    page.save_revision()
    assert not stored_dates(program)  # a draft changes nothing public
    Revision.objects.filter(object_id=str(program.pk)).latest("created_at", "pk").publish()
    dates = stored_dates(program)
    assert [(local(d.start).date().isoformat(), d.status) for d in dates] == [
        ("2026-11-24", "scheduled"),
        ("2026-12-08", "cancelled"),
        ("2026-12-22", "scheduled"),
    ]


@override_settings(CLPAGES_MAX_OCCURRENCES=5)
def test_stored_dates_never_pass_the_cap(tree, frozen):
    program = add_program(tree["programs"], "Long series")
    session = ProgramSession(
        program=program, start=at(11, 3, 18), end=at(11, 3, 19), address="x", repeat="weekly"
    )
    session.save()  # no end given outside a form: the cap still holds
    assert len(stored_dates(program)) == 5


def test_bulk_written_sessions_get_their_dates_on_refresh(tree, frozen):
    program = add_program(tree["programs"], "Imported")
    start = at(11, 24, 18)
    ProgramSession.objects.bulk_create(
        [
            ProgramSession(
                program=program, start=start, end=start + LENGTH, address="x", repeat="weekly", repeat_count=4
            )
        ]
    )
    assert not stored_dates(program)
    refresh_last_session_end([program.pk])
    assert len(stored_dates(program)) == 4
    assert ProgramPage.objects.get(pk=program.pk).last_session_end == at(12, 15, 19, 30)


def test_the_migration_gives_existing_sessions_one_date_each(tree, frozen):
    program = add_program(tree["programs"], "Older", sessions=[(at(11, 20, 10), at(11, 20, 11), {})])
    SessionOccurrence.objects.all().delete()
    fill = importlib.import_module("clpages.migrations.0013_session_series").one_date_per_session
    fill(apps, None)
    (date,) = stored_dates(program)
    assert (date.start, date.end, date.position, date.original_start) == (
        at(11, 20, 10),
        at(11, 20, 11),
        0,
        at(11, 20, 10),
    )


def test_a_preview_works_out_the_drafts_dates_in_memory(tree, frozen):
    program = add_program(tree["programs"], "Draft series")
    page = ProgramPage.objects.get(pk=program.pk)
    session = ProgramSession(
        start=at(11, 17, 18), end=at(11, 17, 19), address="x", repeat="weekly", repeat_count=3
    )
    session.exceptions.add(SessionException(date=datetime.date(2026, 11, 24), change=Change.CANCELLED))
    page.sessions.add(session)
    dates = page.upcoming_dates(preview=True)
    assert [(local(d.start).date().isoformat(), d.status) for d in dates] == [
        ("2026-11-24", "cancelled"),
        ("2026-12-01", "scheduled"),
    ]
    assert not stored_dates(program)


# What patrons see -----------------------------------------------------------------------------


def test_program_page_lists_upcoming_dates_with_cancelled_and_moved_ones_marked(client, cafe):
    html = client.get(cafe.url).content.decode()
    start = html.index('id="sessions-heading"')
    section = html[start : html.index("calendar.ics", start)]
    assert "Every Tuesday, 6:00 PM to 7:30 PM, until Tuesday 22 December 2026" in section
    assert section.count("<li class=") == 5  # 24 Nov to 22 Dec: the earlier dates are over
    cancelled = section[section.index("Tuesday 1 December 2026") :]
    assert cancelled[: cancelled.index("</li>")].count("Cancelled") == 1
    assert "The library is closed for the holiday." in cancelled[: cancelled.index("</li>")]
    moved = section[section.index("Thursday 10 December 2026") :]
    moved = moved[: moved.index("</li>")]
    assert 'badge--moved">Moved</span>' in moved
    assert "Moved from <time" in moved and "Tuesday 8 December 2026, 6:00 PM" in moved
    # Partner text is escaped.
    assert "We meet on &lt;Thursday&gt; this week." in moved
    assert "<Thursday>" not in html


@override_settings(CLPAGES_MAX_OCCURRENCES=52)
def test_program_page_lists_at_most_sixty_dates(client, tree, frozen):
    from clpages.models.programs import UPCOMING_DATES_SHOWN

    program = add_program(tree["programs"], "Busy")
    add_series(program, start=at(11, 24, 18), count=40)
    add_series(program, start=at(11, 25, 18), count=40)
    response = client.get(program.url)
    assert len(response.context["sessions"]) == UPCOMING_DATES_SHOWN
    assert "Only the next 60 dates are listed here" in response.content.decode()


def test_listing_counts_a_series_that_started_weeks_ago(client, tree, cafe):
    response = client.get(tree["programs"].url)
    (card,) = [program for program in response.context["items"] if program.pk == cafe.pk]
    # The first session ended on 3 November; the series goes on.
    assert card.next_session.start == at(11, 24, 18)
    assert ProgramPage.objects.upcoming(planned=False).filter(pk=cafe.pk).exists()


@pytest.mark.parametrize(
    "day, found",
    [
        ("2026-11-24", True),
        ("2026-12-01", False),  # cancelled: never a reason to list the program
        ("2026-12-08", False),  # moved away from that day
        ("2026-12-10", True),  # ... to this one
        ("2026-12-29", False),  # after the series
    ],
)
def test_listing_date_filters_read_every_date_of_the_series(client, tree, cafe, day, found):
    response = client.get(tree["programs"].url, {"date_from": day, "date_to": day})
    assert (cafe.pk in [program.pk for program in response.context["items"]]) is found


# The program editor ---------------------------------------------------------------------------


def _session_form(start, end, location, repeat="none", until="", count="", changes=()):
    return {
        "start": start,
        "end": end,
        "location": location.pk,
        "address": "",
        "format": "in_person",
        "online_url": "",
        "registration": "none",
        "registration_url": "",
        "places_per_registration": "4",
        "capacity": "",
        "status": "scheduled",
        "repeat": repeat,
        "repeat_until": until,
        "repeat_count": count,
        "exceptions": inline_formset(list(changes)),
    }


def _change_form(day, change="cancelled", new_start="", new_end="", note=""):
    return {"date": day, "change": change, "new_start": new_start, "new_end": new_end, "note": note}


def _program_form(sessions, title="Conversation Café"):
    return nested_form_data(
        {
            "title": title,
            "slug": "conversation-cafe",
            "summary": "Practise English or French in a relaxed group.",
            "stage": "4",
            "body": streamfield([]),
            "community_goals": rich_text(""),
            "success_looks_like": rich_text(""),
            "tags": "",
            "is_free": "on",
            "sessions": inline_formset(sessions),
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("librarian", "librarian@example.org", "pw"))
    return client


def add_url(tree):
    return reverse("wagtailadmin_pages:add", args=("clpages", "programpage", tree["programs"].pk))


def test_editor_shows_the_repeat_fields_in_their_own_panel(editor, tree, frozen):
    program = add_program(tree["programs"], "Seed swap", sessions=[(at(11, 24, 18), at(11, 24, 19), {})])
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(program.pk,))).content.decode()
    assert "Repeats" in html and "Changes to single dates" in html
    for name in ("repeat", "repeat_until", "repeat_count", "exceptions-TOTAL_FORMS"):
        assert f'name="sessions-0-{name}"' in html, name
    # The template for a change added in the browser, inside the template for a new session.
    assert "sessions-__prefix__-exceptions-__prefix__-date" in html


def test_editor_creates_a_weekly_series_with_a_cancelled_and_a_moved_date(editor, tree, frozen):
    location = make_location()
    changes = [
        _change_form("2026-12-01", note="Closed for the holiday."),
        _change_form("2026-12-08", "moved", "2026-12-10 18:00"),
    ]
    session = _session_form(
        "2026-11-24 18:00", "2026-11-24 19:30", location, "weekly", count="5", changes=changes
    )
    data = _program_form([session])
    data["action-publish"] = "action-publish"
    response = editor.post(add_url(tree), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    program = ProgramPage.objects.get(slug="conversation-cafe")
    dates = stored_dates(program)
    assert [(local(d.start).date().isoformat(), d.status, d.change) for d in dates] == [
        ("2026-11-24", "scheduled", ""),
        ("2026-12-01", "cancelled", "cancelled"),
        ("2026-12-10", "scheduled", "moved"),
        ("2026-12-15", "scheduled", ""),
        ("2026-12-22", "scheduled", ""),
    ]
    assert dates[1].note == "Closed for the holiday."


@pytest.mark.parametrize(
    "session_changes, message",
    [
        (
            {"changes": [_change_form("2026-12-02")]},
            "This series has no session on Wednesday 2 December 2026.",
        ),
        (
            {"changes": [_change_form("2026-12-01"), _change_form("2026-12-01", note="again")]},
            "Tuesday 1 December 2026 already has a change in this series.",
        ),
        (
            {"changes": [_change_form("2026-12-01", "moved")]},
            "Give the new date and time of the moved session.",
        ),
        ({"count": "60"}, "A series can have at most 52 sessions."),
        ({"count": "", "until": "2027-12-31"}, "This series would have more than 52 sessions."),
        ({"count": "", "until": "2026-11-01"}, "The last date must be on or after the first session"),
        ({"count": "4", "until": "2026-12-15"}, "Give a last date or a number of sessions, not both."),
    ],
)
def test_editor_is_told_what_is_wrong_with_a_series_and_nothing_is_saved(
    editor, tree, frozen, session_changes, message
):
    location = make_location()
    fields = {"count": "5", "until": "", "changes": ()} | session_changes
    session = _session_form("2026-11-24 18:00", "2026-11-24 19:30", location, "weekly", **fields)
    response = editor.post(add_url(tree), _program_form([session]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProgramPage.objects.filter(slug="conversation-cafe").exists()
    assert not SessionException.objects.exists() and not SessionOccurrence.objects.exists()
    # What the editor typed is still there.
    assert "2026-11-24 18:00" in response.content.decode()


@override_settings(CLPAGES_MAX_OCCURRENCES=2)
def test_changes_to_single_dates_are_capped(editor, tree, frozen):
    changes = [_change_form(f"2026-11-{day}") for day in (24, 24, 24)]
    session = _session_form(
        "2026-11-24 18:00", "2026-11-24 19:30", make_location(), "weekly", count="2", changes=changes
    )
    response = editor.post(add_url(tree), _program_form([session]))
    assert response.status_code == 200
    assert "A series can have at most 2 changes to single dates." in response.content.decode()
    assert not ProgramPage.objects.filter(slug="conversation-cafe").exists()


def test_partner_adds_a_series_through_the_page_form_under_review(client, tree, frozen):
    world = build_partner_world(tree)
    program = world["a_program"]
    client.force_login(world["partner_a"])
    url = reverse("wagtailadmin_pages:edit", args=(program.pk,))
    session = _session_form(
        "2026-11-24 18:00", "2026-11-24 19:30", make_location(), "weekly", count="4",
        changes=[_change_form("2026-12-01")],
    )  # fmt: skip
    data = _program_form([session], title=program.title)
    data["slug"] = program.slug
    data["co_created_with"] = [str(world["org_a"].pk)]
    response = client.post(url, data)
    assert response.status_code == 302
    # Saved as a draft for review: the public dates change only once it is published.
    assert not stored_dates(program)
    draft = ProgramPage.objects.get(pk=program.pk).get_latest_revision_as_object()
    (draft_session,) = draft.sessions.all()
    assert (draft_session.repeat, draft_session.repeat_count) == ("weekly", 4)
    assert [change.date for change in draft_session.exceptions.all()] == [datetime.date(2026, 12, 1)]
    # Another organisation's partner cannot touch it.
    client.force_login(world["partner_b"])
    assert client.post(url, data).status_code in (302, 403)
    assert ProgramPage.objects.get(pk=program.pk).get_latest_revision().user == world["partner_a"]


def test_revisions_show_changes_to_single_dates_and_can_be_reverted(editor, tree, frozen):
    program = add_program(tree["programs"], "Seed swap")
    page = ProgramPage.objects.get(pk=program.pk)
    session = ProgramSession(
        start=at(11, 24, 18), end=at(11, 24, 19), address="x", repeat="weekly", repeat_count=4
    )
    session.exceptions.add(
        SessionException(date=datetime.date(2026, 12, 1), change=Change.CANCELLED, note="Closed")
    )
    page.sessions.add(session)
    first = page.save_revision()
    # A reviewer must see a note changed and a date newly cancelled.
    draft = ProgramPage.objects.get(pk=program.pk).get_latest_revision_as_object()
    (draft_session,) = draft.sessions.all()
    draft_session.exceptions.all()[0].note = "Closed for the holiday"
    draft_session.exceptions.add(SessionException(date=datetime.date(2026, 12, 8), change=Change.CANCELLED))
    second = draft.save_revision()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=(program.pk, first.pk, second.pk))
    response = editor.get(compare)
    assert response.status_code == 200
    html = response.content.decode()
    changes = html[html.index("Changes to single dates") :]
    assert 'Closed<span class="addition"> for the holiday</span>' in changes
    assert 'comparison__child-object addition"' in changes and "2026-12-08" in changes
    revert = reverse("wagtailadmin_pages:revisions_revert", args=(program.pk, first.pk))
    html = editor.get(revert).content.decode()
    assert 'value="2026-12-01"' in html and 'name="sessions-0-exceptions-0-date"' in html


def test_copying_a_program_copies_its_series_and_its_dates(tree, cafe):
    copy = cafe.copy(to=tree["programs"], update_attrs={"title": "Café (copy)", "slug": "cafe-copy"})
    (session,) = copy.sessions.all()
    assert session.pk != cafe.sessions.get().pk
    assert sorted(change.change for change in session.exceptions.all()) == ["cancelled", "moved"]
    assert [d.start for d in stored_dates(copy)] == [d.start for d in stored_dates(cafe)]
