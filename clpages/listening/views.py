"""The public answer form: no account, works without JavaScript, never stored by the page cache.

The form has its own address, linked from the page that asks, and sets Django's CSRF cookie
itself, so a visitor who came from a cached page always gets a fresh, working form.
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from clpages.conf import setting
from clpages.listening.forms import PRIVACY, AnswerForm
from clpages.listening.models import ListeningAnswer, ListeningQuestion
from clpages.listening.pages import may_ask
from clpages.performance.visibility import public
from clpages.public_forms import posts_limited

RATE_GROUP = "clpages.listening"


def _asking(question_id):
    """The question and its public page, or 404 when it is not asking anyone now."""
    question = ListeningQuestion.objects.filter(
        pk=question_id, is_open=True, approved_at__isnull=False
    ).first()
    if question is None:
        raise Http404
    page = public(apps.get_model("wagtailcore", "Page").objects.filter(pk=question.page_id).live()).first()
    if page is None or not may_ask(page.specific):
        raise Http404
    return question, page.specific


def limited(request):
    """Whether this client has sent too many answers: every POST counts, whatever it holds."""
    return posts_limited(request, RATE_GROUP, setting("CLPAGES_LISTENING_RATE"))


def _render(request, question, page, form, status=200, problem=""):
    context = {
        "question": question,
        "page": page,
        "form": form,
        "problem": problem,
        "privacy": PRIVACY.format(days=setting("CLPAGES_LISTENING_KEEP_DAYS")),
    }
    return TemplateResponse(request, "clpages_listening/answer.html", context, status=status)


@never_cache
def answer(request, question_id):
    question, page = _asking(question_id)
    if request.method != "POST":
        return _render(request, question, page, AnswerForm())
    form = AnswerForm(request.POST)
    if limited(request):
        problem = _(
            "Many answers have come from this connection in the last hour, so we could not take "
            "this one. Please try again later, or tell the library in person."
        )
        return _render(request, question, page, form, 429, problem)
    if form.is_spam:
        return _render(
            request,
            question,
            page,
            form,
            400,
            _("We could not take this answer. Please leave the last field empty."),
        )
    if not form.is_valid():
        return _render(request, question, page, form, 400)
    data = form.cleaned_data
    ListeningAnswer.objects.create(
        question=question,
        text=data["text"],
        credit=data["credit"],
        language=data["language"],
        consent=data["consent"],
    )
    return redirect(reverse("clpages_listening:thanks", args=[question.pk]))


@never_cache
def thanks(request, question_id):
    question, page = _asking(question_id)
    context = {"question": question, "page": page, "days": setting("CLPAGES_LISTENING_KEEP_DAYS")}
    return TemplateResponse(request, "clpages_listening/thanks.html", context)
