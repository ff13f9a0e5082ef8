"""Words as the site search matches them, the same way on SQLite and on PostgreSQL.

The two databases' own word handling differs: SQLite's FTS5 ``porter`` tokenizer is the
original Porter stemmer (it makes "general" match "generous", "skies" a form of "ski") and
ignores accents; PostgreSQL's ``english`` configuration is Snowball English, keeps accents and
drops stop words. Both stem a prefix before matching it, so "story*" looks for "stori*" and never
finds "storytime". So neither is asked to understand words. Every searched text is indexed as
its words in lower case without accents, each followed by its stem when that differs
("gardeners garden"), and a search asks for the stem of each word typed (and the last word as
the start of a longer word too). Both databases then only split this text on spaces (FTS5's
default tokenizer, PostgreSQL's ``simple`` configuration) and find the same pages.

The stemmer is Snowball English (the ``snowballstemmer`` package), the algorithm PostgreSQL's
``english`` configuration uses, so stems are the ones PostgreSQL users had.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass

import snowballstemmer
from wagtail.search import index

from clpages.search.text import MAX_WORDS

# Curly and modifier apostrophes are written as the straight one before possessives are removed.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# "children's" and "tenants'" are searched as "children" and "tenants".
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?!\w)")
# Letters and digits of any script: what FTS5's default tokenizer and PostgreSQL's parser both
# keep as one word, so each side splits the indexed text exactly where this does.
_WORD = re.compile(r"[^\W_]+")
# Left out of a search unless nothing else was typed, as PostgreSQL's english configuration did:
# "books for children" finds "Children's books".
STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or our that the their this to "
    "was we were with you your".split()
)
# Shorter last words are matched whole: "a" or "tv" as the start of a word would match too much.
PREFIX_MIN_LENGTH = 3

# A Snowball stemmer keeps the word it works on in itself: one per thread.
_local = threading.local()


def stem(word):
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def words(text):
    """The words of `text` in lower case, without accents, punctuation or possessive 's."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _WORD.findall(_POSSESSIVE.sub("", text))


def indexed_text(value):
    """`value` (text, or the list a StreamField or relation gives) as the index stores it."""
    forms = []
    for word in words(_as_text(value)):
        forms.append(word)
        root = stem(word)
        if root != word:
            forms.append(root)
    return " ".join(forms)


def _as_text(value):
    # As the search backends flatten a field's value, without writing "None" for an empty one.
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


@dataclass(frozen=True)
class Term:
    """One word of a search: its stem, and for the last word the word itself as a prefix."""

    stem: str
    prefix: str = ""


def query_terms(text):
    """The terms every match must have, one per word of `text` (stop words left out)."""
    typed = words(text)[:MAX_WORDS]
    kept = [word for word in typed if word not in STOP_WORDS] or typed
    terms = []
    for position, word in enumerate(kept):
        last = position == len(kept) - 1
        term = Term(stem(word), word if last and len(word) >= PREFIX_MIN_LENGTH else "")
        if term not in terms:
            terms.append(term)
    return terms


def _match_query(terms, *, word, prefix, either, join):
    # Both databases are asked the same thing, each in its own syntax.
    parts = []
    for term in terms:
        if term.prefix == term.stem:
            parts.append(prefix.format(term.prefix))
        elif term.prefix:
            parts.append(either.format(word.format(term.stem), prefix.format(term.prefix)))
        else:
            parts.append(word.format(term.stem))
    return join.join(parts)


def fts5_query(terms):
    """The terms as an SQLite FTS5 query: '"garden" AND ("stori" OR "story"*)'.

    Words are letters and digits only, so they cannot end the quotes or add operators.
    """
    return _match_query(terms, word='"{}"', prefix='"{}"*', either="({} OR {})", join=" AND ")


def tsquery(terms):
    """The terms as a PostgreSQL tsquery: "'garden' & ('stori' | 'story':*)"."""
    return _match_query(terms, word="'{}'", prefix="'{}':*", either="({} | {})", join=" & ")


class WordFormsField(index.SearchField):
    """A search field indexed as its words and their stems (``indexed_text``)."""

    def get_value(self, obj):
        return indexed_text(super().get_value(obj))


def with_word_forms(search_fields):
    """`search_fields` with each SearchField, related ones included, indexed as a WordFormsField."""
    converted = []
    for field in search_fields:
        if type(field) is index.SearchField:
            field = WordFormsField(field.field_name, boost=field.boost, **field.kwargs)
        elif isinstance(field, index.RelatedFields):
            field = index.RelatedFields(field.field_name, with_word_forms(field.fields))
        converted.append(field)
    return converted


class WordFormsIndexed:
    """For an indexed model: each SearchField of its search_fields is indexed as a WordFormsField.

    ``search_fields`` stay declared as Wagtail's are (``Page.search_fields + [...]``).
    """

    @classmethod
    def get_search_fields(cls):
        return with_word_forms(super().get_search_fields())
