"""A question's answers as a spreadsheet (CSV), for library staff and the page's co-leads.

Every cell goes through ``clpages.spreadsheets.safe_cell``: an answer that looks like a
formula opens as the text that was typed.
"""

import csv
import io

from django.utils import timezone

from clpages.spreadsheets import safe_cell

HEADER = ["Received", "Answer", "Credit as", "Language", "May be quoted", "Status", "Moderated at"]


def _when(moment):
    # Sortable in any spreadsheet, in the library's own time zone.
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""


def _row(answer):
    erased = answer.erased_at is not None
    return [
        _when(answer.created_at),
        "(erased)" if erased else answer.text,
        "" if erased else answer.credit,
        answer.language.name if answer.language else "",
        "Yes" if answer.consent else "No",
        answer.get_status_display(),
        _when(answer.moderated_at),
    ]


def answers_csv(answers):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for answer in answers:
        writer.writerow([safe_cell(value) for value in _row(answer)])
    return out.getvalue()
