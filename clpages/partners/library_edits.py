"""Co-leads hear of library edits: when a change made by library staff to a page partners
co-lead goes live, the members of the co-leading organisations are emailed a link to the admin
comparison of the new live version against the one live before.

"Library staff" are the authors of the change who act for none of the page's organisations.
The email goes whether the change was published at once or went through Community review
(in consent mode, clpages.partners.consent, it always does), never to whoever made the change,
and leaves through django-tasks after the publication is saved, as every email of the project
that a person's request should not wait on. Wagtail's notifier classes render it, in each
recipient's preferred language (clpages.partners.notifications).
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django_tasks import task
from django_tasks_db import DatabaseBackend
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import Page, Revision
from wagtail.signals import page_published
from wagtail.users.models import UserProfile

from clpages.models import PartnerMembership
from clpages.partners.linking import PartnerLinkedPage
from clpages.partners.notifications import LoggedEmailsMixin
from clpages.publishing.live_history import previous_live_revision

logger = logging.getLogger("clpages.partners.library_edits")


def _authors(page, previous, revision):
    """Who wrote the revisions between the last live version and this one (this one included)."""
    ids = set(
        Revision.page_revisions.filter(
            object_id=str(page.pk),
            created_at__gt=previous.created_at,
            created_at__lte=revision.created_at,
        ).values_list("user_id", flat=True)
    )
    ids.add(revision.user_id)
    ids.discard(None)
    return ids


def library_edit(page, revision):
    """(previous live revision, organisation ids, staff author ids) when publishing ``revision``
    puts live a change that library staff made to a page partners co-lead; otherwise None.

    The organisations are those of both versions: one the library took off the page hears of it.
    """
    if not isinstance(page, PartnerLinkedPage):
        return None
    previous = previous_live_revision(page, revision)
    if previous is None:
        return None  # A first publication: nothing was live to compare with.
    linked = page.content_organisation_ids() | previous.as_object().content_organisation_ids()
    if not linked:
        return None
    authors = _authors(page, previous, revision)
    partners = set(
        PartnerMembership.objects.filter(user_id__in=authors, partner_id__in=linked).values_list(
            "user_id", flat=True
        )
    )
    staff = authors - partners
    if not staff:
        return None
    return previous, linked, staff


class LibraryEditNotifier(LoggedEmailsMixin, EmailNotificationMixin, Notifier):
    """Tells the co-leading organisations' members what the library changed, with the comparison."""

    email_kind = "library edit"

    notification = "library_edit"
    template_directory = "clpages/admin/notifications/"
    # Partners who asked not to be emailed about pages submitted for review are not emailed
    # about library edits either: Wagtail's profile has no setting of its own for these.
    preference = "submitted_notifications"

    def __init__(self):
        super().__init__((Page,))

    def get_template_base_prefix(self, instance, **kwargs):
        return ""

    def get_recipient_users(self, page, partner_ids=(), exclude=(), **kwargs):
        return set(
            get_user_model()
            .objects.filter(partner_organisations__in=partner_ids)
            .exclude(pk__in=exclude)
            .distinct()
        )

    def get_valid_recipients(self, page, **kwargs):
        return {
            user
            for user in self.get_recipient_users(page, **kwargs)
            if user.is_active and user.email and getattr(UserProfile.get_for_user(user), self.preference)
        }

    def get_context(self, page, previous=None, revision=None, editors=(), **kwargs):
        context = super().get_context(page, **kwargs)
        context.update(
            {
                "page": page,
                "editors": list(editors),
                "compare_path": reverse(
                    "wagtailadmin_pages:revisions_compare", args=(page.pk, previous.pk, revision.pk)
                ),
            }
        )
        return context


library_edit_notifier = LibraryEditNotifier()


@task()
def send_library_edit_emails(page_id, previous_id, revision_id, partner_ids, editor_ids):
    page = Page.objects.filter(pk=page_id).first()
    revisions = {rev.pk: rev for rev in Revision.page_revisions.filter(pk__in=(previous_id, revision_id))}
    if page is None or len(revisions) < 2:
        logger.warning("Library edit of page %s not emailed: the page or its revisions are gone", page_id)
        return False
    editors = get_user_model().objects.filter(pk__in=editor_ids).order_by("pk")
    return library_edit_notifier(
        page.specific,
        previous=revisions[previous_id],
        revision=revisions[revision_id],
        partner_ids=partner_ids,
        exclude=editor_ids,
        editors=editors,
    )


def _published(sender, instance, revision, **kwargs):
    edit = library_edit(instance, revision)
    if edit is None:
        return
    previous, linked, staff = edit
    args = (
        instance.pk,
        previous.pk,
        revision.pk,
        sorted(linked),
        sorted(staff | {revision.user_id} - {None}),
    )
    # Once the publication is saved: the database backend stores the task in its transaction,
    # others are called after the commit, so a rolled-back publication emails nobody.
    if isinstance(send_library_edit_emails.get_backend(), DatabaseBackend):
        send_library_edit_emails.enqueue(*args)
    else:
        transaction.on_commit(lambda: send_library_edit_emails.enqueue(*args))


def connect_signals():
    # Every page type: the sender of a publication is its specific class.
    page_published.connect(_published, dispatch_uid="clpages_library_edit_emails")
