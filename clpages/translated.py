"""Lists in the visitor's language: the originals decide, their translations are shown.

Listings, the calendar, feeds and search list every public page in the visitor's language:
as its translation into that language where one is live and public, otherwise as the original,
in the default language, marked with that language (``lang``) and labelled so. What is listed,
its order, filters and counts come from the originals, which carry the facts (sessions,
audiences, partners: "facts from the original, words from the translation"); the page of
results is then mapped to its translations in one query (``translations_of``).

Nothing changes in the default language: no query is added, no mark is written.
"""

from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from clpages.i18n.originals import original_of  # noqa: F401  (one answer for every caller)
from clpages.partners.linking import default_language_code
from clpages.performance.cache import shared
from clpages.performance.visibility import public

# The language code of the default locale, where the originals are.
default_language = default_language_code


def active_language():
    """The language the visitor reads the site in (the address's; the default one without)."""
    language = translation.get_language()
    if not language:
        return default_language()
    try:
        return get_supported_content_language_variant(language)
    except LookupError:
        return default_language()


def reading_default_language():
    return active_language() == default_language()


def locale_ids():
    """{language code: locale id}, read once per content change (a new locale is one)."""
    return shared(
        "locale-ids",
        lambda: dict(Locale.objects.values_list("language_code", "pk")),
        per_language=False,
    )


def locale_id(language):
    """The id of the locale of ``language``; None when the site has no such locale yet."""
    return locale_ids().get(language)


def language_of(page):
    """The language code of a page's locale, without a query."""
    for language, pk in locale_ids().items():
        if pk == page.locale_id:
            return language
    return default_language()


def in_originals(pages):
    """``pages`` narrowed to the default locale's, the originals every list starts from."""
    return pages.filter(locale_id=locale_id(default_language()))


def translations_of(model, originals, language=None, fields=None):
    """{translation_key: page} of the live, public translations of ``originals`` (pages or
    translation keys) into ``language`` (the active one), in one query; {} in the default
    language, or when there is nothing to map."""
    language = language or active_language()
    target = locale_id(language)
    keys = [getattr(original, "translation_key", original) for original in originals]
    if not keys or target is None or language == default_language():
        return {}
    pages = public(model.objects.live()).filter(translation_key__in=keys, locale_id=target)
    if fields:
        pages = pages.only("translation_key", *fields)
    return {page.translation_key: page for page in pages}


def untranslated(pages, language=None):
    """``pages`` without those having a live, public translation into ``language``: as a
    subquery, no query of its own."""
    language = language or active_language()
    target = locale_id(language)
    if target is None or language == default_language():
        return pages
    translated = public(pages.model.objects.live()).filter(locale_id=target).values("translation_key")
    return pages.exclude(translation_key__in=translated)


def show_in_language(pages, model, translated_parent_url):
    """Show each of ``pages`` (originals, with their facts) in the visitor's language: the words
    and address of its translation where it has one (one query for them all; the translations
    are children of ``translated_parent_url``), else its own, marked as in the default language
    (``original_language``). Nothing changes in the default language."""
    if reading_default_language():
        return pages
    translations = translations_of(model, pages, fields=("title", "slug", "summary"))
    for page in pages:
        translated = translations.get(page.translation_key)
        if translated is None:
            page.original_language = default_language()
        else:
            page.title, page.summary = translated.title, translated.summary
            page.listing_url = f"{translated_parent_url}{translated.slug}/"
    return pages
