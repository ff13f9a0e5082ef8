"""The twelve facets in the seed's words, and the assessment form: every facet rated, no date
in the future, one assessment per team and day, and nothing typed lost on an error."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from clpages.assessment.facets import FACETS, LAYERS, Level
from clpages.assessment.models import Assessment
from tests.assessment.conftest import make_assessment

SEED = {
    "Inspirational change": [
        "Formally prioritize Equity, Diversity, and Inclusion (EDI)",
        "Provide conceptual education on community engagement and EDI concepts",
        "Connect purpose to community goals and EDI values",
    ],
    "Transformational change": [
        "Foster growth mindset",
        "Develop psychological safety for inclusion and innovation",
        "Make time for reflection",
        "Hire and train for interpersonal skills and cultural humility",
        "Connect prior experience",
        "Build community knowledge through relationships",
    ],
    "Transactional change": [
        "Provide time, autonomy, and flexibility for relationship-building",
        "Empower everyone in the organization",
        "Measure what matters",
    ],
}


def test_the_three_layers_hold_the_twelve_facets_of_the_seed_in_its_words_and_order():
    assert {str(layer.name): [str(f.text) for f in layer.facets] for layer in LAYERS} == SEED
    assert [str(layer.name) for layer in LAYERS] == list(SEED)
    assert len(FACETS) == 12
    assert [f.number for f in LAYERS[1].facets] == [1, 2, 3, 4, 5, 6]
    assert str(LAYERS[0].facets[0].detail) == (
        "Set clear, measurable expectations for the organization to prioritize EDI and community-led work"
    )


def test_the_scale_has_four_levels_in_plain_words():
    assert [(level.value, level.label) for level in Level] == [
        (1, "Not started"),
        (2, "Beginning"),
        (3, "Developing"),
        (4, "Embedded"),
    ]


def filled(**changes):
    data = {
        "team": "Youth services",
        "date": "2026-02-10",
        "participants": "Sam\nLee",
        "personal_goals": "Listen",
    }
    for facet in FACETS:
        data[facet.level_field] = "3"
        data[facet.notes_field] = ""
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def staff(client, world):
    client.force_login(world["editor"])
    return client


ADD = "/admin/self-assessment/new/"


def test_staff_record_an_assessment_and_land_on_the_team_comparison(staff, world):
    data = filled(team="  New   team ", measure_what_matters_focus="on", growth_mindset_notes="We try things")
    response = staff.post(ADD, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("clpages_assessment_admin:team") + "?name=New+team"
    saved = Assessment.objects.get(team="New team")
    assert saved.growth_mindset_level == Level.DEVELOPING
    assert saved.measure_what_matters_focus and not saved.growth_mindset_focus
    assert saved.growth_mindset_notes == "We try things"
    assert saved.created_by == world["editor"]
    assert saved.participant_list == ["Sam", "Lee"]


def test_a_facet_left_unrated_is_named_and_everything_typed_stays(staff, world):
    response = staff.post(
        ADD, filled(reflection_level=None, reflection_notes="Fridays, maybe", team="Branch team")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a level for “Make time for reflection”." in html
    assert "Fridays, maybe" in html
    assert 'value="Branch team"' in html
    assert not Assessment.objects.filter(team="Branch team").exists()


def test_the_level_choices_are_the_four_levels_and_no_empty_one(staff, world):
    html = staff.get(ADD).content.decode()
    assert html.count('name="growth_mindset_level"') == 4
    assert "---------" not in html


def test_a_level_outside_the_scale_is_refused(staff, world):
    response = staff.post(ADD, filled(growth_mindset_level="5", team="Branch team"))
    assert response.status_code == 200
    assert not Assessment.objects.filter(team="Branch team").exists()


def test_a_date_in_the_future_is_refused_in_words(staff, world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = staff.post(ADD, filled(date=tomorrow.isoformat()))
    assert "choose today or an earlier day" in response.content.decode()
    assert not Assessment.objects.filter(date=tomorrow).exists()


def test_a_team_has_one_assessment_a_day_whatever_the_spelling(staff, world):
    response = staff.post(ADD, filled(team="youth SERVICES", date="2026-03-01"))
    assert response.status_code == 200
    assert "Youth services already has an assessment on 1 March 2026" in response.content.decode()
    assert Assessment.objects.filter(date=datetime.date(2026, 3, 1)).count() == 1


def test_a_team_keeps_the_spelling_it_already_has(staff, world):
    staff.post(ADD, filled(team="YOUTH services", date="2026-04-01"))
    assert Assessment.objects.of_team("Youth services").count() == 3
    assert set(Assessment.objects.values_list("team", flat=True)) == {"Youth services"}


def test_editing_keeps_its_own_day_and_changes_the_levels(staff, world):
    second = world["second"]
    url = reverse("clpages_assessment_admin:edit", args=[second.pk])
    response = staff.post(url, filled(date="2026-03-01", growth_mindset_level="4"))
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.growth_mindset_level == Level.EMBEDDED


def test_the_next_assessment_starts_from_the_last_one_dated_today_and_leaves_it_as_it_was(staff, world):
    second = world["second"]
    url = reverse("clpages_assessment_admin:copy", args=[second.pk])
    html = staff.get(url).content.decode()
    assert "Ask partners what success looks like" in html
    assert f'value="{timezone.localdate().isoformat()}"' in html
    response = staff.post(url, filled(team="Youth services", date=timezone.localdate().isoformat()))
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.date == datetime.date(2026, 3, 1) and second.growth_mindset_level == Level.DEVELOPING
    assert Assessment.objects.of_team("Youth services").count() == 3


def test_the_model_refuses_two_assessments_of_a_team_on_one_day(world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        make_assessment(date=world["second"].date)
