"""The listing with no choices made keeps its soonest-first order between requests, and never
shows it stale: a new program, a change of any kind, a date ending, all show on the next request."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from clpages.models import ProgramPage, ProgramSession, SessionOccurrence
from clpages.models.occurrences import refresh_occurrences
from clpages.performance.cache import new_generation
from clpages.programs import soonest
from clpages.programs.filters import ProgramFilters
from clpages.stages import SessionStatus
from tests.builders import NOW, add_many, at, make_program

pytestmark = pytest.mark.django_db

SOONEST = [
    "Teen Zine Lab",  # today 4 to 6 PM
    "Family Story Time in Arabic",  # Friday 20 November
    "Coding Club for Older Adults",  # 27 November
    "Winter Craft Fair",  # 5 December
    "Community Garden Planning",  # no date
]


def titles(client, tree, params=None):
    response = client.get(tree["programs"].url, params or {})
    assert response.status_code == 200
    return [program.title for program in response.context["items"]]


def every_title(client, tree, pages):
    return [title for page in range(1, pages + 1) for title in titles(client, tree, {"page": page})]


def set_clock(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def sorts(monkeypatch):
    """How many times the listing's programs were sorted (read from the database)."""
    calls = []
    real = ProgramFilters.programs

    def counted(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ProgramFilters, "programs", counted)
    reads = []
    real_change = soonest.next_change
    monkeypatch.setattr(soonest, "next_change", lambda *args: reads.append(1) or real_change(*args))
    return reads


def test_the_order_is_read_once_and_shared(client, tree, catalogue, sorts):
    assert titles(client, tree) == SOONEST
    assert titles(client, tree) == SOONEST
    assert titles(client, tree, {"page": "1"}) == SOONEST
    assert len(sorts) == 1


def test_a_new_program_published_shows_in_its_place_at_once(client, tree, catalogue):
    assert titles(client, tree) == SOONEST
    make_program(tree["programs"], "Knitting circle", sessions=[(at(11, 19, 9), at(11, 19, 11), {})])
    assert titles(client, tree) == [SOONEST[0], "Knitting circle", *SOONEST[1:]]


def test_a_session_ending_moves_its_program_on_the_next_request(client, tree, catalogue, monkeypatch):
    assert titles(client, tree) == SOONEST
    # Under way: still the next date.
    set_clock(monkeypatch, at(11, 18, 17))
    assert titles(client, tree) == SOONEST
    # Its only date is over: the program has nothing ahead and leaves the list.
    set_clock(monkeypatch, at(11, 18, 18) + datetime.timedelta(seconds=1))
    assert titles(client, tree) == SOONEST[1:]
    # The next one ends on Friday.
    set_clock(monkeypatch, at(11, 20, 11, 30))
    assert titles(client, tree) == SOONEST[2:]


def test_an_earlier_moment_is_never_served_a_later_order(client, tree, catalogue, monkeypatch):
    set_clock(monkeypatch, at(11, 18, 19))
    assert titles(client, tree) == SOONEST[1:]
    set_clock(monkeypatch, NOW)
    assert titles(client, tree) == SOONEST


def test_a_session_of_another_program_ending_moves_it_down(client, tree, catalogue, monkeypatch):
    # Coding Club's date this morning moves to 7 AM tomorrow; its next is on the 27th.
    over = ProgramSession.objects.filter(program=catalogue.programs.coding).order_by("start").first()
    over.start, over.end = at(11, 19, 7), at(11, 19, 8)
    over.save()
    assert titles(client, tree) == [SOONEST[0], SOONEST[2], SOONEST[1], *SOONEST[3:]]
    set_clock(monkeypatch, at(11, 19, 9))
    # Its date tomorrow is over: it is back to the 27th, after Friday's story time.
    assert titles(client, tree) == SOONEST[1:]


def test_a_session_cancelled_shows_at_once(client, tree, catalogue):
    assert titles(client, tree) == SOONEST
    session = ProgramSession.objects.get(program=catalogue.programs.zine)
    session.status = SessionStatus.CANCELLED
    session.save()
    # Its only date is cancelled: still listed until that date ends, with no date ahead.
    assert titles(client, tree) == [*SOONEST[1:4], "Community Garden Planning", "Teen Zine Lab"]


def test_dates_rebuilt_in_bulk_show_at_once(client, tree, catalogue):
    assert titles(client, tree) == SOONEST
    ProgramSession.objects.filter(program=catalogue.programs.craft).update(start=at(11, 18, 12))
    refresh_occurrences(program_ids=[catalogue.programs.craft.pk])
    assert titles(client, tree)[:2] == ["Winter Craft Fair", "Teen Zine Lab"]


def test_any_change_of_public_content_reads_the_order_again(client, tree, catalogue):
    assert titles(client, tree) == SOONEST
    # Written without signals: only the new generation tells the listing.
    SessionOccurrence.objects.filter(program=catalogue.programs.craft).update(start=at(11, 18, 12))
    new_generation()
    assert titles(client, tree)[:2] == ["Winter Craft Fair", "Teen Zine Lab"]


def test_a_program_made_private_leaves_the_order_at_once(client, tree, catalogue):
    assert titles(client, tree) == SOONEST
    PageViewRestriction.objects.create(page=catalogue.programs.story, restriction_type="login")
    assert titles(client, tree) == [SOONEST[0], *SOONEST[2:]]


def test_every_page_matches_the_order_read_afresh(client, tree, catalogue, settings):
    add_many(tree["programs"], catalogue, 30)
    shared = every_title(client, tree, 3)
    past_the_end = titles(client, tree, {"page": "99"})
    settings.CLPAGES_SHARED_CACHE = False
    assert shared == every_title(client, tree, 3)
    assert past_the_end == titles(client, tree, {"page": "99"}) == shared[24:]
    assert len(shared) == 35
    response = client.get(tree["programs"].url)
    assert response.context["items"].paginator.count == 35


def test_the_order_is_shared_until_the_first_listed_date_ends(tree, catalogue):
    listing = ProgramPage.objects.child_of(tree["programs"]).visible()
    # Coding Club's 7 AM date ended before now; Teen Zine Lab's ends at 6 PM today.
    assert soonest.next_change(listing, NOW) == at(11, 18, 18)
    assert soonest.next_change(listing, at(11, 18, 18, 1)) == at(11, 19, 20)  # the cancelled fair
    assert soonest.next_change(listing, at(12, 5, 16)) is None
