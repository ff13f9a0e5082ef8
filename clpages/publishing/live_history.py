"""Which revision was live before a publication: what its changes are compared with."""

from wagtail.models import PageLogEntry

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def previous_live_revision(page, revision):
    """The revision that was live before ``revision`` was published, or None the first time.

    Read from the publication log: Wagtail writes the publication's entry after its
    `page_published` signal, so while the signal runs the latest entry is the last publication.
    """
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False)
        .exclude(revision_id=revision.pk)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry else None
