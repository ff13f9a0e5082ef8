"""Names that end up in email subjects and admin headings must stay on one line.

A line break in a header lets text from a title or an organisation name be read as a new header
(the mail library refuses to send it, which used to lose the email), so such names are refused
where they are typed, and anything older is flattened before it reaches a header.
"""

import unicodedata

from django.core.exceptions import ValidationError

# Control characters (tab, line feed, carriage return, NUL...) and the Unicode line and
# paragraph separators, which some mail clients also treat as line breaks.
_BREAKING_CATEGORIES = {"Cc", "Zl", "Zp"}


def has_control_characters(value):
    return any(unicodedata.category(char) in _BREAKING_CATEGORIES for char in value or "")


def one_line(value):
    """The value with every run of control characters and spaces turned into one space."""
    cleaned = "".join(" " if unicodedata.category(c) in _BREAKING_CATEGORIES else c for c in str(value))
    return " ".join(cleaned.split())


def validate_single_line(value, what="This name"):
    if has_control_characters(value):
        raise ValidationError(
            f"{what} must fit on one line. Please remove the line breaks, tabs or other "
            "invisible characters from it.",
            code="control_characters",
        )


class SingleLineTitleMixin:
    """Refuses page titles with line breaks, for every page type of the community section."""

    def clean(self):
        super().clean()
        try:
            validate_single_line(self.title, "The title")
        except ValidationError as error:
            raise ValidationError({"title": error}) from None
