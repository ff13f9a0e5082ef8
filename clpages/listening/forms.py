"""The public answer form, and the admin's question form.

Anyone can type anything into a public form. What could not be a person's answer is refused
with a sentence saying why, nothing is saved, and what they typed is shown back to them: text
with control characters (a NUL cuts the text short in some databases), markup or script (the
answer is plain words, and may be read aloud or quoted), or nothing but symbols.
"""

import re
import unicodedata

from django import forms
from django.apps import apps
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from clpages.i18n import vocabulary
from clpages.models.partners import in_default_language
from clpages.public_forms import HoneypotField, grouped
from clpages.single_line import validate_single_line

MAX_ANSWER = 2000
MAX_CREDIT = 100

PRIVACY = _(
    "Library staff and the partners leading this work read every answer. We only show your words "
    "on this website if you tick the box to agree, and a person has chosen them; we show the name "
    "you give, or none. We keep your answer for {days} days and then erase it, except the words we "
    "show on the page with your agreement, which stay there as long as the page does. We do not "
    "record who you are or where you wrote from."
)

# Markup a browser or a spreadsheet would act on: a tag, a script address, an event handler.
_MARKUP = re.compile(r"<\s*/?\s*[a-z!?]|javascript\s*:|\bon[a-z]+\s*=", re.IGNORECASE)
# Line breaks and tabs are part of writing; other control characters never are.
_ALLOWED_CONTROL = {"\n", "\r", "\t"}


def refuse_garbage(value):
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in _ALLOWED_CONTROL for char in value):
        raise forms.ValidationError(
            _("This has invisible control characters in it. Please type it again, or paste it as plain text.")
        )
    if _MARKUP.search(value):
        raise forms.ValidationError(
            _("Please write in plain words, without HTML, code or web addresses starting with 'javascript:'.")
        )
    if value.strip() and not any(char.isalpha() or char.isdigit() for char in value):
        raise forms.ValidationError(_("Please write your answer in words."))


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_ANSWER,
        # People write right to left too: the browser sets the direction from what is typed.
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=format_lazy(
            _("In any language, in your own words. Up to {count} characters."), count=grouped(MAX_ANSWER)
        ),
        validators=[refuse_garbage],
        error_messages={
            "required": _("Write your answer, in any language."),
            "max_length": (
                format_lazy(
                    _("Please keep your answer to {count} characters or fewer (it has %(show_value)s)."),
                    count=grouped(MAX_ANSWER),
                )
            ),
        },
    )
    credit = forms.CharField(
        label=_("Your name, or how to credit you (optional)"),
        max_length=MAX_CREDIT,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        help_text=_("For example a first name, 'a parent from Northside', or leave it empty."),
        validators=[refuse_garbage, lambda value: validate_single_line(value, "How to credit you")],
        error_messages={
            "max_length": format_lazy(_("Please keep this to {count} characters or fewer."), count=MAX_CREDIT)
        },
    )
    language = forms.ModelChoiceField(
        label=_("The language you wrote in"),
        queryset=None,
        empty_label=_("Choose a language"),
        error_messages={
            "required": _("Choose the language you wrote in."),
            "invalid_choice": _("Choose a language from the list."),
        },
    )
    consent = forms.BooleanField(
        label=_("You may show my answer on this website, with the name I gave (or none)."),
        required=False,
    )
    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The languages pages name (those of the default language), each in the visitor's language.
        model = apps.get_model("clpages", "Language")
        field = self.fields["language"]
        field.queryset = model.objects.filter(in_default_language()).order_by("name")
        field.label_from_instance = lambda language: vocabulary.name_of(model, language.pk, language.name)

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean_credit(self):
        return self.cleaned_data["credit"].strip()

    @property
    def is_spam(self):
        return bool(self.data.get("website"))


class QuestionForm(forms.Form):
    """A question for one page; ``pages`` is what the person may choose from."""

    page = forms.ModelChoiceField(
        label="Page that asks",
        queryset=None,
        empty_label="Choose a page",
        help_text="Programs in their first three stages, partnerships and results and learning pages.",
        error_messages={"invalid_choice": "Choose one of the pages listed."},
    )
    text = forms.CharField(
        label="Question",
        max_length=200,
        help_text="One short question in plain words, e.g. 'What matters to you about the homework club?'",
        validators=[refuse_garbage, lambda value: validate_single_line(value, "The question")],
    )
    is_open = forms.BooleanField(label="Open for answers", required=False, initial=True)

    def __init__(self, *args, pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = pages

    def clean_text(self):
        return self.cleaned_data["text"].strip()
