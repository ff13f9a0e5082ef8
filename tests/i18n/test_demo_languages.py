"""The demo reads in French and Arabic, translated through wagtail-localize, with nothing left in English."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from clpages.models import (
    ActionGroupIndexPage,
    ActionGroupPage,
    Audience,
    CommunityHubPage,
    CommunityPartner,
    EvaluationIndexPage,
    EvaluationPage,
    EvaluationQuote,
    Language,
    Location,
    PartnershipIndexPage,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
)
from home.demo.translate import DemoTranslator, MissingDemoTranslation
from home.demo.translations import ar, fr
from home.models import HomePage

pytestmark = pytest.mark.django_db

CODES = ["fr", "ar"]


@pytest.fixture
def demo(demo_module, db):
    return None


def _in(model, code):
    return model.objects.filter(locale__language_code=code)


def _translated_pages(code):
    """Each translated page with its original: the home page, the hub, its indexes and story pages."""
    pages = []
    for model in [
        HomePage,
        CommunityHubPage,
        ProgramIndexPage,
        PartnershipIndexPage,
        EvaluationIndexPage,
        ActionGroupIndexPage,
        ProgramPage,
        PartnershipPage,
        EvaluationPage,
        ActionGroupPage,
    ]:
        for page in _in(model, code):
            pages.append(
                (page, model.objects.get(locale=Locale.get_default(), translation_key=page.translation_key))
            )
    return pages


def _untranslated(original, code):
    """The original's words with no translation into this language, as wagtail-localize sees them."""
    source = TranslationSource.objects.get_for_instance(original)
    segments = StringSegment.objects.filter(source=source).annotate_translation(
        Locale.objects.get(language_code=code)
    )
    return [segment.string.data for segment in segments.select_related("string") if not segment.translation]


@pytest.mark.parametrize("code", CODES)
def test_the_hub_its_indexes_and_the_newcomers_story_are_live_translations(demo, code):
    assert Locale.objects.filter(language_code=code).exists()
    pages = _translated_pages(code)
    kinds = [type(page).__name__ for page, _ in pages]
    for name in [
        "HomePage",
        "CommunityHubPage",
        "ProgramIndexPage",
        "PartnershipIndexPage",
        "EvaluationIndexPage",
        "ActionGroupIndexPage",
        "ActionGroupPage",
    ]:
        assert kinds.count(name) == 1, name
    assert kinds.count("ProgramPage") >= 3
    assert kinds.count("PartnershipPage") >= 1 and kinds.count("EvaluationPage") >= 1
    for page, original in pages:
        assert page.live and page.live_revision_id, page.title
        assert page.translation_key == original.translation_key and page.pk != original.pk
        # Made through wagtail-localize: its editor keeps the translation in step with the original.
        source = TranslationSource.objects.get_for_instance(original)
        assert Translation.objects.filter(source=source, target_locale=page.locale, enabled=True).exists()
        assert page.title != original.title
        if original.get_parent().specific_class is not None and original.depth > 2:
            assert page.get_parent().translation_key == original.get_parent().translation_key
            assert page.get_parent().locale_id == page.locale_id


@pytest.mark.parametrize("code", CODES)
def test_no_word_of_a_translated_page_is_left_in_english(demo, code, client):
    for page, original in _translated_pages(code):
        assert _untranslated(original, code) == [], original.title
        if isinstance(page, (ProgramPage, PartnershipPage, EvaluationPage, ActionGroupPage)):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            body = response.content.decode()
            assert f'<html lang="{code}"' in body
            assert original.summary not in body and page.summary in body.replace("&#x27;", "'"), page.url


@pytest.mark.parametrize("code", CODES)
def test_the_translated_pages_are_at_their_language_addresses(demo, code, client):
    for url in [
        "/",
        "/community/",
        "/community/programs/",
        "/community/partnerships/",
        "/community/evaluations/",
    ]:
        response = client.get(f"/{code}{url}")
        assert response.status_code == 200, url
        assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}"' in response.content.decode()


@pytest.mark.parametrize("code", CODES)
def test_vocabularies_places_and_partners_are_translated(demo, code):
    default = Locale.get_default()
    for model in [Audience, Language, Location, CommunityPartner]:
        originals = model.objects.filter(locale=default)
        assert originals.exists()
        for original in originals:
            translation = _in(model, code).get(translation_key=original.translation_key)
            assert _untranslated(original, code) == [], original
            if model is CommunityPartner:
                # The organisation's own name stays; its public words are translated.
                assert translation.name == original.name
                assert translation.description != original.description
                assert translation.communities_served != original.communities_served
                # Private contact, members and collection stay with the original only.
                assert not (
                    translation.contact_name or translation.contact_email or translation.contact_phone
                )
                assert translation.collection_id is None and not translation.members.exists()
            elif model is Location:
                assert translation.name != original.name
                assert translation.accessibility_notes != original.accessibility_notes
                assert translation.street_address == original.street_address
            elif model is Language:
                assert (translation.code, translation.own_name, translation.slug) == (
                    original.code,
                    original.own_name,
                    original.slug,
                )
            elif original.name not in {"Tagalog", "Dari"}:
                assert translation.name != original.name


def test_demo_languages_carry_their_code_and_own_name(demo):
    languages = {language.name: language for language in Language.objects.filter(locale=Locale.get_default())}
    assert (languages["Arabic"].code, languages["Arabic"].own_name) == ("ar", "العربية")
    assert (languages["Dari"].code, languages["Dari"].own_name) == ("prs", "دری")
    assert (languages["American Sign Language"].code, languages["American Sign Language"].own_name) == (
        "ase",
        "ASL",
    )
    assert _in(Language, "ar").get(code="fr").name == "الفرنسية"
    assert _in(Language, "fr").get(code="ar").name == "Arabe"


def test_a_quote_said_in_arabic_is_shown_in_its_words_in_every_language(demo, client):
    quote = EvaluationQuote.objects.get(locale=Locale.get_default(), language__code="ar", consent=True)
    assert re.search("[\u0600-\u06ff]", quote.text)
    assert not EvaluationQuote.objects.filter(locale=Locale.get_default(), language__isnull=True).exists()
    for code in ["", "/fr", "/ar"]:
        evaluation = quote.evaluation.get_translation(
            Locale.objects.get(language_code=code.strip("/") or "en")
        )
        body = client.get(evaluation.url).content.decode()
        assert f'<blockquote lang="ar" dir="rtl">\n      <p>{quote.text}</p>' in body, code
    # Words a translator translated are in the page's language, not marked as the original's.
    french = client.get(quote.evaluation.get_translation(Locale.objects.get(language_code="fr")).url)
    assert "<blockquote>\n      <p>Maintenant" in french.content.decode()
    assert 'lang="en"' not in french.content.decode().split("heard-heading", 1)[1].split("</section>")[0]


def test_french_and_arabic_translate_the_same_words():
    assert set(fr.TEXTS) == set(ar.TEXTS)
    assert all(text.strip() for text in [*fr.TEXTS.values(), *ar.TEXTS.values()])
    for english, arabic in ar.TEXTS.items():
        assert english.count("<b>") == arabic.count("<b>") == fr.TEXTS[english].count("<b>")


def test_a_word_without_a_translation_stops_the_demo(demo):
    volunteers = Audience.objects.create(name="Volunteers", locale=Locale.get_default())
    french = Locale.objects.get(language_code="fr")
    with pytest.raises(MissingDemoTranslation, match="Volunteers"):
        DemoTranslator().translate(volunteers, french, fr.TEXTS)
    assert not volunteers.has_translation(french)


@pytest.mark.parametrize("prefix", ["", "/fr", "/ar"])
def test_filters_by_a_translated_term_choose_the_original(demo, client, prefix):
    # "arabic" and "teens" are the slugs of the originals and of their translations alike.
    for query in ["language=arabic", "audience=teens", "partner=riverbend-newcomers-network"]:
        response = client.get(f"{prefix}/community/programs/?{query}")
        assert response.status_code == 200, query
        assert "/community/programs/homework-help-club/" in response.content.decode(), query
