"""Cells of a CSV file people open in a spreadsheet application, safe to open.

Anyone can type anything into a public form. A spreadsheet application reads a cell starting
with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some read past) as a
formula, which can run commands or send the sheet's data away: such cells get a leading
apostrophe, so they open as the text that was typed.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
