"""Audiences, languages, places and partner organisations are translated with wagtail-localize
and shown in the visitor's language, read in bulk; a language is also named in its own script,
marked up with its language and direction."""

import contextlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from clpages.i18n.vocabulary import LanguageName, direction, reword
from clpages.models import Audience, CommunityPartner, Language, Location, ProgramPage
from clpages.models.cards import attach_names
from clpages.performance import cache as page_cache
from tests.builders import count_queries, make_location, make_partner, make_partnership, make_program
from tests.i18n.translating import locale, translate

pytestmark = pytest.mark.django_db

API = "/api/v2/"


@pytest.fixture
def terms(django_capture_on_commit_callbacks):
    audience = Audience.objects.create(name="Newcomer families", slug="newcomer-families")
    arabic = Language.objects.create(name="Arabic", slug="arabic", code="ar", own_name="العربية")
    place = make_location("Central Library", accessibility_notes="Lift to every floor.")
    partner = make_partner("Riverbend Newcomers", description="We welcome families.")
    on_commit = django_capture_on_commit_callbacks
    translate(audience, "fr", {"Newcomer families": "Familles nouvellement arrivées"}, on_commit)
    translate(arabic, "fr", {"Arabic": "Arabe"}, on_commit)
    translate(
        place,
        "fr",
        {"Central Library": "Bibliothèque centrale", "Lift to every floor.": "Ascenseur à chaque étage."},
        on_commit,
    )
    translate(
        partner,
        "fr",
        {
            "Riverbend Newcomers": "Nouveaux arrivants de Riverbend",
            "We welcome families.": "Nous accueillons.",
        },
        on_commit,
    )
    return {"audience": audience, "arabic": arabic, "place": place, "partner": partner}


def program_with(tree, terms, title="Homework club"):
    return make_program(
        tree["programs"],
        title,
        sessions=1,
        location=terms["place"],
        audiences=[terms["audience"]],
        languages=[terms["arabic"]],
        partners=[terms["partner"]],
    )


def test_a_translation_keeps_the_slug_code_and_own_name_and_no_private_contact(terms):
    french = Language.objects.get(locale__language_code="fr")
    assert (french.name, french.slug, french.code, french.own_name) == ("Arabe", "arabic", "ar", "العربية")
    partner = terms["partner"]
    partner.contact_email = "private@example.org"
    partner.save()
    translated = CommunityPartner.objects.get(locale__language_code="fr")
    assert translated.contact_email == "" and translated.collection_id is None
    assert Location.objects.get(locale__language_code="fr").street_address == "1 Main Street"


def test_the_french_program_page_names_its_terms_in_french(
    client, tree, terms, django_capture_on_commit_callbacks
):
    program = program_with(tree, terms)
    french = translate(
        program, "fr", {"Homework club": "Club de devoirs"}, django_capture_on_commit_callbacks
    )
    html = client.get(french.url).content.decode()
    assert "Familles nouvellement arrivées" in html
    assert 'Arabe <span lang="ar" dir="rtl">العربية</span>' in html
    assert "Bibliothèque centrale" in html
    assert "Nouveaux arrivants de Riverbend" in html
    assert "Newcomer families" not in html and "Central Library" not in html


def test_the_english_page_names_a_language_in_its_own_script_too(client, tree, terms):
    program = program_with(tree, terms)
    html = client.get(program.url).content.decode()
    assert 'Arabic <span lang="ar" dir="rtl">العربية</span>' in html
    assert "Newcomer families" in html and "Familles" not in html


def test_an_own_name_is_escaped():
    markup = LanguageName("Arabic", "ar", '<b onclick="x">ar</b>').__html__()
    assert "<b" not in markup and "&lt;b onclick=&quot;x&quot;&gt;ar&lt;/b&gt;" in markup
    assert LanguageName("English", "en", "English").__html__() == "English"
    assert LanguageName("<i>", "", "").__html__() == "&lt;i&gt;"


@pytest.mark.parametrize(
    ("code", "way"),
    [("ar", "rtl"), ("fa", "rtl"), ("prs", "rtl"), ("fr", "ltr"), ("ase", "ltr"), ("", "ltr")],
)
def test_a_language_runs_in_its_direction(code, way):
    assert direction(code) == way


def test_the_filters_list_each_term_once_in_the_visitors_language(
    client, tree, terms, django_capture_on_commit_callbacks
):
    program = program_with(tree, terms)
    english = client.get(tree["programs"].url).content.decode()
    assert english.count(">Newcomer families</option>") == 1 and "Familles" not in english
    translate(program, "fr", {}, django_capture_on_commit_callbacks)
    french_index = ProgramPage.objects.get(locale__language_code="fr").get_parent()
    html = client.get(french_index.url).content.decode()
    assert '<option value="newcomer-families">Familles nouvellement arrivées</option>' in html
    assert ">Bibliothèque centrale</option>" in html
    assert ">Newcomer families</option>" not in html


def test_the_french_partnership_page_shows_the_partners_french_words(
    client, tree, terms, django_capture_on_commit_callbacks
):
    partnership = make_partnership(tree["partnerships"], terms["partner"], title="Welcome")
    french = translate(partnership, "fr", {"Welcome": "Bienvenue"}, django_capture_on_commit_callbacks)
    html = client.get(french.url).content.decode()
    assert "Nous accueillons." in html and "Nouveaux arrivants de Riverbend" in html
    assert "We welcome families." not in html


@contextlib.contextmanager
def one_request():
    """As within one request: the content generation is read once (clpages.performance.cache)."""
    token = page_cache._request_state.set({})
    try:
        yield
    finally:
        page_cache._request_state.reset(token)


def test_cards_name_their_terms_in_french_with_flat_query_counts(
    tree, terms, django_capture_on_commit_callbacks
):
    programs = [program_with(tree, terms, f"Program {n}") for n in range(6)]
    french = [translate(program, "fr", {}, django_capture_on_commit_callbacks) for program in programs]

    def queries(cards):
        cards = [ProgramPage.objects.get(pk=card.pk) for card in cards]
        with translation.override("fr"), one_request(), CaptureQueriesContext(connection) as captured:
            shown = attach_names(cards)
        return len(captured), shown

    queries(french[:1])  # the shared vocabulary tables are read once
    two, shown = queries(french[:2])
    six, _ = queries(french)
    assert two == six
    assert shown[0].audience_names == "Familles nouvellement arrivées"
    assert shown[0].language_names == 'Arabe <span lang="ar" dir="rtl">العربية</span>'
    assert shown[0].partner_names == "Nouveaux arrivants de Riverbend"


def test_the_french_hub_shows_the_originals_programs_with_flat_query_counts(
    client, tree, terms, django_capture_on_commit_callbacks
):
    programs = [program_with(tree, terms, f"Program {n}") for n in range(2)]
    for program in programs:
        translate(
            program,
            "fr",
            {program.title: f"Programme {program.title[-1]}"},
            django_capture_on_commit_callbacks,
        )
    french_hub = (
        ProgramPage.objects.get(pk=programs[0].get_translation(locale("fr")).pk).get_parent().get_parent()
    )
    two = count_queries(client, french_hub.url)
    html = client.get(french_hub.url).content.decode()
    assert "Programme 0" in html and "Programme 1" in html and "Familles nouvellement arrivées" in html
    for n in range(2, 6):
        program = program_with(tree, terms, f"Program {n}")
        translate(program, "fr", {program.title: f"Programme {n}"}, django_capture_on_commit_callbacks)
    assert count_queries(client, french_hub.url) == two
    assert "Programme 5" in client.get(french_hub.url).content.decode()


def test_reword_costs_no_query_once_shared(terms):
    places = [Location.objects.get(pk=terms["place"].pk) for _ in range(5)]
    with translation.override("fr"), one_request():
        reword(places[:1])
        with CaptureQueriesContext(connection) as captured:
            reword(places)
    assert len(captured) == 0
    assert {place.name for place in places} == {"Bibliothèque centrale"}
    assert places[0].accessibility_notes == "Ascenseur à chaque étage."


def test_the_api_filters_by_locale_and_names_terms_in_it(
    client, tree, terms, django_capture_on_commit_callbacks
):
    program = program_with(tree, terms)
    french = translate(
        program, "fr", {"Homework club": "Club de devoirs"}, django_capture_on_commit_callbacks
    )
    fields = "audiences,languages,co_created_with"
    data = client.get(f"{API}pages/?type=clpages.ProgramPage&locale=fr&fields={fields}").json()
    assert [item["id"] for item in data["items"]] == [french.pk]
    item = data["items"][0]
    assert item["meta"]["locale"] == "fr"
    assert item["audiences"] == ["Familles nouvellement arrivées"]
    assert item["languages"] == ["Arabe"]
    assert item["co_created_with"][0]["name"] == "Nouveaux arrivants de Riverbend"
    english = client.get(f"{API}pages/?type=clpages.ProgramPage&locale=en&fields={fields}").json()
    assert [entry["id"] for entry in english["items"]] == [program.pk]
    assert english["items"][0]["audiences"] == ["Newcomer families"]


def test_the_vocabulary_admin_offers_translation(admin_client, terms):
    html = admin_client.get("/admin/clpages/audience/").content.decode()
    assert "Newcomer families" in html
    assert "Familles nouvellement arrivées" not in html
    french = admin_client.get("/admin/clpages/audience/?locale=fr").content.decode()
    assert "Familles nouvellement arrivées" in french
