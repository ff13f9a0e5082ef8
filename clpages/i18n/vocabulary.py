"""The terms pages are described with, shown in the visitor's language.

Pages point at audiences, languages, places and partner organisations in the default language.
Each term may have a translation (wagtail-localize, same translation key, another locale): a page
in French shows "Familles nouvellement arrivées" where the English one shows "Newcomer families".

``wording(model)`` is the whole table for the active language, {pk of the default term: {field:
translated value}}, read in one query and shared by every request until content changes
(clpages.performance.cache.shared), so a listing of any length costs no query for its terms. A
term not translated, or a field left empty in its translation, keeps the default wording.
"""

import dataclasses

from django.apps import apps
from django.db.models import OuterRef, Subquery
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language_info
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale

from clpages.performance.cache import shared

# The words of each vocabulary that a translation changes; everything else is the original's.
WORDED_FIELDS = {
    "Audience": ("name",),
    "Language": ("name",),
    "Location": ("name", "accessibility_notes"),
    "CommunityPartner": ("name", "description", "communities_served"),
}

# Right-to-left languages Django does not know (its own list covers ar, fa, he, ur...).
RIGHT_TO_LEFT = {"prs", "ps", "ckb", "dv", "syr", "yi", "ug", "sd"}


def content_language(language=None):
    """The content language (a Locale's code) for ``language``, the active one by default."""
    language = language or translation.get_language() or ""
    try:
        return get_supported_content_language_variant(language)
    except LookupError:
        return Locale.get_default().language_code


def _default_code():
    from django.conf import settings

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def rewording(language=None):
    """Whether terms are shown in another wording than their own (a language other than the default)."""
    return content_language(language) != _default_code()


def wording(model, language=None):
    """{pk of a default-language term of ``model``: {field: its wording in ``language``}}.

    Empty in the default language (nothing to change) and for a language with no locale.
    """
    code = content_language(language)
    default = _default_code()
    if code == default or code not in dict(get_content_languages()):
        return {}
    name = model._meta.model_name
    return shared(f"vocabulary:{name}:{code}", lambda: _read(model, code, default))


def _read(model, code, default):
    fields = WORDED_FIELDS[model.__name__]
    originals = model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=default
    ).values("pk")[:1]
    rows = (
        model._default_manager.filter(locale__language_code=code)
        .annotate(original_pk=Subquery(originals))
        .exclude(original_pk=None)
        .values_list("original_pk", *fields)
    )
    return {
        row[0]: {field: value for field, value in zip(fields, row[1:], strict=True) if value} for row in rows
    }


def reword(objects, language=None):
    """Give each of ``objects`` (default-language terms of one model) its words in ``language``.

    Changes the instances in place and returns them as a list; no query once the table is shared.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return objects
    table = wording(type(objects[0]), language)
    if table:
        for obj in objects:
            for field, value in table.get(obj.pk, {}).items():
                setattr(obj, field, value)
    return objects


def name_of(model, pk, name, language=None):
    """The name of term ``pk`` in ``language``; ``name`` (its default one) when untranslated."""
    return wording(model, language).get(pk, {}).get("name") or name


def direction(code):
    """ "rtl" or "ltr" for a language code (BCP 47: "ar", "fa-AF", "prs")."""
    if not code:
        return "ltr"
    base = code.split("-")[0].lower()
    if base in RIGHT_TO_LEFT:
        return "rtl"
    for candidate in (code, base):
        try:
            return "rtl" if get_language_info(candidate)["bidi"] else "ltr"
        except KeyError:
            continue
    return "ltr"


def language_marks():
    """{pk of a default-language Language: (code, own name)}, shared until content changes."""
    model = apps.get_model("clpages", "Language")

    def read():
        rows = model._default_manager.filter(locale__language_code=_default_code())
        return {pk: (code, own_name) for pk, code, own_name in rows.values_list("pk", "code", "own_name")}

    return shared("vocabulary:language-marks", read)


@dataclasses.dataclass(frozen=True)
class LanguageName:
    """A language as pages name it: in the visitor's language, then in its own name and script.

    Plain text is the name alone (``str``); HTML adds the own name marked up with its language
    and direction, so a screen reader says it in that language and Arabic runs right to left:
    ``Arabic <span lang="ar" dir="rtl">العربية</span>``. Templates escape both parts.
    """

    name: str
    code: str = ""
    own_name: str = ""

    def __str__(self):
        return self.name

    def __lt__(self, other):
        return str(self).casefold() < str(other).casefold()

    def __html__(self):
        if not self.own_name or self.own_name.casefold() == self.name.casefold():
            return conditional_escape(self.name)
        if not self.code:
            return format_html('{} <span dir="auto">{}</span>', self.name, self.own_name)
        return format_html(
            '{} <span lang="{}" dir="{}">{}</span>', self.name, self.code, direction(self.code), self.own_name
        )


def language_name(pk, name, language=None):
    """Language ``pk`` (default name ``name``) as a LanguageName in ``language``."""
    code, own_name = language_marks().get(pk, ("", ""))
    model = apps.get_model("clpages", "Language")
    return LanguageName(name_of(model, pk, name, language), code, own_name)


def language_names(languages, language=None):
    """LanguageNames of default-language Language instances (in order of their shown names when
    translated)."""
    names = [language_name(item.pk, item.name, language) for item in languages]
    return sorted(names) if rewording(language) else names


class Wording:
    """One vocabulary's names in the active language, read once: for lists of many names.

    ``name(pk, default name)`` gives a str, or a LanguageName for languages.
    """

    def __init__(self, model, language=None):
        self.table = wording(model, language)
        self.marks = language_marks() if model.__name__ == "Language" else None

    def name(self, pk, name):
        name = self.table.get(pk, {}).get("name") or name
        if self.marks is None:
            return name
        code, own_name = self.marks.get(pk, ("", ""))
        return LanguageName(name, code, own_name)
