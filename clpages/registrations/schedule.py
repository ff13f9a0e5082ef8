"""Reminders before a date and thank-yous after it, sent by ``manage.py run_registrations``.

Each registration records what was sent (``reminded_at``, ``thanked_at``) in the transaction that
stores the email, under a lock that another run skips: running the command twice, or two runs at
once, sends nothing twice. A whole-series registration is reminded before each of its dates
(``reminded_at`` then says which were); a date of it that was already cancelled when they
registered is recalled instead, one cancelled later was told at once (``notices``).
"""

import datetime

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from clpages.conf import setting
from clpages.registrations.dates import SessionDates
from clpages.registrations.models import SERIES, Registration
from clpages.registrations.places import date_key_for
from clpages.registrations.tasks import email_after_commit
from clpages.stages import Registration as RegistrationKind
from clpages.stages import SessionStatus

# A thank-you weeks late reads oddly, and a run missed for a while must not send a pile of them:
# dates that ended longer ago than this get none.
THANK_YOU_WITHIN = datetime.timedelta(days=3)


def _dates(**filters):
    """Dates of sessions taking registrations on this website, in order."""
    dates = apps.get_model("clpages", "SessionOccurrence").objects.filter(
        session__registration=RegistrationKind.ON_SITE, **filters
    )
    return dates.select_related("session").order_by("start", "pk")


def _locked(keys, registrations):
    """These registrations of these (session, date key) pairs, locked for this transaction."""
    return [
        registration
        for registration in registrations.filter(
            session_id__in={session_id for session_id, _ in keys},
            date_key__in={date_key for _, date_key in keys},
            erased_at__isnull=True,
        ).select_for_update(skip_locked=True)
        if (registration.session_id, registration.date_key) in keys
    ]


def send_reminders(now=None):
    """Remind the confirmed registrants of dates starting within the reminder hours; how many."""
    now = now or timezone.now()
    ahead = datetime.timedelta(hours=setting("CLPAGES_REGISTRATION_REMINDER_HOURS"))
    nearest = {}
    for date in _dates(start__gt=now, start__lte=now + ahead):
        nearest.setdefault((date.session_id, date_key_for(date.session, date)), date)
    reminded = 0
    with transaction.atomic():
        for registration in _locked(nearest, Registration.objects.confirmed()):
            date = nearest[(registration.session_id, registration.date_key)]
            due = date.start - ahead
            # Registered within the reminder hours: the confirmation has just said it all.
            if registration.created_at > due:
                continue
            if registration.reminded_at and registration.reminded_at >= due:
                continue
            if date.session.status == SessionStatus.CANCELLED:
                continue  # every registrant was told the session is cancelled (notices)
            if date.status == SessionStatus.CANCELLED and registration.date_key != SERIES:
                continue  # the date's own registrants were told it is cancelled (notices)
            if date.status == SessionStatus.CANCELLED and registration.told_dates.get(date.key, {}).get(
                "emailed"
            ):
                continue  # the series' registrants were told at once too (notices)
            kind = "date_cancelled" if date.status == SessionStatus.CANCELLED else "reminder"
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            email_after_commit(registration, kind, date=date.key)
            reminded += 1
    return reminded


def send_thank_yous(now=None):
    """Thank the confirmed registrants of dates that ended lately (a series: its last date)."""
    now = now or timezone.now()
    ended = {
        (date.session_id, date_key_for(date.session, date))
        for date in _dates(end__gt=now - THANK_YOU_WITHIN, end__lte=now)
        if date.status != SessionStatus.CANCELLED
    }
    thanked = 0
    with transaction.atomic():
        # Nobody is thanked for coming when whoever ran the session marked them as not there.
        waiting = Registration.objects.confirmed().filter(thanked_at__isnull=True).filter(~Q(attended=False))
        registrations = _locked(ended, waiting)
        dates = SessionDates(registration.session_id for registration in registrations)
        for registration in registrations:
            # A series is thanked for after its last date only.
            if dates.last_held_end(registration) > now:
                continue
            registration.thanked_at = now
            registration.save(update_fields=["thanked_at"])
            email_after_commit(registration, "thank_you")
            thanked += 1
    return thanked
