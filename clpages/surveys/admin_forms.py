"""The survey's form in the admin: what a survey may ask, and which measure each answer feeds."""

from django import forms
from django.apps import apps
from wagtail.admin.forms import WagtailAdminModelForm

from clpages.conf import setting
from clpages.models import EvaluationMeasure, EvaluationPage
from clpages.surveys.access import access_for
from clpages.surveys.models import MAX_OPTIONS
from clpages.surveys.tallies import refresh_figures
from clpages.surveys.vocabulary import STANDARD_OUTCOMES, FeedAs, QuestionKind, SurveyKind

# What each closed kind of question may feed: a share and a count need answers that agree (or
# say yes, or give the counted option); a mean needs numbers.
FEEDS = {
    QuestionKind.YES_NO: {FeedAs.SHARE, FeedAs.MEAN, FeedAs.COUNT},
    QuestionKind.NUMBER: {FeedAs.MEAN, FeedAs.COUNT},
    QuestionKind.CHOICE: {FeedAs.SHARE, FeedAs.COUNT},
    QuestionKind.TEXT: set(),
}
AGREEMENT_FEEDS = {FeedAs.SHARE, FeedAs.MEAN, FeedAs.COUNT}
# Named by its label only: the two optional apps never import each other.
REGISTRATIONS_APP = "clpages.registrations"


def question_problems(data, evaluation_id):
    """{field: message} for one question's cleaned data."""
    kind = data.get("kind")
    problems = {}
    if kind not in STANDARD_OUTCOMES and not (data.get("text") or "").strip():
        problems["text"] = "Write the question."
    options = [line.strip() for line in (data.get("options") or "").splitlines() if line.strip()]
    if kind == QuestionKind.CHOICE:
        if not 2 <= len(options) <= MAX_OPTIONS or len(set(options)) != len(options):
            problems["options"] = f"Give from 2 to {MAX_OPTIONS} different options, one a line."
        if any(len(option) > 200 for option in options):
            problems["options"] = "Keep each option under 200 characters."
    measure, feed_as = data.get("feeds"), data.get("feed_as")
    if measure is None:
        return problems
    if measure.evaluation_id != evaluation_id:
        problems["feeds"] = "Choose a measure of this survey's results and learning page."
    allowed = AGREEMENT_FEEDS if kind in STANDARD_OUTCOMES or kind == QuestionKind.AGREEMENT else FEEDS[kind]
    if not allowed:
        problems["feeds"] = "Free-text answers cannot feed a measure: they are never counted or shown."
    elif feed_as not in allowed:
        problems["feed_as"] = "Choose how answers to this question count: " + ", or ".join(
            FeedAs(value).label.split(" (")[0].lower() for value in sorted(allowed)
        )
    if kind == QuestionKind.CHOICE and feed_as in (FeedAs.SHARE, FeedAs.COUNT):
        if data.get("counted_option", "").strip() not in options:
            problems["counted_option"] = "Name the option that is counted, exactly as it is written."
    return problems


class SurveyAdminForm(WagtailAdminModelForm):
    evaluation = forms.ModelChoiceField(
        queryset=EvaluationPage.objects.none(), label="Results and learning page", empty_label=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        access = access_for(self.for_user) if self.for_user else None
        evaluations = access.evaluations() if access else EvaluationPage.objects.none()
        self.fields["evaluation"].queryset = evaluations.order_by("title")
        measures = EvaluationMeasure.objects.filter(evaluation__in=evaluations.values("pk")).select_related(
            "evaluation"
        )
        for form in self.formsets["questions"].forms + [self.formsets["questions"].empty_form]:
            form.fields["feeds"].queryset = measures.order_by("evaluation__title", "sort_order")
            form.fields["feeds"].label_from_instance = lambda m: f"{m.evaluation.title}: {m.name}"

    def clean(self):
        data = super().clean()
        weeks = data.get("weeks_after")
        if data.get("kind") == SurveyKind.FOLLOW_UP and not weeks:
            self.add_error("weeks_after", "Say how many weeks after the session the follow-up is sent.")
        kept = setting("CLPAGES_REGISTRATION_KEEP_DAYS")
        # Registrants' addresses are erased after the kept days: a later follow-up reaches nobody.
        if weeks and apps.is_installed(REGISTRATIONS_APP) and weeks * 7 >= kept:
            self.add_error(
                "weeks_after",
                f"Registrants' email addresses are erased {kept} days after the session: choose fewer weeks.",
            )
        evaluation = data.get("evaluation")
        seen_kinds, fed = set(), set()
        questions = self.formsets["questions"]
        # Checked here, where the survey's page is known: the question forms are cleaned first.
        questions.is_valid()
        for form in questions.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            if not form.has_changed() and not form.instance.pk:
                continue
            question = form.cleaned_data
            for field, message in question_problems(question, evaluation.pk if evaluation else None).items():
                form.add_error(field, message)
            kind = question.get("kind")
            if kind in STANDARD_OUTCOMES:
                if kind in seen_kinds:
                    form.add_error("kind", "This standard outcome is asked once already.")
                seen_kinds.add(kind)
            if measure := question.get("feeds"):
                if measure.pk in fed:
                    form.add_error("feeds", "Another question of this survey feeds this measure already.")
                fed.add(measure.pk)
        return data

    def save(self, commit=True):
        survey = super().save(commit=False)
        # A survey someone without the right to approve changed waits for approval again.
        if self.for_user and not access_for(self.for_user).approves and survey.pk:
            survey.approved_at = None
            survey.approved_by = None
        if commit:
            survey.save()
            self.save_m2m()
            # A question may now feed another measure, or none: its figure follows at once.
            refresh_figures(survey)
        return survey
