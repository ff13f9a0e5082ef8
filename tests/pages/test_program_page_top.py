"""A program page leads with when, where and how to join, in the words patrons use."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model

from clpages.models import Audience, Language, ProgramSession
from clpages.stages import ProgramKind, Registration, SessionFormat, SessionStatus
from home.demo.images import program_image
from tests.builders import make_evaluation, make_location, make_measure, make_partner, make_program

pytestmark = pytest.mark.django_db

CONTACT_SENTENCE = "To register, ask at the library."


def in_days(days, hours=0):
    return timezone.now() + datetime.timedelta(days=days, hours=hours)


def session(days=3, hours=2, **fields):
    """A session `days` from now lasting `hours`, at an address unless told otherwise."""
    fields.setdefault("address", "12 River Road, Riverbend")
    return {"start": in_days(days), "end": in_days(days, hours), **fields}


def program_with(tree, sessions=(), **fields):
    program = make_program(tree["programs"], sessions=0, **fields)
    for values in sessions:
        ProgramSession.objects.create(program=program, **values)
    program.save_revision().publish()
    return program


def soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def joining(html):
    return html.find("section", class_="joining")


def summary(html):
    """The top summary as {term: text}."""
    facts = joining(html).find("dl")
    return {
        dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in facts("dt")
    }


def position(html, element):
    return list(html.find_all(True)).index(element)


def link(html, name):
    (found,) = [a for a in joining(html).find_all("a") if a.get_text(" ", strip=True).startswith(name)]
    return found


# Order ---------------------------------------------------------------------------------------


def test_summary_comes_right_after_the_title_and_before_the_picture_and_sessions(
    client, tree, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    program = program_with(
        tree,
        [session(3), session(10)],
        image=program_image("Story walk"),
        body=[("paragraph", "<p>About</p>")],
    )
    html = soup(client, program)
    title, lead = html.find("h1"), html.find("p", class_="lead")
    top, picture = joining(html), html.find("div", class_="program-picture")
    sessions_heading, stages = html.find(id="sessions-heading"), html.find(id="stage-heading")
    order = [position(html, element) for element in (title, lead, top, stages, picture, sessions_heading)]
    assert order == sorted(order)
    # Nothing but the kind label and the summary sentence comes between the title and the summary.
    assert [tag.name for tag in title.find_next_siblings(True)][:3] == ["p", "p", "section"]


# Buttons -------------------------------------------------------------------------------------


def test_add_to_calendar_leads_to_the_programs_ics_file(client, tree):
    program = program_with(tree, [session(3)])
    html = soup(client, program)
    calendar = link(html, "Add to calendar")
    assert calendar["href"] == f"{program.url}calendar.ics"
    assert "button" in calendar["class"]
    assert client.get(calendar["href"]).status_code == 200


def test_register_leads_to_the_registration_link(client, tree):
    url = "https://tickets.example.org/zine?a=1&b=2"
    program = program_with(
        tree, [session(3, registration=Registration.EXTERNAL, registration_url=url, capacity=15)]
    )
    html = soup(client, program)
    register = link(html, "Register")
    assert register["href"] == url
    assert "button" in register["class"]
    assert summary(html)["How to join"] == "Register: 15 places."
    assert CONTACT_SENTENCE not in joining(html).get_text()


def test_register_without_a_link_keeps_the_contact_sentence_in_its_own_element(client, tree):
    program = program_with(tree, [session(3, registration=Registration.REQUIRED)])
    html = soup(client, program)
    assert not [a for a in joining(html).find_all("a") if a.get_text(strip=True).startswith("Register")]
    contact = joining(html).find(class_="contact-library")
    assert contact.get_text() == CONTACT_SENTENCE
    assert summary(html)["How to join"] == f"Register. {CONTACT_SENTENCE}"


def test_just_come_along_when_no_registration_is_needed(client, tree):
    program = program_with(tree, [session(3, capacity=30)])
    html = soup(client, program)
    assert summary(html)["How to join"] == "Just come along: space for 30 people."
    assert not [a for a in joining(html).find_all("a") if a.get_text(strip=True).startswith("Register")]
    assert joining(html).find(class_="contact-library") is None


def test_when_sooner_sessions_are_full_the_summary_shows_the_next_one_with_places(client, tree):
    url = "https://tickets.example.org/zine"
    registered = {"registration": Registration.EXTERNAL, "registration_url": url}
    full, open_ = session(2, status=SessionStatus.FULL, **registered), session(9, **registered)
    program = program_with(tree, [full, open_])
    html = soup(client, program)
    assert "Next session with places" in summary(html)
    assert joining(html).find("time")["datetime"] == timezone.localtime(open_["start"]).isoformat()
    assert link(html, "Register")["href"] == url
    assert link(html, "See all 2 upcoming sessions")["href"] == "#sessions-heading"


def test_when_every_session_is_full_there_is_nothing_to_register_for(client, tree):
    url = "https://tickets.example.org/full"
    full = {"status": SessionStatus.FULL, "registration": Registration.EXTERNAL, "registration_url": url}
    program = program_with(tree, [session(2, **full), session(9, **full)])
    html = soup(client, program)
    facts = summary(html)
    assert facts["How to join"] == "Every upcoming session is full."
    assert "Full" in facts["Next session"]
    assert not [a for a in joining(html).find_all("a") if a.get_text(strip=True).startswith("Register")]


def test_the_next_session_skips_cancelled_ones_and_says_when_and_where(client, tree):
    place = make_location("Central Library", street_address="200 Market Square")
    cancelled = session(1, location=place, address="", status=SessionStatus.CANCELLED)
    online = session(
        4, address="", format=SessionFormat.HYBRID, location=place, online_url="https://meet.example.org/r"
    )
    program = program_with(tree, [cancelled, online])
    html = soup(client, program)
    facts = summary(html)
    start = timezone.localtime(online["start"])
    assert facts["Next session"].startswith(f"{start:%A} {start.day} {start:%B %Y}")
    assert joining(html).find("time")["datetime"] == start.isoformat()
    assert facts["Where"].startswith("In person and online: Central Library, 200 Market Square")
    assert link(html, "Join online")["href"] == "https://meet.example.org/r"


def test_without_sessions_the_summary_says_so_and_offers_no_calendar(client, tree):
    program = program_with(tree)
    html = soup(client, program)
    assert summary(html)["Next session"] == "No sessions are scheduled right now."
    assert "Where" not in summary(html)
    assert not joining(html).find_all("a")


# Cost, audience, languages -------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields, shown",
    [
        ({"is_free": True}, "Free"),
        ({"is_free": True, "cost_details": "Snacks included"}, "Free: Snacks included"),
        ({"is_free": False, "cost_details": "$5, or pay what you can"}, "$5, or pay what you can"),
        ({"is_free": False}, "There is a charge; ask the library."),
    ],
)
def test_cost_is_in_the_summary(client, tree, fields, shown):
    program = program_with(tree, [session(3)], **fields)
    assert summary(soup(client, program))["Cost"] == shown


def test_audience_and_languages_are_in_the_summary(client, tree):
    program = program_with(tree, [session(3)])
    program.audiences.set([Audience.objects.create(name="Teens"), Audience.objects.create(name="Families")])
    program.languages.set([Language.objects.create(name="Arabic"), Language.objects.create(name="Dari")])
    program.save_revision().publish()
    facts = summary(soup(client, program))
    assert (facts["For"], facts["Languages"]) == ("Families, Teens", "Arabic, Dari")


def test_partner_text_in_the_summary_is_escaped(client, tree):
    program = program_with(
        tree, [session(3, address="<b>Hall</b>")], is_free=False, cost_details="<script>x</script>"
    )
    html = client.get(program.url).content.decode()
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<b>Hall</b>" not in html


# The picture ---------------------------------------------------------------------------------


def test_the_picture_is_decorative_without_a_description(client, tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    program = program_with(tree, [session(3)], image=program_image("Zine Lab"))
    image = soup(client, program).find("div", class_="program-picture").find("img")
    assert image["alt"] == ""


def test_the_picture_is_described_by_its_images_description(client, tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = program_image("Seed swap")
    get_image_model().objects.filter(pk=picture.pk).update(description="Seed packets on a library table")
    program = program_with(tree, [session(3)], image=get_image_model().objects.get(pk=picture.pk))
    image = soup(client, program).find("div", class_="program-picture").find("img")
    assert image["alt"] == "Seed packets on a library table"


# Queries -------------------------------------------------------------------------------------


def test_the_program_page_costs_no_more_queries_than_before(client, tree, settings, tmp_path):
    """10 queries, as before the summary (it reads the sessions the page already loads), and two
    for the latest results' headline figures: the measures and their results, however many; and
    one for Wagtail to find the locale of the address's language, the root of that language's pages;
    and one for the stage timeline, however many stage changes it has."""
    settings.MEDIA_ROOT = tmp_path
    place = make_location("Central Library")
    program = make_program(
        tree["programs"],
        "Zine",
        partners=[make_partner(), make_partner()],
        sessions=3,
        location=place,
        image=program_image("Zine"),
    )
    evaluation = make_evaluation(tree["evaluations"], program=program)
    make_measure(evaluation, results=[(datetime.date(2026, 3, 1), 4, ""), (datetime.date(2026, 4, 1), 6, "")])
    make_measure(evaluation, name="Stories", results=[(datetime.date(2026, 3, 1), None, "A story")])
    client.get(program.url)  # renditions and shared facts are made once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(program.url).status_code == 200
    assert len(queries) == 14


# The kind label ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stage, kind, label",
    [
        (1, ProgramKind.BY_STAGE, "Have your say"),
        (2, ProgramKind.BY_STAGE, "Have your say"),
        (3, ProgramKind.BY_STAGE, "Program"),
        (4, ProgramKind.BY_STAGE, "Program"),
        (4, ProgramKind.HAVE_YOUR_SAY, "Have your say"),
        (1, ProgramKind.PROGRAM, "Program"),
    ],
)
def test_have_your_say_or_program_label_on_the_page(client, tree, stage, kind, label):
    program = program_with(tree, [session(3)], stage=stage, kind=kind)
    html = soup(client, program)
    shown = html.find("h1").find_next_sibling("p")
    assert "kind-label" in shown["class"]
    assert shown.get_text() == label
    heading = joining(html).find("h2").get_text()
    assert heading == (
        "When, where and how to take part" if label == "Have your say" else "When, where and how to join"
    )
