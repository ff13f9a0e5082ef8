"""Cells for spreadsheets (CSV) the admin hands out, safe to open in any spreadsheet application.

A spreadsheet application reads a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return, which some read past) as a formula, which can run commands or send the sheet's
data away: such cells get a leading apostrophe, so they open as the text that was typed.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text):
    return str(text).startswith(FORMULA_STARTS)


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def unescaped_cell(text):
    """A cell as typed before ``safe_cell``: files exported here can be read back unchanged."""
    return text[1:] if text.startswith("'") and looks_like_formula(text[1:]) else text
