"""How a patron signs up for a date, when the library takes registrations on this website.

clpages itself links to another website or asks people to contact the library. An app that takes
registrations here (``clpages.registrations``) answers the Wagtail hook
``clpages_registration_states``: given dates of sessions registering on this website, it returns
a ``RegistrationState`` for each, keyed by the date's key, in one query for all of them. Without
such an app the hook has no answer and pages say to contact the library.

The same app may answer ``clpages_attendance`` (``ATTENDANCE_HOOK``): given a program and the
days an evaluation covers, how many people came, as counts only, never who they were. Output
statistics sit below the community's own measures on an evaluation's page.
"""

import dataclasses

from wagtail import hooks

REGISTRATION_STATES_HOOK = "clpages_registration_states"
ATTENDANCE_HOOK = "clpages_attendance"


@dataclasses.dataclass(frozen=True)
class RegistrationState:
    # Where to register, or to join the waiting list; "" while registration is not open.
    url: str
    # Places still free; None when the session has no limit.
    places_left: int | None
    is_open: bool
    # Whether people may join a waiting list now that every place is taken.
    waitlist_open: bool = False
    # Why registration is not open, in a sentence ("Registration opens on ...").
    closed_reason: str = ""

    @property
    def is_full(self):
        return self.places_left == 0


def attach_registration_states(dates):
    """Set ``registration_state`` on each date (None when no app answers for it)."""
    on_site = [date for date in dates if date.takes_registrations_here and date.key]
    states = {}
    if on_site:
        for answer in hooks.get_hooks(REGISTRATION_STATES_HOOK):
            states.update(answer(on_site))
    for date in dates:
        date.registration_state = states.get(date.key) if date.takes_registrations_here else None
    return dates


def attendance_of(program, first_day=None, last_day=None):
    """How many people came to the program's dates between these days (both included), as the
    app that takes registrations recorded it: ``{"registered", "attended", "walk_ins", "total"}``,
    or None when no app answers or nobody has recorded attendance yet."""
    for answer in hooks.get_hooks(ATTENDANCE_HOOK):
        counts = answer(program, first_day, last_day)
        if counts is not None:
            return counts
    return None


SESSION_REMOVAL_HOOK = "clpages_registrations_held"


def registrations_held(session_ids):
    """{session id: how many people are registered for its dates still ahead}, from the apps
    that take registrations; sessions nobody is registered for are left out."""
    held = {}
    if session_ids:
        for answer in hooks.get_hooks(SESSION_REMOVAL_HOOK):
            for session_id, count in answer(session_ids).items():
                held[session_id] = held.get(session_id, 0) + count
    return held
