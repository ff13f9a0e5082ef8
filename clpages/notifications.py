"""Emails for the partner co-review step, sent through Wagtail's own notifier classes.

Wagtail already emails the library approval group when a page reaches it, the submitter when the
workflow is approved or changes are requested (with the comment and a link), and superusers on
every submission. This adds what its notifiers cannot know: who the co-reviewing partners are,
and telling the submitter that partners approved and the page moved on to the library.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.signals import task_approved, task_submitted

from .workflows import PartnerCoReviewTaskState


class _CoReviewNotifier(EmailNotificationMixin, Notifier):
    template_directory = "clpages/admin/notifications/"

    def __init__(self):
        super().__init__((PartnerCoReviewTaskState,))

    def get_template_base_prefix(self, instance, **kwargs):
        return "co_review_"

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        workflow_state = task_state.workflow_state
        context.update(
            {
                "task": task_state.task,
                "task_state": task_state,
                "workflow": workflow_state.workflow,
                "page": workflow_state.content_object.specific,
                "requested_by": workflow_state.requested_by,
                "reviewer": task_state.finished_by,
                "comment": task_state.comment,
                "partners": list(task_state.reviewing_partners.all()),
            }
        )
        return context


class CoReviewSubmittedNotifier(_CoReviewNotifier):
    """Asks the members of the co-reviewing organisations to review."""

    notification = "submitted"

    def get_recipient_users(self, task_state, **kwargs):
        recipients = get_user_model().objects.filter(
            partner_organisations__in=task_state.reviewing_partners.all()
        )
        if kwargs.get("user"):
            recipients = recipients.exclude(pk=kwargs["user"].pk)
        return set(recipients)


class CoReviewApprovedNotifier(_CoReviewNotifier):
    """Tells the submitter their co-leads approved and the library reviews it next."""

    notification = "approved"

    def get_recipient_users(self, task_state, **kwargs):
        requested_by = task_state.workflow_state.requested_by
        if requested_by is None or requested_by == kwargs.get("user"):
            return set()
        return {requested_by}


co_review_submitted_notifier = CoReviewSubmittedNotifier()
co_review_approved_notifier = CoReviewApprovedNotifier()


def register_signal_handlers():
    task_submitted.connect(
        co_review_submitted_notifier,
        sender=PartnerCoReviewTaskState,
        dispatch_uid="clpages_co_review_submitted_email",
    )
    task_approved.connect(
        co_review_approved_notifier,
        sender=PartnerCoReviewTaskState,
        dispatch_uid="clpages_co_review_approved_email",
    )
