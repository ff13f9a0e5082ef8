"""Results imported from another system's spreadsheet: previewed, then saved all together or not at all.

Imported results go live at once, outside the page's revisions (``entered_in`` is empty), so
publishing never removes them; that is why only people who may publish the evaluation import.
Confirming reads the file again and checks every row against the measures and results as they
are then: if anything changed since the preview so that a row no longer fits, nothing is saved.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action
from wagtail.models import Page

from clpages.measures.checking import check_rows
from clpages.measures.reading import table
from clpages.models import MeasureResult, ResultSource
from clpages.performance.cache import new_generation

LOG_ACTION = "clpages.import_results"
BATCH_SIZE = 500


class ImportLogFormatter(LogFormatter):
    label = "Import results"

    def format_message(self, log_entry):
        count = log_entry.data.get("results", 0)
        return f"{count} result{'' if count == 1 else 's'} imported from a spreadsheet"


def register_log_actions(actions):
    actions.register_action(LOG_ACTION)(ImportLogFormatter)


@dataclass
class Preview:
    rows: list
    ignored_columns: list

    @property
    def problem_rows(self):
        return [row for row in self.rows if not row.ok]

    @property
    def can_import(self):
        return bool(self.rows) and not self.problem_rows


class ImportRefused(Exception):
    def __init__(self, preview):
        super().__init__("rows with problems")
        self.preview = preview


def _recorded(measures):
    results = MeasureResult.objects.filter(measure__in=measures)
    return set(results.values_list("measure_id", "date", "value", "note"))


def preview(evaluation, text):
    """Every row of ``text`` checked against the evaluation's stored measures and results.

    Raises reading.UnreadableFile when the file as a whole cannot be read."""
    read = table(text)
    measures = list(evaluation.measures.all())
    period = (evaluation.period_start, evaluation.period_end)
    return Preview(check_rows(read.rows, measures, _recorded(measures), period), read.ignored_columns)


def _results(rows):
    for row in rows:
        yield MeasureResult(
            measure=row.measure, date=row.date, value=row.value, note=row.note, source=ResultSource.IMPORT
        )


@transaction.atomic
def commit(evaluation, text, user):
    """Save every row of ``text`` as an imported result, or raise ImportRefused and save none."""
    # Two confirmations of one file at once: the second waits here, then finds its rows recorded.
    Page.objects.select_for_update().filter(pk=evaluation.pk).first()
    checked = preview(evaluation, text)
    if not checked.can_import:
        raise ImportRefused(checked)
    MeasureResult.objects.bulk_create(_results(checked.rows), batch_size=BATCH_SIZE)
    log_action(evaluation, LOG_ACTION, user=user, data={"results": len(checked.rows)})
    # The public page shows the new figures on its next view, page cache on.
    new_generation()
    return checked
