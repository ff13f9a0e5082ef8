"""The rules a program list is read by, written once: visible to the public, upcoming, linked to
partner organisations, in the order patrons read them; and how a session's place is written."""

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.query import PageQuerySet

from clpages.performance.visibility import public
from clpages.stages import SessionStatus


class ProgramQuerySet(PageQuerySet):
    def visible(self):
        """Live and outside every private section: the programs patrons may see."""
        return public(self.live())

    def upcoming(self, now=None, *, planned=True):
        """Programs with a session still to end; with ``planned``, also those still being planned
        (no session yet): community-led work patrons can join."""
        ahead = Q(last_session_end__gte=now or timezone.now())
        return self.filter(ahead | Q(last_session_end__isnull=True) if planned else ahead)

    def linked_to(self, organisation_ids):
        """Programs co-created with any of these partner organisations (the page type's own
        partner links, clpages.partners.linking)."""
        return self.filter(self.model.linked_to(organisation_ids))

    def with_next_session(self, sessions=None, now=None):
        """Each program's ``next_start``: when the first of ``sessions`` (a SessionOccurrence
        queryset; by default those still to end and not cancelled) starts, None without one.

        A subquery the database answers from the (program, start) index, once per program.
        """
        if sessions is None:
            sessions = (
                self.model._meta.get_field("occurrences")
                .related_model.objects.filter(end__gte=now or timezone.now())
                .exclude(status=SessionStatus.CANCELLED)
            )
        first = sessions.filter(program=OuterRef("pk")).order_by("start").values("start")[:1]
        return self.annotate(next_start=Subquery(first))

    def soonest_first(self):
        """By the next session's start; programs without one (still being planned, or over)
        after them; then by title, so the same start always lists in the same order."""
        programs = self if "next_start" in self.query.annotations else self.with_next_session()
        return programs.order_by(F("next_start").asc(nulls_last=True), "title", "pk")

    def newest_first(self):
        """The most recently published first."""
        return self.order_by("-first_published_at", "-pk")


def place_label(location, address):
    """Where a session meets, as patrons read it: the listed venue and its address, or the
    address typed for a place that is not listed."""
    if location is not None:
        return f"{location.name}, {location.address}"
    return address
