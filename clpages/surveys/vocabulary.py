"""The words of a survey: its kinds, question types, the agreement scale and the four outcomes.

The four standard outcomes are those the Public Library Association's Project Outcome asked
after a program, on a five-point agreement scale; a survey switches each on by adding it to its
questions, where it comes after the community's own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyKind(models.TextChoices):
    IMMEDIATE = "immediate", "Right after the session"
    FOLLOW_UP = "follow_up", "A follow-up, some weeks later"


# How a figure names the survey it comes from: "From 23 answers to the after-session survey".
KIND_NOUNS = {SurveyKind.IMMEDIATE: "after-session survey", SurveyKind.FOLLOW_UP: "follow-up survey"}


class QuestionKind(models.TextChoices):
    AGREEMENT = "agreement", "Agree or disagree (five points)"
    YES_NO = "yes_no", "Yes or no"
    NUMBER = "number", "A number"
    CHOICE = "choice", "A choice of options"
    TEXT = "text", "Free text (never shown in public)"
    LEARNED = "learned", "Standard outcome: I learned something new"
    CONFIDENT = "confident", "Standard outcome: I feel more confident"
    APPLY = "apply", "Standard outcome: I intend to apply what I learned"
    AWARE = "aware", "Standard outcome: I am more aware of library resources"


STANDARD_OUTCOMES = {
    QuestionKind.LEARNED: _("I learned something new."),
    QuestionKind.CONFIDENT: _("I feel more confident about what I learned."),
    QuestionKind.APPLY: _("I intend to apply what I learned."),
    QuestionKind.AWARE: _("I am more aware of resources and services the library provides."),
}
AGREEMENT_KINDS = {QuestionKind.AGREEMENT, *STANDARD_OUTCOMES}
CLOSED_KINDS = AGREEMENT_KINDS | {QuestionKind.YES_NO, QuestionKind.NUMBER, QuestionKind.CHOICE}

# Left to right as read, each with the value its mean is worked out from.
AGREEMENT_SCALE = [
    ("1", _("Strongly disagree")),
    ("2", _("Disagree")),
    ("3", _("Neither agree nor disagree")),
    ("4", _("Agree")),
    ("5", _("Strongly agree")),
]
AGREEING = {"4", "5"}
YES_NO = [("1", _("Yes")), ("0", _("No"))]


class FeedAs(models.TextChoices):
    SHARE = "share", "Share agreeing, or answering yes or the counted option (%)"
    MEAN = "mean", "Mean (agreement 1 to 5, or the number)"
    COUNT = "count", "Count agreeing, or answering yes or the counted option (a number: the total)"
