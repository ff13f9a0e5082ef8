"""French and Arabic pages speak their language in the interface: headings, labels, messages,
dates, times and numbers."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from clpages import formats
from clpages.charts import number
from clpages.public_forms import grouped
from tests.builders import make_program

pytestmark = pytest.mark.django_db

# A Tuesday, 6:30 PM local time.
SESSION_START = datetime.datetime(2027, 11, 16, 18, 30)


def translate_tree(page, language):
    """The page and its parents in `language`, published."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True)
    # Parents copied for the page are aliases of the originals, already live.
    for copy in Page.objects.filter(locale=locale, alias_of__isnull=True).specific():
        copy.save_revision().publish()
    return translated


@pytest.fixture
def program(tree):
    start = timezone.make_aware(SESSION_START)
    return make_program(
        tree["programs"],
        title="Homework club",
        sessions=[(start, start + datetime.timedelta(hours=2), {})],
    )


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(page):
    return " ".join(page.get_text(" ").split())


def translated_index(tree, program, language):
    translate_tree(program, language)
    return tree["programs"].get_translation(Locale.objects.get(language_code=language))


def test_a_french_listing_has_a_french_interface(client, tree, program):
    index = translated_index(tree, program, "fr")
    html = get(client, index.url)
    assert html.html["lang"] == "fr" and html.html["dir"] == "ltr"
    words = text_of(html)
    for french in [
        "Aller au contenu principal",
        "Trouver un programme",
        "Pour qui et quoi",
        "Afficher les programmes",
        "Ajoutez-les à votre calendrier",
        "Planifié avec notre communauté, pour notre communauté.",
        "Calendrier",
    ]:
        assert french in words
    for english in ["Skip to main content", "Find a program", "Show programs", "Who and what"]:
        assert english not in words
    assert html.find("input", id="site-search-q")["placeholder"] == "Rechercher des programmes"


def test_an_arabic_listing_has_an_arabic_interface_right_to_left(client, tree, program):
    index = translated_index(tree, program, "ar")
    html = get(client, index.url)
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"
    words = text_of(html)
    for arabic in ["الانتقال إلى المحتوى الرئيسي", "ابحث عن برنامج", "لمن وماذا", "اعرض البرامج", "التقويم"]:
        assert arabic in words
    for english in ["Skip to main content", "Find a program", "Show programs"]:
        assert english not in words


def test_a_french_program_page_writes_dates_and_times_the_french_way(client, tree, program):
    translate_tree(program, "fr")
    french = program.get_translation(Locale.objects.get(language_code="fr"))
    words = text_of(get(client, french.url))
    french_words = [
        "mardi 16 novembre 2027, 18:30 à 20:30",
        "Quand, où et comment participer",
        "Prochaine séance",
        "Sur place : 12 River Road, Riverbend",
        "Étape 1 sur 5 : Apprendre à connaître la communauté.",
        "Donnez votre avis",
    ]
    assert [phrase for phrase in french_words if phrase not in words] == []
    assert "6:30 PM" not in words and "Tuesday" not in words
    # The English page keeps its own formats.
    english = text_of(get(client, program.url))
    assert "Tuesday 16 November 2027, 6:30 PM" in english


def test_a_french_form_error_is_in_french(client, tree, program):
    index = translate_tree(tree["programs"], "fr")
    words = text_of(get(client, index.url + "?stage=9&date_from=demain"))
    assert "Certains de vos choix n’ont pas pu être utilisés" in words
    assert "« 9 » ne fait pas partie des cinq étapes. Choisissez-en une dans la liste." in words
    assert "Nous n’avons pas pu lire la date « demain »" in words
    assert "is not one of" not in words


def test_an_arabic_form_error_is_in_arabic(client, tree, program):
    index = translate_tree(tree["programs"], "ar")
    words = text_of(get(client, index.url + "?stage=9"))
    assert "«9» ليست من المراحل الخمس. اختر واحدة من القائمة." in words


def test_the_results_heading_counts_in_each_language(client, tree, program):
    with translation.override("fr"):
        from clpages.programs.filters import ProgramFilterForm
        from clpages.programs.results import results_heading

        filters = ProgramFilterForm({"when": "week", "free": "on"}).filters()
        assert results_heading(filters, 2) == "2 programmes cette semaine, gratuits"
    with translation.override("ar"):
        assert results_heading(filters, 1) == "برنامج واحد هذا الأسبوع، مجانًا"
        assert results_heading(filters, 11).startswith("11 برنامجًا")


@pytest.mark.parametrize(
    ("language", "day", "time", "decimal", "thousands"),
    [
        ("en", "Tuesday 16 November 2027", "6:30 PM", "71.5", "12,000"),
        ("fr", "mardi 16 novembre 2027", "18:30", "71,5", "12\xa0000"),
        ("ar", "الثلاثاء 16 نوفمبر 2027", "6:30 م", "71,5", "12000"),
    ],
)
def test_dates_times_and_numbers_follow_the_language(language, day, time, decimal, thousands):
    with translation.override(language):
        assert formats.long_date(SESSION_START) == day
        assert formats.time_of_day(SESSION_START) == time
        assert number(Decimal("71.50")) == decimal
        assert str(grouped(12000)) == thousands


def test_a_french_form_says_its_limits_with_french_separators():
    from clpages.listening.forms import AnswerForm

    with translation.override("fr"):
        assert str(AnswerForm.base_fields["text"].help_text).endswith("Jusqu’à 2\xa0000 caractères.")
