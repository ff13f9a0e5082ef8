"""The order of the listing with no choices made, soonest first, kept until it can change.

Most patrons open the program index without choosing anything. Ordering every upcoming
program by its next session is that page's costliest query (10 to 20 ms at 10,000 programs on
PostgreSQL), and its answer changes only in two ways: public content changes (a new content
generation, clpages.performance.cache), or one of the listed sessions ends. A session under way
still counts as a program's next one, so a program moves down the list, or leaves it, only when
a date of its own ends. The ids are therefore shared by every request until the first of those
ends, and read afresh after it.
"""

from django.db.models import Min

from clpages.models import SessionOccurrence
from clpages.performance.cache import shared_until


def soonest_ids(index, listing, filters, now):
    """The ids of every program ``filters`` (no choices made, soonest first) lists from
    ``listing`` (the index's programs), in order, as of ``now``."""

    def read():
        ids = list(filters.programs(listing, now).values_list("pk", flat=True))
        return ids, next_change(listing, now)

    # The order of the originals, the same in every language (clpages.locales).
    return shared_until(f"soonest-first:{index.pk}", read, now, per_language=False)


def next_change(programs, now):
    """When the soonest-first order of ``programs`` may next change with time alone: the first
    end, from ``now`` on, of any of their dates; None when none of them has a date ahead.

    Cancelled dates count: a program's last date keeps it listed as upcoming until it ends,
    even cancelled (ProgramQuerySet.upcoming).
    """
    ahead = SessionOccurrence.objects.filter(end__gte=now, program__in=programs.values("pk"))
    return ahead.aggregate(first_end=Min("end"))["first_end"]
