"""What a program page tells a patron first, in the words patrons use.

The top of a program page answers "can I come, and how?": the next session (when, where, in
person or online), whether to register or just come along, the cost, who it is for and in which
languages. The stage is named in plain terms, and a program where people come to shape the work
(a consultation, a listening session, a planning meeting) is labelled "Have your say", apart from
programs people simply attend.
"""

import dataclasses

from django.utils.translation import gettext_lazy as _

from clpages.stages import (
    HAVE_YOUR_SAY_STAGES,
    STAGE_PLAIN_NAMES,
    ProgramKind,
    Registration,
    SessionStatus,
    Stage,
)

HAVE_YOUR_SAY = _("Have your say")
PROGRAM = _("Program")


@dataclasses.dataclass(frozen=True)
class NextSession:
    """The next session a patron can come to, and how they join it."""

    session: object  # a SessionOccurrence
    # Whether sooner sessions are full: the page then says this is the next one *with places*.
    after_full: bool = False

    @classmethod
    def among(cls, sessions):
        """The first of `sessions` (upcoming, soonest first) with places, or None.

        Cancelled sessions never count. When every session going ahead is full, the first of them
        is shown as full, so the patron learns why there is nothing to register for.
        """
        going_ahead = [session for session in sessions if session.status != SessionStatus.CANCELLED]
        if not going_ahead:
            return None
        with_places = next((s for s in going_ahead if not s.is_full), None)
        if with_places is None:
            return cls(going_ahead[0])
        return cls(with_places, after_full=with_places is not going_ahead[0])

    @property
    def is_full(self):
        return self.session.is_full

    @property
    def needs_registration(self):
        return self.session.registration != Registration.NONE

    @property
    def registration_state(self):
        """How registration on this website stands for this date (clpages.joining), or None."""
        return getattr(self.session, "registration_state", None)

    @property
    def joins_waitlist(self):
        state = self.registration_state
        return bool(state and state.is_full and state.waitlist_open and state.url)

    @property
    def register_url(self):
        """Where "Register" leads: this website's form while it takes registrations (its waiting
        list once full), the registration link when the session has one, else "" (the page then
        says to ask the library). Never for a full session without a waiting list."""
        if self.joins_waitlist:
            return self.registration_state.url
        if self.is_full or not self.needs_registration:
            return ""
        if self.session.registration == Registration.ON_SITE:
            state = self.registration_state
            return state.url if state and state.is_open else ""
        return self.session.registration_url


class ProgramWordsMixin:
    """A program's stage and kind, as public pages name them."""

    @property
    def stage_name(self):
        """The stage in plain terms ("Getting to know the community")."""
        return STAGE_PLAIN_NAMES.get(self.stage) or self.get_stage_display()

    @property
    def stage_steps(self):
        return [
            {
                "value": stage.value,
                "label": STAGE_PLAIN_NAMES[stage],
                "current": stage == self.stage,
                "done": stage < self.stage,
            }
            for stage in Stage
        ]

    @property
    def is_have_your_say(self):
        """Whether people come to shape the work rather than to take part in a program."""
        if self.kind == ProgramKind.BY_STAGE:
            return self.stage in HAVE_YOUR_SAY_STAGES
        return self.kind == ProgramKind.HAVE_YOUR_SAY

    @property
    def kind_label(self):
        return HAVE_YOUR_SAY if self.is_have_your_say else PROGRAM
