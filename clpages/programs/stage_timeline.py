"""A program's timeline: each publication that changes its stage is recorded, with its date,
the co-leading organisation (or the library) that moved it on, and the editor's note.

Compared with the revision live before, so saving drafts, reverting text or publishing other
changes records nothing, and the first publication records the stage the program starts in.
A translation records nothing: its stage is its original's, and so is its timeline
(docs/consent.md).
"""

from django.utils import timezone
from wagtail.signals import page_published

from clpages.i18n.originals import is_translation
from clpages.models import PartnerMembership, ProgramPage, ProgramStageChange
from clpages.publishing.live_history import previous_live_revision


def _by_partner(program, user_id):
    """The first of the program's organisations the author acts for, or None for library staff."""
    if user_id is None:
        return None
    return (
        PartnerMembership.objects.filter(user_id=user_id, partner_id__in=program.content_organisation_ids())
        .order_by("partner_id")
        .values_list("partner_id", flat=True)
        .first()
    )


def record_stage_change(sender, instance, revision, **kwargs):
    if is_translation(instance):
        return
    previous = previous_live_revision(instance, revision)
    if previous is not None and previous.as_object().stage == instance.stage:
        return
    by_partner = _by_partner(instance, revision.user_id)
    ProgramStageChange.objects.create(
        program=instance,
        stage=instance.stage,
        changed_at=timezone.now(),
        recorded_by_id=revision.user_id,
        by_partner_id=by_partner,
        by_library=by_partner is None,
        note=(instance.stage_change_note or "").strip(),
    )


def connect_signals():
    page_published.connect(record_stage_change, sender=ProgramPage, dispatch_uid="clpages_stage_timeline")
