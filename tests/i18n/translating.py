"""Translating pages and records the way wagtail-localize does it: its translation source, its
strings translated, then the translation created or updated from them; or, quicker, the page
copied into the locale and published (``copied_translation``)."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(instance, code, words, on_commit):
    """Translate ``instance`` into ``code`` with ``words`` ({English: translation}); strings not
    given stay as they are. Pages are published (wagtail-localize publishes on commit)."""
    target = locale(code)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        if segment.string.data in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=target,
                context=segment.context,
                defaults={"data": words[segment.string.data]},
            )
    with on_commit(execute=True):
        translation, _ = source.create_or_update_translation(target, copy_parent_pages=True, fallback=True)
    return type(translation).objects.get(pk=translation.pk)


def copied_translation(page, code, **changes):
    """A live translation of ``page`` into ``code`` (its parents copied first when missing)."""
    translated = page.specific.copy_for_translation(locale(code), copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific
