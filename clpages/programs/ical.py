"""iCalendar (RFC 5545) files of program sessions, for patrons' own calendar applications.

The `icalendar` library does the escaping (commas, semicolons, newlines) and line folding.
Times are written in UTC, which every calendar application reads without a VTIMEZONE.

A repeating session is written as one VEVENT per date (SessionOccurrence), not as an RRULE with
EXDATE and RECURRENCE-ID overrides: the feed is cut to a window, a cap and the patron's filters
date by date, which a rule cannot follow; and calendar applications agree on plain events,
while subscribed rules with moved instances are where they differ. Each date keeps its UID
(clpages.models.occurrences.occurrence_key) when it is moved or cancelled, so a subscribed
calendar updates it in place.
"""

import dataclasses
import datetime
import hashlib
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import dateformat, timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vDuration, vText
from wagtail.models import Site

from clpages.conf import setting
from clpages.models import Location, ProgramIndexPage, ProgramPage, SessionOccurrence
from clpages.models.occurrences import joining_link, occurrence_key
from clpages.models.querysets import place_label
from clpages.performance.cache import generation_for_request
from clpages.programs.filters import ProgramFilterForm
from clpages.programs.listing import index_programs, session_rows
from clpages.recurrence import Change
from clpages.stages import SessionFormat, SessionStatus
from clpages.translated import active_language, default_language, original_of, translations_of

CONTENT_TYPE = "text/calendar; charset=utf-8"

# A subscribed feed holds what is coming up soon, not years ahead: calendar applications poll it.
REFRESH = datetime.timedelta(hours=6)


def session_uid(session, host):
    """Stable across edits of the session, so calendar applications update rather than duplicate."""
    return f"{session.key}@{host}"


def session_location(session):
    place = place_label(session.location if session.location_id else None, session.address)
    if session.format == SessionFormat.ONLINE:
        return "Online"
    if session.format == SessionFormat.HYBRID:
        return f"{place} (or online)" if place else "Online"
    return place


def _in_language(language):
    """The LANGUAGE parameter of a text in ``language``: written in files served in another
    language than the default, whose texts are then in their own language or in the default
    (a program not translated yet); files in the default language stay as they always were."""
    return {"LANGUAGE": language} if language else None


def session_event(session, program_url, host, stamp):
    program = session.program
    # The program's words, and the file's own (labels, places), each in its language.
    words = _in_language(getattr(program, "language", None))
    labels = _in_language(getattr(session, "language", None))
    event = Event()
    event.add("uid", session_uid(session, host))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", session.start.astimezone(datetime.UTC))
    event.add("dtend", session.end.astimezone(datetime.UTC))
    cancelled = session.status == SessionStatus.CANCELLED
    # Some applications ignore STATUS in subscriptions, so the title says it too.
    event.add("summary", f"Cancelled: {program.title}" if cancelled else program.title, parameters=words)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("url", program_url)
    location = session_location(session)
    if location:
        event.add("location", location, parameters=labels)
    event.add("description", _description(session, program_url), parameters=words)
    if cancelled:
        event.add("transp", "TRANSPARENT")
    return event


def _description(session, program_url):
    program = session.program
    lines = [strip_tags(program.summary)]
    if session.change == Change.MOVED:
        moved_from = timezone.localtime(session.original_start)
        lines.append(f"Moved from {dateformat.format(moved_from, 'l j F Y, g:i A')}.")
    if session.note:
        lines.append(session.note)
    if session.status == SessionStatus.FULL:
        lines.append("This session is full.")
    if session.registration_url and session.status == SessionStatus.SCHEDULED:
        lines.append(f"Register: {session.registration_url}")
    elif session.registration == "required":
        lines.append("Registration required: ask at the library.")
    elif session.registration == "site" and session.status == SessionStatus.SCHEDULED:
        lines.append(f"Register on the program's page: {program_url}")
    if session.public_online_url:
        lines.append(f"Join online: {session.public_online_url}")
    lines.append(f"More about this program: {program_url}")
    return "\n".join(lines)


def build_calendar(sessions, request, name, description="", program_url=None, host=None):
    """The bytes of a VCALENDAR with one VEVENT per session (with `program` and `location` loaded).

    `program_url(program)` gives a program's full URL; by default the page works it out. Without
    a request (an email), `host` names the site and `program_url` is required.
    """
    host = host or _stable_host(request)
    # A calendar's name and description are one line each in calendar applications.
    name, description = vText(" ".join(name.split())), vText(" ".join(description.split()))
    cal = Calendar()
    cal.add("prodid", f"-//{host}//Community programs//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # icalendar escapes commas and semicolons only in values typed as TEXT; NAME and the X-WR-
    # properties are not typed by it, so plain strings went out unescaped and were cut short.
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", description)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    # A DURATION (PT6H), as Outlook reads it; untyped, a timedelta went out as "6:00:00".
    cal.add("x-published-ttl", vDuration(REFRESH))
    urls, wanted = {}, []
    for session in sessions:
        program = session.program
        if program.pk not in urls:
            urls[program.pk] = program_url(program) if program_url else program.get_full_url(request)
        # Without a METHOD, DTSTAMP is when the information was last revised: the program's
        # last publication, which keeps the file identical between requests.
        stamp = program.last_published_at or program.latest_revision_created_at or timezone.now()
        stamp = stamp.astimezone(datetime.UTC)
        wanted.append((session, urls[program.pk], stamp))
    head = cal.to_ical()
    assert head.endswith(CALENDAR_END)
    return head[: -len(CALENDAR_END)] + _event_texts(wanted, host) + CALENDAR_END


CALENDAR_END = b"END:VCALENDAR\r\n"
# Writing an event with icalendar costs about a millisecond, and calendar applications poll feeds
# that rarely change. So the events' text is kept under a key made of everything they show:
# any change to a session, its program, its place or the site gives a new key.
EVENT_CACHE_SECONDS = 24 * 3600


def _event_key(session, program_url, host, stamp):
    location = session.location if session.location_id else None
    return repr(
        (
            session.key,
            session.start.isoformat(),
            session.original_start.isoformat(),
            session.change,
            session.note,
            session.end.isoformat(),
            session.status,
            session.format,
            session.address,
            session.registration,
            session.registration_url,
            session.online_url,
            location and (location.name, location.address),
            session.program.title,
            session.program.summary,
            getattr(session.program, "language", None),
            getattr(session, "language", None),
            # The file's words (labels, "Online") are in the visitor's language.
            active_language(),
            program_url,
            host,
            stamp.isoformat(),
        )
    )


def _event_texts(wanted, host):
    """The VEVENT lines of every (session, url, stamp), written once and then kept."""
    shown = "\n".join(_event_key(session, url, host, stamp) for session, url, stamp in wanted)
    key = "clpages:ical:events:" + hashlib.sha256(shown.encode()).hexdigest()
    text = cache.get(key)
    if text is None:
        text = b"".join(session_event(session, url, host, stamp).to_ical() for session, url, stamp in wanted)
        cache.set(key, text, EVENT_CACHE_SECONDS)
    return text


def calendar_response(ical_bytes, filename=None):
    response = HttpResponse(ical_bytes, content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _stable_host(request):
    """The site's own host name, so UIDs do not change with the address a request came in on."""
    site = Site.find_for_request(request)
    if site and site.hostname and site.hostname != "*":
        return site.hostname
    return request.get_host().split(":")[0]


# Views ------------------------------------------------------------------------------------------
# Wagtail's page URLs cannot hold a dot, so `<page path>/calendar.ics` is a plain Django URL that
# finds the page itself: a program index gives the feed, a program gives its own sessions.


def page_calendar(request, page_path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = site.root_page.localized.specific.route(request, [c for c in page_path.split("/") if c]).page
    page = page.specific
    # Pages behind a login or password never leave the site as a file.
    if page.get_view_restrictions().exists():
        raise Http404
    if isinstance(page, ProgramIndexPage):
        return upcoming_feed(request, page)
    if isinstance(page, ProgramPage):
        return program_calendar(request, page)
    raise Http404


def program_calendar(request, program):
    """Every date of the program, past ones included, up to the feed's cap: upcoming ones first
    when a long-running program has more."""
    ahead = Case(When(end__gte=timezone.now(), then=Value(0)), default=Value(1), output_field=IntegerField())
    # Through the page's own relation, so each date's program is this page, not read again; a
    # translation's dates are its original's (clpages.i18n.originals), with its own words.
    dates = (
        original_of(program).occurrences.select_related("session", "location").order_by(ahead, "start", "pk")
    )
    sessions = sorted(
        dates[: setting("CLPAGES_ICAL_FEED_MAX_EVENTS")], key=lambda date: (date.start, date.pk)
    )
    cal = build_calendar(sessions, request, name=program.title, description=strip_tags(program.summary))
    return calendar_response(cal, filename=f"{program.slug}.ics")


def upcoming_feed(request, index):
    # A translated index's feed holds its original's sessions (sessions belong to the originals),
    # each program in the visitor's language where it has been translated.
    shown_index, index = index, original_of(index)
    form = ProgramFilterForm(request.GET)
    if not form.is_valid():
        problems = "\n".join(f"- {label}: {message}" for _, label, message in form.error_summary())
        return HttpResponseBadRequest(
            f"This calendar address has filters we cannot use:\n{problems}\n",
            content_type="text/plain; charset=utf-8",
        )
    filters = dataclasses.replace(form.filters(), include_past=False)
    now = timezone.now()
    sessions = filters.sessions(SessionOccurrence.objects.all(), index_programs(index), now)
    start, end = filters.window(now)
    if end is None:
        sessions = sessions.filter(
            start__lt=start + datetime.timedelta(days=setting("CLPAGES_ICAL_FEED_DAYS"))
        )
    # Choose the events by id first, then read their rows: joining every candidate session to
    # its program and place before cutting the list cost most of the feed.
    ids = list(
        sessions.order_by("start", "pk").values_list("pk", flat=True)[
            : setting("CLPAGES_ICAL_FEED_MAX_EVENTS")
        ]
    )
    # Every program in the feed is a child of the index, so its URL is the index's plus its slug.
    index_url = index.get_full_url(request)
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "Library")
    name = f"{site_name}: {shown_index.title}"
    # The file follows from its sessions' rows, the index's address and the host. The rows change
    # only with public content, which starts a new content generation (clpages.performance.cache), and
    # calendar applications poll feeds that rarely change: the file is written once per
    # generation and set of sessions, and its rows are read only then.
    shown = repr((generation_for_request(), ids, index_url, _stable_host(request), name, active_language()))
    key = "clpages:ical:feed:" + hashlib.sha256(shown.encode()).hexdigest()
    cal = cache.get(key)
    if cal is None:
        places = {}
        sessions = [_feed_session(row, places) for row in session_rows(ids, FEED_COLUMNS)]
        program_url = lambda program: f"{index_url}{program.slug}/"  # noqa: E731
        if shown_index is not index:
            program_url = _in_visitor_language(sessions, shown_index.get_full_url(request), program_url)
        cal = build_calendar(
            sessions,
            request,
            name=name,
            description="Upcoming sessions of programs co-created with the community.",
            program_url=program_url,
        )
        cache.set(key, cal, EVENT_CACHE_SECONDS)
    return calendar_response(cal)


def _in_visitor_language(sessions, translated_index_url, original_url):
    """Give the feed's programs their translation's title, summary and address where they have
    one (one query), each text its language; return how to link each program."""
    programs = {session.program.pk: session.program for session in sessions}
    translations = translations_of(
        ProgramPage,
        {program.translation_key for program in programs.values()},
        fields=("title", "slug", "summary"),
    )
    language, urls = active_language(), {}
    for program in programs.values():
        translated = translations.get(program.translation_key)
        if translated is None:
            program.language = default_language()
            urls[program.pk] = original_url(program)
        else:
            program.language = language
            program.title, program.summary = translated.title, translated.summary
            urls[program.pk] = f"{translated_index_url}{translated.slug}/"
    for session in sessions:
        session.language = language
    return lambda program: urls[program.pk]


# A feed of hundreds of sessions reads plain rows: building a page model for each costs more
# than writing the whole file.
FEED_COLUMNS = [
    "pk", "session_id", "position", "start", "end", "original_start", "status", "change", "note", "format",
    "session__address", "session__registration", "session__registration_url", "session__online_url",
    "location_id", "location__name", "location__street_address", "location__city",
    "location__postcode", "program_id", "program__title", "program__summary", "program__slug",
    "program__last_published_at", "program__latest_revision_created_at", "program__translation_key",
]  # fmt: skip


def _feed_session(row, places):
    def related(prefix):
        return {key.removeprefix(prefix): value for key, value in row.items() if key.startswith(prefix)}

    program = SimpleNamespace(pk=row["program_id"], **related("program__"))
    location = None
    if row["location_id"]:
        location = places.get(row["location_id"])
        if location is None:
            location = places[row["location_id"]] = Location(pk=row["location_id"], **related("location__"))
    own = {key: value for key, value in row.items() if "__" not in key}
    return SimpleNamespace(
        **own,
        **related("session__"),
        key=occurrence_key(row["session_id"], row["position"], row["original_start"]),
        program=program,
        location=location,
        public_online_url=joining_link(row["status"], row["session__online_url"]),
    )
