"""The program rules written once (clpages.models.querysets): visible, upcoming, linked to
partner organisations, and a session's place label."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from clpages.models import ProgramPage, ProgramSession
from tests.builders import make_location, make_partner, make_program


def _titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_visible_leaves_out_drafts_and_private_sections(tree):
    make_program(tree["programs"], title="Open")
    draft = make_program(tree["programs"], title="Draft")
    draft.unpublish()
    private = make_program(tree["programs"], title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert _titles(ProgramPage.objects.visible()) == ["Open"]


def test_upcoming_keeps_programs_still_being_planned_unless_asked_not_to(tree):
    make_program(tree["programs"], title="Next week")
    make_program(tree["programs"], title="Planning", sessions=0)
    past = make_program(tree["programs"], title="Over")
    past.sessions.update(
        start=timezone.now() - datetime.timedelta(days=9), end=timezone.now() - datetime.timedelta(days=8)
    )
    ProgramPage.objects.filter(pk=past.pk).update(
        last_session_end=timezone.now() - datetime.timedelta(days=8)
    )
    assert _titles(ProgramPage.objects.upcoming()) == ["Next week", "Planning"]
    assert _titles(ProgramPage.objects.upcoming(planned=False)) == ["Next week"]


def test_linked_to_is_by_co_creating_organisation(tree):
    ours, theirs = make_partner("Ours"), make_partner("Theirs")
    make_program(tree["programs"], title="With us", partners=[ours])
    make_program(tree["programs"], title="With them", partners=[theirs])
    assert _titles(ProgramPage.objects.linked_to([ours.pk])) == ["With us"]


def test_place_label_is_the_venue_and_its_address_or_the_address_typed(tree):
    branch = make_location("Central Library", street_address="200 Market Square", city="Riverbend")
    at_branch = make_program(tree["programs"], location=branch).sessions.get()
    elsewhere = make_program(tree["programs"]).sessions.get()
    assert at_branch.place_label == f"Central Library, {branch.address}"
    assert elsewhere.place_label == "12 River Road, Riverbend"
    assert ProgramSession(address="").place_label == ""
