"""Every measure of an evaluation with each of its results, as a spreadsheet (CSV).

Results are public information, so everyone who may edit the evaluation may download them; no
personal data is held in measures. It holds the stored measures and results, as published (a
draft's typed results are in its revision until it is published). Text cells go through
``safe_cell``, so a name or note that looks like a formula opens as text; numbers and dates are
written by the site itself, never typed, and stay numbers. The file can be imported again:
the import reads the measure, date, value and note columns and ignores the others.
"""

import csv
import io

from clpages.spreadsheets import safe_cell

HEADER = ["Measure", "Kind", "Unit", "Baseline", "Target", "Date", "Value", "Note", "Source", "Answers"]


def _number(value):
    return "" if value is None else str(value)


def _rows(measure):
    about = [
        safe_cell(measure.name),
        safe_cell(measure.get_kind_display()),
        safe_cell(measure.unit),
        _number(measure.baseline),
        _number(measure.target),
    ]
    results = measure.results.all()
    if not results:
        yield about + [""] * 5
    for result in results:
        yield about + [
            result.date.isoformat(),
            _number(result.value),
            safe_cell(result.note),
            safe_cell(result.get_source_display()),
            _number(result.answers),
        ]


def measures_csv(evaluation):
    """The evaluation's measures in page order, each result oldest first, as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for measure in evaluation.measures.prefetch_related("results"):
        writer.writerows(_rows(measure))
    return out.getvalue()
