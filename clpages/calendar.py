"""The upcoming calendar: sessions day by day for this week, next week or this month.

Cancelled sessions stay in the list, marked, so a patron who planned to go learns it here.
"""

import dataclasses
import datetime
from itertools import groupby

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone

from .filters import (
    ProgramFilterForm,
    day_start,
    index_programs,
    join_querystrings,
    listed_sessions,
    next_month,
    not_one_of,
)

PERIODS = [
    ("this-week", "This week"),
    ("next-week", "Next week"),
    ("month", "This month"),
]
PERIOD_LABELS = dict(PERIODS)
# A long month in a large library system is read a page at a time, never all at once.
SESSIONS_PER_PAGE = 100


class CalendarFilterForm(ProgramFilterForm):
    """The listing's filters without its date choices: the calendar's period takes their place."""

    period = forms.ChoiceField(
        label="Show",
        choices=PERIODS,
        required=False,
        error_messages={"invalid_choice": not_one_of("the periods")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("when", "date_from", "date_to", "include_past"):
            del self.fields[name]

    def chosen_period(self):
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("period") or "this-week"


def period_window(period, now=None):
    """(start, end) of a period; what has already ended today is not upcoming."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    monday = today - datetime.timedelta(days=today.weekday())
    if period == "next-week":
        return day_start(monday + datetime.timedelta(days=7)), day_start(monday + datetime.timedelta(days=14))
    if period == "month":
        return now, day_start(next_month(today.replace(day=1)))
    return now, day_start(monday + datetime.timedelta(days=7))


def calendar_sessions(index, filters, period, now=None):
    now = now or timezone.now()
    start, end = period_window(period, now)
    # The period replaces the listing's dates; past sessions are never "upcoming".
    filters = dataclasses.replace(filters, when="", date_from=None, date_to=None, include_past=False)
    sessions = listed_sessions().filter(end__gt=start, start__lt=end).order_by("start", "pk")
    return filters.sessions(sessions, index_programs(index), now)


def group_by_day(sessions):
    """[(date, [sessions])] in local time, for the day headings."""
    return [
        (day, list(day_sessions))
        for day, day_sessions in groupby(sessions, key=lambda s: timezone.localdate(s.start))
    ]


def serve_calendar(index, request):
    form = CalendarFilterForm(request.GET)
    filters = form.filters()
    period = form.chosen_period()
    now = timezone.now()
    window = period_window(period, now)
    paginator = Paginator(calendar_sessions(index, filters, period, now), SESSIONS_PER_PAGE)
    items = paginator.get_page(request.GET.get("page"))
    # Every program listed is a child of the index: its URL is the index's plus its slug, without
    # routing each of up to a hundred pages through the site's URL lookup.
    index_url = index.get_url(request)
    for session in items:
        session.program_url = f"{index_url}{session.program.slug}/"
    querystring = filters.querystring()
    context = index.get_context(request, listing=False)
    context.update(
        {
            "form": form,
            "filters": filters,
            "period": period,
            "period_label": PERIOD_LABELS[period],
            "periods": [
                (value, label, join_querystrings(querystring, f"period={value}")) for value, label in PERIODS
            ],
            "first_day": timezone.localdate(window[0]),
            "last_day": timezone.localdate(window[1] - datetime.timedelta(microseconds=1)),
            "items": items,
            "days": group_by_day(items),
            "querystring": join_querystrings(querystring, f"period={period}"),
            "filter_querystring": querystring,
            "filters_in_use": [
                (label, text, join_querystrings(without, f"period={period}"))
                for label, text, without in filters.in_use(form)
            ],
        }
    )
    return TemplateResponse(request, "clpages/calendar_page.html", context)
