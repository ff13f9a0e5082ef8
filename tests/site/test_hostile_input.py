"""Hostile values in the address of every public page and API endpoint: never a server error.

Each answer is the page as usual, the page with a message saying what could not be used, an
empty result, or a 400 that says what is wrong (a plain page or text for the site, a JSON
message for the API). A small library is built once for the module; runs on SQLite and, with
DATABASE_URL, on PostgreSQL.
"""

from urllib.parse import urlencode

import pytest
from django.test import Client, override_settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from clpages.models import Audience, Language, ProgramPage
from clpages.programs.filters import FILTER_FIELDS
from clpages.search.text import MAX_WORDS
from tests.builders import (
    build_site,
    built_once,
    make_evaluation,
    make_location,
    make_partner,
    make_partnership,
    make_program,
)

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = {
    "max-int64": "9223372036854775807",
    "huge": "99999999999999999999",
    "huge-negative": "-99999999999999999999",
    "word": "abc",
    "nul": "\x00",
    "double-quote": '"',
    "crlf": "\r\n",
    "far-future": "9999-12-31",
    "far-past": "0001-01-01",
    "long": "x" * 5000,
    "many-words": "word " * 300,
}

# A parameter no route reads: it must be ignored, or refused with a message.
JUNK = "utm_zzz"
LISTING = [*FILTER_FIELDS, "page", JUNK]
SEARCHED = ["search", "search_operator", "order", "fields"]
API_PAGES = [
    *SEARCHED,
    "limit",
    "offset",
    "id",
    "title",
    "slug",
    "show_in_menus",
    "type",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "site",
    JUNK,
]
PROGRAM_FIELDS = ["stage", "co_created_with", "audiences", "languages", "tags", "is_free", "captions"]
EVALUATION_FIELDS = ["program", "partnership", "period_start", "period_end", "success_agreed_on"]

# route: (address, kind of answer, the parameters it reads)
ROUTES = {
    "home": ("/", "html", [JUNK]),
    "hub": ("{hub}", "html", [JUNK]),
    "program index": ("{programs}", "html", LISTING),
    "partnership index": ("{partnerships}", "html", ["page", JUNK]),
    "evaluation index": ("{evaluations}", "html", ["page", JUNK]),
    "program": ("{program}", "html", [JUNK]),
    "partnership": ("{partnership}", "html", [JUNK]),
    "evaluation": ("{evaluation}", "html", [JUNK]),
    "calendar": ("{programs}calendar/", "html", [*LISTING, "period"]),
    "search": ("/search/", "html", [*LISTING, "type"]),
    "feed ics": ("{programs}calendar.ics", "text", LISTING),
    "program ics": ("{program}calendar.ics", "text", [JUNK]),
    "rss": ("/feeds/programs/rss/", "text", [JUNK]),
    "atom": ("/feeds/programs/atom/", "text", [JUNK]),
    "sitemap": ("/sitemap.xml", "text", [JUNK]),
    "robots": ("/robots.txt", "text", [JUNK]),
    "api pages": ("/api/v2/pages/", "json", API_PAGES),
    "api programs": ("/api/v2/pages/?type=clpages.ProgramPage", "json", [*SEARCHED, *PROGRAM_FIELDS]),
    "api partnerships": ("/api/v2/pages/?type=clpages.PartnershipPage", "json", [*SEARCHED, "partner"]),
    "api evaluations": (
        "/api/v2/pages/?type=clpages.EvaluationPage",
        "json",
        [*SEARCHED, *EVALUATION_FIELDS],
    ),
    "api page": ("/api/v2/pages/{program_id}/", "json", ["fields", "type", JUNK]),
    "api find page": ("/api/v2/pages/find/", "json", ["id", "html_path", "fields", JUNK]),
    "api images": (
        "/api/v2/images/",
        "json",
        [*SEARCHED, "limit", "offset", "id", "title", "collection", JUNK],
    ),
    "api image": ("/api/v2/images/{image_id}/", "json", ["fields", JUNK]),
    "api find image": ("/api/v2/images/find/", "json", ["id", "fields", JUNK]),
}

# One test per route and parameter, each trying every hostile value: the same cases as one test
# per value, at a tenth of the setup.
CASES = [
    pytest.param(route, name, id=f"{route}-{name}")
    for route, (_, _, names) in ROUTES.items()
    for name in names
]


def _build_world():
    tree = build_site()
    partner = make_partner("Riverbend Newcomers Network")
    image = get_image_model().objects.create(title="Story time", file=get_test_image_file())
    program = make_program(
        tree["programs"],
        "Family story time",
        partners=[partner],
        sessions=2,
        location=make_location(),
        image=image,
    )
    program.audiences.add(Audience.objects.create(name="Families"))
    program.languages.add(Language.objects.create(name="Arabic"))
    program.tags.add("stories")
    program.save_revision().publish()
    partnership = make_partnership(tree["partnerships"], partner, "Learning with newcomers")
    evaluation = make_evaluation(tree["evaluations"], program=program, partnership=partnership)
    pages = {**tree, "program": program, "partnership": partnership, "evaluation": evaluation}
    return {
        **{name: page.url for name, page in pages.items() if name != "home"},
        "program_id": program.pk,
        "image_id": image.pk,
    }


@pytest.fixture(scope="module")
def places(django_db_setup, django_db_blocker, tmp_path_factory):
    """A small library (one program, partnership and evaluation), built once for the module."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with built_once(django_db_blocker, _build_world) as places:
            yield places


def url_with(route, places, params):
    url = ROUTES[route][0].format(**places)
    return url + ("&" if "?" in url else "?") + urlencode(params)


def assert_clear_answer(response, kind):
    """Not a server error, and a refusal says why in the route's own form."""
    body = response.content.decode("utf-8", "replace")
    assert response.status_code < 500, body[:500]
    assert "Traceback" not in body
    if response.status_code == 400:
        if kind == "json":
            assert response.json()["message"]
        elif kind == "html":
            assert "<html" in body and "<h1" in body
        else:
            assert body.strip()


@pytest.mark.parametrize(("route", "name"), CASES)
def test_hostile_value_gets_a_clear_answer(places, db, route, name):
    client = Client(raise_request_exception=False)
    for value_name, value in HOSTILE_VALUES.items():
        response = client.get(url_with(route, places, {name: value}))
        try:
            assert_clear_answer(response, ROUTES[route][1])
        except AssertionError as error:
            raise AssertionError(f"{name}={value_name}: {error}") from None


# The values reported, with what each must now give. -----------------------------------------


def get(url):
    return Client(raise_request_exception=False).get(url)


def test_a_page_number_past_any_offset_shows_the_last_page(places, db):
    for url in (places["programs"], places["programs"] + "calendar/"):
        response = get(url + "?when=week&page=9223372036854775807")
        assert response.status_code == 200, url
        items = response.context["items"]
        assert items.number == items.paginator.num_pages


def test_a_date_beyond_the_calendar_is_refused_with_a_message(places, db):
    response = get(places["programs"] + "?date_to=9999-12-31")
    assert response.status_code == 200
    assert "Choose a date between 1 January 1900 and 31 December 2999." in response.content.decode()
    response = get(places["programs"] + "calendar.ics?date_from=9999-12-25")
    assert response.status_code == 400
    assert "Choose a date between 1 January 1900 and 31 December 2999." in response.content.decode()


def test_a_lone_double_quote_matches_nothing_everywhere(places, db):
    response = get("/search/?q=%22")
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "0 results for" in response.content.decode()
    response = get(places["programs"] + "?q=%22")
    assert response.status_code == 200
    assert response.context["items"].paginator.count == 0
    assert "No programs match all of your choices." in response.content.decode()
    response = get(places["programs"] + "calendar/?q=%22")
    assert response.status_code == 200
    assert response.context["items"].paginator.count == 0
    response = get(places["programs"] + "calendar.ics?q=%22")
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" not in response.content


def test_words_with_a_double_quote_still_find_what_they_name(places, db):
    program = ProgramPage.objects.live().public().order_by("pk").first()
    word = program.title.split()[0]
    response = get(f'/search/?q="{word}')
    assert response.status_code == 200
    assert response.context["total"] >= 1


@pytest.mark.parametrize("search", ["%22", "%0d%0a", "%0d%0a%22%09"])
def test_api_search_for_line_breaks_or_a_quote_is_empty(places, db, search):
    response = get(f"/api/v2/pages/?search={search}")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_api_offset_past_the_end_is_an_empty_page(places, db):
    response = get("/api/v2/pages/?offset=99999999999999999999")
    assert response.status_code == 200
    data = response.json()
    assert data["items"] == []
    assert data["meta"]["total_count"] > 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v2/pages/?search=%00", "search: null characters are not allowed"),
        ("/api/v2/pages/find/?id=abc", "id: 'abc' is not a whole number"),
        ("/api/v2/images/find/?id=abc", "id: 'abc' is not a whole number"),
        (
            "/api/v2/pages/?type=clpages.ProgramPage&co_created_with=99999999999999999999",
            "co_created_with: 99999999999999999999 is out of range; no record has that number",
        ),
        (
            "/api/v2/pages/?search=" + "+".join(["word"] * (MAX_WORDS + 10)),
            f"search: Please use at most {MAX_WORDS} words.",
        ),
        ("/api/v2/pages/?search=" + "x" * 201, "search: Please use at most 200 characters."),
    ],
)
def test_api_refuses_what_it_cannot_use_with_a_message(places, db, url, message):
    response = get(url)
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_search_with_too_many_words_says_so_and_keeps_them(places, db):
    words = " ".join(["story"] * (MAX_WORDS + 1))
    response = get("/search/?" + urlencode({"q": words}))
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Please use at most {MAX_WORDS} words." in body
    assert f'value="{words}"' in body
