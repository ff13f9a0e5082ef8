"""A program's stage changes: recorded when published, shown to patrons as a dated timeline."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from clpages.models import ProgramPage, ProgramStageChange
from clpages.stages import Stage
from tests.builders import count_queries, edit_form_data, make_partner, make_program, make_user
from tests.builders.translations import make_locales, translate

pytestmark = pytest.mark.django_db


def publish_stage(page, stage, note="", user=None):
    page = ProgramPage.objects.get(pk=page.pk)
    page.stage = stage
    page.stage_change_note = note
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return page


def test_the_first_publication_and_each_stage_change_are_recorded_and_nothing_else(tree):
    program = make_program(tree["programs"], "Seed library", sessions=0)
    assert list(ProgramStageChange.objects.filter(program=program).values_list("stage", flat=True)) == [
        Stage.ASSESSMENT
    ]
    page = ProgramPage.objects.get(pk=program.pk)
    page.summary = "Seeds to share."
    page.save_revision().publish()  # no stage change
    page.stage = Stage.PLAN
    page.save_revision()  # a draft records nothing
    assert ProgramStageChange.objects.filter(program=program).count() == 1

    publish_stage(program, Stage.NEEDS_AND_GOALS, note="Gardeners named three goals at the swap.")
    changes = list(ProgramStageChange.objects.filter(program=program))
    assert [change.stage for change in changes] == [Stage.ASSESSMENT, Stage.NEEDS_AND_GOALS]
    assert changes[-1].note == "Gardeners named three goals at the swap."


def test_patrons_see_a_dated_timeline_with_who_moved_it_on_but_never_a_persons_name(client, tree):
    org = make_partner("Eastside Growers")
    member = make_user("grower", [], [org], first_name="Priya", last_name="Secretname")
    editor = make_user("libby", [], first_name="Libby", last_name="Privatename")
    program = make_program(tree["programs"], "Seed library", partners=[org], sessions=0)
    publish_stage(program, Stage.NEEDS_AND_GOALS, "Growers named the goals.", user=member)
    publish_stage(program, Stage.PLAN, "We learned people want evening swaps.", user=editor)

    html = client.get(program.url).content.decode()

    timeline = re.search(r'<ol class="stage-timeline">(.*?)</ol>', html, re.S).group(1)
    assert timeline.count("<li>") == 3
    today = timezone.localdate().isoformat()
    assert f'<time datetime="{today}">' in timeline
    assert "Eastside Growers" in timeline and "Library staff" in timeline
    assert "Growers named the goals." in timeline and "evening swaps" in timeline
    assert "Setting goals together" in timeline  # the stage in patrons' words
    for private in ("Secretname", "Privatename", "Priya", "Libby"):
        assert private not in html
    recorded = ProgramStageChange.objects.filter(program=program).order_by("pk").last()
    assert recorded.recorded_by == editor and recorded.by_partner is None

    # A partner's change stays a partner's once their organisation is gone.
    org.delete()
    html = client.get(program.url).content.decode()
    assert "A partner organisation" in html and "Eastside Growers" not in html


def test_the_note_is_escaped(client, tree):
    program = make_program(tree["programs"], "Seed library", sessions=0)
    publish_stage(program, Stage.PLAN, note='<script>alert("x")</script> & <b>bold</b>')
    html = client.get(program.url).content.decode()
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


def test_the_note_box_is_empty_again_once_its_change_is_live(client, tree, admin_user):
    program = make_program(tree["programs"], "Seed library", sessions=0)
    client.force_login(admin_user)
    data = edit_form_data(client, program, stage=str(Stage.PLAN), stage_change_note="Planning begins.")
    data["action-publish"] = "1"
    assert client.post(reverse("wagtailadmin_pages:edit", args=(program.pk,)), data).status_code == 302
    assert ProgramStageChange.objects.filter(program=program).last().note == "Planning begins."
    again = edit_form_data(client, program)
    assert again["stage_change_note"][0].strip() == ""
    # A draft keeps its note until it is published.
    data = edit_form_data(client, program, stage=str(Stage.DELIVER), stage_change_note="Running now.")
    data["action-save"] = "1"
    client.post(reverse("wagtailadmin_pages:edit", args=(program.pk,)), data)
    assert edit_form_data(client, program)["stage_change_note"][0].strip() == "Running now."


def test_the_program_page_costs_the_same_with_more_stage_changes(client, tree):
    program = make_program(tree["programs"], "Seed library", sessions=0)
    few = count_queries(client, program.url)
    now = timezone.now()
    ProgramStageChange.objects.bulk_create(
        ProgramStageChange(program=program, stage=stage, changed_at=now, note=f"Note {stage}")
        for stage in list(Stage) * 4
    )
    org = make_partner("Eastside Growers")
    ProgramStageChange.objects.filter(program=program).update(by_partner=org)
    many = count_queries(client, program.url)
    assert few == many
    assert client.get(program.url).content.decode().count("Note 5") == 4


def test_a_translation_shows_its_originals_timeline_marked_with_its_language(client, tree):
    program = make_program(tree["programs"], "Seed library", sessions=0)
    publish_stage(program, Stage.PLAN, note="We learned people want evening swaps.")
    french, _ = make_locales()
    translation = translate(ProgramPage.objects.get(pk=program.pk), french, title="Grainothèque")
    assert not ProgramStageChange.objects.filter(program=translation).exists()

    html = client.get(translation.url).content.decode()

    assert "Planifier ensemble" in html or "Étape 3" in html
    assert '<p lang="en" dir="ltr">We learned people want evening swaps.</p>' in html
