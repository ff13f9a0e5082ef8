"""The read-only JSON API (Wagtail API v2): public fields only, at a constant query cost."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from bench.catalogue import Catalogue
from clpages.models import (
    Audience,
    EvaluationMeasure,
    EvaluationQuote,
    Language,
    PartnerMembership,
    ProgramPage,
    ProgramSession,
)
from clpages.stages import SessionStatus, Stage
from tests.builders import (
    build_site,
    built_once,
    count_queries,
    fresh,
    make_evaluation,
    make_location,
    make_measure,
    make_partner,
    make_partnership,
    make_program,
)

API = "/api/v2/"
PRIVATE_VALUES = [
    "Zed Private-Contact",
    "zed.private@example.org",
    "555-0199-77",
    "member-login-name",
    "member.private@example.org",
    "Only for the team: not agreed to share",
]


@pytest.fixture(scope="module")
def community_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_community) as community:
        yield community


@pytest.fixture
def community(db, community_once):
    return fresh(community_once)


def _build_community():
    """A program, partnership and evaluation whose partner has private details and members."""
    tree = build_site()
    logo = Image.objects.create(title="Collective logo", file=get_test_image_file())
    partner = make_partner(
        "Northside Youth Collective",
        website="https://northside.example.org/",
        logo=logo,
        contact_name="Zed Private-Contact",
        contact_email="zed.private@example.org",
        contact_phone="555-0199-77",
    )
    partner.languages.add(Language.objects.create(name="Arabic"))
    user = get_user_model().objects.create_user("member-login-name", "member.private@example.org", "pw")
    PartnerMembership.objects.create(partner=partner, user=user)
    branch = make_location("Central Library", street_address="100 Queen Street")
    program = make_program(
        tree["programs"],
        "Teen Zine Lab",
        partners=[partner],
        sessions=2,
        location=branch,
        stage=Stage.DELIVER,
    )
    program.audiences.add(Audience.objects.create(name="Teens"))
    program.languages.add(Language.objects.get(name="Arabic"))
    program.tags.add("zines")
    program.save_revision().publish()
    cancelled = program.sessions.first()
    cancelled.status = SessionStatus.CANCELLED
    cancelled.online_url = "https://meet.example.org/cancelled-room"
    cancelled.save()
    partnership = make_partnership(tree["partnerships"], partner, "Working with Northside youth")
    evaluation = make_evaluation(tree["evaluations"], program=program, partnership=partnership)
    make_measure(
        evaluation,
        name="Young people who made a zine",
        kind="count",
        unit="people",
        baseline=0,
        target=40,
        results=[
            (datetime.date(2026, 5, 1), Decimal(31), "Spring term"),
            (datetime.date(2026, 3, 1), Decimal(12), ""),
        ],
    )
    EvaluationQuote.objects.create(evaluation=evaluation, text="I felt heard here.", consent=True)
    EvaluationQuote.objects.create(
        evaluation=evaluation, text="Only for the team: not agreed to share", consent=False
    )
    return {
        "tree": tree,
        "partner": partner,
        "program": program,
        "partnership": partnership,
        "evaluation": evaluation,
    }


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def listing(client, page_type, **params):
    query = "&".join(f"{key}={value}" for key, value in {"type": page_type, "fields": "*", **params}.items())
    return get_json(client, f"{API}pages/?{query}")["items"]


def test_program_listing_has_sessions_stage_vocabularies_and_partners(client, community):
    (program,) = listing(client, "clpages.ProgramPage")

    assert program["title"] == "Teen Zine Lab"
    assert program["meta"]["html_url"] == community["program"].get_full_url()
    assert program["stage"] == {"value": Stage.DELIVER, "label": "Deliver services"}
    assert program["audiences"] == ["Teens"]
    assert program["languages"] == ["Arabic"]
    assert program["tags"] == ["zines"]
    (partner,) = program["co_created_with"]
    assert partner["name"] == "Northside Youth Collective"
    assert partner["website"] == "https://northside.example.org/"
    assert partner["languages"] == ["Arabic"]
    assert partner["logo"]["title"] == "Collective logo"
    image = client.get(partner["logo"]["detail_url"].removeprefix("http://localhost")).json()
    assert image["title"] == "Collective logo"
    assert image["meta"]["download_url"]
    assert set(partner) == {
        "id",
        "name",
        "slug",
        "kind",
        "description",
        "website",
        "logo",
        "languages",
        "communities_served",
    }
    assert [s["status"]["value"] for s in program["sessions"]] == ["cancelled", "scheduled"]
    assert program["sessions"][0]["location"]["name"] == "Central Library"
    assert program["sessions"][0]["online_url"] is None  # no joining link for a cancelled session
    assert "body" not in program  # detail view only


def test_program_detail_includes_the_body(client, community):
    program = get_json(client, f"{API}pages/{community['program'].pk}/")

    assert program["body"] == []
    assert program["sessions"][1]["start"]


def test_api_filters_programs_by_stage(client, community):
    assert [p["title"] for p in listing(client, "clpages.ProgramPage", stage=Stage.DELIVER)] == [
        "Teen Zine Lab"
    ]
    assert listing(client, "clpages.ProgramPage", stage=Stage.PLAN) == []


def test_evaluation_has_measures_with_results_and_only_consented_quotes(client, community):
    (evaluation,) = listing(client, "clpages.EvaluationPage")

    (measure,) = evaluation["measures"]
    assert measure["name"] == "Young people who made a zine"
    assert measure["kind"] == {"value": "count", "label": "Count"}
    assert (measure["baseline"], measure["target"], measure["unit"]) == (0, 40, "people")
    assert measure["results"] == [
        {"date": "2026-03-01", "value": 12, "note": ""},
        {"date": "2026-05-01", "value": 31, "note": "Spring term"},
    ]
    assert measure["latest_value"] == 31
    assert evaluation["public_quotes"] == [
        {"text": "I felt heard here.", "attribution": "", "is_story": False, "language": None}
    ]
    assert "quotes" not in evaluation
    assert evaluation["program"]["title"] == "Teen Zine Lab"
    assert evaluation["partnership"]["title"] == "Working with Northside youth"
    assert [p["name"] for p in evaluation["partners"]] == ["Northside Youth Collective"]


def test_partnership_has_the_plan_framing_and_next_steps(client, community):
    page = community["partnership"]
    page.people_to_reach = "Young people in Northside"
    page.framing_stage = "listen"
    page.next_steps.create(what="Book the room", who="Library staff", done=True)
    page.save_revision().publish()

    (partnership,) = listing(client, "clpages.PartnershipPage")

    assert partnership["partner"]["name"] == "Northside Youth Collective"
    assert partnership["framing_stage"] == {"value": "listen", "label": "Listen"}
    assert partnership["people_to_reach"] == "Young people in Northside"
    assert partnership["next_steps"] == [
        {"what": "Book the room", "who": "Library staff", "when": None, "done": True}
    ]


def all_api_urls(community):
    urls = [f"{API}pages/?fields=*", f"{API}images/?fields=*"]
    for page_type in ("ProgramPage", "PartnershipPage", "EvaluationPage"):
        urls.append(f"{API}pages/?type=clpages.{page_type}&fields=*")
    for key in ("program", "partnership", "evaluation"):
        urls.append(f"{API}pages/{community[key].pk}/")
        urls.append(f"{API}pages/{community[key].pk}/?fields=*")
    urls.append(f"{API}pages/find/?html_path={community['program'].url}")
    return urls


def test_api_never_exposes_private_contacts_members_or_unconsented_quotes(client, community):
    for url in all_api_urls(community):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        text = response.content.decode()
        for value in PRIVATE_VALUES:
            assert value not in text, (value, url)


@pytest.mark.parametrize(
    "query",
    [
        "type=clpages.ProgramPage&fields=co_created_with(contact_email)",
        "type=clpages.ProgramPage&fields=co_created_with(members)",
        "type=clpages.EvaluationPage&fields=quotes",
        "type=clpages.ProgramPage&fields=owner",
        "type=clpages.ProgramPage&contact_email=zed.private@example.org",
        "type=clpages.NoSuchPage",
    ],
)
def test_asking_for_private_fields_is_a_clear_bad_request(client, community, query):
    response = client.get(f"{API}pages/?{query}")

    assert response.status_code == 400
    assert response.json()["message"]
    for value in PRIVATE_VALUES:
        assert value not in response.content.decode()


def test_api_leaves_out_drafts_and_private_pages(client, community, tree):
    tree["programs"].add_child(instance=ProgramPage(title="Draft program", summary="Not yet.", live=False))
    private = make_program(tree["programs"], "Staff-only program")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    titles = [p["title"] for p in listing(client, "clpages.ProgramPage")]

    assert titles == ["Teen Zine Lab"]
    assert client.get(f"{API}pages/{private.pk}/").status_code == 404


def test_images_endpoint_lists_only_images_on_public_pages(client, community):
    Image.objects.create(title="Unused upload", file=get_test_image_file())

    images = get_json(client, f"{API}images/")["items"]

    assert [image["title"] for image in images] == ["Collective logo"]
    assert "tags" not in images[0]["meta"]


def add_evaluations(catalogue, count):
    programs = ProgramPage.objects.filter(pk__in=catalogue.program_ids).order_by("pk")[:count]
    for program in programs:
        evaluation = make_evaluation(catalogue.evaluation_index, program=program)
        EvaluationMeasure.objects.create(evaluation=evaluation, name="Families who came back", kind="count")
        EvaluationQuote.objects.create(evaluation=evaluation, text="Not for sharing", consent=False)


def test_api_listing_query_counts_do_not_grow_with_the_number_of_programs(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    catalogue = Catalogue(programs_per_partner=4)
    client = Client(HTTP_HOST="localhost")
    urls = [
        f"{API}pages/?type=clpages.ProgramPage&fields=*",
        f"{API}pages/?type=clpages.PartnershipPage&fields=*",
        f"{API}pages/?type=clpages.ProgramPage",
        f"{API}pages/?type=clpages.EvaluationPage&fields=*",
        f"{API}pages/?fields=*",
        f"{API}images/",
    ]

    catalogue.grow_to(10)
    add_evaluations(catalogue, 3)
    at_10 = {url: count_queries(client, url) for url in urls}
    catalogue.grow_to(100)
    add_evaluations(catalogue, 25)
    at_100 = {url: count_queries(client, url) for url in urls}

    assert at_10 == at_100
    for url in urls[:4]:
        response = client.get(url)
        assert len(response.json()["items"]) == 20, url  # a full page: the size did change
        assert "private" not in response.content.decode()  # the catalogue's partner contacts


@pytest.mark.parametrize(
    "query",
    [
        "type=clpages.ProgramPage&co_created_with=abc",
        "type=clpages.ProgramPage&audiences=x",
        "type=clpages.ProgramPage&sessions=abc",
        "type=clpages.PartnershipPage&next_steps=abc",
        "type=clpages.EvaluationPage&success_agreed_on=notadate",
        "type=clpages.ProgramPage&stage=abc",
        "type=clpages.ProgramPage&fields=sessions(start)",
    ],
)
def test_filter_values_the_database_cannot_compare_are_a_clear_bad_request(client, tree, query):
    make_program(tree["programs"], "Teen Zine Lab")

    response = client.get(f"{API}pages/?{query}")

    assert response.status_code == 400
    assert response.json()["message"]


def test_full_and_cancelled_sessions_give_no_joining_link(client, community):
    program = community["program"]
    cancelled, scheduled = program.sessions.order_by("start")
    scheduled.online_url = "https://meet.example.org/open-room"
    scheduled.save()
    full = ProgramSession.objects.create(
        program=program,
        start=scheduled.start + datetime.timedelta(days=1),
        end=scheduled.end + datetime.timedelta(days=1),
        address="12 River Road, Riverbend",
        online_url="https://meet.example.org/full-room",
        status=SessionStatus.FULL,
    )

    (listed,) = listing(client, "clpages.ProgramPage")

    links = {session["id"]: session["online_url"] for session in listed["sessions"]}
    assert links == {cancelled.pk: None, scheduled.pk: "https://meet.example.org/open-room", full.pk: None}


def test_evaluation_links_only_programs_and_partnerships_the_public_may_see(client, community):
    program, partnership = community["program"], community["partnership"]
    PageViewRestriction.objects.create(
        page=program, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    partnership.unpublish()

    (evaluation,) = listing(client, "clpages.EvaluationPage")
    page = client.get(community["evaluation"].url).content.decode()

    assert evaluation["program"] is None
    assert evaluation["partnership"] is None
    assert evaluation["partners"] == []
    for hidden in (program, partnership):
        assert hidden.title not in page
        assert hidden.url not in page
