"""Paper copies: how many to print at once, and the day a paper copy was answered."""

from django import forms
from django.utils import timezone

MAX_COPIES = 50


def copies_asked(value):
    """How many copies to print (1 when the number is missing or not one we print)."""
    return int(value) if value and value.isdigit() and 1 <= int(value) <= MAX_COPIES else 1


class PaperDayForm(forms.Form):
    answered_on = forms.DateField(
        label="Answered on",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Enter the day the copy was filled in.",
            "invalid": "Enter a date like 2026-05-14.",
        },
    )

    def clean_answered_on(self):
        day = self.cleaned_data["answered_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The day a copy was filled in cannot be in the future.")
        return day
