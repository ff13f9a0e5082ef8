"""What's on in the next seven days: the sessions of every program patrons may see under a page
(a site's home page), soonest first, read in a fixed number of queries whatever the catalogue."""

import dataclasses
import datetime

from django.utils import timezone

from clpages.models import ProgramPage, SessionOccurrence
from clpages.programs.calendar import LINE_COLUMNS, group_by_day, session_lines
from clpages.programs.listing import session_rows

DAYS_AHEAD = 7
# A home page gives a taste of the week; the calendar lists every session.
SESSIONS_SHOWN = 12


@dataclasses.dataclass
class SessionsAhead:
    days: list  # [(date, [CalendarLine])], in local time
    more: bool  # whether sessions beyond those shown fall in the same days
    first_day: datetime.date
    last_day: datetime.date


def sessions_ahead(root, request, now=None, days_ahead=DAYS_AHEAD, shown=SESSIONS_SHOWN):
    """The first `shown` sessions under `root` still to end in the next `days_ahead` days.

    Cancelled sessions stay in the list, marked, as on the calendar: a patron who planned to go
    learns it here.
    """
    now = now or timezone.now()
    end = now + datetime.timedelta(days=days_ahead)
    programs = ProgramPage.objects.descendant_of(root).visible()
    sessions = SessionOccurrence.objects.filter(
        end__gt=now, start__lt=end, program__in=programs.values("pk")
    ).order_by("start", "pk")
    # One more than shown says whether there are more, without counting them all.
    ids = list(sessions.values_list("pk", flat=True)[: shown + 1])
    # Programs may sit under any index below the root: each URL is the root's plus the part of
    # the program's path below it, without routing each page through the site's URL lookup.
    root_url = root.get_url(request) or "/"
    below_root = len(root.url_path)
    rows = session_rows(ids[:shown], [*LINE_COLUMNS, "program__url_path"])
    lines = session_lines(rows, lambda row: root_url + row["program__url_path"][below_root:])
    return SessionsAhead(
        days=group_by_day(lines),
        more=len(ids) > shown,
        first_day=timezone.localdate(now),
        last_day=timezone.localdate(end),
    )
