"""The rules a program list is read by, written once: visible to the public, upcoming, linked to
partner organisations; and how a session's place is written."""

from django.db.models import Q
from django.utils import timezone
from wagtail.query import PageQuerySet

from clpages.performance.visibility import public


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
        """Programs co-created with any of these partner organisations."""
        return self.filter(co_created_with__in=organisation_ids)


def place_label(location, address):
    """Where a session meets, as patrons read it: the listed venue and its address, or the
    address typed for a place that is not listed."""
    if location is not None:
        return f"{location.name}, {location.address}"
    return address
