"""The choices and fields of the program filters: what a patron may choose, and the message when a
value in the address is not one of them."""

import datetime

from django import forms
from django.db.models import Q

from clpages.stages import SessionFormat
from clpages.widgets import QuickSelect

WHEN_CHOICES = [
    ("", "Any time"),
    ("today", "Today"),
    ("week", "This week"),
    ("month", "This month"),
]

# Sessions offered both ways count for people looking for either way of taking part.
FORMAT_MATCHES = {
    SessionFormat.IN_PERSON: [SessionFormat.IN_PERSON, SessionFormat.HYBRID],
    SessionFormat.ONLINE: [SessionFormat.ONLINE, SessionFormat.HYBRID],
    SessionFormat.HYBRID: [SessionFormat.HYBRID],
}
FORMAT_CHOICES = [
    ("", "Any format"),
    (SessionFormat.IN_PERSON, "In person"),
    (SessionFormat.ONLINE, "Online"),
    (SessionFormat.HYBRID, "Both in person and online"),
]

# What a program offers for access, as its editor ticks it in the program's Accessibility panel
# and its page states it: the filter finds what the page promises. (value in the address, label,
# the condition on the program, and the words of a results heading.)
ACCESS_FEATURES = {
    "step-free": (
        "Step-free access",
        lambda prefix: Q(**{f"{prefix}step_free_access": True}),
        "step-free access",
    ),
    "captions": ("Captions", lambda prefix: Q(**{f"{prefix}captions": True}), "captions"),
    "interpretation": (
        "Interpretation (for example ASL or a spoken language)",
        lambda prefix: ~Q(**{f"{prefix}interpretation": ""}),
        "interpretation",
    ),
    "sensory-friendly": (
        "Sensory-friendly",
        lambda prefix: Q(**{f"{prefix}sensory_friendly": True}),
        "a sensory-friendly setting",
    ),
}
ACCESS_CHOICES = [(value, label) for value, (label, _, _) in ACCESS_FEATURES.items()]

SORT_SOONEST = "soonest"
SORT_NEWEST = "newest"
SORT_CHOICES = [
    (SORT_SOONEST, "Soonest first"),
    (SORT_NEWEST, "Newest first"),
]


def _not_found(thing):
    return f"We could not find the {thing} “%(value)s”. Choose one from the list."


def menu(label, queryset, *, empty, noun, by_slug=True):
    """An optional drop-down of records, chosen by slug so the URL stays readable.

    Its options are the same for every visitor, so they are read once per content change.
    """
    return forms.ModelChoiceField(
        widget=QuickSelect(shared_as=noun.replace(" ", "-")),
        label=label,
        queryset=queryset,
        to_field_name="slug" if by_slug else None,
        required=False,
        empty_label=empty,
        error_messages={"invalid_choice": _not_found(noun)},
    )


def not_one_of(things):
    return f"“%(value)s” is not one of {things}. Choose one from the list."


# Dates a patron may filter by. Python's dates end in the year 9999, so a day past the last one
# (the end of a chosen range, or a feed's horizon) cannot be worked out near it; no library plans
# sessions that far ahead, and a clear message is better than an empty calendar.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)


def long_date(day, weekday=True):
    """A date as the listing writes it: Wednesday 18 November 2026 (without the weekday for the
    limits of the calendar, whose weekdays nobody needs)."""
    return f"{day:%A} {day.day} {day:%B %Y}" if weekday else f"{day.day} {day:%B %Y}"


class DateFilterField(forms.DateField):
    """A date field whose message repeats what was typed: a date input cannot show a date it cannot read.

    What was typed is never put back into the date input: a browser shows an unreadable value as
    an empty field (or as a different date), so the patron would not see what went wrong. The
    message quotes it instead, and the input is left empty to choose again.
    """

    def to_python(self, value):
        try:
            day = super().to_python(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from error
        if day is not None and not EARLIEST_DATE <= day <= LATEST_DATE:
            raise forms.ValidationError(
                "We cannot use the date “%(value)s”. Choose a date between %(earliest)s and %(latest)s.",
                code="out_of_range",
                params={
                    "value": value,
                    "earliest": long_date(EARLIEST_DATE, weekday=False),
                    "latest": long_date(LATEST_DATE, weekday=False),
                },
            )
        return day

    def bound_data(self, data, initial):
        try:
            self.to_python(data)
        except forms.ValidationError:
            return None
        return data
