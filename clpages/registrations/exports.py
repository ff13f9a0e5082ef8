"""A date's registrations as a spreadsheet (CSV), for the people running the session.

Anyone can type anything into the registration form, so every cell goes through
``clpages.spreadsheets.safe_cell``: what looks like a formula opens as the text that was typed.
"""

import csv
import io

from django.utils import timezone

from clpages.registrations.models import RegistrationStatus
from clpages.spreadsheets import safe_cell

HEADER = [
    "List",
    "Name",
    "Email address",
    "Phone number",
    "Places",
    "Access needs",
    "Registered at",
    "Came",
]


def _came(registration):
    if registration.attended is None:
        return ""
    return "Yes" if registration.attended else "No"


def _row(registration):
    registered_at = timezone.localtime(registration.created_at)
    erased = registration.erased_at is not None
    return [
        "Registered" if registration.status == RegistrationStatus.CONFIRMED else "Waiting list",
        "(erased)" if erased else registration.name,
        "" if erased else registration.email,
        "" if erased else registration.phone,
        registration.places,
        "; ".join(registration.access_needs),
        # Sortable in any spreadsheet, in the library's own time zone.
        f"{registered_at:%Y-%m-%d %H:%M}",
        _came(registration),
    ]


def registrations_csv(confirmed, waiting):
    """The registrations, then the waiting list, as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for registration in [*confirmed, *waiting]:
        writer.writerow([safe_cell(value) for value in _row(registration)])
    return out.getvalue()
