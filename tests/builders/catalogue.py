"""A small catalogue of programs with known answers for every filter, at a fixed moment.

The moment is Wednesday 18 November 2026, 10:00 in Toronto: "this week" runs Monday 16 to
Sunday 22 November, "this month" is November.
"""

import contextlib
import datetime
import zoneinfo
from types import SimpleNamespace

import pytest
from django.utils import timezone
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from bench.catalogue import bulk_add_children
from clpages.models import Audience, Language, ProgramPage, ProgramSession, ProgramTag
from clpages.models.programs import refresh_last_session_end
from clpages.performance.cache import new_generation
from clpages.stages import SessionFormat, SessionStatus
from tests.builders.programs import ADDRESS, make_program
from tests.builders.queries import count_queries
from tests.builders.shared import built_once, committed
from tests.builders.site import build_site, make_location, make_partner

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
NOW = datetime.datetime(2026, 11, 18, 10, 0, tzinfo=TORONTO)


def at(month, day, hour, minute=0, year=2026):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TORONTO)


def freeze(monkeypatch):
    """Every `timezone.now()` is NOW, in the code under test and in the builders."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def build_catalogue_site():
    """A test site whose program index holds the catalogue: ``{"tree": ..., "catalogue": ...}``."""
    tree = build_site()
    return {"tree": tree, "catalogue": build_catalogue(tree["programs"])}


@contextlib.contextmanager
def catalogue_built_once(django_db_blocker, build=build_catalogue_site):
    """``build()`` at the catalogue's moment, for a whole module (see ``built_once``)."""
    with pytest.MonkeyPatch.context() as patch:
        freeze(patch)
        with built_once(django_db_blocker, build) as built:
            yield built


@contextlib.contextmanager
def catalogue_committed_once(django_db_blocker, build):
    """``build()`` at the catalogue's moment, committed for a module of browser tests that only
    read it (see ``committed``); the clock stays at that moment while they run."""
    with pytest.MonkeyPatch.context() as patch:
        freeze(patch)
        with committed(django_db_blocker, build) as built:
            yield built


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
    programs.zine = make_program(
        index,
        "Teen Zine Lab",
        stage=4,
        audiences=[teens],
        languages=[english],
        tags=["art"],
        partners=[youth],
        sessions=[(at(11, 18, 16), at(11, 18, 18), {"location": central})],
    )
    programs.story = make_program(
        index,
        "Family Story Time in Arabic",
        stage=4,
        audiences=[families],
        languages=[arabic, english],
        tags=["literacy"],
        partners=[circle],
        sessions=[(at(11, 20, 10), at(11, 20, 11), {"location": hall, "format": SessionFormat.HYBRID})],
    )
    programs.coding = make_program(
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
    programs.garden = make_program(
        index,
        "Community Garden Planning",
        stage=2,
        audiences=[families, seniors],
        languages=[french],
        tags=["gardening"],
        sessions=(),
    )
    programs.poetry = make_program(
        index,
        "Poetry Nights",
        stage=5,
        audiences=[teens],
        languages=[english],
        tags=["art"],
        partners=[circle],
        sessions=[(at(10, 1, 19), at(10, 1, 21), {"location": central})],
    )
    programs.craft = make_program(
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


def add_many(index, catalogue, count, start=0):
    """`count` more programs like a busy library's: audiences, languages, topics, partners, sessions.

    Built in bulk, as the benchmark builds its catalogue (bench/catalogue.py): live pages without
    revisions, their links and sessions inserted at once, the search index written in one go,
    then a new content generation, as publishing would start. No reference index rows: no public
    page reads them.
    """
    numbers = range(start, start + count)
    rows = [
        {
            "title": f"Program {i}",
            "slug": f"program-{i}",
            "summary": f"Program {i}, planned with the community.",
            "stage": 4,
        }
        for i in numbers
    ]
    ids = bulk_add_children(index, ProgramPage, rows, published_at=NOW)
    art = Tag.objects.get_or_create(name="art", defaults={"slug": "art"})[0]
    names = [f"topic-{i}" for i in numbers]
    Tag.objects.bulk_create((Tag(name=name, slug=name) for name in names), ignore_conflicts=True)
    by_name = Tag.objects.in_bulk(names, field_name="name")
    topics = [by_name[name] for name in names]
    through = {
        name: getattr(ProgramPage, name).through for name in ("audiences", "languages", "co_created_with")
    }
    links = {
        "audiences": {"audience_id": catalogue.audiences.teens.pk},
        "languages": {"language_id": catalogue.languages.english.pk},
        "co_created_with": {"communitypartner_id": catalogue.partners.youth.pk},
    }
    for name, values in links.items():
        through[name].objects.bulk_create(through[name](programpage_id=pk, **values) for pk in ids)
    ProgramTag.objects.bulk_create(
        ProgramTag(content_object_id=pk, tag=tag)
        for pk, topic in zip(ids, topics, strict=True)
        for tag in (art, topic)
    )
    sessions = [
        (at(11, 19, 10), at(11, 19, 12), {"location": catalogue.locations.central, "address": ""}),
        (
            at(11, 26, 10),
            at(11, 26, 12),
            {"format": SessionFormat.ONLINE, "online_url": "https://meet.example.org/room"},
        ),
        (at(11, 20, 10), at(11, 20, 12), {"status": SessionStatus.CANCELLED, "address": ADDRESS}),
    ]
    ProgramSession.objects.bulk_create(
        ProgramSession(program_id=pk, start=start_at, end=end_at, **fields)
        for pk in ids
        for start_at, end_at, fields in sessions
    )
    refresh_last_session_end(ids)
    get_search_backend().add_bulk(
        ProgramPage,
        list(ProgramPage.objects.filter(pk__in=ids).prefetch_related("tagged_items__tag", "co_created_with")),
    )
    new_generation()


def queries_at_10_and_100(client, index, catalogue, url, views):
    """Query counts of each view (a dict of GET parameters) with 10 programs, then with 100."""
    add_many(index, catalogue, 4)
    # Warm what belongs to the site, not to the page under test: per-process caches, and the
    # menus shared until content changes (adding programs is a change).
    client.get(url)
    at_ten = [count_queries(client, url, params, warm=False) for params in views]
    add_many(index, catalogue, 90, start=4)
    client.get(url)
    return at_ten, [count_queries(client, url, params, warm=False) for params in views]
