"""Reading and checking an import file row by row, against a fixture of known good and bad rows
(files/known_rows.csv): each row's problems, in words, and nothing else."""

import datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clpages.measures.checking import NOTE_MAX_LENGTH, check_rows
from clpages.measures.reading import UnreadableFile, decode, read_upload, table

KNOWN_ROWS = (Path(__file__).parent / "files" / "known_rows.csv").read_bytes()
FAMILIES = SimpleNamespace(pk=1, name="Families who came back")
STORIES = SimpleNamespace(pk=2, name="Stories shared")
PERIOD = (datetime.date(2026, 2, 1), datetime.date(2026, 6, 30))

# Spreadsheet row number: the words its problem must contain (None: it can be imported).
EXPECTED = {
    2: None,
    3: None,
    4: None,
    5: None,
    6: "no measure named “Books borrowed”",
    7: "“01/03/2026” is not a date we can read",
    8: "“2026-02-30” is not a day of the calendar",
    9: "“1,234.5” is not a number",
    10: "“45%” is not a number",
    11: "has more than two decimals",
    12: "is too large",
    13: "the same as row 2",
    14: "Give a value, a note, or both",
    15: "The measure is missing",
    16: None,
}


def checked(data=KNOWN_ROWS, measures=(FAMILIES, STORIES), recorded=frozenset()):
    return check_rows(table(decode(data)).rows, measures, recorded, PERIOD)


def test_each_known_row_has_exactly_its_problem():
    rows = checked()
    assert [row.line for row in rows] == list(EXPECTED)
    for row in rows:
        words = EXPECTED[row.line]
        if words is None:
            assert row.problems == [], row.line
        else:
            assert len(row.problems) == 1 and words in row.problems[0], (row.line, row.problems)


def test_good_rows_are_read_as_values_dates_and_notes():
    good = {row.line: row for row in checked() if row.ok}
    assert (good[2].measure, good[2].date, good[2].value, good[2].note) == (
        FAMILIES,
        datetime.date(2026, 3, 1),
        Decimal("12.00"),
        "Spring term",
    )
    # Any case, spaces around; a comma before the decimals.
    assert (good[3].measure, good[3].value) == (FAMILIES, Decimal("13.50"))
    assert (good[4].measure, good[4].value) == (STORIES, None)


def test_a_formula_looking_note_is_kept_as_text_and_flagged():
    row = next(row for row in checked() if row.line == 5)
    assert row.ok and row.note == '=HYPERLINK("http://example.org")'
    assert "kept as text" in row.warnings[0]


def test_a_cell_exported_with_an_apostrophe_before_a_formula_is_read_as_typed():
    data = "measure,date,value,note\n'@Stories shared,2026-03-01,,'=1+1\nStories shared,2026-03-02,,'Tis\n"
    first, second = checked(data.encode(), measures=(SimpleNamespace(pk=2, name="@Stories shared"),))
    assert first.ok and first.note == "=1+1"
    assert second.note == "'Tis"  # an apostrophe before ordinary text is the note's own


def test_a_date_outside_the_period_is_a_warning_only():
    row = next(row for row in checked() if row.line == 16)
    assert row.ok and "outside the period" in row.warnings[0]


def test_the_unknown_measure_message_names_the_measures_there_are():
    row = next(row for row in checked() if row.line == 6)
    assert "Families who came back, Stories shared" in row.problems[0]


def test_a_result_already_recorded_is_refused():
    recorded = {(FAMILIES.pk, datetime.date(2026, 3, 1), Decimal("12"), "Spring term")}
    row = checked(recorded=recorded)[0]
    assert row.problems == ["This result is already recorded for this measure."]


def test_two_measures_with_one_name_refuse_the_row():
    twin = SimpleNamespace(pk=3, name="families who came back")
    row = checked(measures=(FAMILIES, twin, STORIES))[0]
    assert "Two measures are named" in row.problems[0]


def test_a_too_long_note_is_refused():
    data = f"measure,date,value,note\nStories shared,2026-03-01,,{'a' * (NOTE_MAX_LENGTH + 1)}\n"
    row = checked(data.encode())[0]
    assert "1,001 characters" in row.problems[0]


def test_semicolons_a_byte_order_mark_and_columns_in_any_order_are_read():
    data = "\ufeffnote;Value;date;MEASURE;source\nAutumn;3,5;2026-03-02;Stories shared;x\n".encode()
    read = table(decode(data))
    assert read.ignored_columns == ["source"]
    row = check_rows(read.rows, (STORIES,), set(), PERIOD)[0]
    assert row.ok and (row.value, row.note) == (Decimal("3.50"), "Autumn")


def test_a_note_column_is_optional_and_blank_rows_are_skipped():
    rows = checked(b"measure,date,value\n\nFamilies who came back,2026-03-01,4\n,,\n")
    assert [(row.line, row.ok) for row in rows] == [(3, True)]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "The file is empty"),
        (b"\xef\xbb\xbf", "The file is empty"),
        ("measure,date,value\nCaf\xe9,2026-03-01,1\n".encode("latin-1"), "not in UTF-8"),
        ("measure,date\n".encode("utf-16"), "not a CSV text file"),
        (b"name,when,how many\nx,2026-03-01,1\n", "Missing: measure, date, value"),
        (b"measure,date,value,value\n", "more than once: value"),
        (b'measure,date,value\n"Families,2026-03-01,1\n', "could not be read as CSV"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(data, words):
    with pytest.raises(UnreadableFile) as refused:
        table(decode(data))
    assert words in refused.value.message


def test_the_size_and_row_limits_are_kept(settings):
    settings.CLPAGES_RESULTS_IMPORT_MAX_BYTES = 100
    with pytest.raises(UnreadableFile, match="larger than"):
        read_upload(SimpleUploadedFile("big.csv", b"measure,date,value\n" + b"x,2026-03-01,1\n" * 10))
    settings.CLPAGES_RESULTS_IMPORT_MAX_ROWS = 3
    assert len(table(decode(b"measure,date,value\n" + b"x,2026-03-01,1\n" * 3)).rows) == 3
    with pytest.raises(UnreadableFile, match="more than 3 rows"):
        table(decode(b"measure,date,value\n" + b"x,2026-03-01,1\n" * 4))
