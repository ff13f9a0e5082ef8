"""What a patron types into a search box, made into words the search backend can match.

SQLite's full-text backend (modelsearch) writes each word between double quotes without
escaping a double quote inside it, hands a NUL character to SQLite (which ends the query
there), has no query at all for text made only of line breaks, and nests one expression per
word (a few hundred words pass Python's recursion limit). Every search of the public site and
of the API goes through ``searchable`` first, and its entry points refuse text longer than
the limits below with a message instead of cutting it silently.
"""

import unicodedata

from django.utils.translation import gettext as _

MAX_CHARACTERS = 200
MAX_WORDS = 20


def searchable(text):
    """The words of `text`, with control characters and double quotes as spaces; "" when none is left.

    Cut to MAX_WORDS words, for callers that did not check `length_problem` first.
    """
    kept = "".join(
        " " if char == '"' or unicodedata.category(char) in ("Cc", "Cs") else char for char in text
    )
    return " ".join(kept.split()[:MAX_WORDS])


def length_problem(text):
    """A plain sentence saying what is too long in `text`, or None."""
    if len(text) > MAX_CHARACTERS:
        return _("Please use at most %(count)d characters.") % {"count": MAX_CHARACTERS}
    if len(text.split()) > MAX_WORDS:
        return _("Please use at most %(count)d words.") % {"count": MAX_WORDS}
    return None
