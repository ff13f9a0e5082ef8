"""The emails a registration sends: what happened, the patron's own link, and the date's .ics.

Written from templates (``clpages_registrations/emails/<kind>.txt``), plain text, in the
words of the page. Sent by the task in ``tasks``, never while a patron's request waits.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from clpages.programs.ical import build_calendar
from clpages.registrations.links import manage_path
from clpages.registrations.models import Registration, RegistrationStatus
from clpages.registrations.places import date_label, dates_of

SUBJECTS = {
    "confirmed": "You are registered: {title}",
    "waitlisted": "You are on the waiting list: {title}",
    "promoted": "A place came free: you are registered for {title}",
    "already": "You are already registered: {title}",
    "cancelled": "Your registration is cancelled: {title}",
    "changed": "Your registration has changed: {title}",
}


def _absolute(site, path):
    return site.root_url.rstrip("/") + path if site else path


def build_message(registration, kind):
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
    }
    message = EmailMessage(
        subject=SUBJECTS[kind].format(title=program.title),
        body=render_to_string(f"clpages_registrations/emails/{kind}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    if registration.status == RegistrationStatus.CONFIRMED and kind != "cancelled":
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


def send(registration_id, kind):
    registration = Registration.objects.select_related("session__program", "session__location").filter(
        pk=registration_id, erased_at__isnull=True
    )
    registration = registration.first()
    if registration is None:
        return False
    build_message(registration, kind).send()
    return True
