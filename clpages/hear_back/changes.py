"""Publishing results or what changed writes, once, to everyone who confirmed they would like to hear.

What counts is what the public sees change: a results page published with new findings, a new
"what changed as a result", or results or "You said, we did" lines typed in the page that its
last public version did not have, compared with the revision that was live before. A results
page's news is also its program's: people who asked on the program page hear about it too.
Results recorded from surveys or imports are not in revisions; they are shared with the page's
next publication.
"""

from django.db import transaction
from wagtail.signals import page_published

from clpages.hear_back.tasks import email_after_commit
from clpages.models import EvaluationPage, HearBackRequest
from clpages.performance.visibility import is_public
from clpages.publishing.live_history import previous_live_revision

# The text fields whose news people asked to hear; a field added here is compared the same way.
SHARED_FIELDS = {EvaluationPage: ("findings", "what_changed")}


def _texts(page, fields):
    return {name: (getattr(page, name) or "").strip() for name in fields}


def _rows(page):
    """What a version shares besides its texts: results typed in the page, and its "You said, we
    did" lines (one whose status moved on is news too)."""
    results = {
        ("result", measure.name, result.date, result.value, result.note)
        for measure in page.measures.all()
        for result in measure.entered_results.all()
    }
    responses = {("response", line.you_said, line.we_did, line.status) for line in page.responses.all()}
    return results | responses


def shares_news(page, revision):
    """Whether publishing ``revision`` shares results or changes its last public version had not."""
    fields = SHARED_FIELDS[type(page)]
    previous = previous_live_revision(page, revision)
    before = previous.as_object() if previous else None
    now = revision.as_object()
    old_texts = _texts(before, fields) if before else {}
    if any(text and text != old_texts.get(name, "") for name, text in _texts(now, fields).items()):
        return True
    return bool(_rows(now) - (_rows(before) if before else set()))


def listened_page_ids(page):
    ids = [page.pk]
    if getattr(page, "program_id", None):
        ids.append(page.program_id)
    return ids


def tell_listeners(page):
    """One email to every confirmed request about ``page`` or its program, about ``page``."""
    confirmed = HearBackRequest.objects.filter(
        page_id__in=listened_page_ids(page), confirmed_at__isnull=False
    )
    for request_id in confirmed.values_list("pk", flat=True):
        email_after_commit(request_id, "shared", page.pk)


def _published(sender, instance, revision, **kwargs):
    if not is_public(instance) or not shares_news(instance, revision):
        return
    # Once the publication is saved for good: a rolled-back one tells nobody.
    transaction.on_commit(lambda: tell_listeners(instance))


def connect_signals():
    for model in SHARED_FIELDS:
        page_published.connect(_published, sender=model, dispatch_uid=f"clpages-hear-back-{model.__name__}")
