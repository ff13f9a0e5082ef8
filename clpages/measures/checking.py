"""Checking each row of an import: its measure, date, value and note, in words a person can act on.

A row with a *problem* cannot be imported, and while any row has one nothing is. A *warning*
(a date outside the period covered, a note that looks like a spreadsheet formula) is shown and
the row is imported as it is.

Formats, chosen so no row can be read two ways: dates are year-month-day (2026-03-01), since
3/4/2026 is March in some systems and April in others; values are digits with ``.`` or ``,``
before the decimals (1234.5 or 1234,5) and no thousands separators, for the same reason. A row
is the same as another (and refused) when its measure, date, value and note are all the same.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.dateformat import format as format_date

from clpages.formats import DATE
from clpages.spreadsheets import looks_like_formula, unescaped_cell

NOTE_MAX_LENGTH = 1000
MEASURE_NAME_MAX_LENGTH = 200
# MeasureResult.value: 12 digits, 2 of them decimals.
LARGEST_VALUE = Decimal("9999999999.99")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
NAMES_LISTED = 10


def long_date(day):
    return format_date(day, DATE)


@dataclass
class ImportRow:
    line: int
    cells: dict
    measure: object = None
    date: datetime.date = None
    value: Decimal = None
    note: str = ""
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def key(self):
        return (self.measure.pk, self.date, self.value, self.note)


def _quoted(text, limit=60):
    text = text.strip()
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def _names(measures):
    names = [measure.name for measure in measures[:NAMES_LISTED]]
    more = len(measures) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def measures_by_name(measures):
    """Measures by their name, compared without case or surrounding spaces; a name two measures
    share maps to None, so no row can land on the wrong one."""
    found = {}
    for measure in measures:
        key = measure.name.strip().casefold()
        found[key] = None if key in found else measure
    return found


def _check_measure(row, by_name, measures):
    text = unescaped_cell(row.cells["measure"].strip())
    if not text:
        row.problems.append("The measure is missing.")
        return
    key = text.casefold()
    if key not in by_name:
        known = f" Its measures are: {_names(measures)}." if measures else " It has no measures yet."
        row.problems.append(
            f"This evaluation has no measure named {_quoted(text)}.{known} A measure added in a "
            "draft can be imported into once the page is published."
        )
    elif by_name[key] is None:
        row.problems.append(
            f"Two measures are named {_quoted(text)}: rename one in the page editor and publish it first."
        )
    else:
        row.measure = by_name[key]


def _check_date(row, period):
    text = row.cells["date"].strip()
    if not text:
        row.problems.append("The date is missing. Write it as year-month-day, for example 2026-03-01.")
        return
    if not ISO_DATE.fullmatch(text):
        row.problems.append(
            f"{_quoted(text)} is not a date we can read. Write it as year-month-day, for example 2026-03-01."
        )
        return
    try:
        row.date = datetime.date.fromisoformat(text)
    except ValueError:
        row.problems.append(f"{_quoted(text)} is not a day of the calendar.")
        return
    start, end = period
    if start and end and not start <= row.date <= end:
        row.warnings.append(
            f"{long_date(row.date)} is outside the period these results cover "
            f"({long_date(start)} to {long_date(end)})."
        )


def _check_value(row):
    text = row.cells["value"].strip()
    if not text:
        return
    if not NUMBER.fullmatch(text):
        row.problems.append(
            f"{_quoted(text)} is not a number. Write digits, with . or , before the decimals "
            "(1234.5 or 1234,5), without thousands separators, units or % signs."
        )
        return
    value = Decimal(text.replace(",", "."))
    if abs(value) > LARGEST_VALUE:
        row.problems.append(f"{_quoted(text)} is too large: the largest value is 9999999999.99.")
    elif value != value.quantize(Decimal("0.01")):
        row.problems.append(f"{_quoted(text)} has more than two decimals: round it to two.")
    else:
        row.value = value.quantize(Decimal("0.01"))


def _check_note(row):
    text = unescaped_cell(row.cells.get("note", "").strip())
    if len(text) > NOTE_MAX_LENGTH:
        row.problems.append(
            f"The note is {len(text):,} characters long; the most a note may have is {NOTE_MAX_LENGTH:,}."
        )
        return
    row.note = text
    if looks_like_formula(text) and text[:1] in "=+@":
        row.warnings.append(
            f"The note starts with “{text[0]}”, as spreadsheet formulas do: it is kept as text, "
            "never run, and exported with an apostrophe in front."
        )
    if not text and not row.cells["value"].strip():
        row.problems.append("Give a value, a note, or both.")


def check_rows(raw_rows, measures, recorded, period=(None, None)):
    """Each row checked against ``measures`` (the evaluation's) and ``recorded``, the keys
    (measure id, date, value, note) of the results they already have."""
    measures = list(measures)
    by_name = measures_by_name(measures)
    first_seen = {}
    rows = []
    for raw in raw_rows:
        row = ImportRow(raw.line, raw.cells)
        _check_measure(row, by_name, measures)
        _check_date(row, period)
        _check_value(row)
        _check_note(row)
        if row.ok:
            key = row.key()
            if key in first_seen:
                row.problems.append(f"This row is the same as row {first_seen[key]}.")
            elif key in recorded:
                row.problems.append("This result is already recorded for this measure.")
            else:
                first_seen[key] = row.line
        rows.append(row)
    return rows
