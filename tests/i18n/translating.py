"""Translations of test pages, as an editor would make them: copied into the locale, then published."""

from wagtail.models import Locale


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(page, code, **changes):
    """A live translation of ``page`` into ``code`` (its parents copied first when missing)."""
    translated = page.specific.copy_for_translation(locale(code), copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific
