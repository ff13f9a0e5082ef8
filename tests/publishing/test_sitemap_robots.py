"""The XML sitemap and robots.txt."""

import xml.etree.ElementTree as ET

from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import PageViewRestriction

from bench.catalogue import Catalogue
from clpages.models import ProgramPage
from tests.builders import count_queries, make_evaluation, make_partner, make_partnership, make_program

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client, path="/sitemap.xml"):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


def test_sitemap_lists_public_pages_and_not_private_or_unpublished_ones(client, tree):
    partner = make_partner("Northside Youth Collective")
    program = make_program(tree["programs"], "Teen Zine Lab", partners=[partner])
    partnership = make_partnership(tree["partnerships"], partner)
    evaluation = make_evaluation(tree["evaluations"], program=program)
    draft = ProgramPage(title="Draft program", slug="draft-program", summary="Not yet.", live=False)
    tree["programs"].add_child(instance=draft)
    private = make_program(tree["programs"], "Staff-only program")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    locations = sitemap_locations(client)

    for page in (tree["home"], tree["hub"], tree["programs"], program, partnership, evaluation):
        assert page.get_full_url() in locations
    assert not any("draft-program" in loc or "staff-only-program" in loc for loc in locations)
    assert len(locations) == 8


def test_sitemap_gives_the_same_urls_and_dates_as_wagtails_own(client, tree):
    partner = make_partner("Northside Youth Collective")
    program = make_program(tree["programs"], "Teen Zine Lab", partners=[partner])
    make_partnership(tree["partnerships"], partner)
    make_evaluation(tree["evaluations"], program=program)

    def entries(content):
        root = ET.fromstring(content)
        return sorted(
            (url.findtext(f"{SITEMAP}loc"), url.findtext(f"{SITEMAP}lastmod"))
            for url in root.findall(f"{SITEMAP}url")
        )

    wagtails = wagtail_sitemap(RequestFactory().get("/sitemap.xml"))
    wagtails.render()

    assert entries(client.get("/sitemap.xml").content) == entries(wagtails.content)


def test_page_types_with_their_own_sitemap_entries_keep_them(client, tree, monkeypatch):
    program = make_program(tree["programs"], "Teen Zine Lab")

    def get_sitemap_urls(self, request=None):
        return [{"location": self.get_full_url(request) + "sessions/", "lastmod": self.last_published_at}]

    monkeypatch.setattr(ProgramPage, "get_sitemap_urls", get_sitemap_urls, raising=False)

    locations = sitemap_locations(client)

    assert program.get_full_url() + "sessions/" in locations
    assert program.get_full_url() not in locations


def test_sitemap_leaves_out_the_pages_under_a_private_section(client, tree):
    make_program(tree["programs"], "Teen Zine Lab")
    PageViewRestriction.objects.create(
        page=tree["programs"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    locations = sitemap_locations(client)

    assert not any("/programs/" in loc for loc in locations)
    assert tree["hub"].get_full_url() in locations


def test_robots_txt_points_at_the_sitemap(client, tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /api/v2/" in lines
    sitemap_lines = [line for line in lines if line.startswith("Sitemap: ")]
    assert sitemap_lines == [f"Sitemap: http://testserver{reverse('clpages:sitemap')}"]
    sitemap_path = sitemap_lines[0].removeprefix("Sitemap: http://testserver")
    assert tree["hub"].get_full_url() in sitemap_locations(client, sitemap_path)


def test_robots_txt_answers_only_reads(client, tree):
    assert client.post("/robots.txt").status_code == 405


def test_sitemap_query_count_does_not_grow_with_the_number_of_programs(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    catalogue = Catalogue(programs_per_partner=4)
    client = Client(HTTP_HOST="localhost")

    catalogue.grow_to(10)
    at_10 = count_queries(client, "/sitemap.xml")
    catalogue.grow_to(100)
    at_100 = count_queries(client, "/sitemap.xml")

    assert at_10 == at_100
    assert sum("/community/programs/" in loc for loc in sitemap_locations(client)) == 101


def test_sitemap_and_robots_txt_answer_head(client, tree):
    for path in ("/sitemap.xml", "/robots.txt"):
        response = client.head(path)
        assert response.status_code == 200, path
        assert response.content == b""
        assert response["Content-Type"] == client.get(path)["Content-Type"]
