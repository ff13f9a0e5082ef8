"""The dates of many registrations at once, for the work that runs on a schedule.

A registration names its date by key (clpages.models.occurrences.occurrence_key), which is
worked out from a stored date rather than stored with it: so the dates of their sessions are
read once, in two queries, and matched here.
"""

from django.apps import apps

from clpages.registrations.models import SERIES
from clpages.registrations.places import as_told
from clpages.stages import SessionStatus


class SessionDates:
    def __init__(self, session_ids):
        session_model = apps.get_model("clpages", "ProgramSession")
        self.sessions = session_model.objects.select_related("location", "program").in_bulk(set(session_ids))
        self._dates = {session_id: [] for session_id in self.sessions}
        occurrences = apps.get_model("clpages", "SessionOccurrence").objects.filter(
            session_id__in=self.sessions
        )
        for date in occurrences.order_by("start", "pk"):
            date.session = self.sessions[date.session_id]
            self._dates[date.session_id].append(date)

    def of(self, registration):
        """Its dates: one, every date of its series, or none when the date is no longer planned."""
        dates = self._dates.get(registration.session_id, [])
        if registration.date_key == SERIES:
            return dates
        return [date for date in dates if date.key == registration.date_key]

    def session(self, registration):
        return self.sessions[registration.session_id]

    def as_told(self, registration):
        """When and where it is now, as Registration.told_start and told_place say it."""
        dates = self.of(registration)
        return as_told(self.session(registration), registration.date_key, dates[0] if dates else None)

    def ends(self, registration):
        """When its last date ends (cancelled or not), or None when none is planned."""
        dates = self.of(registration)
        return max(date.end for date in dates) if dates else None

    def last_held_end(self, registration):
        """When its last date that goes ahead ends, or None when none does."""
        ends = [date.end for date in self.of(registration) if date.status != SessionStatus.CANCELLED]
        return max(ends) if ends else None
