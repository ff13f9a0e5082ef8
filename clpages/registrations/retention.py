"""Patron confidentiality: a registration's personal data is erased a set number of days after
its session (``CLPAGES_REGISTRATION_KEEP_DAYS``, counted from its last date's end).

Erased: the name, email address and phone number, and every access need, the ticked ones too:
they describe a person's body or health, and a session's few registrants could be recognised by
them. Kept, with no name: the row's session and date, its status, its places and whether they
came, which is what counting the session needs. The secret in the patron's link is replaced, so
the link stops working.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from clpages.conf import setting
from clpages.registrations.dates import SessionDates
from clpages.registrations.models import Registration, new_secret

ERASED = {
    "name": "",
    "email": "",
    "phone": "",
    "step_free_access": False,
    "interpreter": False,
    "interpreter_language": "",
    "captions": False,
    "sensory_friendly": False,
    "other_needs": "",
}


def erase_personal_data(now=None):
    """Erase the registrations whose dates ended more than the kept days ago; how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=setting("CLPAGES_REGISTRATION_KEEP_DAYS"))
    erased = 0
    with transaction.atomic():
        # A date that ended before the cutoff was registered for before it, too.
        registrations = list(
            Registration.objects.filter(erased_at__isnull=True, created_at__lt=cutoff).select_for_update(
                skip_locked=True
            )
        )
        dates = SessionDates(registration.session_id for registration in registrations)
        for registration in registrations:
            # A date no longer planned is counted from the registration's own day.
            ended = dates.ends(registration) or registration.created_at
            if ended >= cutoff:
                continue
            for field, value in ERASED.items():
                setattr(registration, field, value)
            registration.secret = new_secret()
            registration.erased_at = now
            registration.save(update_fields=[*ERASED, "secret", "erased_at"])
            erased += 1
    return erased
