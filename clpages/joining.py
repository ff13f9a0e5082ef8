"""How a patron signs up for a date, when the library takes registrations on this website.

clpages itself links to another website or asks people to contact the library. An app that takes
registrations here (``clpages.registrations``) answers the Wagtail hook
``clpages_registration_states``: given dates of sessions registering on this website, it returns
a ``RegistrationState`` for each, keyed by the date's key, in one query for all of them. Without
such an app the hook has no answer and pages say to contact the library.

The same app may answer ``clpages_attendance`` (``ATTENDANCE_HOOK``): given a program and the
days an evaluation covers, how many people came, as counts only, never who they were. Output
statistics sit below the community's own measures on an evaluation's page.

An app that runs outcome surveys (``clpages.surveys``) may answer ``clpages_survey_links``
(``SURVEY_LINKS_HOOK``): the surveys open to a program's patrons, right after a date or some
weeks later, which the registration app's thank-you and follow-up emails link to; and
``clpages_open_surveys`` (``OPEN_SURVEYS_HOOK``), the surveys a results and learning page invites
its readers to answer.
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


SURVEY_LINKS_HOOK = "clpages_survey_links"


@dataclasses.dataclass(frozen=True)
class SurveyLink:
    """A survey open to a program's patrons: its address (a path on this site), and how many
    weeks after a date it is asked (0: right after, in the thank-you)."""

    url: str
    weeks_after: int = 0
    title: str = ""


def survey_links(program_ids):
    """{program id: [SurveyLink]} of the surveys open to these programs' patrons, from the app
    that runs outcome surveys (``clpages_survey_links``); the app that sends registrants emails
    asks it, so that neither needs the other."""
    links = {}
    if program_ids:
        for answer in hooks.get_hooks(SURVEY_LINKS_HOOK):
            for program_id, found in answer(program_ids).items():
                links.setdefault(program_id, []).extend(found)
    return links


OPEN_SURVEYS_HOOK = "clpages_open_surveys"


def open_surveys(evaluation_id):
    """[SurveyLink] of the surveys the public may answer about this results and learning page,
    from the app that runs outcome surveys (``clpages_open_surveys``); [] without one."""
    found = []
    for answer in hooks.get_hooks(OPEN_SURVEYS_HOOK):
        found.extend(answer(evaluation_id))
    return found


ANSWER_SPREADS_HOOK = "clpages_answer_spreads"


@dataclasses.dataclass(frozen=True)
class AnswerSpread:
    """How the answers to one closed survey question were spread: ``options`` is
    ``[(label, count), ...]`` in the order they were offered."""

    question: str
    survey: str
    options: list
    answers: int


def answer_spreads(evaluation_id):
    """[AnswerSpread] for a results and learning page, from the app that runs outcome surveys
    (``clpages_answer_spreads``): only questions enough people answered that nobody can be
    picked out, counted from stored tallies, never from the answers; [] without such an app."""
    found = []
    for answer in hooks.get_hooks(ANSWER_SPREADS_HOOK):
        found.extend(answer(evaluation_id))
    return found


PLACES_TAKEN_HOOK = "clpages_places_taken"


@dataclasses.dataclass(frozen=True)
class PlacesTaken:
    """How many places of one date are taken, as counts only, never who took them; ``capacity``
    is None when the session has no limit."""

    taken: int
    capacity: int | None
    waiting: int = 0


def places_taken(dates):
    """{date key: PlacesTaken} for these dates (SessionOccurrences with their sessions) that take
    registrations on this website, from the app that takes them (``clpages_places_taken``), in
    one query for all of them; None when no app answers, so reports leave the column out."""
    answers = hooks.get_hooks(PLACES_TAKEN_HOOK)
    if not answers:
        return None
    on_site = [date for date in dates if date.takes_registrations_here and date.key]
    found = {}
    if on_site:
        for answer in answers:
            found.update(answer(on_site))
    return found
