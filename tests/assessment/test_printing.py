"""The printed self-assessment, blank and filled, and the workshop worksheets: blank for anyone in
the admin, filled from a partnership page for the people who may edit that page only."""

import datetime

import pytest
from django.urls import reverse

from clpages.assessment.facets import FACETS
from clpages.models import PartnershipNextStep

pytestmark = pytest.mark.django_db


def test_the_blank_copy_has_every_facet_with_four_boxes_and_room_to_write(client, world):
    client.force_login(world["editor"])
    html = client.get(reverse("clpages_assessment_admin:print_blank")).content.decode()
    assert "print.css" in html
    for facet in FACETS:
        assert str(facet.text) in html
    assert html.count('class="box" aria-hidden="true"></span> Not started') == 12
    assert html.count('<div class="write-box write-box--small" aria-hidden="true"></div>') == 12
    assert "Personal Goals" in html and "Team Goals" in html
    assert "Youth services" not in html


def test_the_filled_copy_ticks_the_levels_and_shows_the_notes_and_goals(client, world):
    second = world["second"]
    second.growth_mindset_notes = "We try & learn"
    second.save()
    client.force_login(world["editor"])
    html = client.get(reverse("clpages_assessment_admin:print", args=[second.pk])).content.decode()
    assert "Youth services" in html and "1 March 2026" in html
    assert "Sam (youth services), Lee (branch manager)" in html
    assert html.count("(chosen)") == 12
    assert html.count("box--ticked") == 13  # a level for each facet, and one focus mark
    assert "We try &amp; learn" in html
    assert "Ask partners what success looks like" in html


def worksheet(kind, page=None):
    if page is None:
        return reverse("clpages_assessment_worksheets:blank", args=[kind])
    return reverse("clpages_assessment_worksheets:filled", args=[kind, page.pk])


def test_the_blank_worksheets_have_the_seeds_prompts(client, world):
    client.force_login(world["partner_b"])
    framing = client.get(worksheet("framing")).content.decode()
    for step in ["Community relationships", "Learn", "Listen", "Align", "Share", "Co-create"]:
        assert f"<h2>{step}</h2>" in framing
    brainstorming = client.get(worksheet("brainstorming")).content.decode()
    for prompt in [
        "The people I want to reach are:",
        "I can get to know them by:",
        "One of their goals is:",
        "To reach that goal, they are ready:",
        "The library can support their effort by:",
        "Success looks like:",
        "We will communicate by:",
    ]:
        assert prompt in brainstorming
    assert '<th scope="col">What</th><th scope="col">Who</th><th scope="col">When</th>' in brainstorming
    assert brainstorming.count('<tr class="blank">') == 4
    assert client.get(worksheet("nothing")).status_code == 404


def test_a_filled_worksheet_shows_the_partnerships_latest_draft(client, world):
    page = world["a_partnership"]
    draft = page.get_latest_revision_as_object()
    draft.notes_listen = "Draft: a listening circle"
    draft.next_steps.add(
        PartnershipNextStep(what="Meet at the market", who="Rana", when=datetime.date(2026, 5, 2))
    )
    draft.save_revision()
    client.force_login(world["editor"])
    framing = client.get(worksheet("framing", page)).content.decode()
    assert "<li>Visited the Saturday market</li>" in framing
    assert "Draft: a listening circle" in framing
    brainstorming = client.get(worksheet("brainstorming", page)).content.decode()
    assert "Newcomer families" in brainstorming
    assert "<td>Meet at the market</td><td>Rana</td><td>2 May 2026</td>" in brainstorming


def test_partners_print_their_own_partnerships_worksheets_and_no_others(client, world):
    client.force_login(world["partner_a"])
    assert client.get(worksheet("brainstorming", world["a_partnership"])).status_code == 200
    refused = client.get(worksheet("brainstorming", world["b_partnership"]))
    assert refused.status_code == 403
    assert "Northside" not in refused.content.decode()
    index = client.get(reverse("clpages_assessment_worksheets:index")).content.decode()
    assert "Riverbend Newcomers Network" in index and "Northside Youth" not in index


def test_worksheets_need_signing_in(client, world):
    for url in [worksheet("framing"), worksheet("framing", world["a_partnership"])]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_partnership_page_links_to_its_worksheets_for_who_may_edit_it(client, world):
    page = world["a_partnership"]
    filled = worksheet("brainstorming", page)
    client.force_login(world["partner_a"])
    assert filled in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    client.force_login(world["editor"])
    assert filled in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
