"""What wagtail-localize translates, copies or leaves alone on clpages' models.

A translation carries the words; the facts stay on the original (clpages.i18n.originals), so a
relation of facts is neither translated nor copied into the translation: its rows would be
counted twice (results), split registrations between languages (sessions), or go stale.
"""

from wagtail_localize.fields import BaseTranslatableField, SynchronizedField, TranslatableField


class FactOfTheOriginal(BaseTranslatableField):
    """A field or child relation a translation never holds: it is read from the original.

    wagtail-localize neither offers it for translation nor copies it when it creates or updates
    a translation (both default to no for this base class).
    """

    def __repr__(self):
        return f"<FactOfTheOriginal {self.field_name}>"


def translated(*names):
    return [TranslatableField(name) for name in names]


def kept(*names, overridable=False):
    """Fields copied from the original as they are (the same row, address, number, choice)."""
    return [SynchronizedField(name, overridable=overridable) for name in names]


def facts(*names):
    return [FactOfTheOriginal(name) for name in names]
