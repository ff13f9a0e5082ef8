"""The emails a registration sends: what happened, the patron's own link, and the date's .ics.

Written from templates (``clpages_registrations/emails/<kind>.txt``), plain text, in the
words of the page. Sent by the task in ``tasks``, never while a patron's request waits.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.dateparse import parse_datetime
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from clpages.conf import setting
from clpages.programs.ical import build_calendar
from clpages.registrations.links import manage_path
from clpages.registrations.models import SERIES, Registration, RegistrationStatus
from clpages.registrations.places import date_label, dates_of, first_date, moment_label
from clpages.registrations.thank_you import thank_you_link

SUBJECTS = {
    "confirmed": _("You are registered: {title}"),
    "waitlisted": _("You are on the waiting list: {title}"),
    "promoted": _("A place came free: you are registered for {title}"),
    "already": _("You are already registered: {title}"),
    "cancelled": _("Your registration is cancelled: {title}"),
    "changed": _("Your registration has changed: {title}"),
    # Sent by `manage.py run_registrations`, and on publishing a change to the sessions.
    "reminder": _("A reminder: {title}"),
    "thank_you": _("Thank you: {title}"),
    "follow_up": _("How has it gone since? {title}"),
    "session_cancelled": _("Cancelled: {title}"),
    "session_changed": _("A new time or place: {title}"),
    "date_cancelled": _("One date is cancelled: {title}"),
    "date_changed": _("One date has a new time: {title}"),
}

# The patron's own cancellation needs no calendar file; after the session there is nothing to add.
# A change of time or place or a cancellation of the session carries the updated event, which
# calendar applications match to the one they hold.
WITHOUT_CALENDAR = {"cancelled", "thank_you", "follow_up"}


def _absolute(site, path):
    return site.root_url.rstrip("/") + path if site else path


def _details(registration, details):
    """What a scheduled email says beyond the registration: its date (for a whole series, the
    one ``date`` names), and what the patron was told before a change (``was_start``, ...)."""
    session = registration.session
    key = details.get("date") or (registration.date_key if registration.date_key != SERIES else "")
    date = first_date(session, key) if key else None
    was_start = parse_datetime(details["was_start"]) if details.get("was_start") else None
    return {
        "date": date,
        "date_when": moment_label(date.start) if date else "",
        "was_when": moment_label(was_start) if was_start else "",
        "was_place": details.get("was_place", ""),
        "time_changed": details.get("time_changed", False),
        "place_changed": details.get("place_changed", False),
        "back_on": details.get("back_on", False),
        # A registration the library cancelled from the admin, rather than the patron.
        "by_library": details.get("by_library", False),
    }


def build_message(registration, kind, details=None):
    session = registration.session
    program = session.program.specific
    site = program.get_site()
    context = {
        "registration": registration,
        "program": program,
        "session": session,
        "when": date_label(session, registration.date_key),
        "place": session.place_label,
        "program_url": program.get_full_url(),
        "manage_url": _absolute(site, manage_path(registration)),
        "kind": kind,
        "series": registration.date_key == SERIES,
        "keep_days": setting("CLPAGES_REGISTRATION_KEEP_DAYS"),
        **_details(registration, details or {}),
    }
    if kind in ("thank_you", "follow_up"):
        link = thank_you_link(registration) if kind == "thank_you" else (details or {}).get("survey", "")
        context["survey_url"] = _absolute(site, link) if link.startswith("/") else link
    message = EmailMessage(
        subject=SUBJECTS[kind].format(title=program.title),
        body=render_to_string(f"clpages_registrations/emails/{kind}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    if registration.status == RegistrationStatus.CONFIRMED and kind not in WITHOUT_CALENDAR:
        dates = [date for date in dates_of(session, registration.date_key)]
        for date in dates:
            date.program = program
        if dates:
            ical = build_calendar(
                dates,
                None,
                name=program.title,
                description=strip_tags(program.summary),
                program_url=lambda _program: context["program_url"],
                host=site.hostname if site else "localhost",
            )
            message.attach(f"{program.slug}.ics", ical, "text/calendar")
    return message


def send(registration_id, kind, details=None):
    registration = Registration.objects.select_related("session__program", "session__location").filter(
        pk=registration_id, erased_at__isnull=True
    )
    registration = registration.first()
    if registration is None:
        return False
    build_message(registration, kind, details).send()
    return True
