"""Facts from the original: a translated page reads its facts from the page it translates.

A page in another language than the default is, most often, a translation made with
wagtail-localize: it has its own words (title, summary, body...), but its dates, sessions,
places, registration, stage, audiences, languages, co-leading partners and results are those of
its original, the page with the same translation key in the default language. Registrations are
never split by language, and nothing a translation shows goes stale when the original changes.

A page written in another language with no original in the default language is its own original.
"""

from wagtail.models import Locale, Page

from clpages.performance.cache import shared

# Where the original is kept on an instance, once looked up.
_ORIGINAL = "_clpages_original"


def default_locale():
    return Locale.get_default()


def default_locale_id():
    """The default Locale's id, read once per content generation (clpages.performance.cache)."""
    return shared("default-locale-id", lambda: default_locale().pk)


def original_of(page):
    """The page in the default language that ``page`` translates, or ``page`` itself.

    One query the first time for a translation (none for a page of the default language); the
    answer is kept on the instance.
    """
    if page is None:
        return None
    known = page.__dict__.get(_ORIGINAL)
    if known is not None:
        return known
    original = page
    if page.translation_key and page.locale_id:
        default = default_locale_id()
        if page.locale_id != default:
            model = type(page) if isinstance(page, Page) else page.__class__
            original = (
                model._default_manager.filter(translation_key=page.translation_key, locale_id=default)
                .exclude(pk=page.pk)
                .first()
            ) or page
    if original is not page:
        # Kept for a translation only: a page never holds a reference to itself (pages are
        # copied and stored by the routing and page caches).
        page.__dict__[_ORIGINAL] = original
    return original


def is_translation(page):
    """Whether ``page`` translates a page of the default language (and so holds no facts)."""
    return original_of(page) is not page


def translations_of(pages, locale):
    """{pk of each of ``pages``: its live translation in ``locale``}, in one query.

    Pages without a live translation there are left out; a page already in ``locale`` maps to
    itself.
    """
    pages = [page for page in pages if page is not None]
    found = {page.pk: page for page in pages if page.locale_id == locale.pk}
    wanted = {page.translation_key: page.pk for page in pages if page.pk not in found}
    if not wanted:
        return found
    rows = Page.objects.live().filter(locale=locale, translation_key__in=list(wanted)).specific()
    for translation in rows:
        found[wanted[translation.translation_key]] = translation
    return found


def in_language_of(pages, page):
    """``pages`` as ``page``'s reader should follow them: each one's translation in ``page``'s
    language when it has a live one, otherwise the page itself (one query, none in the default
    language)."""
    pages = list(pages)
    if not any(pages) or page.locale_id == default_locale_id():
        return pages
    translations = translations_of(pages, page.locale)
    return [translations.get(item.pk, item) if item is not None else None for item in pages]


def take_facts(page, names):
    """Give ``page`` (a translation, in memory) its original's values of the fields ``names``.

    For the scalar facts a template reads from the page itself: stage, kind, accessibility,
    cost. Nothing is saved; a page of the default language is left as it is.
    """
    original = original_of(page)
    if original is not page:
        for name in names:
            setattr(page, name, getattr(original, name))
    return original


def in_words_of(own, originals, fact_fields):
    """Each of ``originals`` as a page in another language shows it: its translation among
    ``own`` (same translation key) with the original's ``fact_fields``, or the original itself
    when not translated yet, as pairs (shown, original)."""
    originals = list(originals)
    own = {item.translation_key: item for item in own}
    pairs = []
    for source in originals:
        item = own.get(source.translation_key, source)
        for name in fact_fields:
            setattr(item, name, getattr(source, name))
        pairs.append((item, source))
    return pairs


def original_ids(pages):
    """{pk of each of ``pages``: pk of its original}, in one query when some are translations
    (none when all are in the default language)."""
    pages = list(pages)
    default = default_locale_id() if pages else None
    ids = {page.pk: page.pk for page in pages}
    keys = {page.translation_key: page.pk for page in pages if page.locale_id != default}
    if keys:
        rows = Page.objects.filter(locale_id=default, translation_key__in=list(keys))
        for key, pk in rows.values_list("translation_key", "pk"):
            ids[keys[key]] = pk
    return ids
