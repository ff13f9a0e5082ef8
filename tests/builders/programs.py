"""Programs, partnerships and evaluations, live, as an editor would publish them."""

import datetime

from django.utils import timezone

from clpages.models import (
    EvaluationMeasure,
    EvaluationPage,
    MeasureResult,
    PartnershipPage,
    ProgramPage,
    ProgramSession,
)
from clpages.stages import SessionFormat
from tests.builders.indexing import index_updates_skipped
from tests.builders.site import next_number

ADDRESS = "12 River Road, Riverbend"


def _weekly(count, location):
    """``count`` weekly two-hour sessions from three days ahead, at ``location`` or an address."""
    start = timezone.now() + datetime.timedelta(days=3)
    place = {"location": location} if location else {}
    return [
        (start + datetime.timedelta(days=7 * i), start + datetime.timedelta(days=7 * i, hours=2), place)
        for i in range(count)
    ]


def _add_session(program, start, end, fields):
    fields = dict(fields)
    fields.setdefault("format", SessionFormat.IN_PERSON)
    if fields["format"] != SessionFormat.IN_PERSON:
        fields.setdefault("online_url", "https://meet.example.org/room")
    if fields["format"] != SessionFormat.ONLINE and not fields.get("location"):
        fields.setdefault("address", ADDRESS)
    ProgramSession.objects.create(program=program, start=start, end=end, **fields)


def make_program(
    index,
    title=None,
    partners=(),
    sessions=1,
    location=None,
    *,
    audiences=(),
    languages=(),
    tags=(),
    quick=False,
    **fields,
):
    """A live program under ``index``, co-created with ``partners``.

    ``sessions`` is either a number of weekly sessions from three days ahead (at ``location``,
    or at an address), or a list of ``(start, end, fields)``: in person at an address unless the
    fields say otherwise, with a joining link when online. ``quick`` saves the program without
    a revision, for tests that need many programs.
    """
    title = title or f"Program {next_number()}"
    fields.setdefault("summary", f"{title}, planned with the community.")
    if quick:
        fields.setdefault("first_published_at", timezone.now())
        fields.setdefault("last_published_at", fields["first_published_at"])
    if isinstance(sessions, int):
        sessions = _weekly(sessions, location)
    with index_updates_skipped():
        program = ProgramPage(title=title, **fields)
        index.add_child(instance=program)
        for relation, values in (
            ("audiences", audiences),
            ("languages", languages),
            ("co_created_with", partners),
            ("tags", tags),
        ):
            if values:
                getattr(program, relation).set(list(values))
        for start, end, session_fields in sessions:
            _add_session(program, start, end, session_fields)
        revision = None if quick else program.save_revision()
    # The last save updates the indexes, from everything saved before it.
    if quick:
        program.save()
    else:
        revision.publish()
    return program


def make_partnership(index, partner, title=None, **kwargs):
    title = title or f"Partnership {next_number()}"
    kwargs.setdefault("summary", "Working together.")
    with index_updates_skipped():
        page = PartnershipPage(title=title, partner=partner, **kwargs)
        index.add_child(instance=page)
        revision = page.save_revision()
    revision.publish()  # the last save updates the indexes
    return page


def make_evaluation(index, program=None, partnership=None, title=None, **kwargs):
    title = title or f"Evaluation {next_number()}"
    kwargs.setdefault("summary", "How it went.")
    kwargs.setdefault("success_definition", "<p>Families feel at home in the library.</p>")
    kwargs.setdefault("success_agreed_by", "The planning group")
    kwargs.setdefault("success_agreed_on", datetime.date(2026, 1, 15))
    kwargs.setdefault("period_start", datetime.date(2026, 2, 1))
    kwargs.setdefault("period_end", datetime.date(2026, 6, 30))
    with index_updates_skipped():
        page = EvaluationPage(title=title, program=program, partnership=partnership, **kwargs)
        index.add_child(instance=page)
        revision = page.save_revision()
    revision.publish()  # the last save updates the indexes
    return page


def make_measure(evaluation, name="Families who came back", results=(), **kwargs):
    """A measure of an evaluation with results typed in the page: ``(date, value, note)`` each."""
    kwargs.setdefault("kind", "count")
    measure = EvaluationMeasure.objects.create(evaluation=evaluation, name=name, **kwargs)
    MeasureResult.objects.bulk_create(
        MeasureResult(measure=measure, entered_in=measure, date=date, value=value, note=note)
        for date, value, note in results
    )
    return measure
