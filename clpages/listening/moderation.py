"""Changes to questions and answers, and the page cache they make stale.

What a page shows of its listening (its open question, its quotes) is part of the public page,
so a change to either starts a new content generation once it commits: the next anonymous
visitor gets the page as it now is (clpages.performance.cache).
"""

from django.db import transaction
from django.utils import timezone

from clpages.listening.models import AnswerStatus, ListeningAnswer, ListeningQuestion
from clpages.performance.cache import new_generation

ACTIONS = {"promote": AnswerStatus.PROMOTED, "keep": AnswerStatus.KEPT, "hide": AnswerStatus.HIDDEN}


class Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _page_changed():
    transaction.on_commit(new_generation)


def save_question(question, *, page, text, is_open, user, approves):
    """Create or change a question. Someone who may not approve sends it back for approval."""
    creating = question is None
    question = question or ListeningQuestion(set_by=user)
    changed_words = creating or question.text != text or question.page_id != page.pk
    question.page = page
    question.text = text
    question.is_open = is_open
    if approves and (changed_words or question.approved_at is None):
        question.approved_at = timezone.now()
        question.approved_by = user
    elif not approves and changed_words:
        # New words from a partner go live only once the library has read them.
        question.approved_at = None
        question.approved_by = None
    question.save()
    _page_changed()
    return question


def approve_question(question, user):
    question.approved_at = timezone.now()
    question.approved_by = user
    question.save(update_fields=["approved_at", "approved_by"])
    _page_changed()


def moderate(answer_id, action, user):
    """Promote, keep or hide one answer; the answer as it now is."""
    status = ACTIONS.get(action)
    if status is None:
        raise Refused("Choose whether to show this answer as a quote, keep it for the team, or hide it.")
    with transaction.atomic():
        answer = ListeningAnswer.objects.select_for_update().get(pk=answer_id)
        if answer.erased_at is not None:
            raise Refused("This answer has been erased, as every answer is after the time we keep them.")
        if status == AnswerStatus.PROMOTED and not answer.can_be_quoted:
            raise Refused(
                "This person did not agree to be quoted, so their answer cannot be shown on the website."
            )
        was_shown = answer.status == AnswerStatus.PROMOTED
        answer.status = status
        answer.moderated_at = timezone.now()
        answer.moderated_by = user
        answer.save(update_fields=["status", "moderated_at", "moderated_by"])
        if was_shown or status == AnswerStatus.PROMOTED:
            _page_changed()
    return answer
