"""Each program's stored last session end follows its sessions however they change.

Listings, search, feeds and the hub ask "upcoming?" of ProgramPage.last_session_end instead of
the sessions: a stale value would hide a program with new sessions or list a finished one.
"""

import datetime
import importlib

import pytest
from django.db.models import Max
from django.utils import timezone

from clpages.models import ProgramPage, ProgramSession
from clpages.models.programs import refresh_last_session_end
from tests.builders import make_program


def stored(program):
    return ProgramPage.objects.get(pk=program.pk).last_session_end


def latest_end(program):
    return ProgramSession.objects.filter(program=program).aggregate(last=Max("end"))["last"]


def add_session(program, days, hours=2):
    start = timezone.now() + datetime.timedelta(days=days)
    return ProgramSession.objects.create(
        program=program, start=start, end=start + datetime.timedelta(hours=hours), address="1 Main Street"
    )


@pytest.mark.django_db
def test_a_program_without_sessions_has_none(tree):
    program = make_program(tree["programs"], sessions=0)
    assert stored(program) is None


@pytest.mark.django_db
def test_adding_a_session_stores_its_end(tree):
    program = make_program(tree["programs"], sessions=0)
    session = add_session(program, days=10)
    assert stored(program) == session.end
    later = add_session(program, days=40)
    assert stored(program) == later.end
    add_session(program, days=-5)  # an earlier one changes nothing
    assert stored(program) == later.end


@pytest.mark.django_db
def test_moving_a_session_moves_the_date(tree):
    program = make_program(tree["programs"], sessions=2)
    last = ProgramSession.objects.filter(program=program).order_by("-end").first()
    last.start -= datetime.timedelta(days=30)
    last.end -= datetime.timedelta(days=30)
    last.save()
    assert stored(program) == latest_end(program)
    assert stored(program) != last.end + datetime.timedelta(days=30)


@pytest.mark.django_db
def test_moving_a_session_to_another_program_updates_both(tree):
    first = make_program(tree["programs"], sessions=1)
    second = make_program(tree["programs"], sessions=0)
    session = ProgramSession.objects.get(program=first)
    session.program = second
    session.save()
    assert stored(first) is None
    assert stored(second) == session.end


@pytest.mark.django_db
def test_deleting_sessions_recounts_and_empties(tree):
    program = make_program(tree["programs"], sessions=0)
    early, late = add_session(program, days=2), add_session(program, days=20)
    late.delete()
    assert stored(program) == early.end
    early.delete()
    assert stored(program) is None


@pytest.mark.django_db
def test_publishing_a_revision_with_new_sessions(tree):
    program = make_program(tree["programs"], sessions=0)
    start = timezone.now() + datetime.timedelta(days=60)
    # Sessions added in the page editor live in the draft until it is published.
    program.sessions.add(ProgramSession(start=start, end=start + datetime.timedelta(hours=3), address="x"))
    program.save_revision()
    assert stored(program) is None
    program.get_latest_revision().publish()
    assert stored(program) == start + datetime.timedelta(hours=3)
    assert ProgramPage.objects.get(pk=program.pk).upcoming_sessions()


@pytest.mark.django_db
def test_publishing_a_revision_that_removes_sessions(tree):
    program = make_program(tree["programs"], sessions=2)
    page = ProgramPage.objects.get(pk=program.pk)
    page.sessions.set([])
    page.save_revision().publish()
    assert stored(program) is None
    assert not ProgramSession.objects.filter(program=program).exists()


@pytest.mark.django_db
def test_an_older_revision_does_not_bring_back_an_old_date(tree):
    program = make_program(tree["programs"], sessions=1)
    old_revision = ProgramPage.objects.get(pk=program.pk).save_revision()
    # Sessions changed outside the editor after that draft was saved.
    later = add_session(program, days=90)
    old_revision.publish()
    # The revision's sessions are the program's sessions again, and the date is theirs.
    assert not ProgramSession.objects.filter(pk=later.pk).exists()
    assert stored(program) == latest_end(program)


@pytest.mark.django_db
def test_saving_only_some_fields_keeps_the_date_right(tree):
    program = make_program(tree["programs"], sessions=1)
    ProgramPage.objects.filter(pk=program.pk).update(last_session_end=None)  # e.g. a bulk import
    page = ProgramPage.objects.get(pk=program.pk)
    page.title = "Renamed"
    page.save(update_fields=["title", "draft_title"])
    assert stored(program) == latest_end(program)


@pytest.mark.django_db
def test_bulk_refresh_for_programs_written_without_signals(tree):
    programs = [make_program(tree["programs"], sessions=n) for n in (0, 1, 3)]
    ProgramPage.objects.filter(pk__in=[p.pk for p in programs]).update(
        last_session_end=timezone.now() - datetime.timedelta(days=999)
    )
    refresh_last_session_end([p.pk for p in programs])
    assert [stored(p) for p in programs] == [None, latest_end(programs[1]), latest_end(programs[2])]


@pytest.mark.django_db
def test_listing_shows_a_program_once_its_new_session_is_saved(tree, client):
    program = make_program(tree["programs"], "Seed swap circle", sessions=0)
    past = timezone.now() - datetime.timedelta(days=30)
    ProgramSession.objects.create(
        program=program, start=past, end=past + datetime.timedelta(hours=2), address="x"
    )
    assert "Seed swap circle" not in client.get(tree["programs"].url).content.decode()
    add_session(program, days=5)
    assert "Seed swap circle" in client.get(tree["programs"].url).content.decode()


@pytest.mark.django_db
def test_the_migration_fills_existing_programs(tree):
    from django.apps import apps

    fill = importlib.import_module(
        "clpages.migrations.0005_programpage_last_session_end"
    ).fill_last_session_end
    programs = [make_program(tree["programs"], sessions=n) for n in (0, 2)]
    ProgramPage.objects.update(last_session_end=timezone.now())
    fill(apps, None)
    assert [stored(p) for p in programs] == [None, latest_end(programs[1])]


@pytest.mark.django_db
def test_the_bulk_built_catalogue_stores_the_dates(settings, tmp_path):
    from bench.catalogue import Catalogue

    settings.MEDIA_ROOT = tmp_path
    catalogue = Catalogue(programs_per_partner=4).grow_to(20)
    for program in ProgramPage.objects.filter(pk__in=catalogue.program_ids):
        assert program.last_session_end == latest_end(program)
        assert program.last_session_end is not None
