"""A translated page has its own words and its original's facts: sessions, registration, stage,
audiences, languages, partners and results are read from the page in the default language, and
translating never copies a session, a date or a result."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from clpages.i18n.originals import original_of
from clpages.models import (
    EvaluationQuote,
    Language,
    MeasureResult,
    ProgramPage,
    ProgramSession,
    SessionOccurrence,
)
from clpages.stages import Registration, SessionFormat, Stage
from tests.builders import make_evaluation, make_measure, make_partner, make_partnership, make_program
from tests.i18n.translating import translate

pytestmark = pytest.mark.django_db

REGISTER = "https://tickets.example.org/homework-club"
FRENCH = {
    "Homework club": "Club de devoirs",
    "Help with homework, every week.": "De l'aide pour les devoirs, chaque semaine.",
}


def sessions(count):
    start = timezone.now() + datetime.timedelta(days=3)
    place = {
        "address": "12 River Road, Riverbend",
        "format": SessionFormat.IN_PERSON,
        "registration": Registration.EXTERNAL,
        "registration_url": REGISTER,
    }
    return [
        (start + datetime.timedelta(days=7 * i), start + datetime.timedelta(days=7 * i, hours=2), place)
        for i in range(count)
    ]


@pytest.fixture
def program(tree):
    return make_program(
        tree["programs"],
        "Homework club",
        sessions=sessions(2),
        summary="Help with homework, every week.",
        stage=Stage.DELIVER,
    )


def test_a_translated_program_has_french_words_and_the_originals_sessions(
    client, program, django_capture_on_commit_callbacks
):
    french = translate(program, "fr", FRENCH, django_capture_on_commit_callbacks)

    assert french.locale.language_code == "fr" and french.live
    assert original_of(french).pk == program.pk
    # Translating copied no session and made no date for the translation.
    assert not ProgramSession.objects.filter(program=french).exists()
    assert not SessionOccurrence.objects.filter(program_id=french.pk).exists()
    assert ProgramSession.objects.count() == 2
    assert SessionOccurrence.objects.count() == 2

    html = client.get(french.url).content.decode()
    assert french.url.startswith("/fr/")
    assert "Club de devoirs" in html and "De l&#x27;aide pour les devoirs" in html
    assert "Homework club" not in html
    # The original's sessions, registration link and stage.
    first = program.upcoming_dates()[0]
    assert f'datetime="{first.start.isoformat()}"' in html or first.start.strftime("%Y-%m-%d") in html
    assert REGISTER in html
    assert "Étape 4 sur 5" in html


def test_a_changed_original_shows_in_the_translation_without_copying_sessions(
    client, program, django_capture_on_commit_callbacks
):
    french = translate(program, "fr", FRENCH, django_capture_on_commit_callbacks)
    program = ProgramPage.objects.get(pk=program.pk)
    later = timezone.now() + datetime.timedelta(days=40)
    ProgramSession.objects.create(
        program=program, start=later, end=later + datetime.timedelta(hours=1), address="The park"
    )
    program.stage = Stage.EVALUATE
    program.save_revision().publish()
    # The translation is updated from the new original (wagtail-localize's "Sync translated pages").
    french = translate(
        ProgramPage.objects.get(pk=program.pk), "fr", FRENCH, django_capture_on_commit_callbacks
    )

    assert not ProgramSession.objects.filter(program=french).exists()
    assert not SessionOccurrence.objects.filter(program_id=french.pk).exists()
    assert ProgramSession.objects.filter(program=program).count() == 3
    html = client.get(french.url).content.decode()
    assert "The park" in html and "Étape 5 sur 5" in html


def test_sessions_added_to_a_translation_are_never_kept(program, django_capture_on_commit_callbacks):
    french = translate(program, "fr", FRENCH, django_capture_on_commit_callbacks)
    start = timezone.now() + datetime.timedelta(days=5)
    french.sessions = [ProgramSession(start=start, end=start + datetime.timedelta(hours=1), address="x")]
    french.save_revision().publish()

    assert not ProgramSession.objects.filter(program_id=french.pk).exists()
    assert not SessionOccurrence.objects.filter(program_id=french.pk).exists()


def test_copying_a_program_still_copies_its_sessions(program):
    copy = program.copy(update_attrs={"slug": "homework-club-again", "title": "Homework club again"})

    assert ProgramSession.objects.filter(program=copy).count() == 2
    assert SessionOccurrence.objects.filter(program_id=copy.pk).count() == 2


def measured_evaluation(tree, program):
    evaluation = make_evaluation(tree["evaluations"], program=program, title="Winter results")
    make_measure(
        evaluation,
        name="Families who came back",
        unit="families",
        target=20,
        results=[(datetime.date(2026, 3, 1), Decimal(12), ""), (datetime.date(2026, 3, 8), Decimal(21), "")],
    )
    evaluation.save_revision().publish()
    return evaluation


EVALUATION_FRENCH = {
    "Winter results": "Résultats de l'hiver",
    "Families who came back": "Familles revenues",
    "families": "familles",
}


def test_a_translated_evaluation_shows_the_originals_results_and_counts_them_once(
    client, tree, program, django_capture_on_commit_callbacks
):
    evaluation = measured_evaluation(tree, program)
    results_before = MeasureResult.objects.count()
    translate(program, "fr", FRENCH, django_capture_on_commit_callbacks)
    french = translate(evaluation, "fr", EVALUATION_FRENCH, django_capture_on_commit_callbacks)

    # The translation's measure holds no result; the totals are the original's.
    assert MeasureResult.objects.count() == results_before == 2
    assert not MeasureResult.objects.filter(measure__evaluation=french).exists()
    assert MeasureResult.objects.aggregate(total=Sum("value"))["total"] == Decimal(33)

    html = client.get(french.url).content.decode()
    assert "Familles revenues" in html and "Families who came back" not in html
    assert "21 familles" in html
    assert html.count("<tr>") - html.count("<thead><tr>") == 2

    # The English program's headline counts the original results page once, not its translation.
    english = client.get(program.url).content.decode()
    aside = english[english.index("<h2>Results and learning</h2>") :]
    assert aside.count("Families who came back") == 1 and "Earlier:" not in aside
    assert "Familles revenues" not in english
    # The French program's headline: the original's figures, the French words, the French page.
    french_program = ProgramPage.objects.get(locale__language_code="fr")
    french_html = client.get(french_program.url).content.decode()
    french_aside = french_html[french_html.index("Résultats et enseignements</h2>") :]
    assert f'href="{french.url}"' in french_aside
    assert "Familles revenues" in french_aside and "21 familles" in french_aside


def test_hear_back_sees_no_new_results_in_a_translation(tree, program, django_capture_on_commit_callbacks):
    from clpages.hear_back.changes import _rows

    evaluation = measured_evaluation(tree, program)
    french = translate(evaluation, "fr", EVALUATION_FRENCH, django_capture_on_commit_callbacks)
    published = french.get_latest_revision().as_object()
    assert not [row for row in _rows(published) if row[0] == "result"]
    assert len([row for row in _rows(evaluation) if row[0] == "result"]) == 2


def arabic():
    return Language.objects.create(name="Arabic", slug="arabic", code="ar", own_name="العربية")


def quoted_evaluation(tree, program, language):
    evaluation = make_evaluation(tree["evaluations"], program=program, title="Winter results")
    EvaluationQuote.objects.create(
        evaluation=evaluation, text="The library felt like home.", language=language, consent=True
    )
    EvaluationQuote.objects.create(evaluation=evaluation, text="Not for the website.", consent=False)
    evaluation.save_revision().publish()
    return evaluation


def test_a_quote_is_marked_up_in_the_language_it_was_said_in(client, tree, program):
    evaluation = quoted_evaluation(tree, program, arabic())
    html = client.get(evaluation.url).content.decode()
    assert '<blockquote lang="ar" dir="rtl">' in html
    assert "The library felt like home." in html and "Translated from" not in html
    assert "Not for the website." not in html


def test_a_translated_quote_says_which_language_it_was_translated_from(
    client, tree, program, django_capture_on_commit_callbacks
):
    evaluation = quoted_evaluation(tree, program, arabic())
    french = translate(
        evaluation,
        "fr",
        {"Winter results": "Résultats de l'hiver", "The library felt like home.": "On se sentait chez soi."},
        django_capture_on_commit_callbacks,
    )
    html = client.get(french.url).content.decode()
    assert "On se sentait chez soi." in html
    # Its words are French now, as the page: it says it was translated, and is not marked Arabic.
    assert 'lang="ar"' not in html.split("On se sentait")[0].rsplit("<blockquote", 1)[1]
    # In French, with the language named as the vocabulary has it (not translated here).
    assert "Traduction (original\u00a0: Arabic)" in html
    assert "Not for the website." not in html
    # The quote in the translation still says it was said in the original's Arabic.
    assert EvaluationQuote.objects.get(evaluation=french, consent=True).language.locale.language_code == "en"


def test_withdrawn_consent_on_the_original_hides_the_translated_quote(
    client, tree, program, django_capture_on_commit_callbacks
):
    evaluation = quoted_evaluation(tree, program, arabic())
    french = translate(
        evaluation,
        "fr",
        {"The library felt like home.": "On se sentait chez soi."},
        django_capture_on_commit_callbacks,
    )
    EvaluationQuote.objects.filter(evaluation=evaluation).update(consent=False)
    assert "On se sentait chez soi." not in client.get(french.url).content.decode()


def test_a_translated_partnership_keeps_the_originals_partner(
    client, tree, django_capture_on_commit_callbacks
):
    partner = make_partner("Riverbend Newcomers")
    partnership = make_partnership(tree["partnerships"], partner, title="Welcoming newcomers")
    french = translate(
        partnership,
        "fr",
        {"Welcoming newcomers": "Accueillir les nouveaux arrivants"},
        django_capture_on_commit_callbacks,
    )
    assert french.partner_id == partner.pk
    html = client.get(french.url).content.decode()
    assert "Accueillir les nouveaux arrivants" in html and "Riverbend Newcomers" in html


def test_every_page_type_can_be_translated(tree, django_capture_on_commit_callbacks):
    from wagtail_localize.models import TranslationSource

    for name in ("hub", "programs", "partnerships", "evaluations", "home"):
        page = tree[name].specific
        translation = translate(page, "fr", {}, django_capture_on_commit_callbacks)
        assert translation.locale.language_code == "fr"
        assert TranslationSource.objects.filter(object_id=page.translation_key).exists()


def test_the_translations_calendar_file_has_the_originals_dates(
    client, program, django_capture_on_commit_callbacks
):
    french = translate(program, "fr", FRENCH, django_capture_on_commit_callbacks)
    response = client.get(f"{french.url}calendar.ics")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 2 and "Club de devoirs" in body
