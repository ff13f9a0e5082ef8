"""Every date of every session, stored: what listings, the calendar, feeds and the API read.

A session that repeats has its dates worked out in Python (clpages.recurrence), which SQL
cannot do. So its dates are kept in a table of their own, rebuilt from the session and its
changes to single dates whenever they are saved: "programs with a session this week", "the
next date" and "is it still upcoming?" stay one indexed query over plain rows, however a series
repeats. A session that does not repeat has one row. The rows are never edited by anyone.

Where they are rebuilt:
- a page save that writes the sessions (publishing, or an editor's first save) rebuilds the
  program's dates once, after every session and change is written (``occurrences_deferred``);
- a session or a change saved or deleted on its own (the shell, an import) rebuilds its
  session's dates (ProgramSession.save and clpages.programs.session_dates);
- bulk writes (``bulk_create``, ``QuerySet.update``) send no signals and must call
  ``refresh_occurrences`` (or its older name ``refresh_last_session_end``) themselves.
"""

import contextlib
import contextvars

from django.db import models
from django.db.models import Max, OuterRef, Q, Subquery
from django.utils import timezone

from clpages.conf import setting
from clpages.models.querysets import place_label
from clpages.performance.cache import new_generation
from clpages.recurrence import Change
from clpages.stages import Registration, SessionFormat, SessionStatus

_deferred = contextvars.ContextVar("clpages_occurrences_deferred", default=False)


@contextlib.contextmanager
def occurrences_deferred():
    """Leave the rebuilding of dates to whoever opened this block (a page saving its sessions)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def occurrences_are_deferred():
    return _deferred.get()


def occurrence_key(session_id, position, original_start):
    """The name of one date of a session, for iCalendar UIDs and JSON-LD ids.

    A session's first date keeps the name the session had before it could repeat; later dates
    are named by the date the series gave them, so a moved date keeps its name and calendar
    applications update the event instead of adding a second one.
    """
    if position == 0:
        return f"session-{session_id}"
    return f"session-{session_id}-{timezone.localtime(original_start):%Y%m%d}"


def joining_link(status, online_url):
    """The one rule for when a session's joining link is published, on the page, in the API,
    in iCalendar files and in JSON-LD: while the session goes ahead with room to spare. A full
    session's link would let people in past its capacity; a cancelled one's leads nowhere.
    """
    return online_url if status == SessionStatus.SCHEDULED and online_url else ""


class SessionOccurrence(models.Model):
    """One date of a session as patrons see it: its times, whether it goes ahead, and the
    session's format and place copied in, so that filters read this table alone."""

    session = models.ForeignKey(
        "clpages.ProgramSession", on_delete=models.CASCADE, related_name="occurrences"
    )
    program = models.ForeignKey("clpages.ProgramPage", on_delete=models.CASCADE, related_name="occurrences")
    # Its place in the series (0 for the first) and when the series put it, before any move.
    position = models.PositiveSmallIntegerField(default=0)
    original_start = models.DateTimeField()
    start = models.DateTimeField()
    end = models.DateTimeField()
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    change = models.CharField(max_length=20, choices=Change.choices, blank=True)
    note = models.CharField(max_length=200, blank=True)
    format = models.CharField(max_length=20, choices=SessionFormat.choices, default=SessionFormat.IN_PERSON)
    location = models.ForeignKey(
        "clpages.Location", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = "session date"
        indexes = [
            # The same probes sessions had: a window of dates, a program's next date, its last end.
            models.Index(fields=["start", "end"], name="clpages_occurrence_start_end"),
            models.Index(fields=["program", "start"], name="clpages_occurrence_prog_start"),
            models.Index(fields=["program", "end"], name="clpages_occurrence_prog_end"),
        ]

    def __str__(self):
        return f"{self.session_id}: {self.start:%Y-%m-%d %H:%M}"

    # What the page, the calendar file and JSON-LD read of a session, for this date.

    @property
    def key(self):
        """Its name (occurrence_key); "" for a date of a session not saved yet (a preview)."""
        session_id = self.session_id or self.session.pk
        return occurrence_key(session_id, self.position, self.original_start) if session_id else ""

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    @property
    def is_moved(self):
        return self.change == Change.MOVED

    @property
    def address(self):
        return self.session.address

    @property
    def online_url(self):
        return self.session.online_url

    @property
    def registration(self):
        return self.session.registration

    def get_registration_display(self):
        return self.session.get_registration_display()

    @property
    def registration_url(self):
        return self.session.registration_url

    @property
    def takes_registrations_here(self):
        return self.session.registration == Registration.ON_SITE

    # Set by clpages.joining.attach_registration_states for pages that show places.
    registration_state = None

    @property
    def is_full(self):
        """Full by the editor's word, or by the registrations taken on this website."""
        state = self.registration_state
        return self.status == SessionStatus.FULL or bool(state and state.is_full)

    @property
    def capacity(self):
        return self.session.capacity

    @property
    def public_online_url(self):
        return joining_link(self.status, self.session.online_url)

    @property
    def place_label(self):
        return place_label(self.location if self.location_id else None, self.session.address)

    @property
    def place(self):
        return self.location.address if self.location_id else self.session.address


def occurrences_of(session, planned):
    """Unsaved SessionOccurrences of `session` for its planned dates (clpages.recurrence.plan)."""
    return [
        SessionOccurrence(
            session=session,
            program_id=session.program_id,
            position=date.position,
            original_start=date.original_start,
            start=date.start,
            end=date.end,
            # A cancelled date is cancelled whatever the series' status; a moved one keeps it.
            status=SessionStatus.CANCELLED if date.change == Change.CANCELLED else session.status,
            change=date.change,
            note=date.note,
            format=session.format,
            location=session.location if session.location_id else None,
        )
        for date in planned
    ]


def refresh_occurrences(program_ids=(), session_ids=()):
    """Rebuild the stored dates of these programs' (or these sessions') saved sessions, then
    store each program's last end.

    Reads the sessions and their changes in two queries, deletes the old dates in one and
    writes the new ones in batches.
    """
    program_ids = {pk for pk in program_ids if pk is not None}
    session_ids = {pk for pk in session_ids if pk is not None}
    if not program_ids and not session_ids:
        return
    # The session model through the relation: it is built on this module, not imported by it.
    session_model = SessionOccurrence._meta.get_field("session").related_model
    sessions = list(
        session_model.objects.filter(Q(program_id__in=program_ids) | Q(pk__in=session_ids))
        .select_related("location")
        .prefetch_related("exceptions")
    )
    stale = SessionOccurrence.objects.filter(Q(program_id__in=program_ids) | Q(session_id__in=session_ids))
    if session_ids:
        # A session moved to another program leaves its old program's dates to recount too.
        program_ids |= set(stale.filter(session_id__in=session_ids).values_list("program_id", flat=True))
    program_ids |= {session.program_id for session in sessions}
    stale.delete()
    limit = setting("CLPAGES_MAX_OCCURRENCES")
    SessionOccurrence.objects.bulk_create(
        [
            occurrence
            for session in sessions
            for occurrence in occurrences_of(session, session.planned(limit))
        ],
        batch_size=500,
    )
    store_last_session_end(program_ids)
    # Listings, the calendar and feeds read these dates; bulk writers call this without the
    # signals that would otherwise start a new content generation.
    new_generation()


def store_last_session_end(program_ids):
    """Store each program's last end (cancelled dates included) from its stored dates."""
    program_ids = [pk for pk in program_ids if pk is not None]
    if not program_ids:
        return
    program_model = SessionOccurrence._meta.get_field("program").related_model
    last_end = (
        SessionOccurrence.objects.filter(program=OuterRef("pk")).values("program").annotate(last=Max("end"))
    )
    program_model.objects.filter(pk__in=program_ids).update(
        last_session_end=Subquery(last_end.values("last"))
    )


def refresh_last_session_end(program_ids):
    """Store each program's dates and last end from its saved sessions (for bulk writes)."""
    refresh_occurrences(program_ids=program_ids)
