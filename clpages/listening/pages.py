"""Which pages may ask a question, and what a page shows of its listening.

Programs ask while the community is still shaping them (the first three stages); partnerships and
results and learning pages may always ask. A program's "What we heard" quotes show on its own
page and on its results and learning pages too.
"""

from django.apps import apps
from django.db.models import Q
from django.urls import reverse

from clpages.listening.languages import tag_of
from clpages.listening.models import AnswerStatus, ListeningAnswer, ListeningQuestion
from clpages.partners.scope import linked_pages
from clpages.performance.cache import shared
from clpages.stages import Stage
from clpages.voices import HeardQuote, Listening, OpenQuestion

LAST_ASKING_STAGE = Stage.PLAN
# A page shows at most this many quotes, the most recently chosen first.
MAX_QUOTES = 12


def _model(name):
    return apps.get_model("clpages", name)


def may_ask(page):
    """Whether this page (any of its classes) may have a question open."""
    specific = page.specific_deferred if type(page) is apps.get_model("wagtailcore", "Page") else page
    if isinstance(specific, _model("ProgramPage")):
        return specific.stage <= LAST_ASKING_STAGE
    return isinstance(specific, (_model("PartnershipPage"), _model("EvaluationPage")))


def asking_pages(partner_ids=None):
    """The pages a question may be set on, for everyone (None) or these organisations only."""
    eligible = (
        Q(pk__in=_model("ProgramPage").objects.filter(stage__lte=LAST_ASKING_STAGE).values("pk"))
        | Q(pk__in=_model("PartnershipPage").objects.values("pk"))
        | Q(pk__in=_model("EvaluationPage").objects.values("pk"))
    )
    pages = apps.get_model("wagtailcore", "Page").objects.filter(eligible)
    if partner_ids is not None:
        pages = pages.filter(linked_pages(partner_ids))
    return pages.order_by("title", "pk")


def asking_question(page_id):
    return ListeningQuestion.objects.filter(page_id=page_id, is_open=True, approved_at__isnull=False).first()


def promoted_answers(page_ids):
    return (
        ListeningAnswer.objects.filter(
            question__page_id__in=page_ids, status=AnswerStatus.PROMOTED, consent=True, erased_at__isnull=True
        )
        .exclude(text="")
        .select_related("language")
        .order_by("-moderated_at", "-pk")[:MAX_QUOTES]
    )


def _quote(answer):
    lang, direction = tag_of(answer.language)
    return HeardQuote(text=answer.text, credit=answer.credit, lang=lang, direction=direction)


def listening_of(page):
    """The hook's answer for a page (clpages.voices.LISTENING_HOOK).

    Shared by every request until public content next changes (clpages.performance.cache): the
    question and the quotes are public, the same for everyone, and every change to them starts a
    new content generation (clpages.listening.moderation), so a page view pays no query for them.
    """
    if page is None or page.pk is None:
        return None
    asks = may_ask(page)
    return shared(f"listening:{page.pk}:{int(asks)}", lambda: _read(page, asks))


def _read(page, asks):
    question = asking_question(page.pk) if asks else None
    page_ids = [page.pk]
    program_id = getattr(page, "program_id", None)
    if isinstance(page, _model("EvaluationPage")) and program_id:
        page_ids.append(program_id)
    asked = (
        OpenQuestion(text=question.text, url=reverse("clpages_listening:answer", args=[question.pk]))
        if question
        else None
    )
    return Listening(question=asked, quotes=tuple(_quote(answer) for answer in promoted_answers(page_ids)))
