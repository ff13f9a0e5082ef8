"""Who reaches the self-assessment: library staff by their permissions; partners get a 403 page
on every screen and a forged request changes nothing; anonymous visitors are sent to sign in."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from clpages.assessment.models import Assessment
from clpages.partners.roles import partner_groups
from tests.builders import make_user

pytestmark = pytest.mark.django_db


def routes(world):
    """Every screen of the self-assessment, as (method, url)."""
    pk = world["second"].pk

    def url(name, *args):
        return reverse(f"clpages_assessment_admin:{name}", args=args)

    team = url("team") + "?name=Youth+services"
    return [
        ("get", url("index")),
        ("get", url("index_results")),
        ("get", url("add")),
        ("post", url("add")),
        ("get", url("edit", pk)),
        ("post", url("edit", pk)),
        ("get", url("delete", pk)),
        ("post", url("delete", pk)),
        ("get", url("copy", pk)),
        ("post", url("copy", pk)),
        ("get", url("history", pk)),
        ("get", url("usage", pk)),
        ("get", team),
        ("get", url("print", pk)),
        ("get", url("print_blank")),
    ]


def snapshot():
    return list(Assessment.objects.order_by("pk").values())


def forged(world):
    """A complete, valid assessment form, as anyone could send it."""
    data = {
        "team": "Taken over",
        "date": "2026-01-05",
        "participants": "Someone",
        "personal_goals": "",
        "team_goals": "",
    }
    from clpages.assessment.facets import FACETS

    for facet in FACETS:
        data[facet.level_field] = "4"
        data[facet.notes_field] = "forged"
    return data


def test_a_partner_gets_403_on_every_screen_and_nothing_changes(client, world):
    client.force_login(world["partner_a"])
    before = snapshot()
    for method, url in routes(world):
        response = getattr(client, method)(url, forged(world) if method == "post" else None)
        assert response.status_code == 403, (method, url, response.status_code)
        assert "Youth services" not in response.content.decode(), url
    assert snapshot() == before


def test_a_permission_ticked_for_the_partners_group_by_mistake_still_lets_no_partner_in(client, world):
    group = partner_groups().get()
    group.permissions.add(*Permission.objects.filter(content_type__app_label="clpages_assessment"))
    client.force_login(world["partner_a"])
    before = snapshot()
    for method, url in routes(world):
        response = getattr(client, method)(url, forged(world) if method == "post" else None)
        assert response.status_code == 403, (method, url)
    assert snapshot() == before


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    for method, url in routes(world):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    assert not Assessment.objects.filter(team="Taken over").exists()


def test_library_editors_hold_the_rights_from_the_roles_setup(client, world):
    editor = world["editor"]
    assert all(
        editor.has_perm(f"clpages_assessment.{action}_assessment")
        for action in ("view", "add", "change", "delete")
    )
    client.force_login(editor)
    for method, url in routes(world):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_a_staff_member_with_view_only_sees_but_cannot_change(client, world):
    viewer = make_user("viewer", is_staff=False)
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_assessment")
    )
    client.force_login(viewer)
    team = reverse("clpages_assessment_admin:team") + "?name=youth+SERVICES"
    html = client.get(team).content.decode()
    assert "Youth services over time" in html
    assert "Start the next assessment" not in html
    before = snapshot()
    edit = reverse("clpages_assessment_admin:edit", args=[world["second"].pk])
    assert client.post(edit, forged(world)).status_code == 403
    assert client.post(reverse("clpages_assessment_admin:add"), forged(world)).status_code == 403
    assert snapshot() == before


def test_the_menu_item_shows_for_staff_only(client, world):
    client.force_login(world["partner_a"])
    assert "Self-assessment" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(world["editor"])
    assert "Self-assessment" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_public_site_never_shows_an_assessment(client, world):
    for url in ["/", world["a_partnership"].url, "/search/?q=Youth+services"]:
        response = client.get(url)
        assert "Listen more" not in response.content.decode()
        assert "Ask partners what success looks like" not in response.content.decode()


def test_the_roles_setup_gives_the_rights_to_library_staff_and_never_to_partners(world):
    from clpages.partners.roles import library_staff_groups

    def codenames(group):
        return set(
            group.permissions.filter(content_type__app_label="clpages_assessment").values_list(
                "codename", flat=True
            )
        )

    assert codenames(library_staff_groups().get()) == {
        "view_assessment",
        "add_assessment",
        "change_assessment",
        "delete_assessment",
    }
    assert codenames(partner_groups().get()) == set()


def test_without_the_assessment_app_editors_are_given_no_rights_for_it(monkeypatch):
    from clpages.partners import roles

    monkeypatch.setattr(roles.apps, "is_installed", lambda name: name != "clpages.assessment")
    assert not [p for p in roles.editor_model_permissions() if p[0] == "clpages_assessment"]
    assert [p for p in roles.editor_model_permissions() if p[0] == "clpages_surveys"]
