"""Publishing a program tells its registrants of any change to their dates at once, rather than
on the scheduled command's next run (which still catches a change saved any other way)."""

from django.apps import apps
from django.db import transaction
from wagtail.signals import page_published

from clpages.registrations.notices import tell_changes


def _program_published(sender, instance, **kwargs):
    program_id = instance.pk
    # Once its sessions and dates are saved for good: a rolled-back publish tells nobody.
    transaction.on_commit(lambda: tell_changes(program_ids=[program_id]))


def connect_signals():
    page_published.connect(
        _program_published,
        sender=apps.get_model("clpages", "ProgramPage"),
        dispatch_uid="clpages-registrations-program-published",
    )
