"""Registrants hear when their session is cancelled, or its time or place changes: once.

Each registration keeps when and where its patron was last told the date is (``told_start``,
``told_place``; ``told_start`` is empty once they were told it does not go ahead). Comparing that
with the date as it is now finds every change worth an email, however it was made: publishing
the program (``receivers``, at once), or a session saved any other way (``run_registrations``,
on its next run). Recording what was told in the transaction that stores the email means running
this twice sends nothing twice.

A single date of a series that is cancelled or moved (or back as planned) is told here too, to
people registered for that one date and to people registered for the whole series alike: a series
registration keeps what its patron knows of each such date (``told_dates``), from when they
registered on, and hears of each later change once, with an email about that date alone.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from clpages.registrations.dates import SessionDates
from clpages.registrations.models import SERIES, Registration
from clpages.registrations.places import single_date_changes
from clpages.registrations.tasks import email_after_commit
from clpages.stages import SessionStatus


def _still_ahead(dates, registration, now):
    """Whether any of its dates, as planned now or as the patron was told, is still to end."""
    ends = dates.ends(registration)
    if ends is not None:
        return ends > now
    return registration.told_start is not None and registration.told_start > now


def _notice(registration, start, place):
    """The email (kind and details) telling this registration's patron what changed."""
    was = {
        "was_start": registration.told_start.isoformat() if registration.told_start else "",
        "was_place": registration.told_place,
    }
    if start is None:
        return "session_cancelled", was
    if registration.told_start is None:
        return "session_changed", {**was, "back_on": True}
    return "session_changed", {
        **was,
        "time_changed": start != registration.told_start,
        "place_changed": place != registration.told_place,
    }


def _single_date_notices(dates, registration, now):
    """(date key, its start as told from now on, email kind, details) for each date of its
    series that changed since the patron was told."""
    session = dates.session(registration)
    if session.status == SessionStatus.CANCELLED:
        return []  # told of the whole series; its dates are told again once it is back on
    series_dates = dates.of(registration)
    changed = single_date_changes(series_dates)
    told = registration.told_dates or {}
    notices = []
    for date in series_dates:
        was = told[date.key]["start"] if date.key in told else date.original_start.isoformat()
        start = changed.get(date.key, date.start.isoformat())
        if start == was:
            continue
        if date.end <= now and not (was and parse_datetime(was) > now):
            continue  # over, and was to be over: nothing to come to
        if start == "":
            notices.append((date.key, start, "date_cancelled", {"date": date.key}))
        else:
            details = {"date": date.key, "was_start": was, "back_on": was == ""}
            notices.append((date.key, start, "date_changed", details))
    return notices


def _tell_single_dates(dates, registration, now):
    """Email each change to a date of its series, one email a date; how many emails."""
    notices = _single_date_notices(dates, registration, now)
    if notices:
        told = dict(registration.told_dates or {})
        for key, start, kind, details in notices:
            told[key] = {"start": start, "emailed": True}
            email_after_commit(registration, kind, **details)
        registration.told_dates = told
        registration.save(update_fields=["told_dates"])
    return len(notices)


def tell_changes(program_ids=None, now=None):
    """Email the registrants of every date that changed since they were told; how many were."""
    now = now or timezone.now()
    told = 0
    with transaction.atomic():
        # Rows another run is telling are skipped: that run sends their emails.
        registrations = (
            Registration.objects.active()
            .filter(erased_at__isnull=True)
            .select_for_update(skip_locked=True, of=("self",))
        )
        if program_ids is not None:
            registrations = registrations.filter(session__program_id__in=program_ids)
        registrations = list(registrations)
        dates = SessionDates(registration.session_id for registration in registrations)
        for registration in registrations:
            if registration.date_key == SERIES:
                told += _tell_single_dates(dates, registration, now)
            start, place = dates.as_told(registration)
            if (start, place) == (registration.told_start, registration.told_place):
                continue
            if not _still_ahead(dates, registration, now):
                continue
            kind, details = _notice(registration, start, place)
            registration.told_start, registration.told_place = start, place
            registration.save(update_fields=["told_start", "told_place"])
            email_after_commit(registration, kind, **details)
            told += 1
    return told
