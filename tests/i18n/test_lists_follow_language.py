"""Listing, calendar, iCalendar feed, RSS feed, search and JSON-LD in the visitor's language.

Every list shows every public program: as its translation into the visitor's language where one
is live, otherwise the original, marked as English. Order, filters and counts are the originals'.
"""

import re

import pytest
from django.test import RequestFactory
from django.utils import translation

from clpages.models import ProgramPage
from clpages.publishing.structured_data import program_events
from tests.builders import NOW, at, freeze, make_program
from tests.builders.translations import build_translated_site, make_locales, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(monkeypatch):
    freeze(monkeypatch)
    tree, french, fr = build_translated_site()
    sooner = make_program(
        tree["programs"],
        "Homework Help",
        summary="Help with homework after school.",
        sessions=[(at(11, 19, 16), at(11, 19, 18), {})],
    )
    later = make_program(
        tree["programs"],
        "Seed Library",
        summary="Borrow seeds, bring some back.",
        sessions=[(at(11, 25, 16), at(11, 25, 18), {})],
    )
    translated = translate(
        sooner, fr, title="Aide aux devoirs", slug="aide-aux-devoirs", summary="De l’aide après l’école."
    )
    return {"tree": tree, "fr": french, "sooner": sooner, "later": later, "translated": translated}


def titles_in_order(html, *titles):
    positions = [html.index(title) for title in titles]
    return positions == sorted(positions)


def test_french_listing_shows_translations_and_marks_the_rest_english(client, world):
    html = client.get(world["fr"]["programs"].url).content.decode()
    assert 'href="/fr/community/programs/aide-aux-devoirs/">Aide aux devoirs</a>' in html
    assert "De l’aide après l’école." in html
    # Not translated yet: the original, its words marked as English, and said so.
    assert '<h3 lang="en"><a href="/community/programs/seed-library/">Seed Library</a></h3>' in html
    assert '<p lang="en">Borrow seeds, bring some back.</p>' in html
    assert html.count('class="meta in-original"') == 1
    assert "Homework Help" not in html
    # The originals' order: soonest first.
    assert titles_in_order(html, "Aide aux devoirs", "Seed Library")


def test_french_listing_filters_and_counts_on_the_originals(client, world):
    html = client.get(world["fr"]["programs"].url, {"when": "week"}).content.decode()
    assert "Aide aux devoirs" in html
    assert "Seed Library" not in html
    newest = client.get(world["fr"]["programs"].url, {"sort": "newest"}).content.decode()
    assert titles_in_order(newest, "Seed Library", "Aide aux devoirs")


def test_english_listing_shows_no_translation(client, world):
    html = client.get(world["tree"]["programs"].url).content.decode()
    assert "Homework Help" in html and "Seed Library" in html
    assert "Aide aux devoirs" not in html
    assert "in-original" not in html and 'lang="en"' not in html.split("<main", 1)[1]


def test_arabic_listing_shows_every_original_in_english(client, world):
    html = client.get("/ar/community/programs/").content.decode()
    assert '<h3 lang="en"><a href="/community/programs/homework-help/">Homework Help</a></h3>' in html
    assert html.count('class="meta in-original"') == 2


def test_french_calendar_links_to_the_translation(client, world):
    html = client.get(world["fr"]["programs"].url + "calendar/", {"period": "month"}).content.decode()
    assert '<a href="/fr/community/programs/aide-aux-devoirs/">Aide aux devoirs</a>' in html
    assert '<a href="/community/programs/seed-library/" lang="en">Seed Library</a>' in html
    english = client.get(world["tree"]["programs"].url + "calendar/", {"period": "month"}).content.decode()
    assert '<a href="/community/programs/homework-help/">Homework Help</a>' in english
    assert "Aide aux devoirs" not in english


def unfolded(response):
    return response.content.decode().replace("\r\n ", "")


def test_french_ical_feed_says_the_language_of_each_text(client, world):
    text = unfolded(client.get("/fr/community/programs/calendar.ics"))
    assert "SUMMARY;LANGUAGE=fr:Aide aux devoirs" in text
    assert "SUMMARY;LANGUAGE=en:Seed Library" in text
    assert re.search(r"DESCRIPTION;LANGUAGE=fr:De l’aide après l’école\.", text)
    assert "URL:http://localhost/fr/community/programs/aide-aux-devoirs/" in text
    assert "URL:http://localhost/community/programs/seed-library/" in text


def test_english_ical_feed_is_unmarked(client, world):
    text = unfolded(client.get("/community/programs/calendar.ics"))
    assert "SUMMARY:Homework Help" in text
    assert "LANGUAGE" not in text and "Aide aux devoirs" not in text


def test_french_feed_lists_programs_in_french_where_translated(client, world):
    rss = client.get("/fr/feeds/programs/rss/").content.decode()
    assert "<language>fr</language>" in rss
    assert "<title>Aide aux devoirs</title>" in rss
    assert "<link>http://localhost/fr/community/programs/aide-aux-devoirs/</link>" in rss
    assert "<title>Seed Library</title>" in rss
    assert "Homework Help" not in rss


def test_english_feed_lists_originals_only(client, world):
    rss = client.get("/feeds/programs/rss/").content.decode()
    assert "<title>Homework Help</title>" in rss and "<title>Seed Library</title>" in rss
    assert "Aide aux devoirs" not in rss
    assert rss.count("<item>") == 2


def test_french_search_gives_french_results_first_then_untranslated_originals(client, world):
    html = client.get("/fr/search/", {"q": "aide", "type": "program"}).content.decode()
    assert "Aide aux devoirs" in html and "Seed Library" not in html


def test_french_search_finds_untranslated_originals_marked_english(client, world):
    html = client.get("/fr/search/", {"q": "seeds"}).content.decode()
    assert '<h4 lang="en"><a href="/community/programs/seed-library/">Seed Library</a></h4>' in html
    assert 'class="meta in-original"' in html
    # The translated program is found in French only, never as its English original.
    homework = client.get("/fr/search/", {"q": "homework"}).content.decode()
    assert "Homework Help" not in homework


def test_french_search_lists_french_results_before_originals(client, world):
    translate(world["later"], make_locales("fr")[0], title="Grainothèque", slug="grainotheque")
    make_program(world["tree"]["programs"], "Library Card Day", summary="Grainothèque et plus.")
    html = client.get("/fr/search/", {"q": "grainotheque", "type": "program"}).content.decode()
    assert titles_in_order(html, ">Grainothèque<", "Library Card Day")
    assert '<h4 lang="en"><a href="/community/programs/library-card-day/">' in html


def test_english_search_finds_no_translation(client, world):
    html = client.get("/search/", {"q": "aide"}).content.decode()
    assert "Aide aux devoirs" not in html
    assert "Homework Help" in client.get("/search/", {"q": "homework"}).content.decode()


def test_json_ld_of_a_translation_says_its_language(world):
    request = RequestFactory().get("/fr/community/programs/aide-aux-devoirs/", HTTP_HOST="localhost")
    original = ProgramPage.objects.get(pk=world["sooner"].pk)
    sessions = original.upcoming_dates(now=NOW)
    with translation.override("fr"):
        events = program_events(world["translated"], sessions, [], request)
    assert events and all(event["inLanguage"] == "fr" for event in events)
    assert events[0]["name"] == "Aide aux devoirs"
    english = program_events(original, sessions, [], request)
    assert english and all("inLanguage" not in event for event in english)


def test_french_listing_words_match_the_translations_words(client, world):
    html = client.get(world["fr"]["programs"].url, {"q": "devoirs"}).content.decode()
    assert "Aide aux devoirs" in html and "Seed Library" not in html
    # An untranslated program is found by its own words.
    seeds = client.get(world["fr"]["programs"].url, {"q": "seeds"}).content.decode()
    assert "Seed Library" in seeds and "Aide aux devoirs" not in seeds


def test_french_hub_shows_the_programs_coming_up_in_french_where_translated(client, world):
    html = client.get("/fr/community/").content.decode()
    assert '<a href="/fr/community/programs/aide-aux-devoirs/">Aide aux devoirs</a>' in html
    assert '<h3 lang="en"><a href="/community/programs/seed-library/">Seed Library</a></h3>' in html
    english = client.get("/community/").content.decode()
    assert '<a href="/community/programs/homework-help/">Homework Help</a>' in english
    assert "Aide aux devoirs" not in english and "in-original" not in english
