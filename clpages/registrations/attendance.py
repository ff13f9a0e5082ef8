"""How many people came to a program: an output statistic for its results and learning page.

Counts only, never who: the places of confirmed registrations marked as came, and the walk-ins
counted by whoever ran each date. Dates that have not started yet count for nothing.
"""

from django.apps import apps
from django.utils import timezone

from clpages.registrations.places import date_key_for
from clpages.registrations.running import counts_for


def _counts(program, first_day, last_day):
    dates = apps.get_model("clpages", "SessionOccurrence").objects.filter(
        program_id=program.pk, start__lte=timezone.now()
    )
    if first_day:
        dates = dates.filter(start__date__gte=first_day)
    if last_day:
        dates = dates.filter(start__date__lte=last_day)
    keys = {(date.session_id, date_key_for(date.session, date)) for date in dates.select_related("session")}
    return counts_for(keys).values()


def _summed(counts):
    attended = sum(count.attended for count in counts)
    walk_ins = sum(count.walk_ins for count in counts)
    return {
        "registered": sum(count.taken for count in counts),
        "attended": attended,
        "walk_ins": walk_ins,
        "total": attended + walk_ins,
    }


def attendance_for_program(program, first_day=None, last_day=None):
    """{"registered", "attended", "walk_ins", "total"} over the program's dates that have started,
    between these days if given: places registered, registered places that came, walk-ins, and
    everyone who came."""
    return _summed(list(_counts(program, first_day, last_day)))


def recorded_attendance(program, first_day=None, last_day=None):
    """The same counts, or None while nobody has taken attendance at any of these dates."""
    counts = list(_counts(program, first_day, last_day))
    if not any(count.recorded for count in counts):
        return None
    return _summed(counts)
