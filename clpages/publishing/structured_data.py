"""schema.org JSON-LD for program and partnership pages, so search engines and calendar
tools can show programs as events and credit the organisations behind them.

Builders return plain dicts; ``json_ld_script`` embeds them safely in a page.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from wagtail.models import Site

from clpages.conf import setting
from clpages.models import library_contact
from clpages.stages import Registration, SessionFormat, SessionStatus
from clpages.translated import default_language, language_of

SCHEMA = "https://schema.org"

ATTENDANCE_MODES = {
    SessionFormat.IN_PERSON: f"{SCHEMA}/OfflineEventAttendanceMode",
    SessionFormat.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    SessionFormat.HYBRID: f"{SCHEMA}/MixedEventAttendanceMode",
}

# The text of a JSON-LD script must not be able to close the element or open a comment:
# partner-authored text like "</script>" is written with JSON escapes instead.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element holding ``data``, safe to embed."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _absolute(request, url):
    if not url:
        return None
    return request.build_absolute_uri(url) if request is not None else url


def _image_url(request, image, filter_spec):
    if image is None:
        return None
    return _absolute(request, image.get_rendition(filter_spec).url)


def library_organization(request, contact=None):
    """The library as an organisation: its name, home page and public contact details."""
    site = Site.find_for_request(request) if request is not None else None
    contact = contact or library_contact(request)
    organization = {"@type": "Organization", "name": contact.name}
    if site is not None:
        organization["url"] = site.root_url + "/"
    if contact.phone:
        organization["telephone"] = contact.phone
    if contact.email:
        organization["email"] = contact.email
    if contact.has_address:
        address = {"@type": "PostalAddress"}
        for key, value in (
            ("streetAddress", contact.street_address),
            ("addressLocality", contact.city),
            ("addressRegion", contact.region),
            ("postalCode", contact.postcode),
        ):
            if value:
                address[key] = value
        organization["address"] = address
    return organization


def partner_reference(partner):
    """A co-creating partner, as credited on an event."""
    organization = {"@type": "Organization", "name": partner.name}
    if partner.website:
        organization["url"] = partner.website
    return organization


def _place(session):
    if session.location_id:
        location = session.location
        address = {"@type": "PostalAddress", "streetAddress": location.street_address}
        if location.city:
            address["addressLocality"] = location.city
        if location.postcode:
            address["postalCode"] = location.postcode
        return {"@type": "Place", "name": location.name, "address": address}
    if session.address:
        return {"@type": "Place", "name": session.address, "address": session.address}
    return None


def _location(session, page_url):
    place = _place(session)
    virtual = {"@type": "VirtualLocation", "url": session.public_online_url or page_url}
    if session.format == SessionFormat.ONLINE:
        return virtual
    if session.format == SessionFormat.HYBRID:
        return [place, virtual] if place else virtual
    return place


def _offer(program, session, page_url, currency):
    offer = {
        "@type": "Offer",
        "url": session.registration_url if session.registration == Registration.EXTERNAL else page_url,
        "availability": f"{SCHEMA}/SoldOut" if session.status == SessionStatus.FULL else f"{SCHEMA}/InStock",
    }
    if program.is_free:
        offer["price"] = 0
        offer["priceCurrency"] = currency or setting("CLPAGES_CURRENCY")
    elif program.cost_details:
        offer["description"] = program.cost_details
    return offer


def _event_status(session):
    if session.is_cancelled:
        return f"{SCHEMA}/EventCancelled"
    if getattr(session, "is_moved", False):
        return f"{SCHEMA}/EventRescheduled"
    # A full session still goes ahead: only a cancellation or a move changes its status.
    return f"{SCHEMA}/EventScheduled"


def session_event(program, session, *, page_url, organizers, image_url=None, currency=None):
    """One schema.org Event for one date of a session of a program (a SessionOccurrence); prices
    in ``currency`` (ISO 4217)."""
    # Unsaved sessions (in an editor's preview) have no id yet; their start time stands in.
    key = getattr(session, "key", None) or (
        f"session-{session.pk}" if session.pk else f"session-{localtime(session.start):%Y%m%dT%H%M}"
    )
    event = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": f"{page_url}#{key}",
        "name": program.title,
        "description": program.summary,
        "url": page_url,
        "startDate": localtime(session.start).isoformat(),
        "endDate": localtime(session.end).isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES.get(
            session.format, ATTENDANCE_MODES[SessionFormat.IN_PERSON]
        ),
        "eventStatus": _event_status(session),
        "organizer": organizers,
        "isAccessibleForFree": program.is_free,
        "offers": _offer(program, session, page_url, currency),
    }
    if getattr(session, "is_moved", False):
        event["previousStartDate"] = localtime(session.original_start).isoformat()
    location = _location(session, page_url)
    if location:
        event["location"] = location
    if session.capacity:
        event["maximumAttendeeCapacity"] = session.capacity
    if image_url:
        event["image"] = [image_url]
    return event


def program_events(program, sessions, partners, request):
    """Events for the given (upcoming) dates of a program, the soonest CLPAGES_JSON_LD_MAX_EVENTS,
    crediting the library and partners.

    One Event per date, not one with an eventSchedule: search engines show events by date (Google
    asks for an Event per date of a recurring event, and reads no eventSchedule), and a cancelled
    or moved date is said in its own Event (EventCancelled; EventRescheduled with its
    previousStartDate). Capped, because a weekly series of a year would be 52 events in every
    page's head for patrons on slow connections; the page and its calendar file list them all.
    Partners are organisers alongside the library, not sponsors: programs are co-led.
    """
    sessions = list(sessions)[: setting("CLPAGES_JSON_LD_MAX_EVENTS")]
    if not sessions:
        return []
    page_url = program.get_full_url(request)
    contact = library_contact(request)
    organizers = [library_organization(request, contact)] + [partner_reference(p) for p in partners]
    image_url = _image_url(request, program.image, "width-960")
    events = [
        session_event(
            program,
            session,
            page_url=page_url,
            organizers=organizers,
            image_url=image_url,
            currency=contact.currency,
        )
        for session in sessions
    ]
    mark_language(events, program)
    return events


def mark_language(items, page):
    """Say the language of a page's words (schema.org ``inLanguage``, a BCP 47 code) on what
    is built from it, when it is not the default language: pages in the default language keep
    the structured data they always had."""
    language = language_of(page)
    if language != default_language():
        for item in items:
            item["inLanguage"] = language
    return items


def partner_organization(partnership, request):
    """The partner organisation of a partnership page, as a schema.org Organization."""
    partner = partnership.partner
    page_url = partnership.get_full_url(request)
    organization = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": f"{page_url}#organization",
        "name": partner.name,
        "url": partner.website or page_url,
        "description": partner.description,
    }
    logo = _image_url(request, partner.logo, "max-400x400")
    if logo:
        organization["logo"] = logo
    return organization
