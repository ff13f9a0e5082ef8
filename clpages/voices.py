"""How a page asks an optional app what its community is being asked, and what it said.

clpages itself takes no answers. An app that does (``clpages.listening``) answers the Wagtail
hook ``clpages_listening`` (``LISTENING_HOOK``): given a page, a ``Listening`` with the question
open on it (or None) and the answers promoted to "What we heard" quotes, with consent. The core
page templates render both (clpages/includes/listening.html, heard.html), so the wording and the
markup of the public pages stay in one place; without such an app pages simply ask nothing.
"""

import dataclasses

from wagtail import hooks

LISTENING_HOOK = "clpages_listening"


@dataclasses.dataclass(frozen=True)
class OpenQuestion:
    text: str
    # Where the answer form is: its own page, never cached, so its CSRF token is always fresh.
    url: str


@dataclasses.dataclass(frozen=True)
class HeardQuote:
    text: str
    # How the person asked to be credited; "" for no name.
    credit: str
    # The BCP 47 tag of the language it is written in ("" when the site does not know it), and
    # "rtl" for a script read right to left.
    lang: str = ""
    direction: str = ""


@dataclasses.dataclass(frozen=True)
class Listening:
    question: OpenQuestion | None = None
    quotes: tuple = ()


NOTHING = Listening()


def listening_for(page):
    """The open question and the promoted quotes of a page, from the first app that answers."""
    for answer in hooks.get_hooks(LISTENING_HOOK):
        listening = answer(page)
        if listening is not None:
            return listening
    return NOTHING
