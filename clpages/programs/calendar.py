"""The upcoming calendar: sessions day by day for this week, next week or this month.

Each date of a repeating session is on its own day. Cancelled sessions stay in the list, marked,
so a patron who planned to go learns it here; a moved one is on its new day, saying from when.
"""

import dataclasses
import datetime
from itertools import groupby

from django import forms
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clpages import formats
from clpages.models import Location, ProgramPage, SessionOccurrence
from clpages.models.querysets import place_label
from clpages.programs.filters import ProgramFilterForm, day_start, next_month, not_one_of
from clpages.programs.listing import index_programs, join_querystrings, page_of_ids, session_rows
from clpages.recurrence import Change
from clpages.stages import SessionFormat, SessionStatus
from clpages.translated import default_language, original_of, translations_of

PERIODS = [
    ("this-week", _("This week")),
    ("next-week", _("Next week")),
    ("month", _("This month")),
]
PERIOD_LABELS = dict(PERIODS)
# A long month in a large library system is read a page at a time, never all at once.
SESSIONS_PER_PAGE = 100


class CalendarFilterForm(ProgramFilterForm):
    """The listing's filters without its date choices: the calendar's period takes their place."""

    period = forms.ChoiceField(
        label=_("Show"),
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
    sessions = SessionOccurrence.objects.filter(end__gt=start, start__lt=end).order_by("start", "pk")
    return filters.sessions(sessions, index_programs(index), now)


# What a line of the calendar shows, read as plain rows: a hundred sessions built as models,
# each with its program page and its place, cost more than the rest of the page.
LOCATION_COLUMNS = ["location__name", "location__street_address", "location__city", "location__postcode"]
LINE_COLUMNS = [
    "pk", "start", "end", "original_start", "status", "change", "note", "format", "session__address",
    "location_id", *LOCATION_COLUMNS, "program__title", "program__slug",
]  # fmt: skip
FORMAT_LABELS = dict(SessionFormat.choices)
STATUS_LABELS = dict(SessionStatus.choices)


@dataclasses.dataclass
class CalendarLine:
    """One session as the calendar prints it, times already in local time."""

    start: datetime.datetime
    end: datetime.datetime
    start_time: str
    end_time: str
    status: str
    status_label: str
    format_label: str
    place: str
    program_title: str
    program_url: str
    # A moved date: when the series had it. A note the editor added to a changed date.
    moved_from: datetime.datetime | None = None
    note: str = ""
    # The language of the program's title when it is not the visitor's (not translated yet).
    program_language: str = ""

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED


def moved_from(row):
    """When a moved date was before it moved, in local time; None for any other date."""
    return timezone.localtime(row["original_start"]) if row["change"] == Change.MOVED else None


def calendar_lines(ids, index_url, translated_index_url=None):
    """The sessions `ids`, in that order, as CalendarLines.

    Every program listed is a child of the index: its URL is the index's plus its slug, without
    routing each of up to a hundred pages through the site's URL lookup. With
    `translated_index_url` (a translation of the index), each program's title and address are
    its translation's where it has one (one query), else marked as in the default language.
    """
    if translated_index_url is None:
        return session_lines(
            session_rows(ids, LINE_COLUMNS), lambda row: f"{index_url}{row['program__slug']}/"
        )
    rows = session_rows(ids, [*LINE_COLUMNS, "program__translation_key"])
    translations = translations_of(
        ProgramPage, {row["program__translation_key"] for row in rows}, fields=("title", "slug")
    )
    for row in rows:
        translated = translations.get(row["program__translation_key"])
        if translated is None:
            row["program_language"] = default_language()
            row["program_url"] = f"{index_url}{row['program__slug']}/"
        else:
            row["program__title"] = translated.title
            row["program_url"] = f"{translated_index_url}{translated.slug}/"
    return session_lines(rows, lambda row: row["program_url"])


def session_lines(rows, program_url):
    """CalendarLines of session rows read with LINE_COLUMNS; `program_url(row)` links each one."""
    times = {}

    def clock(moment):
        # Sessions mostly start on the hour or half hour: format each time of day once.
        key = (moment.hour, moment.minute)
        if key not in times:
            times[key] = formats.time_of_day(moment)
        return times[key]

    places = {}

    def place(row):
        if not row["location_id"]:
            return row["session__address"]
        if row["location_id"] not in places:
            location = Location(**{key.removeprefix("location__"): row[key] for key in LOCATION_COLUMNS})
            places[row["location_id"]] = place_label(location, row["session__address"])
        return places[row["location_id"]]

    lines = []
    for row in rows:
        start, end = timezone.localtime(row["start"]), timezone.localtime(row["end"])
        lines.append(
            CalendarLine(
                start=start,
                end=end,
                start_time=clock(start),
                end_time=clock(end),
                status=row["status"],
                status_label=STATUS_LABELS.get(row["status"], row["status"]),
                format_label=FORMAT_LABELS.get(row["format"], row["format"]),
                place=place(row),
                program_title=row["program__title"],
                program_url=program_url(row),
                moved_from=moved_from(row),
                note=row["note"],
                program_language=row.get("program_language", ""),
            )
        )
    return lines


def group_by_day(lines):
    """[(date, [lines])] in local time, for the day headings."""
    return [(day, list(day_lines)) for day, day_lines in groupby(lines, key=lambda line: line.start.date())]


def serve_calendar(index, request):
    # A translated index shows its original's sessions (sessions belong to the originals).
    shown_index, index = index, original_of(index)
    form = CalendarFilterForm(request.GET)
    filters = form.filters()
    period = form.chosen_period()
    now = timezone.now()
    window = period_window(period, now)
    # Count and page the sessions' ids alone, then read the hundred shown: sorting whole rows
    # joined to their programs and places cost more than reading the page's lines again.
    # Counted alongside the page: a period's sessions are few, and PostgreSQL counted them by
    # collecting every running program first (10 ms at 10,000 programs, 2 for the page itself).
    items = page_of_ids(
        request, calendar_sessions(index, filters, period, now), SESSIONS_PER_PAGE, count_alongside=True
    )
    items.object_list = calendar_lines(
        items.object_list,
        index.get_url(request),
        shown_index.get_url(request) if shown_index is not index else None,
    )
    querystring = filters.querystring()
    context = shown_index.get_context(request, listing=False)
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
