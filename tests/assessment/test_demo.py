"""The demo library has one team's two self-assessments, which its demo editor compares, and
loading the demo again adds none."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from clpages.assessment.demo import DEMO_TEAM, add_demo_assessments
from clpages.assessment.models import Assessment


@pytest.fixture
def demo(demo_module, db):
    return None


def test_the_demo_editor_compares_the_demo_teams_two_assessments(demo, client):
    assert Assessment.objects.of_team(DEMO_TEAM).count() == 2
    client.force_login(get_user_model().objects.get(username="editor"))
    html = client.get(reverse("clpages_assessment_admin:team"), {"name": DEMO_TEAM}).content.decode()
    assert "Branch services over time" in html
    assert "Provide time, autonomy, and flexibility for relationship-building: up one level" in html
    client.force_login(get_user_model().objects.get(username="partner"))
    assert client.get(reverse("clpages_assessment_admin:team"), {"name": DEMO_TEAM}).status_code == 403


def test_loading_the_demo_again_adds_no_assessment(demo):
    from django.utils import timezone

    assert add_demo_assessments(timezone.localdate()) == 0
    assert Assessment.objects.count() == 2
