"""Follow-up surveys, some weeks after a date, sent by ``manage.py run_registrations``.

Registration asks nothing after the session itself. An app that runs outcome surveys answers
``clpages.joining.survey_links``: for a program, the surveys open to its patrons and how many
weeks after a date each is asked. Registrants who came (or were not marked absent) get the
follow-up's link once, ``followed_up_at`` recording it under a lock another run skips, as for
the thank-yous. A follow-up can only go while the registration still has its email address: one
asked later than ``CLPAGES_REGISTRATION_KEEP_DAYS`` after the date reaches nobody.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from clpages.conf import setting
from clpages.joining import survey_links
from clpages.registrations.dates import SessionDates
from clpages.registrations.models import Registration
from clpages.registrations.places import date_key_for
from clpages.registrations.schedule import THANK_YOU_WITHIN, _dates, _locked
from clpages.registrations.tasks import email_after_commit
from clpages.stages import SessionStatus


def _follow_ups(dates):
    """{program id: its first follow-up SurveyLink}, for the programs of these dates."""
    links = survey_links({date.session.program_id for date in dates})
    return {
        program_id: next(link for link in found if link.weeks_after)
        for program_id, found in links.items()
        if any(link.weeks_after for link in found)
    }


def send_follow_ups(now=None):
    """Send the follow-up survey to the registrants of dates that ended its weeks ago; how many."""
    now = now or timezone.now()
    kept = datetime.timedelta(days=setting("CLPAGES_REGISTRATION_KEEP_DAYS"))
    dates = [d for d in _dates(end__gt=now - kept, end__lte=now) if d.status != SessionStatus.CANCELLED]
    follow_ups = _follow_ups(dates)
    due = {}
    for date in dates:
        link = follow_ups.get(date.session.program_id)
        if link is None:
            continue
        # Missed runs must not send a pile of late ones: a few days' grace, as for thank-yous.
        asked_at = date.end + datetime.timedelta(weeks=link.weeks_after)
        if asked_at <= now < asked_at + THANK_YOU_WITHIN:
            due[(date.session_id, date_key_for(date.session, date))] = link
    sent = 0
    with transaction.atomic():
        waiting = (
            Registration.objects.confirmed().filter(followed_up_at__isnull=True).filter(~Q(attended=False))
        )
        registrations = _locked(due, waiting)
        held = SessionDates(registration.session_id for registration in registrations)
        for registration in registrations:
            link = due[(registration.session_id, registration.date_key)]
            # A series is followed up after its last date only.
            last = held.last_held_end(registration)
            if last is None or last + datetime.timedelta(weeks=link.weeks_after) > now:
                continue
            registration.followed_up_at = now
            registration.save(update_fields=["followed_up_at"])
            email_after_commit(registration, "follow_up", survey=link.url)
            sent += 1
    return sent


def immediate_survey_link(registration):
    """The thank-you's link: the program's survey asked right after a date, or ""."""
    program_id = registration.session.program_id
    for link in survey_links([program_id]).get(program_id, []):
        if not link.weeks_after:
            return link.url
    return ""
