"""The interface's French and Arabic catalogues are complete and up to date with the code.

A string marked for translation and not yet translated, a fuzzy entry or a missing plural form
fails here, so the site never shows a French or Arabic page with English words in its interface.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ("fr", "ar")
# Where each catalogue lives, and the sources makemessages reads for it: the reusable module
# (with its optional apps), the demo site's home app, and the site's own templates.
CATALOGUES = {
    "clpages": (ROOT / "clpages", ["clpages"]),
    "home": (ROOT / "home", ["home"]),
    "site": (ROOT, ["templates"]),
}
PLURALS = {"fr": 2, "ar": 6}
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
}


def catalogue_path(base, language):
    return base / "locale" / language / "LC_MESSAGES" / "django.po"


def all_catalogues():
    return [
        (name, language, catalogue_path(base, language))
        for name, (base, _sources) in CATALOGUES.items()
        for language in LANGUAGES
    ]


def keys(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural or None) for entry in po if not entry.obsolete}


@pytest.mark.parametrize(("name", "language", "path"), all_catalogues(), ids=lambda value: str(value))
def test_every_entry_is_translated_with_every_plural_form(name, language, path):
    po = polib.pofile(str(path))
    assert len(po) > 0
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert not po.metadata_is_fuzzy
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(("fuzzy", entry.msgid))
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if sorted(forms) != list(range(PLURALS[language])) or not all(forms.values()):
                problems.append(("plural forms", entry.msgid))
        elif not entry.msgstr:
            problems.append(("empty", entry.msgid))
    assert problems == []


@pytest.mark.parametrize(("name", "language", "path"), all_catalogues(), ids=lambda value: str(value))
def test_placeholders_and_markup_are_kept(name, language, path):
    """A translation keeps every %(name)s, {name} and HTML tag of its English text."""
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|\{\w+\}|</?[a-z]+")
    problems = []
    for entry in polib.pofile(str(path)):
        expected = sorted(set(pattern.findall(entry.msgid_plural or entry.msgid)))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        found = sorted(set().union(*(pattern.findall(text) for text in translations)))
        # A plural form for one number alone ("one place") may leave the number out.
        missing = [item for item in expected if item not in found and item not in ("%(count)s",)]
        if missing:
            problems.append((entry.msgid, missing))
    assert problems == []


def test_the_catalogues_compile(tmp_path):
    for _name, _language, path in all_catalogues():
        subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(path)], check=True)


@pytest.mark.parametrize("name", CATALOGUES)
def test_the_catalogues_hold_every_string_the_code_marks(name, tmp_path):
    """makemessages over a copy of the sources finds no string the committed catalogue lacks."""
    base, sources = CATALOGUES[name]
    copy = tmp_path / name
    for source in sources:
        shutil.copytree(
            base / source if name == "site" else base,
            copy / source if name == "site" else copy,
            ignore=shutil.ignore_patterns("__pycache__", "static", "*.mo", "migrations"),
            dirs_exist_ok=True,
        )
    for language in LANGUAGES:
        target = catalogue_path(copy, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(catalogue_path(base, language), target)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "--no-obsolete",
            "--verbosity=0",
            *[f"--locale={language}" for language in LANGUAGES],
        ],
        cwd=copy,
        check=True,
    )
    for language in LANGUAGES:
        committed = keys(polib.pofile(str(catalogue_path(base, language))))
        regenerated = polib.pofile(str(catalogue_path(copy, language)))
        missing = keys(regenerated) - committed
        assert missing == set(), (
            f"{name}/{language}: run makemessages and translate {sorted(missing, key=str)}"
        )
        untranslated = [entry.msgid for entry in regenerated if not entry.translated()]
        assert untranslated == []
