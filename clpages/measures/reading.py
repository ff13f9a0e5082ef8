"""Reading an uploaded CSV file into rows of text, before any row is checked.

Whatever stops the whole file from being read (too big, not UTF-8, no header, too many rows,
broken quoting) is an ``UnreadableFile`` with a message in words; nothing is saved.
"""

import csv
import io
from dataclasses import dataclass

from clpages.conf import setting

COLUMNS = ("measure", "date", "value", "note")
REQUIRED = ("measure", "date", "value")
# Spreadsheets set to a language that writes decimals with a comma save CSV with semicolons.
DELIMITERS = (",", ";", "\t")


class UnreadableFile(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class RawRow:
    line: int  # the row's number in the spreadsheet, the header being row 1
    cells: dict


@dataclass
class Table:
    rows: list
    ignored_columns: list


def max_bytes():
    return int(setting("CLPAGES_RESULTS_IMPORT_MAX_BYTES"))


def max_rows():
    return int(setting("CLPAGES_RESULTS_IMPORT_MAX_ROWS"))


def size_words(size):
    # Megabytes as people and file managers count them (1 MB is a million bytes).
    return f"{size / 1_000_000:g} MB" if size >= 100_000 else f"{size / 1000:g} KB"


def _too_big():
    return UnreadableFile(
        f"The file is larger than {size_words(max_bytes())}. Split it into smaller files "
        "and import them one after the other."
    )


def read_upload(upload):
    """The uploaded file's text, read no further than the size limit."""
    if upload.size > max_bytes():
        raise _too_big()
    data = upload.read(max_bytes() + 1)
    if len(data) > max_bytes():
        raise _too_big()
    return decode(data)


def decode(data):
    if b"\x00" in data:
        raise UnreadableFile(
            "This is not a CSV text file (it may be a workbook such as .xlsx, or text in UTF-16). "
            "In your spreadsheet, save or download it as “CSV UTF-8” and upload that file."
        )
    try:
        # utf-8-sig drops the byte order mark some spreadsheets write first.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(
            "The file is not in UTF-8, so its letters could not be read reliably. In your "
            "spreadsheet, save or download it as “CSV UTF-8” and upload that file."
        ) from None
    if not text.strip():
        raise UnreadableFile("The file is empty.")
    return text


def _delimiter(text):
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=header.count)


def _columns(header):
    names = [cell.strip().lower() for cell in header]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise UnreadableFile(
            "The first row must name the columns: measure, date, value, and note if there are "
            f"notes. Missing: {', '.join(missing)}."
        )
    repeated = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if repeated:
        raise UnreadableFile(f"The first row names these columns more than once: {', '.join(repeated)}.")
    positions = {name: names.index(name) for name in COLUMNS if name in names}
    ignored = [cell.strip() for cell, name in zip(header, names, strict=True) if name and name not in COLUMNS]
    return positions, ignored


def table(text):
    """The file's rows as text by column name; blank rows are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        positions, ignored = _columns(next(reader))
        rows = []
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) == max_rows():
                raise UnreadableFile(
                    f"The file has more than {max_rows():,} rows. Split it into smaller files and "
                    "import them one after the other."
                )
            values = {name: cells[i] if i < len(cells) else "" for name, i in positions.items()}
            rows.append(RawRow(start, values))
    except csv.Error as error:
        raise UnreadableFile(
            f"Row {reader.line_num} could not be read as CSV ({error}). Check its quotation marks."
        ) from None
    return Table(rows, ignored)
