"""The choices and fields of the program filters: what a patron may choose, and the message when a
value in the address is not one of them."""

import datetime

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clpages import formats
from clpages.stages import SessionFormat
from clpages.widgets import QuickSelect

WHEN_CHOICES = [
    ("", _("Any time")),
    ("today", _("Today")),
    ("week", _("This week")),
    ("month", _("This month")),
]

# Sessions offered both ways count for people looking for either way of taking part.
FORMAT_MATCHES = {
    SessionFormat.IN_PERSON: [SessionFormat.IN_PERSON, SessionFormat.HYBRID],
    SessionFormat.ONLINE: [SessionFormat.ONLINE, SessionFormat.HYBRID],
    SessionFormat.HYBRID: [SessionFormat.HYBRID],
}
FORMAT_CHOICES = [
    ("", _("Any format")),
    (SessionFormat.IN_PERSON, _("In person")),
    (SessionFormat.ONLINE, _("Online")),
    (SessionFormat.HYBRID, _("Both in person and online")),
]

# What a program offers for access, as its editor ticks it in the program's Accessibility panel
# and its page states it: the filter finds what the page promises. (value in the address, label,
# the condition on the program, and the words of a results heading.)
ACCESS_FEATURES = {
    "step-free": (
        _("Step-free access"),
        lambda prefix: Q(**{f"{prefix}step_free_access": True}),
        _("step-free access"),
    ),
    "captions": (_("Captions"), lambda prefix: Q(**{f"{prefix}captions": True}), _("captions")),
    "interpretation": (
        _("Interpretation (for example ASL or a spoken language)"),
        lambda prefix: ~Q(**{f"{prefix}interpretation": ""}),
        _("interpretation"),
    ),
    "sensory-friendly": (
        _("Sensory-friendly"),
        lambda prefix: Q(**{f"{prefix}sensory_friendly": True}),
        _("a sensory-friendly setting"),
    ),
}
ACCESS_CHOICES = [(value, label) for value, (label, _condition, _words) in ACCESS_FEATURES.items()]

SORT_SOONEST = "soonest"
SORT_NEWEST = "newest"
SORT_CHOICES = [
    (SORT_SOONEST, _("Soonest first")),
    (SORT_NEWEST, _("Newest first")),
]


# What a menu says of a value in the address that is none of its choices, by the menu's noun.
NOT_FOUND = {
    "audience": _("We could not find the audience “%(value)s”. Choose one from the list."),
    "language": _("We could not find the language “%(value)s”. Choose one from the list."),
    "topic": _("We could not find the topic “%(value)s”. Choose one from the list."),
    "partner organisation": _(
        "We could not find the partner organisation “%(value)s”. Choose one from the list."
    ),
    "place": _("We could not find the place “%(value)s”. Choose one from the list."),
}


def _not_found(noun):
    return NOT_FOUND[noun]


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


# What a list of choices says of a value in the address that is none of them, by what it lists.
NOT_ONE_OF = {
    "the periods": _("“%(value)s” is not one of the periods. Choose one from the list."),
    "the five stages": _("“%(value)s” is not one of the five stages. Choose one from the list."),
    "the accessibility features": _(
        "“%(value)s” is not one of the accessibility features. Choose one from the list."
    ),
    "the ways of taking part": _(
        "“%(value)s” is not one of the ways of taking part. Choose one from the list."
    ),
    "the orders": _("“%(value)s” is not one of the orders. Choose one from the list."),
    "the kinds of result": _("“%(value)s” is not one of the kinds of result. Choose one from the list."),
}


def not_one_of(things):
    return NOT_ONE_OF[things]


# Dates a patron may filter by. Python's dates end in the year 9999, so a day past the last one
# (the end of a chosen range, or a feed's horizon) cannot be worked out near it; no library plans
# sessions that far ahead, and a clear message is better than an empty calendar.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)


def long_date(day, weekday=True):
    """A date as the listing writes it: Wednesday 18 November 2026 (without the weekday for the
    limits of the calendar, whose weekdays nobody needs)."""
    return formats.long_date(day) if weekday else formats.day(day)


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
                _("We cannot use the date “%(value)s”. Choose a date between %(earliest)s and %(latest)s."),
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
