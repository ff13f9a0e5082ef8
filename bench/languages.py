"""The benchmark in each language: English, French with half the programs translated, Arabic
with none, so the figures show what a list costs when it maps its page to translations."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from bench.catalogue import bulk_add_children
from bench.measure import Target, filtered_query, measure_all
from clpages.models import ProgramPage
from clpages.performance.cache import new_generation

LANGUAGES = [("en", ""), ("fr", "/fr"), ("ar", "/ar")]


def make_locales(*codes):
    """The locales of ``codes`` (default: French and Arabic), made if missing."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code in codes or ("fr", "ar")]


def translate(page, locale, **words):
    """A live translation of ``page`` into ``locale``, with its missing ancestors translated and
    published too, as an editor would through wagtail-localize; ``words`` replace the copy's."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translation.get_ancestors().filter(locale=locale, live=False).specific():
        ancestor.save_revision().publish()
    for name, value in words.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def add_translations(index, originals, locale, published_at):
    """Live translations of the ``originals`` (programs) under ``index``, the translation of
    their index, inserted at once: words in ``locale``'s language, the same translation key,
    written to the search index."""
    code = locale.language_code
    rows = [
        {
            "title": f"{original.title} [{code}]",
            "slug": f"{original.slug}-{code}",
            "summary": f"{original.summary} [{code}]",
            "stage": original.stage,
            "translation_key": original.translation_key,
        }
        for original in originals
    ]
    assert Page.objects.get(pk=index.pk).locale_id == locale.pk
    ids = bulk_add_children(index, ProgramPage, rows, published_at=published_at)
    get_search_backend().add_bulk(ProgramPage, list(ProgramPage.objects.filter(pk__in=ids)))
    new_generation()
    return ids


class Translations:
    """The catalogue's program index in French and Arabic; half its programs in French."""

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.indexes = {}

    def grow(self):
        catalogue = self.catalogue
        if not self.indexes:
            for locale in make_locales():
                self.indexes[locale.language_code] = translate(catalogue.program_index, locale)
        french = self.indexes["fr"]
        translated = ProgramPage.objects.filter(locale=french.locale).values("translation_key")
        originals = list(
            ProgramPage.objects.child_of(catalogue.program_index)
            .exclude(translation_key__in=translated)
            .order_by("pk")
        )
        done = ProgramPage.objects.filter(locale=french.locale).count()
        everyone = done + len(originals)
        wanted = everyone // 2 - done
        with transaction.atomic():
            add_translations(french, originals[::2][: max(0, wanted)], french.locale, catalogue.now)
        return self

    def index_url(self, language):
        return self.indexes[language].url if language in self.indexes else self.catalogue.program_index.url


def targets(translations, language, prefix):
    def index(c):
        return translations.index_url(language)

    return [
        Target(f"{language}: program index", index),
        Target(f"{language}: program index, filtered", lambda c: index(c) + filtered_query(c)),
        Target(f"{language}: search", lambda c: f"{prefix}/search/?q=garden"),
        Target(f"{language}: calendar", lambda c: index(c) + "calendar/"),
        Target(f"{language}: iCal feed", lambda c: index(c) + "calendar.ics"),
        Target(f"{language}: RSS feed", lambda c: f"{prefix}/feeds/programs/rss/"),
    ]


def measure_languages(translations, repeat):
    """The lists' figures in each language, after translating half the programs into French."""
    translations.grow()
    rows = []
    for language, prefix in LANGUAGES:
        rows += measure_all(translations.catalogue, repeat, targets(translations, language, prefix))
    return rows
