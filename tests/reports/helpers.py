"""Reading the reports as a browser and a spreadsheet application would."""

import csv
import io

import openpyxl
from django.urls import reverse

REPORTS = ["programs", "measures", "next_steps"]


def url(name, results=False):
    return reverse(f"clpages_reports:{name}_results" if results else f"clpages_reports:{name}")


def every_url(name):
    """The report's screen, its results fragment and both downloads."""
    return [url(name), url(name, results=True), url(name) + "?export=csv", url(name) + "?export=xlsx"]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, name, **params):
    response = client.get(url(name), {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(body(response).decode())))


def xlsx_rows(client, name, **params):
    """The sheet's cells (openpyxl Cell objects, to check their types too)."""
    response = client.get(url(name), {**params, "export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    return [list(row) for row in workbook.active.iter_rows()]


def by_first_column(rows):
    """{first cell: {heading: cell}} for a CSV's rows after its heading row."""
    headings = rows[0]
    return {row[0]: dict(zip(headings, row, strict=True)) for row in rows[1:]}
