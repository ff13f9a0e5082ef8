"""schema.org JSON-LD on program and partnership pages."""

import datetime
import json
import re

from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from clpages.models import ProgramSession
from clpages.stages import Registration, SessionFormat, SessionStatus
from tests.builders import make_location, make_partner, make_partnership, make_program

SCHEMA = "https://schema.org"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    scripts = JSON_LD.findall(response.content.decode())
    return [json.loads(script) for script in scripts]


def add_session(program, days=5, **kwargs):
    start = timezone.now() + datetime.timedelta(days=days)
    kwargs.setdefault("address", "12 River Road, Riverbend")
    return ProgramSession.objects.create(
        program=program, start=start, end=start + datetime.timedelta(hours=2), **kwargs
    )


def events_by_id(client, program):
    (events,) = json_ld(client, program)
    return {event["@id"].rsplit("#session-", 1)[1]: event for event in events}


def test_program_page_has_one_event_per_upcoming_session_with_the_required_fields(client, tree):
    partner = make_partner("Northside Youth Collective", website="https://northside.example.org/")
    branch = make_location(
        "Central Library", street_address="100 Queen Street", city="Riverbend", postcode="R1V 2B3"
    )
    program = make_program(tree["programs"], "Teen Zine Lab", partners=[partner], sessions=2, location=branch)
    add_session(program, days=-10)  # already over: not an upcoming event

    (events,) = json_ld(client, program)

    assert len(events) == 2
    first = events[0]
    assert first["@context"] == SCHEMA
    assert first["@type"] == "Event"
    assert first["name"] == "Teen Zine Lab"
    assert first["description"] == program.summary
    assert first["url"] == program.get_full_url()
    session = program.sessions.filter(end__gte=timezone.now()).order_by("start").first()
    assert datetime.datetime.fromisoformat(first["startDate"]) == session.start
    assert datetime.datetime.fromisoformat(first["endDate"]) == session.end
    assert first["eventAttendanceMode"] == f"{SCHEMA}/OfflineEventAttendanceMode"
    assert first["eventStatus"] == f"{SCHEMA}/EventScheduled"
    assert first["location"] == {
        "@type": "Place",
        "name": "Central Library",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "100 Queen Street",
            "addressLocality": "Riverbend",
            "postalCode": "R1V 2B3",
        },
    }
    library, credited = first["organizer"]
    assert library["@type"] == "Organization" and library["name"]
    assert credited == {
        "@type": "Organization",
        "name": "Northside Youth Collective",
        "url": "https://northside.example.org/",
    }
    assert first["isAccessibleForFree"] is True
    assert first["offers"]["@type"] == "Offer"
    assert first["offers"]["price"] == 0
    assert first["offers"]["availability"] == f"{SCHEMA}/InStock"


def test_formats_give_attendance_modes_and_matching_locations(client, tree):
    program = make_program(tree["programs"], "Newcomer conversation circle", sessions=0)
    online = add_session(
        program, days=2, format=SessionFormat.ONLINE, address="", online_url="https://meet.example.org/circle"
    )
    hybrid = add_session(
        program, days=3, format=SessionFormat.HYBRID, online_url="https://meet.example.org/h"
    )

    events = events_by_id(client, program)

    assert events[str(online.pk)]["eventAttendanceMode"] == f"{SCHEMA}/OnlineEventAttendanceMode"
    assert events[str(online.pk)]["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/circle",
    }
    assert events[str(hybrid.pk)]["eventAttendanceMode"] == f"{SCHEMA}/MixedEventAttendanceMode"
    place, virtual = events[str(hybrid.pk)]["location"]
    assert place["@type"] == "Place" and place["address"] == "12 River Road, Riverbend"
    assert virtual == {"@type": "VirtualLocation", "url": "https://meet.example.org/h"}


def test_cancelled_session_is_event_cancelled_and_a_full_one_is_still_scheduled(client, tree):
    program = make_program(tree["programs"], "Family story time", sessions=0)
    cancelled = add_session(program, days=1, status=SessionStatus.CANCELLED)
    full = add_session(program, days=2, status=SessionStatus.FULL, capacity=20)
    external = add_session(
        program, days=3, registration=Registration.EXTERNAL, registration_url="https://tickets.example.org/1"
    )

    events = events_by_id(client, program)

    assert events[str(cancelled.pk)]["eventStatus"] == f"{SCHEMA}/EventCancelled"
    assert events[str(full.pk)]["eventStatus"] == f"{SCHEMA}/EventScheduled"
    assert events[str(full.pk)]["offers"]["availability"] == f"{SCHEMA}/SoldOut"
    assert events[str(full.pk)]["maximumAttendeeCapacity"] == 20
    assert events[str(external.pk)]["offers"]["url"] == "https://tickets.example.org/1"


def test_paid_program_is_not_free_and_describes_its_cost(client, tree):
    program = make_program(
        tree["programs"], "Pottery with elders", is_free=False, cost_details="$5 a session"
    )

    (events,) = json_ld(client, program)

    assert events[0]["isAccessibleForFree"] is False
    assert events[0]["offers"]["description"] == "$5 a session"
    assert "price" not in events[0]["offers"]


def test_program_image_is_given_as_an_absolute_url(client, tree):
    image = Image.objects.create(title="Zines on a table", file=get_test_image_file())
    program = make_program(tree["programs"], "Zine fair", image=image)

    (events,) = json_ld(client, program)

    assert events[0]["image"][0].startswith("http://testserver/")


def test_partner_authored_text_cannot_close_the_script_element(client, tree):
    title = 'Poetry </script><script>alert("x")</script> & <!-- night'
    partner = make_partner("Rhymes </script> Collective")
    program = make_program(tree["programs"], title, partners=[partner])

    response = client.get(program.url)
    html = response.content.decode()
    (events,) = [json.loads(s) for s in JSON_LD.findall(html)]

    assert "</script><script>alert" not in html
    assert "Rhymes </script>" not in html.split("</head>")[0]
    assert events[0]["name"] == title
    assert events[0]["organizer"][1]["name"] == "Rhymes </script> Collective"


def test_program_without_upcoming_sessions_has_no_event_markup(client, tree):
    program = make_program(tree["programs"], "Planning circle", sessions=0)
    add_session(program, days=-3)

    assert json_ld(client, program) == []


def test_partnership_page_describes_the_partner_as_an_organization(client, tree):
    logo = Image.objects.create(title="Collective logo", file=get_test_image_file())
    partner = make_partner(
        "Northside Youth Collective",
        website="https://northside.example.org/",
        description="Young people running projects in Northside.",
        logo=logo,
        contact_email="private.contact@example.org",
    )
    partnership = make_partnership(tree["partnerships"], partner, "Working with Northside youth")

    (organization,) = json_ld(client, partnership)

    assert organization["@context"] == SCHEMA
    assert organization["@type"] == "Organization"
    assert organization["name"] == "Northside Youth Collective"
    assert organization["url"] == "https://northside.example.org/"
    assert organization["description"] == "Young people running projects in Northside."
    assert organization["logo"].startswith("http://testserver/")
    assert "private.contact@example.org" not in json.dumps(organization)


def test_partner_without_website_links_to_the_partnership_page(client, tree):
    partnership = make_partnership(tree["partnerships"], make_partner("Elders' Circle"))

    (organization,) = json_ld(client, partnership)

    assert organization["url"] == partnership.get_full_url()
    assert "logo" not in organization


def test_full_and_cancelled_sessions_publish_no_joining_link(client, tree):
    program = make_program(tree["programs"], "Newcomer conversation circle", sessions=0)
    rooms = {}
    for days, status in [(1, SessionStatus.SCHEDULED), (2, SessionStatus.FULL), (3, SessionStatus.CANCELLED)]:
        session = add_session(
            program, days=days, format=SessionFormat.ONLINE, address="", status=status,
            online_url=f"https://meet.example.org/{status}-room",
        )  # fmt: skip
        rooms[status] = session

    events = events_by_id(client, program)
    html = client.get(program.url).content.decode()

    scheduled = events[str(rooms[SessionStatus.SCHEDULED].pk)]["location"]
    assert scheduled == {"@type": "VirtualLocation", "url": "https://meet.example.org/scheduled-room"}
    for status in (SessionStatus.FULL, SessionStatus.CANCELLED):
        location = events[str(rooms[status].pk)]["location"]
        assert location == {"@type": "VirtualLocation", "url": program.get_full_url()}
        assert f"{status}-room" not in html
    assert 'href="https://meet.example.org/scheduled-room"' in html
