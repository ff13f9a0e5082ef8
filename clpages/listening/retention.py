"""Erasing answers a set number of days after they arrive (``CLPAGES_LISTENING_KEEP_DAYS``).

Erased: the words and the credit. Kept, with nothing anyone wrote: the row's question, date,
language, status and consent, so the library can still say how many people answered. A quote
shown on its page with consent keeps its words, credit and language, which is what the page
shows and nothing more; once it is no longer shown, it is erased on the next run.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from clpages.conf import setting
from clpages.listening.models import AnswerStatus, ListeningAnswer


def erase_answers(now=None):
    """Erase the answers older than the kept days, except quotes shown with consent; how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=setting("CLPAGES_LISTENING_KEEP_DAYS"))
    shown = Q(status=AnswerStatus.PROMOTED, consent=True)
    return (
        ListeningAnswer.objects.filter(erased_at__isnull=True, created_at__lt=cutoff)
        .exclude(shown)
        .update(text="", credit="", erased_at=now)
    )
