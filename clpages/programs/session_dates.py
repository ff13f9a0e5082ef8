"""Keeps a program's stored dates (SessionOccurrence) and ProgramPage.last_session_end right when
sessions or their changes to single dates change outside a page save.

A session saved on its own rebuilds its dates itself (ProgramSession.save, after its changes are
written); here, a deleted session recounts its program's last end, and a change to a single
date saved or deleted on its own (the shell, an import) rebuilds its session's dates. Inside a
page save the page rebuilds them once at the end (clpages.models.occurrences). Bulk writes
(``bulk_create``, ``QuerySet.update``) send no signals and must call ``refresh_occurrences``
themselves.
"""

from django.db.models.signals import post_delete, post_save

from clpages.models.occurrences import occurrences_are_deferred, refresh_occurrences, store_last_session_end
from clpages.models.sessions import ProgramSession, SessionException


def _session_deleted(sender, instance, **kwargs):
    # Its dates went with it (on_delete=CASCADE); the program's last end is recounted.
    if not occurrences_are_deferred():
        store_last_session_end([instance.program_id])


def _change_saved_or_deleted(sender, instance, origin=None, **kwargs):
    # A change deleted with its session (or its page) has no dates left to rebuild: rebuilding
    # them then would write rows for a session about to go.
    if origin is not None and getattr(origin, "model", type(origin)) is not SessionException:
        return
    if not occurrences_are_deferred():
        refresh_occurrences(session_ids=[instance.session_id])


def connect_signals():
    post_delete.connect(_session_deleted, sender=ProgramSession, dispatch_uid="clpages-session-dates-delete")
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(
            _change_saved_or_deleted, sender=SessionException, dispatch_uid=f"clpages-session-change-{name}"
        )
