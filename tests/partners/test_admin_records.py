"""Partner organisations and locations are managed in the admin, with search and filters."""

import pytest

from clpages.models import CommunityPartner, Location
from tests.builders import make_location, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("librarian", "l@example.org", "pw"))
    return client


def test_partner_list_searches_and_filters(admin_client, db):
    make_partner("Northside Youth Collective", kind="youth")
    make_partner("Riverbend Food Share", kind="health")
    url = "/admin/clpages/communitypartner/"

    html = admin_client.get(url).content.decode()
    assert "Northside Youth Collective" in html and "Riverbend Food Share" in html

    html = admin_client.get(url, {"q": "food"}).content.decode()
    assert "Riverbend Food Share" in html and "Northside Youth Collective" not in html

    html = admin_client.get(url, {"kind__exact": "youth"}).content.decode()
    assert "Northside Youth Collective" in html and "Riverbend Food Share" not in html


def test_location_list_filters_by_step_free_access(admin_client, db):
    make_location("Central Library", step_free_access=True)
    make_location("Eastgate Branch", step_free_access=False)
    html = admin_client.get("/admin/clpages/location/", {"step_free_access__exact": "1"}).content.decode()
    assert "Central Library" in html and "Eastgate Branch" not in html


def test_creating_a_location_without_an_address_keeps_what_was_typed(admin_client, db):
    response = admin_client.post(
        "/admin/clpages/location/create/",
        {
            "name": "Harbour Hall",
            "kind": "venue",
            "street_address": "",
            "city": "",
            "accessibility_notes": "Ramp",
        },
    )
    assert response.status_code == 200
    assert not Location.objects.exists()
    html = response.content.decode()
    assert "This field is required." in html
    assert "Harbour Hall" in html and "Ramp" in html


def test_partner_private_contact_is_editable_by_staff(admin_client, db):
    partner = make_partner("Eastgate Parents for Play", contact_email="grace.private@example.net")
    html = admin_client.get(f"/admin/clpages/communitypartner/edit/{partner.pk}/").content.decode()
    assert "grace.private@example.net" in html
    assert "Never shown on the public website." in html
    assert CommunityPartner.objects.get().contact_email == "grace.private@example.net"
