"""The BCP 47 tag of a language the site names, so a quote is marked up in its own language.

A language's record gives its code (``clpages.Language.code``); for records without one, the
names libraries commonly use are mapped here, since a quote read aloud by a screen reader in the
wrong voice is hard to follow. A name not listed gets no tag and inherits the page's.
"""

from clpages.i18n.vocabulary import direction

TAGS = {
    "american sign language": "ase",
    "amharic": "am",
    "arabic": "ar",
    "bengali": "bn",
    "cantonese": "yue",
    "chinese": "zh",
    "cree": "cr",
    "dari": "prs",
    "english": "en",
    "farsi": "fa",
    "french": "fr",
    "german": "de",
    "gujarati": "gu",
    "hebrew": "he",
    "hindi": "hi",
    "inuktitut": "iu",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
    "kurdish": "ku",
    "mandarin": "cmn",
    "ojibwe": "oj",
    "pashto": "ps",
    "persian": "fa",
    "polish": "pl",
    "portuguese": "pt",
    "punjabi": "pa",
    "russian": "ru",
    "somali": "so",
    "spanish": "es",
    "swahili": "sw",
    "tagalog": "tl",
    "tamil": "ta",
    "tigrinya": "ti",
    "turkish": "tr",
    "ukrainian": "uk",
    "urdu": "ur",
    "vietnamese": "vi",
}


def tag_of(language):
    """(BCP 47 tag, "rtl" or "") of a Language, ("", "") when it is unknown."""
    if language is None:
        return "", ""
    # The code the language's record gives; the names libraries commonly use for older records.
    tag = (getattr(language, "code", "") or "").strip() or TAGS.get(language.name.strip().lower(), "")
    return tag, "rtl" if direction(tag) == "rtl" else ""
