"""What a program page tells a patron, in the words patrons use.

The stage is named in plain terms, and a program where people come to shape the work (a
consultation, a listening session, a planning meeting) is labelled "Have your say", apart from
programs people simply attend.
"""

from clpages.stages import (
    HAVE_YOUR_SAY_STAGES,
    STAGE_PLAIN_NAMES,
    ProgramKind,
    Stage,
)

HAVE_YOUR_SAY = "Have your say"
PROGRAM = "Program"


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
