"""The public survey: answered without an account, with JavaScript or without, then thanked.

Never stored by the page cache (``never_cache``; the form sets the CSRF cookie). A refused
answer (too many from one connection, the hidden field filled in, too much data, an answer not
on the form) saves nothing and shows the form again with what was typed.
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from clpages.conf import setting
from clpages.performance.visibility import is_public
from clpages.public_forms import posts_limited
from clpages.surveys.forms import MAX_POST_BYTES, PRIVACY, SurveyForm
from clpages.surveys.models import Survey
from clpages.surveys.tallies import record_answers

RATE_GROUP = "clpages.surveys"

TOO_MANY = _(
    "Many answers have come from this connection in the last hour, so we could not take this one. "
    "Please try again later, or ask the library for a paper copy."
)
SPAM = _("We could not take these answers. Please leave the last field empty.")
TOO_LONG = _("These answers are longer than this survey takes. Please shorten them and send them again.")


def public_survey(survey_id):
    """The survey anyone may answer now, or 404: open, approved, its page published and public."""
    survey = Survey.objects.select_related("evaluation").filter(pk=survey_id).first()
    if survey is None or not survey.is_public:
        raise Http404
    evaluation_model = apps.get_model("clpages", "EvaluationPage")
    evaluation = evaluation_model.objects.filter(pk=survey.evaluation_id).live().first()
    if evaluation is None or not is_public(evaluation):
        raise Http404
    survey.evaluation = evaluation
    return survey


def limited(request):
    """Whether this client has sent too many answers: every POST counts."""
    return posts_limited(request, RATE_GROUP, setting("CLPAGES_SURVEY_RATE"))


def context_for(survey, form, **extra):
    return {
        "survey": survey,
        "evaluation": survey.evaluation,
        "form": form,
        "privacy": PRIVACY.format(minimum=setting("CLPAGES_SURVEY_MIN_ANSWERS")),
        **extra,
    }


def oversized(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_POST_BYTES
    except ValueError:
        return True


@never_cache
def answer(request, survey_id):
    survey = public_survey(survey_id)
    questions = survey.ordered_questions()
    template = "clpages_surveys/answer.html"
    if request.method != "POST":
        return TemplateResponse(request, template, context_for(survey, SurveyForm(questions=questions)))

    if oversized(request):
        # Not read at all: the form comes back empty, with a message saying why.
        form = SurveyForm(questions=questions)
        return TemplateResponse(request, template, context_for(survey, form, problem=TOO_LONG), status=413)
    form = SurveyForm(request.POST, questions=questions)
    status, problem = 400, ""
    if limited(request):
        status, problem = 429, TOO_MANY
    elif form.is_spam:
        problem = SPAM
    elif form.is_valid():
        record_answers(survey, form.given())
        return redirect(reverse("clpages_surveys:thanks", args=[survey.pk]))
    return TemplateResponse(request, template, context_for(survey, form, problem=problem), status=status)


@never_cache
def thanks(request, survey_id):
    survey = public_survey(survey_id)
    return TemplateResponse(
        request, "clpages_surveys/thanks.html", {"survey": survey, "evaluation": survey.evaluation}
    )


def answer_path(survey):
    return reverse("clpages_surveys:answer", args=[survey.pk])
