"""Places, the waiting list, and every change to a registration, made under a lock on its session.

Two people taking the last place at the same moment must not both get it. Each change locks the
session's row first (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the whole database is
written by one transaction at a time, which the ``IMMEDIATE`` transaction mode makes wait instead
of fail, see ``checks``), then counts places and writes in the same transaction.

The waiting list is first come, first served: when places come free, the people who have waited
longest are confirmed, in order, as long as their whole request fits; nobody is skipped for a
smaller request behind them.
"""

import dataclasses

from django.apps import apps
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from clpages import formats
from clpages.joining import PlacesTaken, RegistrationState
from clpages.registrations.models import SERIES, Registration, RegistrationStatus
from clpages.stages import Registration as RegistrationKind
from clpages.stages import SessionStatus


class RegistrationRefused(Exception):
    """A request the patron can fix or should know about; ``field`` is where the message goes."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclasses.dataclass
class Outcome:
    registration: Registration
    # Whether the registration already existed (the patron is sent their link again).
    already_registered: bool = False
    # People confirmed from the waiting list by this change, to be told.
    promoted: list = dataclasses.field(default_factory=list)


def date_key_for(session, occurrence):
    return SERIES if session.register_for_series else occurrence.key


def dates_of(session, date_key):
    """The dates a registration is for: one, or every date of the series."""
    occurrences = apps.get_model("clpages", "SessionOccurrence").objects.filter(session=session)
    if date_key != SERIES:
        return [occurrence for occurrence in occurrences if occurrence.key == date_key]
    return list(occurrences.order_by("start"))


def first_date(session, date_key):
    dates = dates_of(session, date_key)
    return dates[0] if dates else None


def date_label(session, date_key, date=None):
    """ "Tuesday 8 December 2026, 6:00 PM", or the series' pattern, for emails and forms; `date`
    when the caller has read it already."""
    if date_key == SERIES:
        return session.describe_series() or _when(session.start)
    date = date or first_date(session, date_key)
    return moment_label(date.start) if date else ""


def moment_label(moment):
    """ "Tuesday 8 December 2026, 6:00 PM"."""
    return _when(moment).replace(" at ", ", ")


def opening(session, date_key, date):
    """When the registration for `date_key` starts and whether it is cancelled: a date's own,
    or for a whole series its first date's (the session's start)."""
    if date_key == SERIES:
        return session.start, session.status == SessionStatus.CANCELLED
    if date is None:
        return None, False
    return date.start, SessionStatus.CANCELLED in (date.status, session.status)


def as_told(session, date_key, date):
    """When and where a registration's date is, as its patron is told (Registration.told_start
    and told_place): (None, "") while it does not go ahead. A series is told by its first date's
    start, which moves when the editor moves the series' time, and by its place."""
    starts_at, cancelled = opening(session, date_key, date)
    if starts_at is None or cancelled:
        return None, ""
    return starts_at, session.place_label[: Registration._meta.get_field("told_place").max_length]


def single_date_changes(dates):
    """{date key: its start (ISO) if moved, "" if cancelled} for the dates of a series that are
    not as the series planned them (Registration.told_dates)."""
    changes = {}
    for date in dates:
        if date.status == SessionStatus.CANCELLED:
            changes[date.key] = ""
        elif date.start != date.original_start:
            changes[date.key] = date.start.isoformat()
    return changes


def dates_known_when_registering(session, date_key):
    """What a new registration for a whole series knows of its dates (Registration.told_dates):
    those already cancelled or moved are on the page the patron registered from."""
    if date_key != SERIES or session.status == SessionStatus.CANCELLED:
        return {}
    changes = single_date_changes(dates_of(session, SERIES))
    return {key: {"start": start, "emailed": False} for key, start in changes.items()}


def closed_reason(session, starts_at, cancelled, now=None):
    """Why registration is not open now, in a sentence; "" while it is open.

    It closes at the session's own closing time, else when the date (a series: its first date)
    starts.
    """
    now = now or timezone.now()
    if session.registration != RegistrationKind.ON_SITE:
        return _("This session does not take registrations on this website.")
    if starts_at is None:
        return _("This date is no longer on the program.")
    if cancelled:
        return _("This session is cancelled.")
    if session.registration_opens and now < session.registration_opens:
        return _("Registration opens on %(when)s.") % {"when": _when(session.registration_opens)}
    if now >= (session.registration_closes or starts_at):
        return _("Registration for this session has closed.")
    return ""


def _when(moment):
    moment = timezone.localtime(moment)
    return _("%(day)s at %(time)s") % {"day": formats.long_date(moment), "time": formats.time_of_day(moment)}


def places_taken(session_id, date_key):
    taken = (
        Registration.objects.for_date(session_id, date_key)
        .confirmed()
        .aggregate(total=Sum("places"))["total"]
    )
    return taken or 0


def places_left(session, date_key):
    """Places still free, or None when the session has no limit."""
    if session.capacity is None:
        return None
    return max(session.capacity - places_taken(session.pk, date_key), 0)


def states_for(dates, url_for):
    """RegistrationStates of these dates (SessionOccurrences with their sessions), by date key:
    one query for all of them."""
    keys = {(date.session_id, date_key_for(date.session, date)) for date in dates}
    taken = {
        (row["session_id"], row["date_key"]): row["total"]
        for row in Registration.objects.filter(
            session_id__in={session_id for session_id, _ in keys},
            date_key__in={key for _, key in keys},
            status=RegistrationStatus.CONFIRMED,
        )
        .values("session_id", "date_key")
        .annotate(total=Sum("places"))
    }
    now = timezone.now()
    states = {}
    for date in dates:
        session = date.session
        key = date_key_for(session, date)
        left = None
        if session.capacity is not None:
            left = max(session.capacity - taken.get((date.session_id, key), 0), 0)
        reason = closed_reason(session, *opening(session, key, date), now=now)
        states[date.key] = RegistrationState(
            url=url_for(session, key) if not reason else "",
            places_left=left,
            is_open=not reason,
            waitlist_open=not reason and session.capacity is not None,
            closed_reason=reason,
        )
    return states


def places_for(dates):
    """PlacesTaken of these dates (SessionOccurrences with their sessions), by date key: places
    confirmed and waiting, counted in one query for all of them; never who registered."""
    keys = {(date.session_id, date_key_for(date.session, date)) for date in dates}
    counts = {
        (row["session_id"], row["date_key"], row["status"]): row["total"]
        for row in Registration.objects.filter(
            session_id__in={session_id for session_id, _ in keys},
            date_key__in={key for _, key in keys},
            status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
        )
        .values("session_id", "date_key", "status")
        .annotate(total=Sum("places"))
    }
    found = {}
    for date in dates:
        key = (date.session_id, date_key_for(date.session, date))
        found[date.key] = PlacesTaken(
            taken=counts.get((*key, RegistrationStatus.CONFIRMED), 0),
            capacity=date.session.capacity,
            waiting=counts.get((*key, RegistrationStatus.WAITLISTED), 0),
        )
    return found


def _locked_session(session_id):
    model = apps.get_model("clpages", "ProgramSession")
    return model.objects.select_for_update().select_related("program").get(pk=session_id)


def register(session_id, date_key, *, name, email, places, phone="", **needs):
    """Register someone, or put them on the waiting list when every place is taken."""
    with transaction.atomic():
        session = _locked_session(session_id)
        date = None if date_key == SERIES else first_date(session, date_key)
        reason = closed_reason(session, *opening(session, date_key, date))
        if reason:
            raise RegistrationRefused(reason)
        existing = (
            Registration.objects.active().for_date(session.pk, date_key).filter(email__iexact=email).first()
        )
        if existing is not None:
            return Outcome(existing, already_registered=True)
        if places > session.places_per_registration:
            raise RegistrationRefused(
                _("One registration can hold up to %(count)s places.")
                % {"count": session.places_per_registration},
                field="places",
            )
        left = places_left(session, date_key)
        if left is None or places <= left:
            status = RegistrationStatus.CONFIRMED
        elif left == 0:
            status = RegistrationStatus.WAITLISTED
        else:
            raise RegistrationRefused(
                ngettext(
                    "Only %(count)s place is left. Ask for %(count)s or fewer.",
                    "Only %(count)s places are left. Ask for %(count)s or fewer.",
                    left,
                )
                % {"count": left},
                field="places",
            )
        told_start, told_place = as_told(session, date_key, date)
        registration = Registration.objects.create(
            session=session,
            date_key=date_key,
            status=status,
            places=places,
            name=name,
            email=email,
            phone=phone,
            # Their confirmation says when and where: a later change to either is worth an email.
            told_start=told_start,
            told_place=told_place,
            told_dates=dates_known_when_registering(session, date_key),
            **needs,
        )
    return Outcome(registration)


def cancel(registration_id):
    """Cancel a registration; people waiting are confirmed in its places."""
    with transaction.atomic():
        registration = Registration.objects.select_related("session").get(pk=registration_id)
        session = _locked_session(registration.session_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return Outcome(registration)
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        promoted = _promote(session, registration.date_key)
    return Outcome(registration, promoted=promoted)


def change_places(registration_id, places):
    """Change how many places a registration holds: more only if they are free."""
    with transaction.atomic():
        registration = Registration.objects.get(pk=registration_id)
        session = _locked_session(registration.session_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            raise RegistrationRefused(_("This registration is cancelled."))
        if places > session.places_per_registration:
            raise RegistrationRefused(
                _("One registration can hold up to %(count)s places.")
                % {"count": session.places_per_registration},
                field="places",
            )
        if registration.status == RegistrationStatus.CONFIRMED and places > registration.places:
            left = places_left(session, registration.date_key)
            if left is not None and places - registration.places > left:
                raise RegistrationRefused(
                    ngettext(
                        "Only %(count)s more place is free.", "Only %(count)s more places are free.", left
                    )
                    % {"count": left},
                    field="places",
                )
        registration.places = places
        registration.save(update_fields=["places", "updated_at"])
        promoted = _promote(session, registration.date_key)
    return Outcome(registration, promoted=promoted)


def _promote(session, date_key):
    if session.capacity is None:
        return []
    left = places_left(session, date_key)
    promoted = []
    for waiting in Registration.objects.for_date(session.pk, date_key).waitlisted():
        if waiting.places > left:
            break
        waiting.status = RegistrationStatus.CONFIRMED
        waiting.save(update_fields=["status", "updated_at"])
        left -= waiting.places
        promoted.append(waiting)
    return promoted


def people_registered_ahead(session_ids, now=None):
    """{session id: people registered (places, waiting list included)} for sessions with a date
    still to end: removing one of those would leave its registrants untold."""
    occurrence = apps.get_model("clpages", "SessionOccurrence")
    ahead = occurrence.objects.filter(session_id__in=session_ids, end__gte=now or timezone.now())
    rows = (
        Registration.objects.active()
        .filter(session_id__in=ahead.values("session_id"), erased_at__isnull=True)
        .values("session_id")
        .annotate(people=Sum("places"))
    )
    return {row["session_id"]: row["people"] for row in rows}
