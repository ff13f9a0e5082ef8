"""Running a session: the dates taking registrations here, their counts, and who came.

A date is a session and a date key (``places.date_key_for``): one date of a session, or a whole
series that people register for once. Counts for any number of dates cost two queries: one for
the registrations, one for the walk-ins.
"""

import collections
import dataclasses
import datetime

from django.apps import apps
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from clpages.conf import setting
from clpages.registrations.models import SERIES, Registration, RegistrationStatus, WalkIns
from clpages.registrations.places import date_key_for
from clpages.stages import Registration as RegistrationKind

UPCOMING = "upcoming"
RECENT = "recent"


@dataclasses.dataclass
class Counts:
    # Places held by confirmed registrations, and places asked for on the waiting list.
    taken: int = 0
    waiting: int = 0
    # Places of confirmed registrations marked as came (a registration for three who came is three).
    attended: int = 0
    # Registrations marked either way: none means attendance was not taken yet.
    marked: int = 0
    walk_ins: int = 0
    walk_ins_counted: bool = False

    @property
    def came(self):
        return self.attended + self.walk_ins

    @property
    def recorded(self):
        return bool(self.marked) or self.walk_ins_counted


def counts_for(keys):
    """Counts of these dates, {(session_id, date_key): Counts}, in two queries."""
    keys = set(keys)
    counts = {key: Counts() for key in keys}
    if not keys:
        return counts
    session_ids = {session_id for session_id, _ in keys}
    date_keys = {date_key for _, date_key in keys}
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    rows = (
        Registration.objects.filter(session_id__in=session_ids, date_key__in=date_keys)
        .order_by()
        .values("session_id", "date_key")
        .annotate(
            # Named apart from the model's fields, which the filters read.
            places_taken=Sum("places", filter=confirmed),
            places_waiting=Sum("places", filter=Q(status=RegistrationStatus.WAITLISTED)),
            places_came=Sum("places", filter=confirmed & Q(attended=True)),
            marked=Count("pk", filter=confirmed & Q(attended__isnull=False)),
        )
    )
    for row in rows:
        key = (row["session_id"], row["date_key"])
        if key in counts:
            count = counts[key]
            count.taken, count.waiting = row["places_taken"] or 0, row["places_waiting"] or 0
            count.attended, count.marked = row["places_came"] or 0, row["marked"]
    walk_ins = WalkIns.objects.filter(session_id__in=session_ids, date_key__in=date_keys).values_list(
        "session_id", "date_key", "count"
    )
    for session_id, date_key, number in walk_ins:
        if (session_id, date_key) in counts:
            counts[session_id, date_key].walk_ins = number
            counts[session_id, date_key].walk_ins_counted = True
    return counts


def _start_of_today():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def recent_days():
    # As long as names are kept: after that there is nobody left to mark.
    return setting("CLPAGES_REGISTRATION_KEEP_DAYS")


def listed_dates(when, program_ids=None):
    """The dates taking registrations here, as SessionOccurrences with their sessions and programs:
    from today on (``UPCOMING``, soonest first), or in the last ``recent_days()`` (``RECENT``,
    latest first). A series registering as a whole is listed once, at its first date in view.

    ``program_ids`` (a queryset of ids) narrows them to those programs.
    """
    occurrences = apps.get_model("clpages", "SessionOccurrence").objects
    today = _start_of_today()
    if when == RECENT:
        in_view = Q(start__lt=today, start__gte=today - datetime.timedelta(days=recent_days()))
        order = ("-start", "-pk")
    else:
        in_view = Q(end__gte=today)
        order = ("start", "pk")
    first_of_series = (
        occurrences.filter(in_view, session=OuterRef("session_id")).order_by(*order).values("pk")[:1]
    )
    dates = occurrences.filter(in_view, session__registration=RegistrationKind.ON_SITE).filter(
        Q(session__register_for_series=False) | Q(pk=Subquery(first_of_series))
    )
    if program_ids is not None:
        dates = dates.filter(program_id__in=program_ids)
    return dates.select_related("session", "program").order_by(*order)


@dataclasses.dataclass
class ListedDate:
    date: object
    date_key: str
    counts: Counts

    @property
    def session(self):
        return self.date.session

    @property
    def program(self):
        return self.date.program

    @property
    def is_series(self):
        return self.date_key == SERIES


def with_counts(dates):
    """ListedDates for these SessionOccurrences, counted in two queries."""
    keyed = [(date, date_key_for(date.session, date)) for date in dates]
    counts = counts_for((date.session_id, key) for date, key in keyed)
    return [ListedDate(date, key, counts[date.session_id, key]) for date, key in keyed]


def registrations_of(session, date_key):
    """The confirmed registrations (in the order they came) and the waiting list (first come first)."""
    active = list(Registration.objects.for_date(session.pk, date_key).active().order_by("created_at", "pk"))
    confirmed = [r for r in active if r.status == RegistrationStatus.CONFIRMED]
    waiting = [r for r in active if r.status == RegistrationStatus.WAITLISTED]
    return confirmed, waiting


def needs_summary(registrations):
    """Each access need asked for and by how many registrations, in alphabetical order: the
    needs to prepare for, without saying who asked."""
    asked = collections.Counter(need for registration in registrations for need in registration.access_needs)
    return sorted(asked.items(), key=lambda item: item[0].casefold())


def by_name(registrations):
    return sorted(registrations, key=lambda registration: (registration.name.casefold(), registration.pk))


def save_attendance(session, date_key, shown, came, walk_ins):
    """Mark who came among the confirmed registrations the form showed (``shown``, their ids;
    ``came``, those ticked) and store the walk-in count. Ids of other dates change nothing."""
    now = timezone.now()
    with transaction.atomic():
        marked = Registration.objects.for_date(session.pk, date_key).confirmed().filter(pk__in=shown)
        marked.filter(pk__in=came).update(attended=True, updated_at=now)
        marked.exclude(pk__in=came).update(attended=False, updated_at=now)
        WalkIns.objects.update_or_create(session=session, date_key=date_key, defaults={"count": walk_ins})
