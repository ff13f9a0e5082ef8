"""Registrants hear when their session is cancelled, or its time or place changes: once.

Each registration keeps when and where its patron was last told the date is (``told_start``,
``told_place``; ``told_start`` is empty once they were told it does not go ahead). Comparing that
with the date as it is now finds every change worth an email, however it was made: publishing
the program (``receivers``, at once), or a session saved any other way (``run_registrations``,
on its next run). Recording what was told in the transaction that stores the email means running
this twice sends nothing twice.

A single date of a series that is cancelled or moved is told to people registered for the whole
series with that date's reminder (``schedule``); people registered for that one date hear here.
"""

from django.db import transaction
from django.utils import timezone

from clpages.registrations.dates import SessionDates
from clpages.registrations.models import Registration
from clpages.registrations.tasks import email_after_commit


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
