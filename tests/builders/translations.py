"""Translations of the test site: French and Arabic locales, translated pages, in bulk too
(the benchmark's builders, bench/languages.py)."""

from bench.languages import add_translations, make_locales, translate
from tests.builders.site import build_site


def translate_indexes(tree, locale):
    """The three indexes (and the home and hub pages above them) translated into ``locale``."""
    return {name: translate(tree[name], locale) for name in ("programs", "partnerships", "evaluations")}


def build_translated_site():
    """The test site with its indexes in French and Arabic: (tree, French indexes, locales)."""
    tree = build_site()
    french, arabic = make_locales()
    indexes = translate_indexes(tree, french)
    translate_indexes(tree, arabic)
    return tree, indexes, french


__all__ = ["add_translations", "build_translated_site", "make_locales", "translate", "translate_indexes"]
