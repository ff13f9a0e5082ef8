"""Emails for the partner co-review step, sent through Wagtail's own notifier classes.

Wagtail already emails the library approval group when a page reaches it, the submitter when the
workflow is approved or changes are requested (with the comment and a link), and superusers on
every submission. This adds what its notifiers cannot know: who the co-reviewing partners are,
and telling the submitter that partners approved and the page moved on to the library.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.admin.mail import EmailNotificationMixin, Notifier, send_mail
from wagtail.signals import task_approved, task_submitted

from clpages.models import PartnerCoReviewTaskState
from clpages.partners import review_emails
from clpages.single_line import one_line

logger = logging.getLogger("clpages.partners.notifications")


class LoggedEmailsMixin:
    """Wagtail's sending loop, in each recipient's preferred language, with a subject that is
    always a valid header and failures logged as errors.

    Wagtail logs a failure with the recipient's address and carries on; here the log says
    which email, page and account (by id) missed out, so someone can follow it up.
    """

    email_kind = "community"  # named in the log: which of the community emails failed

    def send_emails(self, template_set, context, recipients, **kwargs):
        sent = 0
        try:
            with get_connection() as connection:
                for recipient in recipients:
                    sent += self._send_one(template_set, context, recipient, connection)
        except OSError:
            # The mail server could not be reached; the review or publication must still go ahead.
            logger.error(
                "Could not reach the mail server: %s %s %r emails about page %s not sent",
                len(recipients) - sent,
                self.email_kind,
                self.notification,
                context["page"].pk,
                exc_info=True,
            )
        return sent == len(recipients)

    def _send_one(self, template_set, context, recipient, connection):
        context["user"] = recipient
        with override(recipient.wagtail_userprofile.get_preferred_language()):
            subject = one_line(render_to_string(template_set["subject"], context))
            text = render_to_string(template_set["text"], context).strip()
            html = None
            if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
                html = render_to_string(template_set["html"], context)
        try:
            send_mail(subject, text, [recipient.email], connection=connection, html_message=html)
        except Exception:
            logger.error(
                "Could not send the %s %r email about page %s to user %s",
                self.email_kind,
                self.notification,
                context["page"].pk,
                recipient.pk,
                exc_info=True,
            )
            return 0
        return 1


class _CoReviewNotifier(LoggedEmailsMixin, EmailNotificationMixin, Notifier):
    template_directory = "clpages/admin/notifications/"
    email_kind = "co-review"

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
    review_emails.register_signal_handlers()
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
