"""Routing below the home page and the hub in one query gives Wagtail's own answers."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from clpages.models import ProgramPage
from clpages.performance.routing import DirectRouteMixin
from tests.builders import make_evaluation, make_partner, make_partnership, make_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(tree):
    program = make_program(tree["programs"], title="Seed library swap")
    # A child whose slug is one of the index's own routes: Wagtail serves the route.
    make_program(tree["programs"], title="Calendar", slug="calendar")
    # A slug used at two levels, and under two parents.
    make_program(tree["programs"], title="Community", slug="community")
    partnership = make_partnership(tree["partnerships"], make_partner("Riverbend Tenants"), slug="programs")
    make_evaluation(tree["evaluations"], program=program)
    draft = ProgramPage(title="Not yet", slug="not-yet", summary="A draft.", live=False)
    tree["programs"].add_child(instance=draft)
    return {"program": program, "partnership": partnership, "draft": draft}


def _paths(tree):
    pages = Page.objects.descendant_of(tree["home"], inclusive=False)
    home_path = tree["home"].url_path
    paths = [page.url_path[len(home_path) :] for page in pages]
    extra = [
        "",
        "community/programs/calendar/",
        "community/programs/calendar/extra/",
        "community/programs/seed-library-swap/extra/",
        "community/nowhere/",
        "community/programs/nowhere/",
        "nowhere/programs/",
        "programs/",
        "community/partnerships/programs/programs/",
    ]
    return paths + extra


def _outcome(request, path):
    site = Site.find_for_request(request)
    try:
        result = site.root_page.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return "404"
    page, args, kwargs = result
    view = args[0].__func__.__name__ if args and callable(args[0]) else None
    return (page.pk, type(page.specific).__name__, view, args[1:] if view else args, kwargs)


def test_every_path_routes_as_wagtail_routes_it(tree, site_pages, monkeypatch):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    paths = _paths(tree)
    direct = {path: _outcome(request, path) for path in paths}

    # Wagtail's own routing, level by level.
    monkeypatch.setattr(
        DirectRouteMixin,
        "route",
        lambda self, request, parts: super(DirectRouteMixin, self).route(request, parts),
    )
    wagtails = {path: _outcome(request, path) for path in paths}

    assert direct == wagtails
    assert direct["community/programs/calendar/"][2] == "calendar"
    assert direct["community/programs/not-yet/"] == "404"
    assert direct["community/programs/seed-library-swap/"][0] == site_pages["program"].pk


def test_a_program_page_costs_two_routing_queries(client, tree, site_pages):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    home.route(request, ["community", "programs", "seed-library-swap"])  # content types, once per process
    with CaptureQueriesContext(connection) as queries:
        page = home.route(request, ["community", "programs", "seed-library-swap"]).page
    assert page.pk == site_pages["program"].pk
    # The pages on the path in one query, then the program itself.
    assert len(queries) == 2


def test_pages_below_the_hub_route_directly_from_it_too(tree, site_pages):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    hub = tree["hub"].specific
    hub.route(request, ["partnerships", "programs"])
    with CaptureQueriesContext(connection) as queries:
        page = hub.route(request, ["partnerships", "programs"]).page
    assert page.pk == site_pages["partnership"].pk
    assert len(queries) == 2
