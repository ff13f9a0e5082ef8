"""Asking, confirming and forgetting, whatever page the form was on."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from clpages.hear_back.tasks import email_after_commit
from clpages.models import EvaluationPage, HearBackRequest, ProgramPage
from clpages.performance.visibility import is_public

# The pages people can ask to hear back about: a program, and its results and learning.
LISTENED_MODELS = (ProgramPage, EvaluationPage)


def listened_page(page_id):
    """The public, live program or results page ``page_id`` names, or None."""
    for model in LISTENED_MODELS:
        page = model.objects.live().filter(pk=page_id).first()
        if page is not None:
            return page if is_public(page) else None
    return None


def ask(page, email):
    """Note that ``email`` would like to hear back about ``page``, and send the link to confirm.

    Asking again for the same page adds nothing: an unconfirmed request gets its link again, a
    confirmed one nothing more. The caller shows the same page either way, so the form never
    tells whether an address had asked before.
    """
    request = HearBackRequest.objects.filter(page=page, email__iexact=email).first()
    if request is None:
        try:
            with transaction.atomic():
                request = HearBackRequest.objects.create(page=page, email=email)
        except IntegrityError:
            # The same address asked at the same moment; that request's link is on its way.
            return
    if request.confirmed_at is None:
        email_after_commit(request.pk, "confirm")


def confirm(request):
    HearBackRequest.objects.filter(pk=request.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )


def forget(request):
    HearBackRequest.objects.filter(pk=request.pk).delete()
