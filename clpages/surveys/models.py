"""A survey of an evaluation, its questions, the anonymous answers and their running tallies.

An answer holds what was answered and the day, never who, from where or when in the day. The
tally of each question is what figures are made from, so no page ever reads every answer.
"""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from clpages.surveys.vocabulary import (
    AGREEMENT_KINDS,
    CLOSED_KINDS,
    KIND_NOUNS,
    STANDARD_OUTCOMES,
    FeedAs,
    QuestionKind,
    SurveyKind,
)

MAX_OPTIONS = 12


class Survey(ClusterableModel):
    evaluation = models.ForeignKey(
        "clpages.EvaluationPage",
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name="results and learning page",
    )
    title = models.CharField(max_length=120, help_text="e.g. 'How was the homework club?'")
    kind = models.CharField(max_length=20, choices=SurveyKind.choices, default=SurveyKind.IMMEDIATE)
    weeks_after = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name="weeks after the session",
        help_text="For a follow-up: when registrants are sent the link (with registration on this website).",
    )
    introduction = models.TextField(
        max_length=600, blank=True, help_text="A few words shown above the questions."
    )
    is_open = models.BooleanField(
        default=False,
        verbose_name="taking answers",
        help_text="The public can answer once library staff have approved the survey, too.",
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("evaluation"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("weeks_after")]),
        FieldPanel("introduction"),
        FieldPanel("is_open"),
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("approve_survey", "Can approve a survey to open to the public")]

    def __str__(self):
        return self.title

    @property
    def kind_noun(self):
        return KIND_NOUNS.get(self.kind, "survey")

    @property
    def is_public(self):
        """Whether anyone may answer it now: open, approved by library staff, evaluation live."""
        return self.is_open and self.approved_at is not None

    @property
    def status_label(self):
        if self.approved_at is None:
            return "Waiting for library approval"
        return "Open for answers" if self.is_open else "Approved, not taking answers"

    def ordered_questions(self):
        """The community's own questions first, in their order, then the standard outcomes."""
        questions = list(self.questions.all())
        return sorted(questions, key=lambda q: (q.is_standard, q.sort_order or 0, q.pk or 0))


class SurveyQuestion(Orderable):
    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=QuestionKind.choices, default=QuestionKind.AGREEMENT)
    text = models.CharField(
        max_length=300, blank=True, help_text="Leave empty for a standard outcome: its words are set."
    )
    options = models.TextField(
        blank=True, max_length=2000, help_text=f"For a choice: one option a line, up to {MAX_OPTIONS}."
    )
    required = models.BooleanField(
        default=False, help_text="Most people prefer to skip what they cannot answer."
    )
    feeds = models.ForeignKey(
        "clpages.EvaluationMeasure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_questions",
        verbose_name="feeds the measure",
        help_text="A measure of this survey's results and learning page.",
    )
    feed_as = models.CharField(max_length=10, choices=FeedAs.choices, blank=True, verbose_name="as")
    counted_option = models.CharField(
        max_length=200, blank=True, help_text="For a choice feeding a share or count: the option counted."
    )
    # The one result this question writes to its measure (None until enough people answered).
    result = models.ForeignKey(
        "clpages.MeasureResult",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("options"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("feeds"), FieldPanel("feed_as")]), FieldPanel("counted_option")],
            heading="Results",
        ),
    ]

    def __str__(self):
        return self.wording[:60]

    @property
    def is_standard(self):
        return self.kind in STANDARD_OUTCOMES

    @property
    def is_agreement(self):
        return self.kind in AGREEMENT_KINDS

    @property
    def is_closed(self):
        return self.kind in CLOSED_KINDS

    @property
    def wording(self):
        return STANDARD_OUTCOMES.get(self.kind) or self.text

    def option_list(self):
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class SurveyResponse(models.Model):
    """One person's answers, with the day only: no name, contact, address or time of day."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    answered_on = models.DateField()
    on_paper = models.BooleanField(default=False)

    class Meta:
        verbose_name = "survey response"
        indexes = [models.Index(fields=["survey", "answered_on"], name="clpages_survey_resp_day")]

    def __str__(self):
        return f"Response {self.pk}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    # Agreement 1 to 5, yes 1 / no 0, or the number; a choice's option; free text.
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    option = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)

    def __str__(self):
        return f"Answer {self.pk}"


class QuestionTally(models.Model):
    """A question's answers counted as they come: what its figures and charts are made from."""

    question = models.OneToOneField(SurveyQuestion, on_delete=models.CASCADE, related_name="tally")
    answers = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    # Answers agreeing (agree or strongly agree), yes, or the counted option.
    counted = models.PositiveIntegerField(default=0)
    # How many gave each option: {"1".."5"} for agreement, {"1", "0"} for yes/no, options by name.
    counts = models.JSONField(default=dict)
    latest = models.DateField(null=True, blank=True)

    def __str__(self):
        return f"{self.answers} answers"
