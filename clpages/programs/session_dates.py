"""Keeps ProgramPage.last_session_end right when sessions change outside a page save.

Sessions saved one by one (the shell, imports, a page revision's commit) or deleted update their
program's date here; bulk writes (``bulk_create``, ``QuerySet.update``) send no signals and must
call ``refresh_last_session_end`` themselves.
"""

from django.db.models.signals import post_delete, post_init, post_save

from clpages.models.programs import ProgramSession, refresh_last_session_end


def _remember_program(sender, instance, **kwargs):
    # A session moved to another program leaves its old program's date to recount too.
    # Read without loading: a deferred program_id must not cost a query per session.
    instance._loaded_program_id = instance.__dict__.get("program_id")


def _session_changed(sender, instance, **kwargs):
    old = getattr(instance, "_loaded_program_id", None)
    refresh_last_session_end({instance.program_id, old})
    instance._loaded_program_id = instance.program_id


def connect_signals():
    post_init.connect(_remember_program, sender=ProgramSession, dispatch_uid="clpages-session-dates-init")
    post_save.connect(_session_changed, sender=ProgramSession, dispatch_uid="clpages-session-dates-save")
    post_delete.connect(_session_changed, sender=ProgramSession, dispatch_uid="clpages-session-dates-delete")
