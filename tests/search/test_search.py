"""Search across programs, partnerships and evaluations, with the listing's filters."""

import pytest

from clpages.search import query as search_query
from tests.builders import (
    build_catalogue_site,
    catalogue_built_once,
    fresh,
    make_evaluation,
    make_partnership,
    make_program,
    queries_at_10_and_100,
)

SEARCH_URL = "/search/"


def _build():
    built = build_catalogue_site()
    tree, catalogue = built["tree"], built["catalogue"]
    catalogue.youth_partnership = make_partnership(
        tree["partnerships"],
        catalogue.partners.youth,
        "Zine making with Northside youth",
        summary="Young people lead a zine project with the library.",
    )
    catalogue.circle_partnership = make_partnership(
        tree["partnerships"],
        catalogue.partners.circle,
        "Stories with the Arabic Families Circle",
        summary="Families share stories in Arabic.",
    )
    catalogue.zine_evaluation = make_evaluation(
        tree["evaluations"],
        program=catalogue.programs.zine,
        title="How the zine lab went",
        summary="What young people said about the zine lab.",
    )
    catalogue.story_evaluation = make_evaluation(
        tree["evaluations"],
        partnership=catalogue.circle_partnership,
        title="Story time, one year on",
        summary="Families and stories in Arabic: what changed.",
    )
    return built


@pytest.fixture(scope="module")
def catalogue_once(django_db_setup, django_db_blocker):
    with catalogue_built_once(django_db_blocker, _build) as built:
        yield built


@pytest.fixture
def catalogue(db, catalogue_once, frozen):
    """One catalogue for the module, reloaded for each test; what a test changes is rolled back."""
    return fresh(catalogue_once["catalogue"])


def found(response):
    return {group["type"]: [r.title for r in group["results"]] for group in response.context["groups"]}


def test_results_from_every_type_labelled_and_grouped(client, catalogue):
    response = client.get(SEARCH_URL, {"q": "zine"})
    assert response.status_code == 200
    assert found(response) == {
        "program": ["Teen Zine Lab"],
        "partnership": ["Zine making with Northside youth"],
        "evaluation": ["How the zine lab went"],
    }
    html = response.content.decode()
    assert "3 results for “zine”" in html
    for heading in ["Programs", "Partnerships", "Results and learning"]:
        assert f'{heading} <span class="count">(1)</span>' in html
    for label in ["Program", "Partnership", "Results and learning"]:
        assert f'<p class="result-type">{label}</p>' in html


def test_one_type_only(client, catalogue):
    response = client.get(SEARCH_URL, {"q": "zine", "type": "partnership"})
    assert found(response) == {"partnership": ["Zine making with Northside youth"]}


def test_partner_filter_narrows_every_type(client, catalogue):
    response = client.get(SEARCH_URL, {"q": "arabic", "partner": "arabic-families-circle"})
    assert found(response) == {
        "program": ["Family Story Time in Arabic"],
        "partnership": ["Stories with the Arabic Families Circle"],
        "evaluation": ["Story time, one year on"],
    }
    # The Teen Zine Lab, its partnership and its evaluation are with another partner.
    response = client.get(SEARCH_URL, {"q": "zine", "partner": "arabic-families-circle"})
    assert found(response) == {"program": [], "partnership": [], "evaluation": []}


def test_program_filters_narrow_programs(client, catalogue):
    response = client.get(SEARCH_URL, {"q": "arabic", "language": "arabic"})
    groups = found(response)
    assert groups["program"] == ["Family Story Time in Arabic"]
    assert "Stories with the Arabic Families Circle" in groups["partnership"]
    assert "Language: these choices narrow programs only." in response.content.decode()
    # Found by its topic: the zine lab is tagged "art" and meets this week.
    response = client.get(SEARCH_URL, {"q": "art", "when": "week"})
    assert found(response)["program"] == ["Teen Zine Lab"]
    response = client.get(SEARCH_URL, {"q": "zine", "format": "in_person", "when": "today"})
    assert found(response)["program"] == ["Teen Zine Lab"]


def test_past_programs_on_request(client, catalogue):
    assert found(client.get(SEARCH_URL, {"q": "poetry"}))["program"] == []
    html = client.get(SEARCH_URL, {"q": "poetry"}).content.decode()
    assert "Include past programs" in html
    response = client.get(SEARCH_URL, {"q": "poetry", "include_past": "on"})
    assert found(response)["program"] == ["Poetry Nights"]


def test_no_words_asks_for_some(client, catalogue):
    response = client.get(SEARCH_URL)
    assert response.status_code == 200
    assert "Type some words to search" in response.content.decode()


def test_invalid_values_give_a_clear_message(client, catalogue):
    response = client.get(SEARCH_URL, {"q": "zine", "type": "people", "stage": "12"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "“people” is not one of the kinds of result" in html
    assert "“12” is not one of the five stages" in html
    # The rest still works.
    assert found(response)["program"] == ["Teen Zine Lab"]


def test_nothing_found(client, catalogue):
    html = client.get(SEARCH_URL, {"q": "submarine", "audience": "teens"}).content.decode()
    assert "Nothing matches “submarine” with your choices." in html
    assert 'href="?q=submarine"' in html


def test_drafts_and_private_pages_are_not_found(client, catalogue):
    from wagtail.models import PageViewRestriction

    catalogue.youth_partnership.unpublish()
    PageViewRestriction.objects.create(page=catalogue.zine_evaluation, restriction_type="login")
    assert found(client.get(SEARCH_URL, {"q": "zine"})) == {
        "program": ["Teen Zine Lab"],
        "partnership": [],
        "evaluation": [],
    }


def test_partner_text_is_escaped(client, catalogue):
    make_program(catalogue.programs.zine.get_parent(), "<script>alert(1)</script> zine club", sessions=())
    html = client.get(SEARCH_URL, {"q": "zine"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_search_engine_outside_the_database_gets_the_same_answers(client, catalogue, monkeypatch):
    # An OpenSearch/Elasticsearch backend answers with ids; the filters then apply in the database.
    monkeypatch.setattr(search_query, "_is_database_backend", lambda backend: False)
    response = client.get(SEARCH_URL, {"q": "arabic", "partner": "arabic-families-circle"})
    assert found(response) == {
        "program": ["Family Story Time in Arabic"],
        "partnership": ["Stories with the Arabic Families Circle"],
        "evaluation": ["Story time, one year on"],
    }
    assert found(client.get(SEARCH_URL, {"q": "zine", "type": "program"})) == {"program": ["Teen Zine Lab"]}


def test_search_queries_do_not_grow_with_programs(client, tree, catalogue):
    views = [
        {"q": "program"},
        {"q": "program", "type": "program", "page": "2"},
        {"q": "art", "audience": "teens", "when": "month", "partner": "northside-youth-collective"},
    ]
    at_ten, at_hundred = queries_at_10_and_100(client, tree["programs"], catalogue, SEARCH_URL, views)
    assert at_hundred == at_ten
