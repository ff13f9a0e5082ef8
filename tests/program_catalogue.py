"""A small catalogue of programs with known answers for every filter, at a fixed moment.

The moment is Wednesday 18 November 2026, 10:00 in Toronto: "this week" runs Monday 16 to
Sunday 22 November, "this month" is November.
"""

import datetime
import zoneinfo
from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clpages.models import Audience, Language, ProgramPage, ProgramSession
from clpages.stages import SessionFormat, SessionStatus
from tests.factories import make_location, make_partner

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
NOW = datetime.datetime(2026, 11, 18, 10, 0, tzinfo=TORONTO)


def at(month, day, hour, minute=0, year=2026):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TORONTO)


def add_program(
    index, title, *, audiences=(), languages=(), tags=(), partners=(), sessions=(), quick=False, **fields
):
    """A live program. `quick` saves it without a revision, for tests that need many programs."""
    fields.setdefault("summary", f"{title}, planned with the community.")
    if quick:
        fields.setdefault("first_published_at", NOW)
        fields.setdefault("last_published_at", NOW)
    program = ProgramPage(title=title, **fields)
    index.add_child(instance=program)
    program.audiences.set(audiences)
    program.languages.set(languages)
    program.co_created_with.set(partners)
    program.tags.set(list(tags))
    for start, end, extra in sessions:
        extra = dict(extra)
        extra.setdefault("format", SessionFormat.IN_PERSON)
        if extra["format"] != SessionFormat.IN_PERSON:
            extra.setdefault("online_url", "https://meet.example.org/room")
        if extra["format"] != SessionFormat.ONLINE and not extra.get("location"):
            extra.setdefault("address", "12 River Road, Riverbend")
        ProgramSession.objects.create(program=program, start=start, end=end, **extra)
    if quick:
        program.save()
    else:
        program.save_revision().publish()
    return program


def build_catalogue(index):
    teens = Audience.objects.create(name="Teens")
    families = Audience.objects.create(name="Families")
    seniors = Audience.objects.create(name="Older adults")
    english = Language.objects.create(name="English")
    arabic = Language.objects.create(name="Arabic")
    french = Language.objects.create(name="French")
    youth = make_partner("Northside Youth Collective")
    circle = make_partner("Arabic Families Circle")
    central = make_location("Central Branch")
    hall = make_location("Eastside Community Hall", kind="venue")

    programs = SimpleNamespace()
    programs.zine = add_program(
        index,
        "Teen Zine Lab",
        stage=4,
        audiences=[teens],
        languages=[english],
        tags=["art"],
        partners=[youth],
        sessions=[(at(11, 18, 16), at(11, 18, 18), {"location": central})],
    )
    programs.story = add_program(
        index,
        "Family Story Time in Arabic",
        stage=4,
        audiences=[families],
        languages=[arabic, english],
        tags=["literacy"],
        partners=[circle],
        sessions=[(at(11, 20, 10), at(11, 20, 11), {"location": hall, "format": SessionFormat.HYBRID})],
    )
    programs.coding = add_program(
        index,
        "Coding Club for Older Adults",
        stage=3,
        audiences=[seniors],
        languages=[english, french],
        tags=["technology"],
        partners=[youth],
        sessions=[
            # Earlier today and already over: not "today" any more.
            (at(11, 18, 7), at(11, 18, 8), {"format": SessionFormat.ONLINE}),
            (at(11, 27, 14), at(11, 27, 16), {"format": SessionFormat.ONLINE}),
        ],
    )
    programs.garden = add_program(
        index,
        "Community Garden Planning",
        stage=2,
        audiences=[families, seniors],
        languages=[french],
        tags=["gardening"],
    )
    programs.poetry = add_program(
        index,
        "Poetry Nights",
        stage=5,
        audiences=[teens],
        languages=[english],
        tags=["art"],
        partners=[circle],
        sessions=[(at(10, 1, 19), at(10, 1, 21), {"location": central})],
    )
    programs.craft = add_program(
        index,
        "Winter Craft Fair",
        stage=4,
        audiences=[families],
        languages=[english],
        tags=["art"],
        sessions=[
            (at(11, 19, 18), at(11, 19, 20), {"location": central, "status": SessionStatus.CANCELLED}),
            (at(12, 5, 11), at(12, 5, 15), {"location": hall}),
        ],
    )
    return SimpleNamespace(
        programs=programs,
        audiences=SimpleNamespace(teens=teens, families=families, seniors=seniors),
        languages=SimpleNamespace(english=english, arabic=arabic, french=french),
        partners=SimpleNamespace(youth=youth, circle=circle),
        locations=SimpleNamespace(central=central, hall=hall),
    )


def freeze(monkeypatch):
    """Every `timezone.now()` is NOW, in the code under test and in the builders."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def add_many(index, catalogue, count, start=0):
    """`count` more programs like a busy library's: audiences, languages, topics, partners, sessions."""
    for i in range(start, start + count):
        add_program(
            index,
            f"Program {i}",
            stage=4,
            audiences=[catalogue.audiences.teens],
            languages=[catalogue.languages.english],
            tags=["art", f"topic-{i}"],
            partners=[catalogue.partners.youth],
            sessions=[
                (at(11, 19, 10), at(11, 19, 12), {"location": catalogue.locations.central}),
                (at(11, 26, 10), at(11, 26, 12), {"format": SessionFormat.ONLINE}),
                (at(11, 20, 10), at(11, 20, 12), {"status": SessionStatus.CANCELLED}),
            ],
            quick=True,
        )


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def queries_at_10_and_100(client, index, catalogue, url, views):
    """Query counts of each view (a dict of GET parameters) with 10 programs, then with 100."""
    add_many(index, catalogue, 4)
    # Warm what belongs to the site, not to the page under test: per-process caches, and the
    # menus shared until content changes (adding programs is a change).
    client.get(url)
    at_ten = [count_queries(client, url, params) for params in views]
    add_many(index, catalogue, 90, start=4)
    client.get(url)
    return at_ten, [count_queries(client, url, params) for params in views]
