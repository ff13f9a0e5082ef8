"""The survey as a form: one field per question, checked the same online and on paper.

Nothing asks who is answering. A field people never see (``website``) catches programs that fill
in every field; free text is kept to a length a person types, and text that is not a person's
words (control characters, a page of links, nothing but symbols) is refused with a message.
"""

import unicodedata
from decimal import Decimal

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from clpages.public_forms import HoneypotField, grouped
from clpages.surveys.tallies import Given
from clpages.surveys.vocabulary import AGREEMENT_SCALE, YES_NO, QuestionKind

MAX_TEXT = 2000
MAX_LINKS = 2
MAX_NUMBER = Decimal("1000000")
# A whole form's worth of POST data a person could send; more is a program, not a patron.
MAX_POST_BYTES = 40_000

PRIVACY = _(
    "This survey is anonymous: it does not ask your name or contact details, and we do not keep "
    "your internet address. Every question is optional unless it says otherwise. Figures are shown "
    "only once at least {minimum} people have answered, and what you write in your own words is "
    "read by the library and the program's partners, never shown on the website."
)


def text_problem(value):
    """A plain sentence saying why this free text is not taken, or None."""
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\r\t" for char in value):
        return _("Please remove the unusual characters from your answer.")
    lowered = value.lower()
    if lowered.count("http://") + lowered.count("https://") + lowered.count("www.") > MAX_LINKS:
        return _("Please include at most %(count)s web addresses.") % {"count": MAX_LINKS}
    if value.strip() and not any(char.isalnum() for char in value):
        return _("Please write your answer in words, or leave it empty.")
    return None


class FreeTextField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=MAX_TEXT,
            widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_TEXT}),
            error_messages={
                "max_length": format_lazy(
                    _("Please keep your answer under {count} characters."), count=MAX_TEXT
                )
            },
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if problem := text_problem(value):
            raise forms.ValidationError(problem)


def _field(question):
    common = {"label": question.wording, "required": question.required}
    messages = {
        "required": _("Please answer this question."),
        "invalid_choice": _("Please choose one of the answers."),
    }
    if question.is_agreement:
        return forms.ChoiceField(
            choices=AGREEMENT_SCALE, widget=forms.RadioSelect, error_messages=messages, **common
        )
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, error_messages=messages, **common)
    if question.kind == QuestionKind.CHOICE:
        options = [(option, option) for option in question.option_list()]
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, error_messages=messages, **common)
    if question.kind == QuestionKind.NUMBER:
        return forms.DecimalField(
            min_value=0,
            max_value=MAX_NUMBER,
            max_digits=9,
            decimal_places=2,
            error_messages={
                "required": _("Please answer this question."),
                "invalid": _("Please enter a number, like 3."),
                "min_value": _("Please enter 0 or more."),
                "max_value": format_lazy(
                    _("Please enter a number up to {count}."), count=grouped(MAX_NUMBER)
                ),
                "max_digits": _("Please enter a shorter number."),
                "max_decimal_places": _("Please use at most 2 decimal places."),
            },
            **common,
        )
    return FreeTextField(**common)


class SurveyForm(forms.Form):
    website = HoneypotField()

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = _field(question)

    @staticmethod
    def field_name(question):
        return f"q{question.pk}"

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def question_fields(self):
        """(question, its bound field) in the survey's order."""
        return [(question, self[self.field_name(question)]) for question in self.questions]

    def clean(self):
        data = super().clean()
        if not self.errors and not any(
            data.get(self.field_name(q)) not in (None, "") for q in self.questions
        ):
            raise forms.ValidationError(_("Please answer at least one question."))
        return data

    def given(self):
        """{question: Given} for every question answered."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question))
            if value in (None, ""):
                continue
            if question.kind == QuestionKind.CHOICE:
                answers[question] = Given(option=value)
            elif question.kind == QuestionKind.TEXT:
                answers[question] = Given(text=value.strip())
            else:
                answers[question] = Given(value=Decimal(value))
        return answers
