"""The dates of a session that repeats, worked out from plain fields.

Editors choose how often a session repeats and when the series ends (a last date or a number of
sessions); they never type a rule. python-dateutil's ``rrule`` (RFC 5545's recurrence rules)
does the calendar arithmetic. Dates repeat in the site's local time, so a 6 pm session stays at
6 pm when daylight saving time starts or ends.

Changes to single dates (cancelled, or moved to another date or time) are applied on top, by
the date they change. Nothing here reads the database: the page preview, the page form's checks
and the stored occurrences (clpages.models.occurrences) all use these same functions.
"""

import dataclasses
import datetime
import itertools

from dateutil import rrule
from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import gettext, gettext_lazy, pgettext


class Repeat(models.TextChoices):
    NONE = "none", "Does not repeat"
    WEEKLY = "weekly", "Every week"
    FORTNIGHTLY = "fortnightly", "Every two weeks"
    MONTHLY = "monthly", "Every month, on the same weekday (for example the 2nd Tuesday)"


class Change(models.TextChoices):
    CANCELLED = "cancelled", "Cancelled"
    MOVED = "moved", "Moved to another date or time"


ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}
# A monthly series in words, by its week of the month: whole sentences, so each language can put
# the ordinal where it goes.
MONTHLY = {
    1: gettext_lazy("The 1st %(weekday)s of each month"),
    2: gettext_lazy("The 2nd %(weekday)s of each month"),
    3: gettext_lazy("The 3rd %(weekday)s of each month"),
    4: gettext_lazy("The 4th %(weekday)s of each month"),
    -1: gettext_lazy("The last %(weekday)s of each month"),
}


def long_date(day):
    """'Tuesday 9 March 2027', as the public pages write a date."""
    return dateformat.format(day, "l j F Y")


def week_of_month(day):
    """Which of its weekday the date is in its month: 1 to 4, or -1 for a fifth (the last).

    A series started on a fifth Tuesday goes on on the last Tuesday of each month: most months
    have no fifth one, and "the last Tuesday" is what people mean by it.
    """
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None)


def _rule(first, repeat, until, count):
    ends = {}
    if count:
        ends["count"] = count
    elif until:
        ends["until"] = datetime.datetime.combine(until, datetime.time.max)
    if repeat == Repeat.MONTHLY:
        weekday = rrule.weekday(first.weekday(), week_of_month(first))
        return rrule.rrule(rrule.MONTHLY, dtstart=first, byweekday=weekday, **ends)
    interval = 2 if repeat == Repeat.FORTNIGHTLY else 1
    return rrule.rrule(rrule.WEEKLY, dtstart=first, interval=interval, **ends)


def series_starts(start, repeat, until=None, count=None, limit=52):
    """Local (naive) start times of a series whose first session starts at `start` (aware).

    At most ``limit + 1`` of them, so a caller can tell a series over the limit, and never an
    endless list: a series with no end yet (an editor still typing) stops there too.
    """
    first = _local(start)
    if not repeat or repeat == Repeat.NONE:
        return [first]
    return list(itertools.islice(_rule(first, repeat, until, count), limit + 1))


@dataclasses.dataclass
class Planned:
    """One date of a session, its change applied; times are aware."""

    position: int
    original_start: datetime.datetime
    start: datetime.datetime
    end: datetime.datetime
    change: str = ""
    note: str = ""


def plan(start, end, repeat, until=None, count=None, changes=(), limit=52):
    """Every date of a session, in series order, with its changes to single dates applied.

    `changes` are objects with ``date``, ``change``, ``new_start``, ``new_end`` and ``note``
    (saved SessionExceptions or a form's rows); one for a date the series does not have is
    left out, and the first one for a date wins. Beyond `limit` dates nothing is planned.
    """
    length = _local(end) - _local(start)
    by_date = {}
    for change in changes:
        if change.date is not None:
            by_date.setdefault(change.date, change)
    planned = []
    for position, local_start in enumerate(series_starts(start, repeat, until, count, limit)[:limit]):
        original_start = timezone.make_aware(local_start)
        original_end = timezone.make_aware(local_start + length)
        date = Planned(position, original_start, original_start, original_end)
        change = by_date.get(local_start.date())
        if change is not None and change.change == Change.CANCELLED:
            date.change, date.note = Change.CANCELLED, change.note or ""
        elif change is not None and change.change == Change.MOVED and change.new_start:
            date.change, date.note = Change.MOVED, change.note or ""
            date.start = change.new_start
            date.end = change.new_end or change.new_start + (original_end - original_start)
        planned.append(date)
    return planned


def series_problems(start, end, repeat, until, count, limit):
    """{field name: message} for a series that cannot be planned as it is; {} when it can."""
    if start is None or end is None:
        return {}
    if not repeat or repeat == Repeat.NONE:
        problems = {}
        if until:
            problems["repeat_until"] = (
                "A last date is for a session that repeats: choose how often, or clear it."
            )
        if count is not None:
            problems["repeat_count"] = (
                "A number of sessions is for a session that repeats: choose how often, or clear it."
            )
        return problems
    if count is not None and count < 1:
        return {"repeat_count": "A series has at least one session."}
    if until and count:
        return {"repeat_count": "Give a last date or a number of sessions, not both."}
    if not until and not count:
        return {"repeat_until": "Say when the series ends: give its last date or its number of sessions."}
    first_day = _local(start).date()
    if until and until < first_day:
        return {
            "repeat_until": f"The last date must be on or after the first session, {long_date(first_day)}."
        }
    if count is not None and count > limit:
        return {"repeat_count": f"A series can have at most {limit} sessions."}
    if len(series_starts(start, repeat, until, count, limit)) > limit:
        return {
            "repeat_until": f"This series would have more than {limit} sessions. "
            f"Choose an earlier last date, or give a number of sessions (at most {limit})."
        }
    return {}


def series_dates(start, repeat, until=None, count=None, limit=52):
    """The local dates of a series, as changes to single dates name them."""
    return [local_start.date() for local_start in series_starts(start, repeat, until, count, limit)[:limit]]


def change_problem(day, dates, seen):
    """Why a change to the date `day` cannot apply to a series with these `dates`, or ""."""
    if day in seen:
        return f"{long_date(day)} already has a change in this series. Keep one change per date."
    if day not in dates:
        if len(dates) == 1:
            return f"This session is on {long_date(dates[0])}, not on {long_date(day)}."
        return (
            f"This series has no session on {long_date(day)}. "
            f"Its sessions run from {long_date(dates[0])} to {long_date(dates[-1])}: "
            "choose one of their dates."
        )
    return ""


def _time_of_day(moment):
    # clpages.formats.time_of_day, which this layer does not import: the same catalogue entry.
    return dateformat.format(moment, pgettext("clpages time of day format", "g:i A"))


def describe(start, end, repeat, last_start=None):
    """How often a series meets, in words for patrons:
    'Every Tuesday, 6:00 PM to 7:30 PM, until Tuesday 25 May 2027'."""
    first = _local(start)
    weekday = dateformat.format(first, "l")
    if repeat == Repeat.WEEKLY:
        text = gettext("Every %(weekday)s") % {"weekday": weekday}
    elif repeat == Repeat.FORTNIGHTLY:
        text = gettext("Every other %(weekday)s") % {"weekday": weekday}
    elif repeat == Repeat.MONTHLY:
        text = MONTHLY[week_of_month(first)] % {"weekday": weekday}
    else:
        return ""
    text += gettext(", %(start)s to %(end)s") % {
        "start": _time_of_day(first),
        "end": _time_of_day(_local(end)),
    }
    if last_start is not None:
        text += gettext(", until %(day)s") % {
            "day": dateformat.format(_local(last_start), pgettext("clpages long date format", "l j F Y"))
        }
    return text
