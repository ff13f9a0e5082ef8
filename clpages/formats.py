"""How public pages write dates and times of day: one format for each, on every page.

A page that says "8 Dec" in one place and "Tuesday 8 December 2026" in another makes people
wonder whether these are different days; screen reader users hear every variant read out.
Templates use the ``long_date`` and ``time_of_day`` filters (``clpages_dates``), Python code
``long_date()`` and ``time_of_day()`` here, and machine-readable ``datetime`` attributes stay
ISO 8601.

Each format is a Django date format string that the language's catalogue translates, as Django's
own catalogues once did for DATE_FORMAT: French writes "mardi 8 décembre 2026" and "18:30", and
the weekday and month names come from Django's catalogues for the active language.
"""

from django.utils import dateformat
from django.utils.translation import pgettext

# Tuesday 8 December 2026: the weekday helps people plan, the year keeps old pages honest.
DATE = "l j F Y"
# 6:30 PM
TIME = "g:i A"
# 8 December 2026, for the limits of a range whose weekdays nobody needs.
DAY = "j F Y"


def date_format():
    """The long date format in the active language (DATE in English)."""
    return pgettext("clpages long date format", "l j F Y")


def time_format():
    """The time of day format in the active language (TIME in English)."""
    return pgettext("clpages time of day format", "g:i A")


def day_format():
    """The date format without the weekday in the active language (DAY in English)."""
    return pgettext("clpages date format without weekday", "j F Y")


def long_date(value):
    """Tuesday 8 December 2026 in English, mardi 8 décembre 2026 in French."""
    return dateformat.format(value, date_format())


def time_of_day(value):
    """6:30 PM in English, 18:30 in French."""
    return dateformat.format(value, time_format())


def day(value):
    """8 December 2026 in English, 8 décembre 2026 in French."""
    return dateformat.format(value, day_format())
