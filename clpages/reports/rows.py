"""The reports' rows, read in bulk: a fixed number of queries for a page of rows, however many.

Each row holds what the HTML table shows and what the spreadsheet exports (plain values: text,
numbers, dates); the views name the columns.
"""

import dataclasses
import functools

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clpages import formats
from clpages.charts import aims_lower, amount, goal_words, summary
from clpages.joining import places_taken
from clpages.models import SessionOccurrence
from clpages.models.programs import link_names
from clpages.stages import SessionStatus, Stage


def when_words(moment):
    """ "Tuesday 8 December 2026, 6:00 PM", in the site's time zone; "" for None."""
    if moment is None:
        return ""
    moment = timezone.localtime(moment)
    return f"{format_date(moment, formats.DATE)}, {format_date(moment, formats.TIME)}"


def with_next_date(programs, now=None):
    """Each program's ``next_date_id``: its first date still to end that is not cancelled."""
    first = (
        SessionOccurrence.objects.filter(program=OuterRef("pk"), end__gte=now or timezone.now())
        .exclude(status=SessionStatus.CANCELLED)
        .order_by("start", "pk")
        .values("pk")[:1]
    )
    return programs.annotate(next_date_id=Subquery(first))


def places_words(places):
    if places is None:
        return ""
    if places.capacity is None:
        words = ngettext(
            "%(taken)d place taken (no limit)", "%(taken)d places taken (no limit)", places.taken
        )
    else:
        words = ngettext(
            "%(taken)d of %(capacity)d place taken",
            "%(taken)d of %(capacity)d places taken",
            places.capacity,
        )
    words = words % {"taken": places.taken, "capacity": places.capacity}
    if places.waiting:
        words += ", " + ngettext("%(waiting)d waiting", "%(waiting)d waiting", places.waiting) % {
            "waiting": places.waiting
        }
    return words


@dataclasses.dataclass
class ProgramRow:
    program: object
    partners: str
    next_date: object  # a SessionOccurrence, or None
    places: object  # a clpages.joining.PlacesTaken, or None

    @property
    def title(self):
        return self.program.title

    @property
    def pk(self):
        return self.program.pk

    @property
    def stage(self):
        return Stage(self.program.stage).label

    @property
    def status(self):
        return _("Published") if self.program.live else _("Draft")

    @property
    def next_session(self):
        return when_words(self.next_date.start) if self.next_date else ""

    @property
    def next_session_status(self):
        if self.next_date is None or self.next_date.status == SessionStatus.SCHEDULED:
            return ""
        return self.next_date.get_status_display()

    @property
    def registrations(self):
        return places_words(self.places)

    @property
    def places_taken(self):
        return self.places.taken if self.places else None

    @property
    def capacity(self):
        return self.places.capacity if self.places else None

    @property
    def waiting(self):
        return self.places.waiting if self.places else None


def program_rows(programs):
    """ProgramRows of programs annotated ``with_next_date``, and whether an app counted
    registrations (False: the report leaves those columns out). Three queries at most."""
    programs = list(programs)
    ids = [program.pk for program in programs]
    names = link_names(ids, ["co_created_with"]) if ids else {}
    date_ids = [program.next_date_id for program in programs if program.next_date_id]
    dates = SessionOccurrence.objects.select_related("session").in_bulk(date_ids) if date_ids else {}
    taken = places_taken(list(dates.values()))
    rows = []
    for program in programs:
        date = dates.get(program.next_date_id)
        rows.append(
            ProgramRow(
                program=program,
                partners="; ".join(names.get((program.pk, "co_created_with"), [])),
                next_date=date,
                places=taken.get(date.key) if taken and date else None,
            )
        )
    return rows, taken is not None


@dataclasses.dataclass
class MeasureRow:
    measure: object
    partners: str

    @property
    def name(self):
        return self.measure.name

    @property
    def evaluation(self):
        return self.measure.evaluation

    @property
    def evaluation_title(self):
        return self.evaluation.title

    @property
    def program_title(self):
        evaluation = self.evaluation
        if evaluation.program_id:
            return evaluation.program.title
        return evaluation.partnership.title if evaluation.partnership_id else ""

    @property
    def period(self):
        evaluation = self.evaluation
        return f"{evaluation.period_start.isoformat()} – {evaluation.period_end.isoformat()}"

    @functools.cached_property
    def summary(self):
        measure = self.measure
        return summary(
            measure.sorted_results, baseline=measure.baseline, target=measure.target, unit=measure.unit
        )

    @property
    def latest_value(self):
        return self.measure.latest_value

    @property
    def latest_words(self):
        value = self.latest_value
        return amount(value, self.measure.unit) if value is not None else ""

    @property
    def latest_date(self):
        return self.summary.date

    @property
    def target(self):
        return self.measure.target

    @property
    def goal(self):
        measure = self.measure
        if measure.target is None:
            return ""
        return goal_words(measure.target, measure.unit, aims_lower(measure.baseline, measure.target))

    @property
    def unit(self):
        return self.measure.unit

    @property
    def standing(self):
        """ "Goal met", "Not yet", "No goal set" or "Nothing counted yet"."""
        found = self.summary
        if found.date is None:
            return _("Nothing counted yet")
        if found.met is None:
            return _("No goal set")
        return _("Goal met") if found.met else _("Not yet")

    @property
    def met(self):
        return self.summary.met


def measure_rows(measures):
    """MeasureRows of measures read with their evaluation, its program and partnership (and the
    partnership's partner) and their results prefetched: one more query, for the partners."""
    measures = list(measures)
    program_ids = {m.evaluation.program_id for m in measures if m.evaluation.program_id}
    names = link_names(program_ids, ["co_created_with"]) if program_ids else {}
    rows = []
    for measure in measures:
        evaluation = measure.evaluation
        found = list(names.get((evaluation.program_id, "co_created_with"), []))
        if evaluation.partnership_id and evaluation.partnership.partner.name not in found:
            found.append(evaluation.partnership.partner.name)
        rows.append(MeasureRow(measure=measure, partners="; ".join(found)))
    return rows
