"""The one date format and the one time format of public pages, in the active language (clpages.formats)."""

from django import template
from django.template.defaultfilters import date as format_date

from clpages import formats

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def long_date(value):
    """Tuesday 8 December 2026 (mardi 8 décembre 2026), for a date or a datetime (in local time)."""
    return format_date(value, formats.date_format())


@register.filter(expects_localtime=True, is_safe=False)
def time_of_day(value):
    """6:30 PM (18:30), for a datetime (in local time)."""
    return format_date(value, formats.time_format())
